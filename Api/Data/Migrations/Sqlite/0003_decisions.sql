-- SQLite edition of Postgres/0003_decisions.sql: same tables, same columns, same indexes (SQLite has
-- partial indexes too). Instants are microseconds since the Unix epoch in INTEGER.

CREATE TABLE decisions (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,                 -- source | allocation_run
    order_id         TEXT NULL UNIQUE,              -- kind source: one decision per order (idempotency)
    segment          TEXT NOT NULL,
    rule_set_id      TEXT NOT NULL,
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
    decision_id TEXT NOT NULL,
    order_id    TEXT NULL,
    line_id     TEXT NOT NULL,
    sku         TEXT NOT NULL,
    node        TEXT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX ix_decision_lines_decision ON decision_lines (decision_id);
CREATE INDEX ix_decision_lines_order ON decision_lines (order_id, created_at);
CREATE INDEX ix_decision_lines_sku ON decision_lines (sku, created_at);
CREATE INDEX ix_decision_lines_node ON decision_lines (node, created_at);

-- Units an order holds at a position. committed on the position is the sum of (quantity - shipped) of
-- its soft and confirmed reservations; every change to one is made with the change to the other.
CREATE TABLE reservations (
    id          TEXT PRIMARY KEY,
    decision_id TEXT NOT NULL,
    order_id    TEXT NOT NULL,
    line_id     TEXT NOT NULL,
    sku         TEXT NOT NULL,
    node        TEXT NOT NULL,
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
