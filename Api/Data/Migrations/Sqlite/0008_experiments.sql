-- SQLite edition of Postgres/0008_experiments.sql: same tables, same columns, same keys.
CREATE TABLE experiments (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    segment             TEXT NOT NULL,
    control_rule_set_id TEXT NOT NULL,
    control_version     BIGINT NOT NULL,
    variant_rule_set_id TEXT NOT NULL,
    variant_version     BIGINT NOT NULL,
    traffic_share       REAL NOT NULL,
    window_from         BIGINT NOT NULL,
    window_to           BIGINT NOT NULL,
    assignment_key      TEXT NOT NULL,
    status              TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    created_at          BIGINT NOT NULL,
    started_at          BIGINT NULL,
    stopped_at          BIGINT NULL
);
CREATE INDEX ix_experiments_segment_status ON experiments (segment, status);

CREATE TABLE experiment_replays (
    id            TEXT PRIMARY KEY,
    experiment_id TEXT NOT NULL REFERENCES experiments (id),
    from_at       BIGINT NOT NULL,
    to_at         BIGINT NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX ix_experiment_replays_experiment ON experiment_replays (experiment_id, created_at);

CREATE TABLE experiment_outcomes (
    experiment_id       TEXT NOT NULL,
    replay_id           TEXT NOT NULL,
    decision_id         TEXT NOT NULL,
    arm                 TEXT NOT NULL,
    decision_created_at BIGINT NOT NULL,
    requested           BIGINT NOT NULL,
    filled              BIGINT NOT NULL,
    fully_filled        INTEGER NOT NULL,
    nodes               INTEGER NOT NULL,
    cost                REAL NOT NULL,
    margin_requested    REAL NOT NULL,
    margin_filled       REAL NOT NULL,
    backordered         INTEGER NOT NULL,
    promise_attained    INTEGER NULL,
    PRIMARY KEY (experiment_id, replay_id, decision_id, arm)
);

ALTER TABLE decisions ADD COLUMN experiment_id TEXT NULL;
CREATE INDEX ix_decisions_experiment ON decisions (experiment_id, created_at) WHERE experiment_id IS NOT NULL;
