-- Rule set versions. Each row is one version of one segment's rules: a draft (editable, revision
-- counts edits for optimistic concurrency), then published (immutable, numbered) or archived. The
-- document is kept as the planner sent it, so an invalid draft can be saved and fixed later.
CREATE TABLE rule_sets (
    id              TEXT PRIMARY KEY,
    segment         TEXT NOT NULL,
    version         INTEGER NOT NULL,
    status          TEXT NOT NULL,              -- draft | published | archived
    name            TEXT NOT NULL,
    document        TEXT NOT NULL,              -- JSON, rules-schema.json
    revision        INTEGER NOT NULL,
    author          TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    based_on        TEXT NULL,                  -- the version this one was copied or rolled back from
    published_at    BIGINT NULL,
    published_by    TEXT NULL,
    publish_comment TEXT NULL,
    effective_from  BIGINT NULL,
    archived_at     BIGINT NULL,
    archived_by     TEXT NULL,
    UNIQUE (segment, version)
);
CREATE INDEX ix_rule_sets_segment_status ON rule_sets (segment, status);
