-- 0017: what operators switch. An operator can disable an account (docs/decisions/0033-admin-api.md): it cannot sign in, and no token is
-- issued or refreshed for it, until it is enabled again. NULL = enabled.
ALTER TABLE users ADD COLUMN disabled_at timestamp with time zone;

-- An operator's self-registration switch for one organisation (PATCH /admin/v1/organizations/{id}); NULL = the
-- Registration section of the configuration decides, as before.
ALTER TABLE organizations ADD COLUMN self_registration boolean;
