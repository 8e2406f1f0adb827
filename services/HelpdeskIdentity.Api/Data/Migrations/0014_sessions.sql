-- 0014: server-side sessions (docs/security.md, finding 3; docs/decisions/0024-server-side-sessions.md). One row per
-- browser sign-in; its id is the session cookie's and the ID tokens' sid (random 128 bits, not a credential on its
-- own: the cookie is). Every page and authorization request checks its row, so a session signed out, signed out
-- "everywhere else", or past its absolute lifetime ends at once, wherever its cookie was copied to.
CREATE TABLE sessions (
    id character varying(100) NOT NULL,
    account_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    persistent boolean NOT NULL,
    user_agent character varying(100) NOT NULL,
    revoked_at timestamp with time zone,
    CONSTRAINT pk_sessions PRIMARY KEY (id),
    CONSTRAINT fk_sessions_users_account_id FOREIGN KEY (account_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_sessions_account_id ON sessions (account_id);

CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);
