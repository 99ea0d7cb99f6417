-- Master data a decision read, stored once per version (content hash) instead of once per decision:
-- a snapshot keeps its positions and node states inline and names its node list by hash.
CREATE TABLE snapshot_parts (
    hash       TEXT COLLATE "C" PRIMARY KEY,   -- SHA-256 of body, hex
    kind       TEXT NOT NULL,                  -- nodes
    body       TEXT NOT NULL,                  -- JSON
    created_at BIGINT NOT NULL
);
