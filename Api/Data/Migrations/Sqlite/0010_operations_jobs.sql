-- SQLite edition of Postgres/0010_operations_jobs.sql: same tables, same columns.
-- What the operations jobs keep (anomaly-scan, accuracy-rollup, retention). Instants are microseconds
-- since the Unix epoch.

-- Retention: events that occurred before the cutoff are compacted away and no longer accepted by ingest.
-- One row; the cutoff only moves forward, and ingest reads it inside its own write transaction.
CREATE TABLE retention_state (
    id         INTEGER PRIMARY KEY,
    cutoff     BIGINT NULL,
    updated_at BIGINT NOT NULL
);
INSERT INTO retention_state (id, cutoff, updated_at) VALUES (1, NULL, 0);

-- A position as of just before compacted_before, from its compacted (authoritative) events: the base
-- that as-of answers start from when no live count anchors them.
CREATE TABLE position_snapshots (
    sku              TEXT NOT NULL,
    node             TEXT NOT NULL,
    compacted_before BIGINT NOT NULL,
    on_hand          BIGINT NOT NULL,
    damaged          BIGINT NOT NULL,
    quarantined      BIGINT NOT NULL,
    anchor_at        BIGINT NULL,
    anchor_qty       BIGINT NULL,
    anchor_source    TEXT NULL,
    anchor_event_id  TEXT NULL,
    last_event_at    BIGINT NULL,
    events           BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    PRIMARY KEY (sku, node)
);

-- Supply booked by compacted events, per destination node and reference (a transfer's events live at
-- its origin, its supply at the destination).
CREATE TABLE supply_snapshots (
    sku       TEXT NOT NULL,
    node      TEXT NOT NULL,
    reference TEXT NOT NULL,
    expected  BIGINT NOT NULL,
    received  BIGINT NOT NULL,
    cancelled INTEGER NOT NULL,
    eta       BIGINT NULL,
    PRIMARY KEY (sku, node, reference)
);

-- Audit totals of compacted events, kept forever: with the live events they give exact totals for all time.
CREATE TABLE audit_totals (
    sku           TEXT NOT NULL,
    node          TEXT NOT NULL,
    type          TEXT NOT NULL,
    source        TEXT NOT NULL,
    events        BIGINT NOT NULL,
    eaches        BIGINT NOT NULL,
    d_on_hand     BIGINT NOT NULL,
    d_damaged     BIGINT NOT NULL,
    d_quarantined BIGINT NOT NULL,
    first_at      BIGINT NOT NULL,
    last_at       BIGINT NOT NULL,
    PRIMARY KEY (sku, node, type, source)
);

-- Inventory record accuracy per node and UTC day, in additive parts so any range of days sums exactly.
CREATE TABLE accuracy_daily (
    node              TEXT NOT NULL,
    day               BIGINT NOT NULL,
    counts            BIGINT NOT NULL,
    within_tolerance  BIGINT NOT NULL,
    counted_units     BIGINT NOT NULL,
    absolute_variance BIGINT NOT NULL,
    computed_at       BIGINT NOT NULL,
    PRIMARY KEY (node, day)
);

-- Stockout episodes: sellable on-hand reached zero at started_at, came back above zero at ended_at (NULL: still out).
CREATE TABLE stockout_episodes (
    sku        TEXT NOT NULL,
    node       TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at   BIGINT NULL,
    PRIMARY KEY (sku, node, started_at)
);
CREATE INDEX ix_stockout_episodes_open ON stockout_episodes (node, sku) WHERE ended_at IS NULL;

-- How far a job's incremental work got across occurrences (a run's own checkpoint lives in job_runs).
CREATE TABLE job_watermarks (
    job TEXT PRIMARY KEY,
    at  BIGINT NOT NULL
);

-- The scan and the rollup look events up by when they arrived.
CREATE INDEX ix_events_received ON events (received_at);
