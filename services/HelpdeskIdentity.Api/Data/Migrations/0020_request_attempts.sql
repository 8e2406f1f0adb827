-- 0020: how many times the worker failed to handle a forgot-password or register request (security review finding 8).
-- Each request is handled on its own savepoint; a failure counts here and the request is given up after
-- Accounts:RequestAttempts failures, so one bad row no longer stops every reset and registration e-mail.
ALTER TABLE password_reset_requests ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE registration_requests ADD COLUMN attempts integer NOT NULL DEFAULT 0;
