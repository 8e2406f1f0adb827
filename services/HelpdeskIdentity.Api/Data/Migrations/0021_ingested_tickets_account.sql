-- 0021: every counted ticket id names the account it was counted for (docs/decisions/0035), so GDPR erase removes all
-- of the person's ticket ids, not only the first one's (which was found through the retained creation message).
-- Intake fills it in its transaction; a row older than this script is linked while its creation message is retained.
ALTER TABLE ingested_tickets ADD COLUMN account_id uuid;

UPDATE ingested_tickets t SET account_id = (o.payload->>'accountId')::uuid
FROM outbox_messages o
WHERE o.message_type = 'RequesterAccountCreated' AND o.payload->>'ticketId' = t.ticket_id
  AND EXISTS (SELECT 1 FROM users u WHERE u.id = (o.payload->>'accountId')::uuid);

ALTER TABLE ingested_tickets
    ADD CONSTRAINT fk_ingested_tickets_users_account_id FOREIGN KEY (account_id) REFERENCES users (id) ON DELETE CASCADE;

CREATE INDEX ix_ingested_tickets_account_id ON ingested_tickets (account_id);
