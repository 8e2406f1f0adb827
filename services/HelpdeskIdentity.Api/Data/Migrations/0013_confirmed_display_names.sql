-- 0013: a name from a ticket is only a suggestion (docs/security.md, finding 2). users.display_name holds a name the
-- account's owner typed or confirmed (registration, set-password, the account page, or an operator); the name a
-- ticket's From header carried waits in suggested_display_name until the owner confirms or edits it.
ALTER TABLE users ADD COLUMN suggested_display_name character varying(200);

-- Names an account got from a ticket cannot be told apart from confirmed ones: every name of an account that has
-- received a ticket becomes a suggestion again. Its owner confirms it on the account page.
UPDATE users SET suggested_display_name = display_name, display_name = NULL
WHERE display_name IS NOT NULL AND first_ticket_at IS NOT NULL;
