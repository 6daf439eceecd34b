package dev.depot.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientIdsTest extends StoreTestSupport {

    @Test
    void aClientIdIsHeldByOneConnectionAcrossNodesUntilReleased() {
        DepotStore other = anotherNode();
        assertThat(StoreTestSupport.<Boolean>tx(c -> store.clientIds().claim(c, "app-1", "conn-a"))).isTrue();
        assertThat(StoreTestSupport.<Boolean>tx(c -> other.clientIds().claim(c, "app-1", "conn-b"))).isFalse();

        tx(c -> {
            store.clientIds().release(c, "app-1", "conn-a");
            return null;
        });

        assertThat(StoreTestSupport.<Boolean>tx(c -> other.clientIds().claim(c, "app-1", "conn-b"))).isTrue();
    }

    @Test
    void aClosedNodeFreesItsClientIds() {
        DepotStore other = anotherNode();
        assertThat(StoreTestSupport.<Boolean>tx(c -> other.clientIds().claim(c, "app-2", "conn-b"))).isTrue();

        other.close();

        assertThat(StoreTestSupport.<Boolean>tx(c -> store.clientIds().claim(c, "app-2", "conn-a"))).isTrue();
    }
}
