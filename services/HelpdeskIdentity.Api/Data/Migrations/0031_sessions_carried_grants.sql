-- 0031: signing in again in the same browser as the same account ends the old session's row but hands its grants
-- (the portal's refresh tokens) to the new session (docs/decisions/0061). The ids of the sessions whose grants this
-- one carries, so ending it ends theirs too (GrantRevocations).
ALTER TABLE sessions ADD COLUMN carried_session_ids text[] NOT NULL DEFAULT '{}';
