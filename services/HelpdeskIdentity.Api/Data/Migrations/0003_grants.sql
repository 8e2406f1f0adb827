-- 0003: authorization codes and refresh tokens, stored only as SHA-256 hashes of the handles.
-- consumed_at makes every spend single-use; replayed_at and the recorded access token / refresh
-- family let a replayed code revoke what its first use issued.
CREATE TABLE authorization_codes (
    code_hash character varying(64) NOT NULL,
    client_id character varying(100) NOT NULL,
    redirect_uri text NOT NULL,
    subject_id character varying(100) NOT NULL,
    session_id character varying(100) NOT NULL,
    authenticated_at timestamp with time zone NOT NULL,
    scopes text[] NOT NULL,
    nonce character varying(500),
    code_challenge character varying(43),
    expires_at timestamp with time zone NOT NULL,
    consumed_at timestamp with time zone,
    replayed_at timestamp with time zone,
    access_token_id character varying(100),
    access_token_expires_at timestamp with time zone,
    refresh_family_id uuid,
    CONSTRAINT pk_authorization_codes PRIMARY KEY (code_hash)
);

CREATE INDEX ix_authorization_codes_expires_at ON authorization_codes (expires_at);

CREATE TABLE refresh_tokens (
    token_hash character varying(64) NOT NULL,
    family_id uuid NOT NULL,
    client_id character varying(100) NOT NULL,
    subject_id character varying(100) NOT NULL,
    session_id character varying(100) NOT NULL,
    authenticated_at timestamp with time zone NOT NULL,
    scopes text[] NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    family_expires_at timestamp with time zone NOT NULL,
    consumed_at timestamp with time zone,
    revoked_at timestamp with time zone,
    CONSTRAINT pk_refresh_tokens PRIMARY KEY (token_hash)
);

CREATE INDEX ix_refresh_tokens_family_id ON refresh_tokens (family_id);

CREATE INDEX ix_refresh_tokens_subject_id_session_id ON refresh_tokens (subject_id, session_id);
