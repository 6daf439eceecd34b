package dev.depot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QueuesTest extends StoreTestSupport {

    @Test
    void aQueueIsCreatedOnceAndFoundByName() {
        QueueInfo first = tx(c -> store.queues().ensure(c, "orders"));
        QueueInfo again = tx(c -> anotherNode().queues().ensure(c, "orders"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.maxDeliveryCount()).isEqualTo(10);
        assertThat(first.deadLetterQueue()).isEqualTo("DLQ");
        assertThat(count("select count(*) from " + schema + ".depot_queue")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x'; DROP TABLE depot_queue; --",
        "Robert'); DELETE FROM depot_message WHERE ('1'='1",
        "\"quoted\" ; SELECT * FROM pg_user",
        "naïve/ünïcødé:queue#1"})
    void namesFullOfSqlAreStoredAndMatchedAsPlainText(String name) {
        QueueInfo queue = tx(c -> store.queues().ensure(c, name));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "payload"))));

        assertThat(found(name)).get().extracting(QueueInfo::name).isEqualTo(name);
        assertThat(claimed(store, queue.id(), 10, now())).hasSize(1);
        assertThat(count("select count(*) from " + schema + ".depot_queue")).isEqualTo(1);
    }

    @Test
    void badNamesAreRefusedWithAMessageThatSaysWhy() {
        assertInvalid(null, "must not be null");
        assertInvalid("", "must not be empty");
        assertInvalid("x".repeat(256), "256 characters long; the limit is 255");
        assertInvalid(" padded", "white space");
        assertInvalid("tab\there", "control character U+0009");
        assertThat(Queues.validateName("y".repeat(255))).hasSize(255);
        assertThat(count("select count(*) from " + schema + ".depot_queue")).isZero();
    }

    private void assertInvalid(String name, String message) {
        assertThatThrownBy(() -> tx(c -> store.queues().ensure(c, name)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_INPUT));
    }

    @Test
    void configureSetsTheDeliveryRulesAndValidatesThem() {
        QueueInfo queue = tx(c -> store.queues().configure(c, "q", 3, "q.dead", 250));
        assertThat(queue.maxDeliveryCount()).isEqualTo(3);
        assertThat(queue.deadLetterQueue()).isEqualTo("q.dead");
        assertThat(queue.redeliveryDelayMillis()).isEqualTo(250);
        assertThat(tx(c -> store.queues().ensure(c, "q")).maxDeliveryCount()).isEqualTo(3);

        assertThatThrownBy(() -> tx(c -> store.queues().configure(c, "q", 0, "DLQ", 0)))
                .hasMessageContaining("maxDeliveryCount is 0");
        assertThatThrownBy(() -> tx(c -> store.queues().configure(c, "q", 1, "DLQ", -1)))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void deletingATemporaryQueueDeletesItsMessages() {
        QueueInfo temp = tx(c -> store.queues().createTemporary(c, "temp-1", "conn-1"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(temp.id(), 4, "a"))));
        assertThat(temp.temporary()).isTrue();
        assertThat(temp.ownerNode()).isEqualTo(store.nodeId());

        tx(c -> {
            store.queues().delete(c, temp);
            return null;
        });

        assertThat(found("temp-1")).isEmpty();
        assertThat(count("select count(*) from " + schema + ".depot_message")).isZero();
    }

    @Test
    void aSecondStartOfTheSameSchemaFindsItMigrated() {
        DepotStore other = anotherNode();
        assertThat(other.nodeId()).isNotEqualTo(store.nodeId());
        assertThat(count("select count(*) from " + schema + ".depot_schema_history where success")).isPositive();
    }
}
