-- 0015: rate-limit counters shared by every instance (decision 0030). One row per limited key (a SHA-256 of
-- "policy client 198.51.100.7" or "policy address jan@example.nl": no address or IP stored readable) and
-- fixed window. UNLOGGED: a counter is cheap to lose in a crash and not worth a WAL write per sign-in.
CREATE UNLOGGED TABLE rate_limit_counters (
    key_hash bytea NOT NULL,
    window_ends_at timestamp with time zone NOT NULL,
    count integer NOT NULL,
    CONSTRAINT pk_rate_limit_counters PRIMARY KEY (key_hash)
);
CREATE INDEX ix_rate_limit_counters_window_ends_at ON rate_limit_counters (window_ends_at);
