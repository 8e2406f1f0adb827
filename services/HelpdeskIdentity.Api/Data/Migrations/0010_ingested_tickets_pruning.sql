-- 0010: ticket ids are forgotten after Tickets:RememberTicketIdsFor (decision 0003); the hourly delete finds them by age.
CREATE INDEX ix_ingested_tickets_ingested_at ON ingested_tickets (ingested_at);
