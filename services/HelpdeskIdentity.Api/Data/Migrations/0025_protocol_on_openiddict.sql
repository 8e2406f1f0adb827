-- 0025: the protocol runs on OpenIddict (decision 0021). Its applications, authorizations and tokens replace our
-- own client, code and refresh-token tables, and access tokens are self-contained JWTs with no revocation list.
-- Grants issued before this migration end with it: people sign in again, clients are re-seeded from configuration.
DROP TABLE IF EXISTS authorization_codes;
DROP TABLE IF EXISTS refresh_tokens;
DROP TABLE IF EXISTS revoked_tokens;
DROP TABLE IF EXISTS oidc_clients;

-- "End everything this account was issued" (GrantRevocations, erasure) finds rows by subject.
CREATE INDEX ix_openiddict_authorizations_subject ON openiddict_authorizations (subject);
CREATE INDEX ix_openiddict_tokens_subject ON openiddict_tokens (subject);
