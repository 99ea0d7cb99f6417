-- SQLite edition of Postgres/0005_rule_comments.sql. Feedback on rule set versions, listed per segment:
-- rule ids are stable across versions, so a comment on v3's rule shows beside it in the v4 draft.
CREATE TABLE rule_comments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_set_id TEXT NOT NULL,
    segment     TEXT NOT NULL,
    version     INTEGER NOT NULL,
    rule_id     TEXT NULL,
    author      TEXT NOT NULL,
    role        TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX ix_rule_comments_segment ON rule_comments (segment, created_at);
