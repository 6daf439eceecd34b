package dev.depot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.depot.store.testing.TestDatabase;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

/** The entities and the Flyway migrations describe the same schema. */
class SchemaMappingTest extends StoreTestSupport {

    @Test
    void theEntitiesMatchTheMigratedSchema() {
        assertThatCode(() -> {
            try (SessionFactory validating = new HibernatePersistenceConfiguration("validate")
                    .managedClasses(DepotStore.ENTITIES)
                    .jdbcUrl(TestDatabase.url())
                    .property("hibernate.default_schema", schema)
                    .property("hibernate.hbm2ddl.auto", "validate")
                    .createEntityManagerFactory()) {
                assertThat(validating.isOpen()).isTrue();
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void theEntitiesReadWhatTheStoreWrote() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "mapped"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 6, "row"))));

        List<DeliveryEntity> deliveries = tx(c -> {
            try (var session = store.openSession(c)) {
                return session.createSelectionQuery("from DeliveryEntity", DeliveryEntity.class).getResultList();
            }
        });
        List<MessageEntity> messages = tx(c -> {
            try (var session = store.openSession(c)) {
                return session.createSelectionQuery("from MessageEntity", MessageEntity.class).getResultList();
            }
        });

        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.key().queueId()).isEqualTo(queue.id());
            assertThat(d.key().priority()).isEqualTo(6);
            assertThat(d.isClaimed()).isFalse();
        });
        assertThat(messages).singleElement().satisfies(m -> assertThat(new String(m.body())).isEqualTo("row"));
    }
}
