-- 0011: OpenIddict's four tables (decision 0021), named openiddict_* in snake_case like the rest.
-- Applications are the clients seeded from Oidc:Clients (client_secret holds SHA-256 hex digests,
-- decision 0009); tokens hold authorization codes and refresh tokens (payloads are encrypted by
-- OpenIddict, so a stolen table yields no usable token). session_id is ours: the browser session
-- (sid) an authorization was granted in, so "revoke what session X was issued" is one statement.
CREATE TABLE openiddict_applications (
    id text NOT NULL,
    application_type character varying(50),
    client_id character varying(100),
    client_secret text,
    client_type character varying(50),
    concurrency_token character varying(50),
    consent_type character varying(50),
    display_name text,
    display_names text,
    json_web_key_set text,
    permissions text,
    post_logout_redirect_uris text,
    properties text,
    redirect_uris text,
    requirements text,
    settings text,
    CONSTRAINT pk_openiddict_applications PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_openiddict_applications_client_id ON openiddict_applications (client_id);

CREATE TABLE openiddict_scopes (
    id text NOT NULL,
    concurrency_token character varying(50),
    description text,
    descriptions text,
    display_name text,
    display_names text,
    name character varying(200),
    properties text,
    resources text,
    CONSTRAINT pk_openiddict_scopes PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_openiddict_scopes_name ON openiddict_scopes (name);

CREATE TABLE openiddict_authorizations (
    id text NOT NULL,
    session_id character varying(100),
    application_id text,
    concurrency_token character varying(50),
    creation_date timestamp with time zone,
    properties text,
    scopes text,
    status character varying(50),
    subject character varying(400),
    type character varying(50),
    CONSTRAINT pk_openiddict_authorizations PRIMARY KEY (id),
    CONSTRAINT fk_openiddict_authorizations_application_id FOREIGN KEY (application_id) REFERENCES openiddict_applications (id)
);

CREATE INDEX ix_openiddict_authorizations_application_id_status_subject_type ON openiddict_authorizations (application_id, status, subject, type);

CREATE INDEX ix_openiddict_authorizations_session_id ON openiddict_authorizations (session_id);

CREATE TABLE openiddict_tokens (
    id text NOT NULL,
    application_id text,
    authorization_id text,
    concurrency_token character varying(50),
    creation_date timestamp with time zone,
    expiration_date timestamp with time zone,
    payload text,
    properties text,
    redemption_date timestamp with time zone,
    reference_id character varying(100),
    status character varying(50),
    subject character varying(400),
    type character varying(150),
    CONSTRAINT pk_openiddict_tokens PRIMARY KEY (id),
    CONSTRAINT fk_openiddict_tokens_application_id FOREIGN KEY (application_id) REFERENCES openiddict_applications (id),
    CONSTRAINT fk_openiddict_tokens_authorization_id FOREIGN KEY (authorization_id) REFERENCES openiddict_authorizations (id)
);

CREATE INDEX ix_openiddict_tokens_application_id_status_subject_type ON openiddict_tokens (application_id, status, subject, type);

CREATE INDEX ix_openiddict_tokens_authorization_id ON openiddict_tokens (authorization_id);

CREATE UNIQUE INDEX ix_openiddict_tokens_reference_id ON openiddict_tokens (reference_id);
