-- 0004: the e-mail outbox. A flow writes its e-mail here in its own transaction; EmailDispatcher sends
-- it after the commit, marks it sent once, retries with back-off, and gives up after Email:GiveUpAfter.
-- The body is stored because it is what must be sent; provider secrets never are.
CREATE TABLE email_outbox (
    id uuid NOT NULL,
    idempotency_key character varying(200) NOT NULL,
    category character varying(100) NOT NULL,
    to_address character varying(320) NOT NULL,
    to_name character varying(200),
    subject text NOT NULL,
    html_body text NOT NULL,
    text_body text NOT NULL,
    status character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    attempts integer NOT NULL,
    last_error character varying(2000),
    CONSTRAINT pk_email_outbox PRIMARY KEY (id)
);

-- One row per idempotency key: enqueueing the same mail twice is a no-op.
CREATE UNIQUE INDEX ix_email_outbox_idempotency_key ON email_outbox (idempotency_key);

-- The dispatcher's claim: pending rows by due time.
CREATE INDEX ix_email_outbox_next_attempt_at ON email_outbox (next_attempt_at) WHERE status = 'pending';
