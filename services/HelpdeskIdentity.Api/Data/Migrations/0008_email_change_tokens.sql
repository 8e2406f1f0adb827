-- 0008: e-mail change confirmations (docs/decisions/0015-sessions-and-self-service.md). A signed-in user
-- asks for a new address; the link sent to it is stored only as the SHA-256 of its handle. A newer
-- request voids older ones; confirming spends the link and changes the address in one transaction.
CREATE TABLE email_change_tokens (
    token_hash character varying(64) NOT NULL,
    account_id uuid NOT NULL,
    new_email character varying(320) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    consumed_at timestamp with time zone,
    voided_at timestamp with time zone,
    CONSTRAINT pk_email_change_tokens PRIMARY KEY (token_hash),
    CONSTRAINT fk_email_change_tokens_users_account_id FOREIGN KEY (account_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_email_change_tokens_account_id ON email_change_tokens (account_id);
