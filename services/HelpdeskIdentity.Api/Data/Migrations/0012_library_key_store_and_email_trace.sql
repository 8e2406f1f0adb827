-- 0012: the Data Protection key ring is kept by Microsoft.AspNetCore.DataProtection.EntityFrameworkCore
-- (decision 0027). Its DataProtectionKey entity maps to the same table and columns (id, friendly_name, xml),
-- so every key written before stays readable; only xml follows the library's model, which allows null.
ALTER TABLE data_protection_keys ALTER COLUMN xml DROP NOT NULL;

-- An e-mail's delivery joins the trace of what enqueued it (decision 0028): the W3C traceparent of that activity.
ALTER TABLE email_outbox ADD COLUMN trace_parent character varying(55);
