-- 0009: self-registration (docs/decisions/0017-organisations-and-registration.md). What the register page
-- writes — one fast INSERT whatever the address — and the verification links the worker mails, stored only
-- as the SHA-256 of their handle. The account itself is created when a link is used.
CREATE TABLE registration_requests (
    id uuid NOT NULL,
    email character varying(320) NOT NULL,
    display_name character varying(200) NOT NULL,
    return_url character varying(2000),
    language character varying(8),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_registration_requests PRIMARY KEY (id)
);

CREATE INDEX ix_registration_requests_created_at ON registration_requests (created_at);

CREATE TABLE registration_tokens (
    token_hash character varying(64) NOT NULL,
    email character varying(320) NOT NULL,
    display_name character varying(200) NOT NULL,
    return_url character varying(2000),
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    consumed_at timestamp with time zone,
    voided_at timestamp with time zone,
    CONSTRAINT pk_registration_tokens PRIMARY KEY (token_hash)
);

CREATE INDEX ix_registration_tokens_email ON registration_tokens (email);
