package dev.depot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveriesTest extends StoreTestSupport {

    private List<String> bodies(List<StoredDelivery> deliveries) {
        return deliveries.stream().map(d -> new String(d.body())).toList();
    }

    @Test
    void claimsInPriorityThenArrivalOrderAndCountsTheDelivery() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "orders"));
        tx(c -> store.deliveries().enqueue(c, List.of(
                message(queue.id(), 4, "a"), message(queue.id(), 9, "b"),
                message(queue.id(), 4, "c"), message(queue.id(), 0, "d"))));

        List<StoredDelivery> claimed = tx(c -> store.deliveries().claim(c, queue.id(), 10, now()));

        assertThat(bodies(claimed)).containsExactly("b", "a", "c", "d");
        assertThat(claimed).allSatisfy(d -> assertThat(d.deliveryCount()).isEqualTo(1));
        assertThat(new String(claimed.get(0).headers())).isEqualTo("h:b");
    }

    @Test
    void aClaimedDeliveryIsNotClaimedAgainAndAcknowledgeDeletesItAndItsMessage() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "q"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "x"))));

        List<StoredDelivery> first = tx(c -> store.deliveries().claim(c, queue.id(), 10, now()));
        List<StoredDelivery> second = tx(c -> store.deliveries().claim(c, queue.id(), 10, now()));
        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();

        int acknowledged = tx(c -> store.deliveries().acknowledge(c, List.of(first.get(0).key())).size());
        assertThat(acknowledged).isEqualTo(1);
        assertThat(count("select count(*) from " + schema + ".depot_delivery")).isZero();
        assertThat(count("select count(*) from " + schema + ".depot_message")).isZero();
        assertThat(depth(queue.id())).isZero();
    }

    @Test
    void aRolledBackEnqueueLeavesNothingBehind() throws Exception {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "q"));
        try (Connection c = dev.depot.store.testing.TestDatabase.connect()) {
            c.setAutoCommit(false);
            store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "never")));
            c.rollback();
        }
        assertThat(count("select count(*) from " + schema + ".depot_message")).isZero();
        assertThat(claimed(store, queue.id(), 10, now())).isEmpty();
    }

    @Test
    void aLimitedClaimTakesNoMoreThanItsLimitFromALargeAnalyzedBacklog() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "backlog"));
        for (int batch = 0; batch < 10; batch++) {
            tx(c -> store.deliveries().enqueue(c,
                    IntStream.range(0, 1000).mapToObj(i -> message(queue.id(), 4, "m" + i)).toList()));
        }
        tx(c -> {
            c.createStatement().execute("ANALYZE " + schema + ".depot_delivery");
            return null;
        });

        List<StoredDelivery> claimed = tx(c -> store.deliveries().claim(c, queue.id(), 100, now()));

        assertThat(claimed).hasSize(100);
        assertThat(count("select count(*) from " + schema + ".depot_delivery where claimed_by is not null"))
                .isEqualTo(100);
    }

    @Test
    void concurrentClaimersNeverShareADeliveryAndNeverWaitForEachOther() throws Exception {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "shared"));
        tx(c -> store.deliveries().enqueue(c,
                IntStream.range(0, 10).mapToObj(i -> message(queue.id(), 4, "m" + i)).toList()));

        try (Connection holder = dev.depot.store.testing.TestDatabase.connect()) {
            holder.setAutoCommit(false);
            // An open transaction holds its claimed rows locked; another claimer must skip them.
            List<StoredDelivery> held = store.deliveries().claim(holder, queue.id(), 4, now());
            List<StoredDelivery> other = tx(c -> store.deliveries().claim(c, queue.id(), 100, now()));
            assertThat(held).hasSize(4);
            assertThat(other).hasSize(6);
            Set<Long> ids = new HashSet<>();
            held.forEach(d -> ids.add(d.messageId()));
            other.forEach(d -> ids.add(d.messageId()));
            assertThat(ids).hasSize(10);
            holder.commit();
        }
    }

    @Test
    void manyThreadsClaimEveryMessageExactlyOnce() throws Exception {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "race"));
        tx(c -> store.deliveries().enqueue(c,
                IntStream.range(0, 2000).mapToObj(i -> message(queue.id(), i % 10, "m" + i)).toList()));
        List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            new Thread(() -> {
                try {
                    while (true) {
                        List<StoredDelivery> got = tx(c -> store.deliveries().claim(c, queue.id(), 7, now()));
                        if (got.isEmpty()) {
                            break;
                        }
                        got.forEach(d -> seen.add(d.messageId()));
                    }
                } finally {
                    done.countDown();
                }
            }).start();
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(2000).doesNotHaveDuplicates();
    }

    @Test
    void releaseKeepsTheCountOfDeliveredMessagesAndRestoresItForUndeliveredOnes() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "q"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "a"), message(queue.id(), 4, "b"))));
        List<StoredDelivery> claimed = tx(c -> store.deliveries().claim(c, queue.id(), 10, now()));

        tx(c -> {
            store.deliveries().release(c, List.of(
                    new Release(claimed.get(0).key(), true), new Release(claimed.get(1).key(), false)), now());
            return null;
        });
        List<StoredDelivery> again = tx(c -> store.deliveries().claim(c, queue.id(), 10, now()));

        assertThat(bodies(again)).containsExactly("a", "b");
        assertThat(again.get(0).deliveryCount()).isEqualTo(2);
        assertThat(again.get(1).deliveryCount()).isEqualTo(1);
    }

    @Test
    void aRedeliveryDelayHidesAReleasedMessageForThatLong() {
        tx(c -> store.queues().configure(c, "slow", 5, "DLQ", 60_000));
        QueueInfo queue = tx(c -> store.queues().ensure(c, "slow"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "a"))));
        List<StoredDelivery> claimed = tx(c -> store.deliveries().claim(c, queue.id(), 10, now()));
        long releasedAt = now();
        tx(c -> {
            store.deliveries().release(c, List.of(new Release(claimed.get(0).key(), true)), releasedAt);
            return null;
        });

        assertThat(claimed(store, queue.id(), 10, releasedAt + 59_000)).isEmpty();
        assertThat(claimed(store, queue.id(), 10, releasedAt + 60_000)).hasSize(1);
    }

    @Test
    void aMessageIsInvisibleBeforeItsDeliveryTime() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "later"));
        long at = now() + 5_000;
        tx(c -> store.deliveries().enqueue(c, List.of(new OutgoingMessage(nextId(), queue.id(), 4, at, 0, new byte[1], null))));

        assertThat(claimed(store, queue.id(), 10, at - 1)).isEmpty();
        assertThat(browsed(store, queue.id(), Deliveries.start(queue.id()), 10, at - 1)).isEmpty();
        assertThat(claimed(store, queue.id(), 10, at)).hasSize(1);
    }

    @Test
    void expiredMessagesAreNeverClaimedAndAreRemoved() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "perishable"));
        long expiry = now() + 1_000;
        tx(c -> store.deliveries().enqueue(c, List.of(
                new OutgoingMessage(nextId(), queue.id(), 4, 0, expiry, new byte[1], "old".getBytes()),
                message(queue.id(), 4, "fresh"))));

        assertThat(StoreTestSupport.<Integer>tx(c -> store.deliveries().expire(c, expiry))).isEqualTo(1);
        assertThat(count("select count(*) from " + schema + ".depot_message")).isEqualTo(1);
        List<StoredDelivery> claimed = tx(c -> store.deliveries().claim(c, queue.id(), 10, expiry + 1));
        assertThat(bodies(claimed)).containsExactly("fresh");
    }

    @Test
    void anExpiredMessageIsNotClaimedEvenBeforeTheReaperRuns() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "perishable"));
        long expiry = now() + 60_000;
        tx(c -> store.deliveries().enqueue(c, List.of(new OutgoingMessage(nextId(), queue.id(), 4, 0, expiry, new byte[1], null))));

        assertThat(claimed(store, queue.id(), 10, expiry)).isEmpty();
    }

    @Test
    void deadLetteringMovesTheDeliveryWithAFreshCount() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "work"));
        QueueInfo dlq = tx(c -> store.queues().ensure(c, "DLQ"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "poison"))));
        StoredDelivery claimed = tx(c -> store.deliveries().claim(c, queue.id(), 1, now())).get(0);

        assertThat(StoreTestSupport.<Boolean>tx(c -> store.deliveries().deadLetter(c, claimed.key(), dlq))).isTrue();

        assertThat(depth(queue.id())).isZero();
        List<StoredDelivery> dead = tx(c -> store.deliveries().claim(c, dlq.id(), 10, now()));
        assertThat(bodies(dead)).containsExactly("poison");
        assertThat(dead.get(0).deliveryCount()).isEqualTo(1);
    }

    @Test
    void browseSeesEverythingInOrderWithoutClaimingAndPagesByKey() {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "q"));
        tx(c -> store.deliveries().enqueue(c, List.of(
                message(queue.id(), 1, "low"), message(queue.id(), 8, "high"), message(queue.id(), 4, "mid"))));

        List<StoredDelivery> page1 = tx(c -> store.deliveries().browse(c, queue.id(), Deliveries.start(queue.id()), 2, now()));
        List<StoredDelivery> page2 = tx(c -> store.deliveries().browse(c, queue.id(), page1.get(1).key(), 2, now()));

        assertThat(bodies(page1)).containsExactly("high", "mid");
        assertThat(bodies(page2)).containsExactly("low");
        assertThat(claimed(store, queue.id(), 10, now())).hasSize(3);
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndNothingIsWritten() {
        store.close();
        store = DepotStore.start(config().withMaxBodyBytes(1024), dev.depot.store.testing.TestDatabase.connections());
        QueueInfo queue = tx(c -> store.queues().ensure(c, "q"));

        assertThatThrownBy(() -> tx(c -> store.deliveries().enqueue(c, List.of(
                message(queue.id(), 4, "fine"),
                new OutgoingMessage(nextId(), queue.id(), 4, 0, 0, new byte[1], new byte[1025])))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("1025 bytes")
                .hasMessageContaining("1024")
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_INPUT));
        assertThat(count("select count(*) from " + schema + ".depot_message")).isZero();
    }

    @Test
    void oneWriteSendsAndAcknowledgesTogetherAndSaysWhichAcknowledgementsHeld() throws Exception {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "q"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "a"), message(queue.id(), 4, "b"))));
        List<StoredDelivery> claimed = tx(c -> store.deliveries().claim(c, queue.id(), 10, now()));
        DeliveryKey a = claimed.get(0).key();
        DeliveryKey b = claimed.get(1).key();
        // b is given back, as when this node was taken for dead: acknowledging it must not delete it.
        tx(c -> {
            store.deliveries().release(c, List.of(new Release(b, false)), now());
            return null;
        });

        Deliveries.Written written;
        try (Connection c = dev.depot.store.testing.TestDatabase.connect()) {
            written = store.deliveries().write(c, List.of(message(queue.id(), 4, "c")), List.of(a, b),
                    Deliveries.Notify.ALL_NODES);
        }

        assertThat(written.deliveries()).containsExactly(java.util.Map.entry(queue.id(), 1));
        assertThat(written.acknowledged()).containsExactly(a);
        assertThat(bodies(tx(c -> store.deliveries().claim(c, queue.id(), 10, now())))).containsExactly("b", "c");
        assertThat(count("select count(*) from " + schema + ".depot_message")).isEqualTo(2);
    }

    @Test
    void aWriteWithABodyOverTheLimitNeitherSendsNorAcknowledges() throws Exception {
        store.close();
        store = DepotStore.start(config().withMaxBodyBytes(1024), dev.depot.store.testing.TestDatabase.connections());
        QueueInfo queue = tx(c -> store.queues().ensure(c, "q"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "held"))));
        DeliveryKey held = tx(c -> store.deliveries().claim(c, queue.id(), 10, now())).get(0).key();

        try (Connection c = dev.depot.store.testing.TestDatabase.connect()) {
            assertThatThrownBy(() -> store.deliveries().write(c,
                    List.of(message(queue.id(), 4, "fine"),
                            new OutgoingMessage(nextId(), queue.id(), 4, 0, 0, new byte[1], new byte[1025])),
                    List.of(held), Deliveries.Notify.ALL_NODES))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("1025 bytes")
                    .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_INPUT));
        }
        assertThat(count("select count(*) from " + schema + ".depot_message")).isEqualTo(1);
        assertThat(count("select count(*) from " + schema + ".depot_delivery where claimed_by is not null")).isEqualTo(1);
    }

    @Test
    void aClaimThatDoesNotWaitForTheDiskLeavesTheConnectionsSettingAlone() throws Exception {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "q"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "a"))));
        try (Connection c = dev.depot.store.testing.TestDatabase.connect()) {
            String before = setting(c, "synchronous_commit");

            assertThat(bodies(store.deliveries().claim(c, queue.id(), 10, now(), false))).containsExactly("a");

            // The setting was the claim's transaction's own: what runs next on the connection is durable again.
            assertThat(setting(c, "synchronous_commit")).isEqualTo(before);
        }
        assertThat(count("select count(*) from " + schema + ".depot_delivery where claimed_by is not null")).isEqualTo(1);
    }

    @Test
    void aClaimWaitsForTheDiskWhenItTakesANonPersistentMessageEvenIfAskedNotTo() throws Exception {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "q"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "durable"))));
        try (Connection c = dev.depot.store.testing.TestDatabase.connect()) {
            // The connection's own setting is durable (a test database may run without waiting for the disk).
            c.createStatement().execute("SET synchronous_commit = on");
            c.setAutoCommit(false);
            assertThat(bodies(store.deliveries().claim(c, queue.id(), 10, now(), false))).containsExactly("durable");
            assertThat(setting(c, "synchronous_commit")).as("persistent only: no wait").isEqualTo("off");
            c.commit();

            tx(c2 -> store.deliveries().enqueue(c2, List.of(message(queue.id(), 4, "p"), nonPersistent(queue.id(), "np"))));
            assertThat(bodies(store.deliveries().claim(c, queue.id(), 10, now(), false))).containsExactly("p", "np");
            // Its acknowledgement will be written in the background: a crash must not undo the claim.
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            c.commit();
        }
    }

    @Test
    void aWriteThatNeedNotBeDurableCommitsWithoutWaitingForTheDiskAndADurableOneWaits() throws Exception {
        QueueInfo queue = tx(c -> store.queues().ensure(c, "q"));
        try (Connection c = dev.depot.store.testing.TestDatabase.connect()) {
            c.createStatement().execute("SET synchronous_commit = on");
            c.setAutoCommit(false);
            store.deliveries().write(c, List.of(nonPersistent(queue.id(), "lossy")), List.of(),
                    Deliveries.Notify.NONE, false);
            assertThat(setting(c, "synchronous_commit")).isEqualTo("off");
            c.commit();

            store.deliveries().write(c, List.of(message(queue.id(), 4, "kept")), List.of(), Deliveries.Notify.NONE, true);
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            c.commit();
        }
        assertThat(bodies(claimed(store, queue.id(), 10, now()))).containsExactly("lossy", "kept");
    }

    private OutgoingMessage nonPersistent(long queueId, String text) {
        return new OutgoingMessage(nextId(), queueId, false, 4, 0, 0, ("h:" + text).getBytes(), text.getBytes(),
                OutgoingMessage.Origin.NONE, false);
    }

    private static String setting(Connection c, String name) throws java.sql.SQLException {
        try (var statement = c.createStatement(); var rs = statement.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void releasingAMessageThatUsedUpItsDeliveriesMovesItToTheDeadLetterQueue() {
        tx(c -> store.queues().configure(c, "fragile", 2, "fragile.dead", 0));
        QueueInfo queue = tx(c -> store.queues().ensure(c, "fragile"));
        QueueInfo dlq = tx(c -> store.queues().ensure(c, "fragile.dead"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "poison"), message(queue.id(), 4, "ok"))));

        for (int attempt = 1; attempt <= 2; attempt++) {
            List<StoredDelivery> got = claimed(store, queue.id(), 1, now());
            assertThat(got).extracting(StoredDelivery::deliveryCount).containsExactly(attempt);
            tx(c -> {
                store.deliveries().release(c, List.of(new Release(got.get(0).key(), true)), now());
                return null;
            });
        }

        assertThat(bodies(claimed(store, dlq.id(), 10, now()))).containsExactly("poison");
        assertThat(bodies(claimed(store, queue.id(), 10, now()))).containsExactly("ok");
    }

    @Test
    void anUndeliveredReleaseNeverDeadLetters() {
        tx(c -> store.queues().configure(c, "fragile", 1, "DLQ", 0));
        QueueInfo queue = tx(c -> store.queues().ensure(c, "fragile"));
        tx(c -> store.queues().ensure(c, "DLQ"));
        tx(c -> store.deliveries().enqueue(c, List.of(message(queue.id(), 4, "prefetched"))));
        List<StoredDelivery> got = claimed(store, queue.id(), 1, now());

        tx(c -> {
            store.deliveries().release(c, List.of(new Release(got.get(0).key(), false)), now());
            return null;
        });

        assertThat(claimed(store, queue.id(), 1, now())).extracting(StoredDelivery::deliveryCount).containsExactly(1);
    }

    @Test
    void messageIdsIncreaseAcrossBlocks() {
        long[] first = store.allocateMessageIds(dev.depot.store.testing.TestDatabase.connections(), 150);
        long[] second = store.allocateMessageIds(dev.depot.store.testing.TestDatabase.connections(), 150);
        for (int i = 1; i < first.length; i++) {
            assertThat(first[i]).isGreaterThan(first[i - 1]);
        }
        assertThat(second[0]).isGreaterThan(first[149]);
        DepotStore other = anotherNode();
        long[] elsewhere = other.allocateMessageIds(dev.depot.store.testing.TestDatabase.connections(), 1);
        assertThat(elsewhere[0]).isNotIn(first).isNotIn(second);
    }
}
