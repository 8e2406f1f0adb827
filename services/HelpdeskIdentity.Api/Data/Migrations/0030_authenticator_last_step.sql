-- 0030: an authenticator code is accepted once (RFC 6238 §5.2, NIST SP 800-63B-4). The 30-second time step of the last
-- code the account's authenticator app gave that was accepted; a code of that step or an earlier one is refused
-- (docs/decisions/0059-authenticator-codes-once.md). NULL: none accepted yet.
ALTER TABLE users ADD COLUMN authenticator_last_step bigint;
