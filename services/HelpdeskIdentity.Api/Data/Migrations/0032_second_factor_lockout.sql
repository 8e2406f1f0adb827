-- 0032: wrong second-factor codes (the authenticator app's, recovery codes) count toward a lockout of their own, apart
-- from wrong passwords (users.access_failed_count / lockout_end): NIST SP 800-63B-4 §3.2.2 limits failed attempts per
-- authenticator, and guessing a password must not lock the owner's authenticator app (docs/decisions/0062).
ALTER TABLE users ADD COLUMN second_factor_failed_count integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN second_factor_lockout_end timestamptz;
