-- The ledger: master data, positions, the append-only event store and what ingest records beside it.
-- SQLite edition of Postgres/0001_ledger.sql: same tables, same columns. Decimals are TEXT (exact),
-- flags INTEGER 0/1, instants microseconds since the Unix epoch in INTEGER.

CREATE TABLE items (
    sku             TEXT PRIMARY KEY,
    description     TEXT NOT NULL,
    category        TEXT NOT NULL,
    velocity_class  TEXT NOT NULL,
    units           TEXT NOT NULL,          -- JSON object: unit of measure -> eaches
    perishable      INTEGER NOT NULL,
    shelf_life_days INTEGER NULL,
    serial_tracked  INTEGER NOT NULL,
    hazmat          INTEGER NOT NULL,
    cold_chain      INTEGER NOT NULL,
    unit_cost       TEXT NOT NULL,
    unit_price      TEXT NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE TABLE nodes (
    code                  TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    type                  TEXT NOT NULL,
    country               TEXT NOT NULL,
    region                TEXT NULL,
    latitude              REAL NULL,
    longitude             REAL NULL,
    duty_paid             INTEGER NOT NULL,
    capabilities          TEXT NOT NULL,    -- JSON array
    daily_order_capacity  INTEGER NOT NULL,
    cost_per_order        TEXT NOT NULL,
    cost_per_unit         TEXT NOT NULL,
    cutoffs               TEXT NOT NULL,    -- JSON array
    authoritative_sources TEXT NOT NULL,    -- JSON object: event type -> source
    updated_at            BIGINT NOT NULL
);

CREATE TABLE segments (
    code                        TEXT PRIMARY KEY,
    name                        TEXT NOT NULL,
    freshness_tolerance_seconds INTEGER NOT NULL,
    service_level               REAL NOT NULL,
    updated_at                  BIGINT NOT NULL
);

CREATE TABLE positions (
    sku                  TEXT NOT NULL,
    node                 TEXT NOT NULL,
    on_hand              BIGINT NOT NULL DEFAULT 0,
    damaged              BIGINT NOT NULL DEFAULT 0,
    quarantined          BIGINT NOT NULL DEFAULT 0,
    committed            BIGINT NOT NULL DEFAULT 0,
    held                 BIGINT NOT NULL DEFAULT 0,
    anchor_at            BIGINT NULL,       -- the latest cycle count: on_hand = anchor_qty + deltas after it
    anchor_qty           BIGINT NULL,
    anchor_source        TEXT NULL,
    anchor_event_id      TEXT NULL,
    last_event_at        BIGINT NULL,
    version              BIGINT NOT NULL DEFAULT 0,
    position_quarantined INTEGER NOT NULL DEFAULT 0,
    updated_at           BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (sku, node)
);
CREATE INDEX ix_positions_node ON positions (node);

CREATE TABLE events (
    source        TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    sequence      BIGINT NULL,
    occurred_at   BIGINT NOT NULL,
    received_at   BIGINT NOT NULL,
    type          TEXT NOT NULL,
    sku           TEXT NOT NULL,
    node          TEXT NOT NULL,
    quantity      TEXT NOT NULL,
    uom           TEXT NOT NULL,
    eaches        BIGINT NOT NULL,
    d_on_hand     BIGINT NOT NULL,
    d_damaged     BIGINT NOT NULL,
    d_quarantined BIGINT NOT NULL,
    count_qty     BIGINT NULL,
    supply_node   TEXT NULL,
    s_expected    BIGINT NOT NULL,
    s_received    BIGINT NOT NULL,
    s_cancelled   INTEGER NOT NULL,
    authoritative INTEGER NOT NULL,
    outcome       TEXT NOT NULL,
    lot           TEXT NULL,
    serial        TEXT NULL,
    expiry        BIGINT NULL,
    reason        TEXT NULL,
    from_status   TEXT NULL,
    to_status     TEXT NULL,
    eta           BIGINT NULL,
    to_node       TEXT NULL,
    reference     TEXT NULL,
    PRIMARY KEY (source, event_id)
);
CREATE INDEX ix_events_position_time ON events (sku, node, occurred_at);
CREATE INDEX ix_events_supply ON events (sku, supply_node) WHERE supply_node IS NOT NULL;
-- The count that anchors a position at an instant is one index seek, however long its history.
CREATE INDEX ix_events_counts ON events (sku, node, occurred_at, source, event_id)
    WHERE type = 'cycle_count' AND authoritative = TRUE;

CREATE TABLE supply_lines (
    sku        TEXT NOT NULL,
    node       TEXT NOT NULL,
    reference  TEXT NOT NULL,
    expected   BIGINT NOT NULL DEFAULT 0,
    received   BIGINT NOT NULL DEFAULT 0,
    cancelled  INTEGER NOT NULL DEFAULT 0,
    eta        BIGINT NULL,
    eta_set_at BIGINT NULL,                 -- occurred_at of the event that set eta: the latest one wins
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (sku, node, reference)
);

CREATE TABLE dead_letters (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at     BIGINT NOT NULL,
    batch_index     INTEGER NOT NULL,
    source          TEXT NULL,
    event_id        TEXT NULL,
    code            TEXT NOT NULL,
    field           TEXT NOT NULL,
    message         TEXT NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL,          -- open | replayed
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_attempt_at BIGINT NULL,
    replayed_at     BIGINT NULL,
    replay_outcome  TEXT NULL
);
CREATE INDEX ix_dead_letters_status ON dead_letters (status, id);

CREATE TABLE discrepancies (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    detected_at          BIGINT NOT NULL,
    sku                  TEXT NOT NULL,
    node                 TEXT NOT NULL,
    type                 TEXT NOT NULL,
    source               TEXT NOT NULL,
    event_id             TEXT NOT NULL,
    authoritative_source TEXT NOT NULL,
    reported             BIGINT NOT NULL,
    authoritative_figure BIGINT NOT NULL,
    detail               TEXT NOT NULL
);
CREATE INDEX ix_discrepancies_position ON discrepancies (sku, node);

CREATE TABLE count_variances (
    source      TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    sku         TEXT NOT NULL,
    node        TEXT NOT NULL,
    counted_at  BIGINT NOT NULL,
    counted     BIGINT NOT NULL,
    system      BIGINT NOT NULL,
    variance    BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (source, event_id)
);
CREATE INDEX ix_count_variances_node ON count_variances (node, counted_at);

CREATE TABLE anomalies (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    detected_at     BIGINT NOT NULL,
    kind            TEXT NOT NULL,
    sku             TEXT NOT NULL,
    node            TEXT NOT NULL,
    source          TEXT NULL,
    event_id        TEXT NULL,
    observed        BIGINT NOT NULL,
    expected        BIGINT NOT NULL,
    detail          TEXT NOT NULL,
    quarantined     INTEGER NOT NULL,
    status          TEXT NOT NULL,          -- open | resolved
    resolved_at     BIGINT NULL,
    resolved_by     TEXT NULL,
    resolution_note TEXT NULL
);
CREATE INDEX ix_anomalies_status ON anomalies (status, id);
CREATE INDEX ix_anomalies_position ON anomalies (sku, node);

CREATE TABLE movement (
    sku       TEXT NOT NULL,
    node      TEXT NOT NULL,
    direction TEXT NOT NULL,                -- in | out: a position's usual movement, for spike detection
    events    BIGINT NOT NULL,
    units     BIGINT NOT NULL,
    PRIMARY KEY (sku, node, direction)
);

CREATE TABLE node_feeds (
    node         TEXT NOT NULL,
    source       TEXT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    PRIMARY KEY (node, source)
);

CREATE TABLE api_keys (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    key_hash   TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NULL
);
