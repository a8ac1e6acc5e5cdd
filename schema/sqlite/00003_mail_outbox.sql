-- +goose Up
-- Durable outbox of the mails the service sends. A row is written in the transaction of the
-- request that asks for the mail and is delivered by the background sender, with retries.
--   status 'requested': a forgot-password request to look up; the sender resolves it, in one
--                       transaction, into a reset code and the rendered mail ('queued'), or
--                       deletes it when no active account has that email. The request itself
--                       does the same work whether or not the account exists.
--   status 'queued':    a rendered mail waiting for (another) delivery attempt.
--   status 'sent' / 'failed': done; the body is erased, only the metadata is kept.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    sender          TEXT        NOT NULL DEFAULT '',
    reply_to        TEXT        NOT NULL DEFAULT '',
    subject         TEXT        NOT NULL DEFAULT '',
    body_text       TEXT        NOT NULL DEFAULT '',
    body_html       TEXT        NOT NULL DEFAULT '',
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at DATETIME    NOT NULL,
    locked_until    DATETIME   ,
    last_error      TEXT        NOT NULL DEFAULT '',
    created_at      DATETIME    NOT NULL,
    sent_at         DATETIME   
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at, id) WHERE status IN ('requested', 'queued');

-- +goose Down
DROP TABLE mail_outbox;
