-- Feedback on rule set versions: operators and analysts say what went wrong on the floor, planners read
-- it beside the rule. Rule ids are stable across a segment's versions, so comments are listed per
-- segment (kept here with the version commented on) and shown beside the same rule in later drafts.
CREATE TABLE rule_comments (
    id          BIGSERIAL PRIMARY KEY,
    rule_set_id TEXT COLLATE "C" NOT NULL,      -- the version commented on
    segment     TEXT COLLATE "C" NOT NULL,
    version     INTEGER NOT NULL,
    rule_id     TEXT COLLATE "C" NULL,          -- null: on the rule set as a whole
    author      TEXT NOT NULL,                  -- the API key's name
    role        TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX ix_rule_comments_segment ON rule_comments (segment, created_at);
