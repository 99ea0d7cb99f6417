-- A/B experiments between two rule set versions of a segment. Live: while running and inside the
-- window, decisions of the segment are assigned an arm by hash and decided under that arm's version
-- (decisions.arm and decisions.experiment_id say which). Offline: replays decide logged requests again
-- against their logged snapshots under both versions and keep one outcome row per decision and arm;
-- the primary key makes a resumed replay's re-insert of a batch a no-op. Instants are microseconds.
CREATE TABLE experiments (
    id                  TEXT COLLATE "C" PRIMARY KEY,
    name                TEXT NOT NULL,
    segment             TEXT COLLATE "C" NOT NULL,
    control_rule_set_id TEXT COLLATE "C" NOT NULL,
    control_version     BIGINT NOT NULL,
    variant_rule_set_id TEXT COLLATE "C" NOT NULL,
    variant_version     BIGINT NOT NULL,
    traffic_share       DOUBLE PRECISION NOT NULL,
    window_from         BIGINT NOT NULL,
    window_to           BIGINT NOT NULL,
    assignment_key      TEXT NOT NULL,              -- order | customer
    status              TEXT NOT NULL,              -- draft | running | stopped
    created_by          TEXT NOT NULL,
    created_at          BIGINT NOT NULL,
    started_at          BIGINT NULL,
    stopped_at          BIGINT NULL
);
CREATE INDEX ix_experiments_segment_status ON experiments (segment, status);

CREATE TABLE experiment_replays (
    id            TEXT COLLATE "C" PRIMARY KEY,
    experiment_id TEXT COLLATE "C" NOT NULL REFERENCES experiments (id),
    from_at       BIGINT NOT NULL,
    to_at         BIGINT NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX ix_experiment_replays_experiment ON experiment_replays (experiment_id, created_at);

CREATE TABLE experiment_outcomes (
    experiment_id       TEXT COLLATE "C" NOT NULL,
    replay_id           TEXT COLLATE "C" NOT NULL,
    decision_id         TEXT COLLATE "C" NOT NULL,
    arm                 TEXT COLLATE "C" NOT NULL,  -- control | variant
    decision_created_at BIGINT NOT NULL,
    requested           BIGINT NOT NULL,
    filled              BIGINT NOT NULL,
    fully_filled        INTEGER NOT NULL,           -- 0 | 1
    nodes               INTEGER NOT NULL,
    cost                DOUBLE PRECISION NOT NULL,
    margin_requested    DOUBLE PRECISION NOT NULL,
    margin_filled       DOUBLE PRECISION NOT NULL,
    backordered         INTEGER NOT NULL,           -- 0 | 1
    promise_attained    INTEGER NULL,               -- 0 | 1, NULL without a requested date
    PRIMARY KEY (experiment_id, replay_id, decision_id, arm)
);

ALTER TABLE decisions ADD COLUMN experiment_id TEXT COLLATE "C" NULL;
CREATE INDEX ix_decisions_experiment ON decisions (experiment_id, created_at) WHERE experiment_id IS NOT NULL;
