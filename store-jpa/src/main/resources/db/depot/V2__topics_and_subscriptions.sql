-- Publish/subscribe. A subscription is a queue of its own (a depot_queue row of kind
-- 'subscription') fed by a topic: publishing writes the message once and one delivery per
-- subscription of the topic, in the publisher's transaction. Deliveries of a subscription live
-- and die exactly like those of a queue.

ALTER TABLE ${schema}.depot_queue ADD COLUMN kind text NOT NULL DEFAULT 'queue'
    CHECK (kind IN ('queue', 'subscription'));
ALTER TABLE ${schema}.depot_queue DROP CONSTRAINT depot_queue_name_key;
CREATE UNIQUE INDEX depot_queue_kind_name ON ${schema}.depot_queue (kind, name);

CREATE TABLE ${schema}.depot_topic (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              text        NOT NULL UNIQUE,
    temporary         boolean     NOT NULL DEFAULT false,
    owner_node        bigint,
    owner_connection  text,
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- name is null for the private subscription of a non-shared, non-durable consumer.
-- client_key is the client ID or '' (shared subscriptions may be made without one).
CREATE TABLE ${schema}.depot_subscription (
    queue_id          bigint      PRIMARY KEY,
    topic_id          bigint      NOT NULL,
    name              text,
    client_key        text        NOT NULL DEFAULT '',
    durable           boolean     NOT NULL,
    shared            boolean     NOT NULL,
    selector          text,
    no_local          boolean     NOT NULL DEFAULT false,
    owner_node        bigint,
    owner_connection  text,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX depot_subscription_topic ON ${schema}.depot_subscription (topic_id);
-- Durable subscriptions share one namespace (shared or not); shared non-durable ones have their own.
CREATE UNIQUE INDEX depot_subscription_identity
    ON ${schema}.depot_subscription (durable, client_key, name) WHERE name IS NOT NULL;

-- The active consumers of each subscription, in every JVM: a durable subscription may be removed
-- only without them, a non-shared one takes only one, a shared non-durable one ends with its last.
CREATE TABLE ${schema}.depot_consumer (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue_id          bigint      NOT NULL,
    node_id           bigint      NOT NULL,
    connection_id     text        NOT NULL
);
CREATE INDEX depot_consumer_queue ON ${schema}.depot_consumer (queue_id);
CREATE INDEX depot_consumer_node ON ${schema}.depot_consumer (node_id);

-- A published message has several deliveries; the last acknowledgement removes it. Only such
-- deliveries are indexed by message, so point-to-point sends pay nothing for it.
ALTER TABLE ${schema}.depot_delivery ADD COLUMN fanout boolean NOT NULL DEFAULT false;
CREATE INDEX depot_delivery_fanout ON ${schema}.depot_delivery (message_id) WHERE fanout;
ALTER TABLE ${schema}.depot_message ADD COLUMN fanout boolean NOT NULL DEFAULT false;
-- Lets the housekeeping find published messages whose last deliveries were acknowledged at the
-- same instant (each acknowledgement then saw the other's delivery and left the message).
CREATE INDEX depot_message_fanout ON ${schema}.depot_message (id) WHERE fanout;
