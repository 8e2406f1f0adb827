-- 0007: the language each person last used on our pages, for the e-mails they get later, and the
-- language a forgot-password request was made in (docs/decisions/0014-languages.md).
ALTER TABLE users ADD COLUMN language character varying(8);
ALTER TABLE password_reset_requests ADD COLUMN language character varying(8);
