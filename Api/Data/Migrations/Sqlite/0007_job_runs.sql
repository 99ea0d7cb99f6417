-- SQLite edition of Postgres/0007_job_runs.sql: same table, same columns.
CREATE TABLE job_runs (
    id           TEXT PRIMARY KEY,
    job          TEXT NOT NULL,
    occurrence   TEXT NOT NULL,
    argument     TEXT NULL,
    status       TEXT NOT NULL,
    started_at   BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL,
    finished_at  BIGINT NULL,
    attempts     INTEGER NOT NULL,
    checkpoint   TEXT NULL,
    done         BIGINT NOT NULL,
    total        BIGINT NULL,
    summary      TEXT NOT NULL,
    report       TEXT NOT NULL,
    message      TEXT NULL,
    UNIQUE (job, occurrence)
);
CREATE INDEX ix_job_runs_job_started ON job_runs (job, started_at);
