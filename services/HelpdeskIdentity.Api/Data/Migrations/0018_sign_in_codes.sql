-- 0018: e-mailed sign-in codes (docs/decisions/0036-email-sign-in-code.md). The sign-in page's "e-mail me a
-- sign-in code" is a forgot-password request of another purpose: the same table, the same worker, the same
-- answer whether or not the address has an account. A code is stored only as SHA-256(account id, code);
-- an account has at most one (a newer one replaces it), it counts wrong attempts and is deleted when used,
-- when it has had too many, or by the pruner once expired.
ALTER TABLE password_reset_requests ADD COLUMN purpose character varying(20) NOT NULL DEFAULT 'set-password';

CREATE TABLE sign_in_codes (
    account_id uuid NOT NULL,
    code_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    failed_attempts integer NOT NULL,
    return_url character varying(2000),
    CONSTRAINT pk_sign_in_codes PRIMARY KEY (account_id),
    CONSTRAINT fk_sign_in_codes_users_account_id FOREIGN KEY (account_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_sign_in_codes_expires_at ON sign_in_codes (expires_at);
