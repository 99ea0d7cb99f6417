-- SQLite edition of Postgres/0004_snapshot_parts.sql.
CREATE TABLE snapshot_parts (
    hash       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
