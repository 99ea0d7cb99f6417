-- SQLite edition of Postgres/0009_stock_jobs.sql: same tables, same columns; flags INTEGER 0/1, doubles REAL
-- (8-byte IEEE, so stored figures compare exactly with computed ones).

CREATE TABLE stock_safety (
    sku                TEXT NOT NULL,
    node               TEXT NOT NULL,
    segment            TEXT NOT NULL,
    rule_id            TEXT NOT NULL,
    units              BIGINT NOT NULL,
    method             TEXT NOT NULL,             -- fixed | days_of_supply | service_level
    z                  REAL NOT NULL, -- service_level only, else 0
    service_level      REAL NOT NULL,
    demand_mean        REAL NOT NULL, -- units a day over the last 7 days (the burn rate)
    demand_sd          REAL NOT NULL, -- day-to-day deviation over 28 days as used (Poisson when none)
    days_observed      INTEGER NOT NULL,
    lead_time_days     REAL NOT NULL,
    lead_time_sd_days  REAL NOT NULL,
    days_of_supply     REAL NOT NULL,
    peak_factor        REAL NOT NULL,
    waived             INTEGER NOT NULL,          -- the segment's own orders may promise into it
    rule_set_id        TEXT NOT NULL,
    rule_set_version   BIGINT NOT NULL,
    computed_at        BIGINT NOT NULL,
    PRIMARY KEY (sku, node, segment)
);
CREATE INDEX ix_stock_safety_node ON stock_safety (node, sku);
CREATE INDEX ix_stock_safety_segment ON stock_safety (segment, sku, node);

CREATE TABLE stock_holds (
    sku              TEXT NOT NULL,
    node             TEXT NOT NULL,
    segment          TEXT NOT NULL,   -- the rule set the hold belongs to
    rule_id          TEXT NOT NULL,
    for_segment      TEXT NOT NULL,               -- who the units are kept for
    units            BIGINT NOT NULL,
    state            TEXT NOT NULL,               -- in_force | expired | condition_false | failed
    share_factor     REAL NOT NULL,
    expires_at       BIGINT NULL,
    rule_set_id      TEXT NOT NULL,
    rule_set_version BIGINT NOT NULL,
    computed_at      BIGINT NOT NULL,
    PRIMARY KEY (sku, node, segment, rule_id)
);
-- hold-expiry finds the positions stored under a hold rule without reading every hold.
CREATE INDEX ix_stock_holds_rule ON stock_holds (segment, rule_id, state);

CREATE TABLE stock_reorders (
    sku                           TEXT NOT NULL,
    node                          TEXT NOT NULL,
    segment                       TEXT NOT NULL,
    rule_id                       TEXT NOT NULL,
    triggered                     INTEGER NOT NULL,
    base_reorder_point            REAL NOT NULL,
    reorder_point                 REAL NOT NULL,  -- lowered for the shelf life left
    order_up_to                   REAL NOT NULL,
    available                     BIGINT NOT NULL,
    in_transit                    BIGINT NOT NULL,
    excluded_units                BIGINT NOT NULL,            -- in lots under the minimum shelf life
    remaining_shelf_life_days     INTEGER NOT NULL,
    min_remaining_shelf_life_days INTEGER NOT NULL,
    quantity                      BIGINT NOT NULL,
    failed                        INTEGER NOT NULL,
    rule_set_id                   TEXT NOT NULL,
    rule_set_version              BIGINT NOT NULL,
    computed_at                   BIGINT NOT NULL,
    PRIMARY KEY (sku, node, segment)
);
CREATE INDEX ix_stock_reorders_node ON stock_reorders (node, sku);
CREATE INDEX ix_stock_reorders_triggered ON stock_reorders (sku, node) WHERE triggered = 1;

-- One current suggestion per position and governing segment: each perishable-reorder run replaces it.
CREATE TABLE reorder_suggestions (
    sku               TEXT NOT NULL,
    node              TEXT NOT NULL,
    segment           TEXT NOT NULL,
    rule_id           TEXT NOT NULL,
    status            TEXT NOT NULL,               -- order | covered
    quantity          BIGINT NOT NULL,             -- to order now, net of open replenishment
    already_ordered   BIGINT NOT NULL,
    short_dated_units BIGINT NOT NULL,
    reason            TEXT NOT NULL,
    computed_at       BIGINT NOT NULL,            -- when the suggestion last changed
    PRIMARY KEY (sku, node, segment)
);
CREATE INDEX ix_reorder_suggestions_node ON reorder_suggestions (node, sku);
