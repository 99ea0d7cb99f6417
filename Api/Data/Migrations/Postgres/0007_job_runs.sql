-- One row per run of a background job and occurrence (a recurring job's scheduled instant, or the event
-- that triggered it). The unique key makes each occurrence run once, across instances and retries; the
-- checkpoint, written in the same transaction as each batch, lets a killed run resume without applying
-- anything twice. Instants are microseconds since the Unix epoch.
CREATE TABLE job_runs (
    id           TEXT PRIMARY KEY,
    job          TEXT NOT NULL,
    occurrence   TEXT NOT NULL,
    argument     TEXT NULL,
    status       TEXT NOT NULL,                 -- running | succeeded | failed
    started_at   BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL,               -- a running run whose heartbeat stops was killed: it may be resumed
    finished_at  BIGINT NULL,
    attempts     INTEGER NOT NULL,
    checkpoint   TEXT NULL,                     -- job-specific: where the last committed batch ended
    done         BIGINT NOT NULL,
    total        BIGINT NULL,
    summary      TEXT NOT NULL,                 -- JSON object: counters of what the run matched and did
    report       TEXT NOT NULL,                 -- JSON array: the first lines of what it did, in words
    message      TEXT NULL,
    UNIQUE (job, occurrence)
);
CREATE INDEX ix_job_runs_job_started ON job_runs (job, started_at);
