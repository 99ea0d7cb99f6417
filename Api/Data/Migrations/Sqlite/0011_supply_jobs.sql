-- SQLite edition of Postgres/0011_supply_jobs.sql: same tables, same columns, same indexes.
-- Supply jobs (issue 6): backorders recorded from the decision log and released on receipts, cross-dock
-- matches of inbound supply to them, and reservations flagged for re-sourcing after a publish.
-- Instants are microseconds since the Unix epoch (UTC) in BIGINT.

-- One row per backordered line and the supply claim it waits on (claim_index = its place in the line's
-- claims; -1 for units no known supply covers yet, node and reference NULL). released counts the units
-- given to the line so far; each release is a confirmed reservation, the latest named in reservation_id.
CREATE TABLE backorders (
    id             TEXT PRIMARY KEY,
    decision_id    TEXT NOT NULL,
    order_id       TEXT NOT NULL,
    line_id        TEXT NOT NULL,
    claim_index    INTEGER NOT NULL,
    segment        TEXT NOT NULL,
    customer_id    TEXT NOT NULL,
    sku            TEXT NOT NULL,
    node           TEXT NULL,
    reference      TEXT NULL,
    quantity       BIGINT NOT NULL,
    released       BIGINT NOT NULL DEFAULT 0,
    promise_date   BIGINT NULL,                 -- the claim's (or the line's) promise date
    requested_date BIGINT NULL,                 -- the order's requested date, when it gave one
    status         TEXT NOT NULL,               -- open | released | cancelled
    created_at     BIGINT NOT NULL,             -- when the order was decided
    recorded_at    BIGINT NOT NULL,
    released_at    BIGINT NULL,
    reservation_id TEXT NULL,
    UNIQUE (decision_id, line_id, claim_index)
);
CREATE INDEX ix_backorders_open ON backorders (sku, node) WHERE status = 'open';
CREATE INDEX ix_backorders_order ON backorders (order_id);

-- Units of an inbound supply line (ASN or transfer) to flow straight to a backordered order line at a
-- cross-dock node, without put-away. A rerun adds only what is new, so the key is the pair.
CREATE TABLE cross_dock_matches (
    id          TEXT PRIMARY KEY,
    reference   TEXT NOT NULL,
    sku         TEXT NOT NULL,
    node        TEXT NOT NULL,
    order_id    TEXT NOT NULL,
    line_id     TEXT NOT NULL,
    segment     TEXT NOT NULL,
    quantity    BIGINT NOT NULL,
    eta         BIGINT NOT NULL,
    need_by     BIGINT NOT NULL,
    dwell_hours REAL NOT NULL,
    rule_id     TEXT NOT NULL,
    run_id      TEXT NOT NULL,
    matched_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (reference, sku, node, order_id, line_id)
);
CREATE INDEX ix_cross_dock_matches_node ON cross_dock_matches (node, matched_at);
CREATE INDEX ix_cross_dock_matches_order ON cross_dock_matches (order_id);

-- A reservation to re-source because a published version no longer covers it; one per reservation and
-- version that caused it. Resolved once the reservation is no longer open (released, expired, shipped).
CREATE TABLE reservation_flags (
    id               TEXT PRIMARY KEY,
    reservation_id   TEXT NOT NULL,
    order_id         TEXT NOT NULL,
    line_id          TEXT NOT NULL,
    segment          TEXT NOT NULL,
    sku              TEXT NOT NULL,
    node             TEXT NOT NULL,
    quantity         BIGINT NOT NULL,
    reason           TEXT NOT NULL,             -- node_ineligible | over_committed
    detail           TEXT NOT NULL,
    rule_set_id      TEXT NOT NULL,
    rule_set_version BIGINT NOT NULL,
    flagged_at       BIGINT NOT NULL,
    status           TEXT NOT NULL,             -- open | resolved
    resolved_at      BIGINT NULL,
    UNIQUE (reservation_id, rule_set_id)
);
CREATE INDEX ix_reservation_flags_status ON reservation_flags (status, flagged_at);
CREATE INDEX ix_reservation_flags_order ON reservation_flags (order_id);

-- Where a job that follows an append-only table got to (the backorder recorder: decisions' created_at).
CREATE TABLE job_cursors (
    name       TEXT PRIMARY KEY,
    position   BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
