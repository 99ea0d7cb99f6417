-- Decisions and reservations. A decision row keeps what the engine was asked, what it saw (the
-- snapshot), what it answered (with its trace) and the reservations taken for it, so that any decision
-- can be looked up and replayed later. Instants are microseconds since the Unix epoch (UTC) in BIGINT.

CREATE TABLE decisions (
    id               TEXT COLLATE "C" PRIMARY KEY,
    kind             TEXT NOT NULL,                 -- source | allocation_run
    order_id         TEXT COLLATE "C" NULL UNIQUE,  -- kind source: one decision per order (idempotency)
    segment          TEXT COLLATE "C" NOT NULL,
    rule_set_id      TEXT COLLATE "C" NOT NULL,
    rule_set_version BIGINT NOT NULL,
    arm              TEXT NULL,                     -- experiment arm, when an experiment assigned one
    created_at       BIGINT NOT NULL,
    request          TEXT NOT NULL,                 -- JSON: the engine request (eaches)
    snapshot         TEXT NOT NULL,                 -- JSON: everything the decision read
    result           TEXT NOT NULL,                 -- JSON: the engine's decision, trace included
    reservations     TEXT NOT NULL,                 -- JSON: the reservations taken, in answer order
    decide_micros    BIGINT NOT NULL,
    total_micros     BIGINT NOT NULL
);
CREATE INDEX ix_decisions_created ON decisions (created_at);

-- One row per (line, sku, node) a decision allocated or substituted (node NULL for a line that got
-- nothing), so that decisions can be found by item, node and time without reading their JSON.
CREATE TABLE decision_lines (
    decision_id TEXT COLLATE "C" NOT NULL,
    order_id    TEXT COLLATE "C" NULL,
    line_id     TEXT COLLATE "C" NOT NULL,
    sku         TEXT COLLATE "C" NOT NULL,
    node        TEXT COLLATE "C" NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX ix_decision_lines_decision ON decision_lines (decision_id);
CREATE INDEX ix_decision_lines_order ON decision_lines (order_id, created_at);
CREATE INDEX ix_decision_lines_sku ON decision_lines (sku, created_at);
CREATE INDEX ix_decision_lines_node ON decision_lines (node, created_at);

-- Units an order holds at a position. committed on the position is the sum of (quantity - shipped) of
-- its soft and confirmed reservations; every change to one is made with the change to the other.
CREATE TABLE reservations (
    id          TEXT COLLATE "C" PRIMARY KEY,
    decision_id TEXT COLLATE "C" NOT NULL,
    order_id    TEXT COLLATE "C" NOT NULL,
    line_id     TEXT COLLATE "C" NOT NULL,
    sku         TEXT COLLATE "C" NOT NULL,
    node        TEXT COLLATE "C" NOT NULL,
    quantity    BIGINT NOT NULL,
    status      TEXT NOT NULL,                      -- soft | confirmed | released | expired | shipped
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NULL,                        -- soft only
    updated_at  BIGINT NOT NULL,
    shipped     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX ix_reservations_order ON reservations (order_id);
CREATE INDEX ix_reservations_node_created ON reservations (node, created_at);
-- What expires next, per position: read by every decision (expired soft reservations stop counting at
-- once) and by the sweeper.
CREATE INDEX ix_reservations_soft_due ON reservations (sku, node, expires_at) WHERE status = 'soft';
CREATE INDEX ix_reservations_soft_expiry ON reservations (expires_at) WHERE status = 'soft';
