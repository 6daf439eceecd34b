package dev.depot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesTest extends StoreTestSupport {

    @Test
    void theClaimsAndTemporaryQueuesOfANodeThatStoppedBeatingAreReleasedByAnother() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "work"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "a"), message(queue.id(), 4, "b"))));
        // A node that claimed both messages and created a temporary queue, then went silent: all in
        // one transaction, or the survivors could remove it before its temporary queue exists.
        long ghost = tx(c -> {
            long id = silentNodeClaimingEverything(c);
            c.createStatement().executeUpdate("insert into " + schema
                    + ".depot_queue (name, temporary, owner_node) values ('ghost-temp', true, " + id + ")");
            return id;
        });

        awaitRemoved(ghost);

        List<StoredDelivery> again = tx(c -> store.deliveries().claim(c, queue.id(), 10, now()));
        assertThat(again).hasSize(2).allSatisfy(d -> assertThat(d.deliveryCount()).isEqualTo(2));
        assertThat(found("ghost-temp")).isEmpty();
    }

    @Test
    void aDeadNodesNonPersistentClaimsAreDroppedWithTheirMessagesWhileItsPersistentOnesGoBack() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "mixed"));
        OutgoingMessage once = new OutgoingMessage(nextId(), queue.id(), false, 4, 0, 0, "h".getBytes(),
                "once".getBytes(), OutgoingMessage.Origin.NONE, false);
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "kept"), once)));
        long ghost = tx(this::silentNodeClaimingEverything);

        awaitRemoved(ghost);

        // The non-persistent message may have reached the dead node's application: it is not delivered again.
        assertThat(claimed(store, queue.id(), 10, now())).extracting(d -> new String(d.body())).containsExactly("kept");
        assertThat(count("select count(*) from " + schema + ".depot_message where id = " + once.messageId())).isZero();
    }

    /** A node whose heartbeat stopped an hour ago, holding every delivery (claimed once); its id. */
    private long silentNodeClaimingEverything(java.sql.Connection c) throws java.sql.SQLException {
        var rs = c.createStatement().executeQuery("insert into " + schema
                + ".depot_node (name, heartbeat_at) values ('ghost', now() - interval '1 hour') returning id");
        rs.next();
        long id = rs.getLong(1);
        c.createStatement().executeUpdate("update " + schema + ".depot_delivery set claimed_by = " + id
                + ", delivery_count = 1");
        return id;
    }

    private void awaitRemoved(long node) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                count("select count(*) from " + schema + ".depot_node where id = " + node) == 0);
    }

    @Test
    void aCommittedEnqueueWakesTheWaitersOfAnotherNode() throws Exception {
        DepotStore other = anotherNode();
        QueueInfo queue = tx(c -> store.queues().ensure(c, "wake"));
        Wakeups.Signal signal = other.wakeups().signal(queue.id());
        long seen = signal.epoch();

        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "ping"))));

        assertThat(signal.awaitChange(seen, 5_000)).isTrue();
    }

    @Test
    void anUncommittedEnqueueWakesNobody() throws Exception {
        DepotStore other = anotherNode();
        QueueInfo queue = tx(c -> store.queues().ensure(c, "quiet"));
        Wakeups.Signal signal = other.wakeups().signal(queue.id());
        long seen = signal.epoch();

        try (var c = dev.depot.store.testing.TestDatabase.connect()) {
            c.setAutoCommit(false);
            store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "ping")));
            assertThat(signal.awaitChange(seen, 500)).isFalse();
            c.rollback();
        }
        assertThat(signal.awaitChange(seen, 500)).isFalse();
    }

    @Test
    void closingANodeReleasesItsClaimsAndRemovesItsRow() {
        DepotStore other = anotherNode();
        QueueInfo queue = tx(c -> other.queues().ensure(c, "q"));
        tx(c -> other.deliveries().enqueue(c, List.of(message(queue.id(), 4, "a"))));
        assertThat(claimed(other, queue.id(), 10, now())).hasSize(1);
        long otherId = other.nodeId();

        other.close();

        assertThat(count("select count(*) from " + schema + ".depot_node where id = " + otherId)).isZero();
        assertThat(claimed(store, queue.id(), 10, now())).hasSize(1);
    }
}
