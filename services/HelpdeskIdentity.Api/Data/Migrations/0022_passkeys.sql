-- 0022: passkeys (WebAuthn credentials, docs/decisions/0039-passkeys.md). A credential's id and public key are not
-- secrets: the private key never leaves the authenticator. The sign counter is kept to notice a cloned authenticator;
-- last_used_at is shown on the account page. A ceremony (the options one registration or sign-in was started with,
-- its challenge among them) is stored under the SHA-256 of a random handle kept in an HttpOnly cookie of the browser
-- that started it, bound to what started it (the session, or the set-password link), and deleted when it is used:
-- a challenge answers once.
CREATE TABLE passkeys (
    id uuid NOT NULL,
    account_id uuid NOT NULL,
    credential_id bytea NOT NULL,
    public_key bytea NOT NULL,
    sign_count bigint NOT NULL,
    transports text[] NOT NULL,
    aaguid uuid NOT NULL,
    backup_eligible boolean NOT NULL,
    name character varying(100) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    CONSTRAINT pk_passkeys PRIMARY KEY (id),
    CONSTRAINT fk_passkeys_users_account_id FOREIGN KEY (account_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_passkeys_credential_id ON passkeys (credential_id);

CREATE INDEX ix_passkeys_account_id ON passkeys (account_id);

CREATE TABLE passkey_ceremonies (
    handle_hash character varying(64) NOT NULL,
    purpose character varying(20) NOT NULL,
    account_id uuid,
    binding character varying(100),
    options text NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_passkey_ceremonies PRIMARY KEY (handle_hash),
    CONSTRAINT fk_passkey_ceremonies_users_account_id FOREIGN KEY (account_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_passkey_ceremonies_account_id ON passkey_ceremonies (account_id);

CREATE INDEX ix_passkey_ceremonies_expires_at ON passkey_ceremonies (expires_at);
