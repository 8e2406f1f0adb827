-- 0016: the audit trail (docs/decisions/0034-audit-trail.md). One append-only row per security event, written in
-- the same transaction as what it records. account_id has no foreign key on purpose: an erased account's events
-- stay, with its id and nothing that names the person. Rows are deleted only by retention (Audit:Retention).
CREATE TABLE audit_events (
    id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    type character varying(64) NOT NULL,
    outcome character varying(16) NOT NULL,
    account_id uuid,
    client_id character varying(100),
    session_id character varying(100),
    source_ip character varying(64),
    user_agent character varying(100),
    detail character varying(100),
    CONSTRAINT pk_audit_events PRIMARY KEY (id)
);

-- The admin API's query and the export: one account's events, newest first.
CREATE INDEX ix_audit_events_account_id_occurred_at ON audit_events (account_id, occurred_at);

-- The query without an account, `audit tail`, and the hourly retention delete.
CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at);

-- Append-only: an event once written is never changed.
CREATE FUNCTION audit_events_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_update();
