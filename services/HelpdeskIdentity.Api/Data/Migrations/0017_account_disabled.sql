-- 0017: an operator can disable an account (docs/decisions/0033-admin-api.md): it cannot sign in, and no token is
-- issued or refreshed for it, until it is enabled again. NULL = enabled.
ALTER TABLE users ADD COLUMN disabled_at timestamp with time zone;
