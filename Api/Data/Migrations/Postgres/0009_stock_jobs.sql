-- What the stock re-evaluation jobs store (issue 6): safety stock per position and segment with the inputs
-- it came from, units each hold rule keeps per position, reorder figures, and the reorder suggestions of
-- the perishable-reorder pack. Every row is derived: a full run recomputes it from positions, events and
-- the rule sets in force and writes only what differs, so these tables can be emptied and rebuilt at will.
-- Keys are compared in the same byte order as positions (COLLATE "C"), so a run can walk both in key
-- ranges. Instants are microseconds since the Unix epoch; computed_at is when a row last changed.

CREATE TABLE stock_safety (
    sku                TEXT COLLATE "C" NOT NULL,
    node               TEXT COLLATE "C" NOT NULL,
    segment            TEXT COLLATE "C" NOT NULL,
    rule_id            TEXT NOT NULL,
    units              BIGINT NOT NULL,
    method             TEXT NOT NULL,             -- fixed | days_of_supply | service_level
    z                  DOUBLE PRECISION NOT NULL, -- service_level only, else 0
    service_level      DOUBLE PRECISION NOT NULL,
    demand_mean        DOUBLE PRECISION NOT NULL, -- units a day over the last 7 days (the burn rate)
    demand_sd          DOUBLE PRECISION NOT NULL, -- day-to-day deviation over 28 days as used (Poisson when none)
    days_observed      INTEGER NOT NULL,
    lead_time_days     DOUBLE PRECISION NOT NULL,
    lead_time_sd_days  DOUBLE PRECISION NOT NULL,
    days_of_supply     DOUBLE PRECISION NOT NULL,
    peak_factor        DOUBLE PRECISION NOT NULL,
    waived             BOOLEAN NOT NULL,          -- the segment's own orders may promise into it
    rule_set_id        TEXT NOT NULL,
    rule_set_version   BIGINT NOT NULL,
    computed_at        BIGINT NOT NULL,
    PRIMARY KEY (sku, node, segment)
);
CREATE INDEX ix_stock_safety_node ON stock_safety (node, sku);
CREATE INDEX ix_stock_safety_segment ON stock_safety (segment, sku, node);

CREATE TABLE stock_holds (
    sku              TEXT COLLATE "C" NOT NULL,
    node             TEXT COLLATE "C" NOT NULL,
    segment          TEXT COLLATE "C" NOT NULL,   -- the rule set the hold belongs to
    rule_id          TEXT COLLATE "C" NOT NULL,
    for_segment      TEXT NOT NULL,               -- who the units are kept for
    units            BIGINT NOT NULL,
    state            TEXT NOT NULL,               -- in_force | expired | condition_false | failed
    share_factor     DOUBLE PRECISION NOT NULL,
    expires_at       BIGINT NULL,
    rule_set_id      TEXT NOT NULL,
    rule_set_version BIGINT NOT NULL,
    computed_at      BIGINT NOT NULL,
    PRIMARY KEY (sku, node, segment, rule_id)
);
-- hold-expiry finds the positions stored under a hold rule without reading every hold.
CREATE INDEX ix_stock_holds_rule ON stock_holds (segment, rule_id, state);

CREATE TABLE stock_reorders (
    sku                           TEXT COLLATE "C" NOT NULL,
    node                          TEXT COLLATE "C" NOT NULL,
    segment                       TEXT COLLATE "C" NOT NULL,
    rule_id                       TEXT NOT NULL,
    triggered                     BOOLEAN NOT NULL,
    base_reorder_point            DOUBLE PRECISION NOT NULL,
    reorder_point                 DOUBLE PRECISION NOT NULL,  -- lowered for the shelf life left
    order_up_to                   DOUBLE PRECISION NOT NULL,
    available                     BIGINT NOT NULL,
    in_transit                    BIGINT NOT NULL,
    excluded_units                BIGINT NOT NULL,            -- in lots under the minimum shelf life
    remaining_shelf_life_days     INTEGER NOT NULL,
    min_remaining_shelf_life_days INTEGER NOT NULL,
    quantity                      BIGINT NOT NULL,
    failed                        BOOLEAN NOT NULL,
    rule_set_id                   TEXT NOT NULL,
    rule_set_version              BIGINT NOT NULL,
    computed_at                   BIGINT NOT NULL,
    PRIMARY KEY (sku, node, segment)
);
CREATE INDEX ix_stock_reorders_node ON stock_reorders (node, sku);
CREATE INDEX ix_stock_reorders_triggered ON stock_reorders (sku, node) WHERE triggered;

-- One current suggestion per position and governing segment: each perishable-reorder run replaces it.
CREATE TABLE reorder_suggestions (
    sku               TEXT COLLATE "C" NOT NULL,
    node              TEXT COLLATE "C" NOT NULL,
    segment           TEXT COLLATE "C" NOT NULL,
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
