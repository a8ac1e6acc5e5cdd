-- +goose Up
-- The refresh-token sessions of refresh mode (JWT_MANAGEMENT=refresh): Strapi's
-- strapi_sessions reduced to what the service needs. Every refresh rotates the session: the
-- row gets a child_id and a new row (the child, with a new session id) carries the session
-- on. The rows of one login form a family (family_id, the session id of the login's row),
-- which is what a user sees as one session and what logout, revocation and reuse detection
-- end, in one statement. An access token carries the session id of its row and works only
-- while that row exists, so ending a session ends its access tokens at once (decision D5).
--   child_id NULL: the active row of its family; otherwise rotated into child_id.
--   expires_at: the idle deadline of this row's refresh token (its exp), never later than
--               absolute_expires_at, the deadline of the whole family.
--   login_at, device_id, device_name: what the session list shows; copied to each child.
-- Rows whose refresh token has expired are deleted in small batches by a background task.
CREATE TABLE up_sessions (
    session_id          TEXT        NOT NULL PRIMARY KEY,
    family_id           TEXT        NOT NULL,
    user_id             BIGINT      NOT NULL REFERENCES up_users (id) ON DELETE CASCADE,
    child_id            TEXT,
    device_id           TEXT,
    device_name         TEXT,
    login_at            TIMESTAMPTZ NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    expires_at          TIMESTAMPTZ NOT NULL,
    absolute_expires_at TIMESTAMPTZ NOT NULL
);
-- A user's sessions (list, logout all, logout by device, the cascade of a user's deletion).
CREATE INDEX up_sessions_user_device_idx ON up_sessions (user_id, device_id);
-- A family's rows (revocation).
CREATE INDEX up_sessions_family_idx ON up_sessions (family_id);
-- Expired rows (cleanup).
CREATE INDEX up_sessions_expires_idx ON up_sessions (expires_at);

-- +goose Down
DROP TABLE up_sessions;
