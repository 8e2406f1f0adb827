-- 0019: how the user signed in (RFC 8176 amr values: pwd, otp, mfa …), carried from the session through the
-- authorization code into the ID token (docs/decisions/0038). Codes issued before this migration have none.
ALTER TABLE authorization_codes ADD COLUMN amr text[] NOT NULL DEFAULT '{}';
ALTER TABLE authorization_codes ALTER COLUMN amr DROP DEFAULT;
