-- 0006: set-password links and the forgot-password requests that lead to them
-- (docs/decisions/0012-password-reset.md). A link is stored only as the SHA-256 of its handle.
CREATE TABLE password_reset_tokens (
    token_hash character varying(64) NOT NULL,
    account_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    consumed_at timestamp with time zone,
    voided_at timestamp with time zone,
    return_url character varying(2000),
    CONSTRAINT pk_password_reset_tokens PRIMARY KEY (token_hash),
    CONSTRAINT fk_password_reset_tokens_users_account_id FOREIGN KEY (account_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_password_reset_tokens_account_id ON password_reset_tokens (account_id);

-- What the forgot-password page writes: one fast INSERT whether or not the address has an account.
-- The worker turns each row into an e-mail (and a link when an account exists) and deletes it.
CREATE TABLE password_reset_requests (
    id uuid NOT NULL,
    email character varying(320) NOT NULL,
    return_url character varying(2000),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_password_reset_requests PRIMARY KEY (id)
);

CREATE INDEX ix_password_reset_requests_created_at ON password_reset_requests (created_at);
