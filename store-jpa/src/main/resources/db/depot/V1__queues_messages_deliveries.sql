-- Depot's first schema: point-to-point queues.
--
-- A delivery is one message's place on one queue. Its life, by the columns that hold it:
--
--   available ──claim──► claimed ──acknowledge──► (row deleted)
--       ▲                   │
--       └─────release───────┤   (rollback, recover, consumer closed, node dead)
--                           └──dead-letter──► available on the dead-letter queue
--
--   available:  claimed_by IS NULL, visible_at <= now, not expired
--   claimed:    claimed_by = the node that holds it; delivery_count counts claims that reached the app
--
-- Hot tables carry no foreign keys: every send and acknowledgement would pay for the checks,
-- and the store keeps the references whole itself.

CREATE TABLE ${schema}.depot_queue (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                  text        NOT NULL UNIQUE,
    temporary             boolean     NOT NULL DEFAULT false,
    owner_node            bigint,
    owner_connection      text,
    max_delivery_count    integer     NOT NULL DEFAULT 10 CHECK (max_delivery_count > 0),
    dead_letter_queue     text        DEFAULT 'DLQ',
    redelivery_delay_ms   bigint      NOT NULL DEFAULT 0 CHECK (redelivery_delay_ms >= 0),
    created_at            timestamptz NOT NULL DEFAULT now()
);

-- Message ids are handed out in blocks of 100 to each writer, so a batch of sends needs no round trip for ids.
CREATE SEQUENCE ${schema}.depot_message_id_seq INCREMENT BY 100 START WITH 1;

CREATE TABLE ${schema}.depot_message (
    id        bigint  PRIMARY KEY,
    headers   bytea   NOT NULL,
    body      bytea
);

CREATE TABLE ${schema}.depot_delivery (
    queue_id        bigint   NOT NULL,
    priority        smallint NOT NULL,
    message_id      bigint   NOT NULL,
    visible_at      bigint   NOT NULL,
    expires_at      bigint,
    claimed_by      bigint,
    delivery_count  integer  NOT NULL DEFAULT 0
) WITH (fillfactor = 70);

-- The claim order (priority, then arrival) and the key of a delivery in one index.
CREATE UNIQUE INDEX depot_delivery_claim_order
    ON ${schema}.depot_delivery (queue_id, priority DESC, message_id);

CREATE INDEX depot_delivery_expiry
    ON ${schema}.depot_delivery (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE ${schema}.depot_node (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text        NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    heartbeat_at  timestamptz NOT NULL DEFAULT now()
);

-- A client ID is held by one connection at a time across every JVM; a dead node's are freed with it.
CREATE TABLE ${schema}.depot_client (
    client_id      text        PRIMARY KEY,
    node_id        bigint      NOT NULL,
    connection_id  text        NOT NULL,
    claimed_at     timestamptz NOT NULL DEFAULT now()
);
