-- +goose Up
-- Provider sessions: sign-in with an OAuth provider (/api/connect/<provider>, the
-- provider's redirect back, /api/auth/<provider>/callback) keeps its state here, server-side,
-- where Strapi keeps it in its signed koa.sess cookie. The browser holds only a random
-- handle (the koa.sess cookie); the row is found by its SHA-256 (hex), so a database read
-- gives no usable cookie.
--   state, verifier, nonce: what the start leg sent the provider (state, PKCE, OIDC nonce);
--                the redirect back consumes state (NULL once used: a replayed redirect
--                finds no state and is refused).
--   callback:    the frontend URL the start leg was given (?callback=), if any.
--   email, username: the verified profile the redirect back read from the provider; the
--                provider's tokens are never stored.
--   error:       the provider's refusal of the profile (an unverified email, ...), which
--                the callback route answers.
-- The callback route deletes the row (single use); rows expire after 10 minutes.
CREATE TABLE provider_sessions (
    id         TEXT        NOT NULL PRIMARY KEY,
    provider   TEXT        NOT NULL,
    state      TEXT,
    verifier   TEXT        NOT NULL,
    nonce      TEXT        NOT NULL,
    callback   TEXT,
    email      TEXT,
    username   TEXT,
    error      TEXT,
    created_at TIMESTAMPTZ    NOT NULL,
    expires_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX provider_sessions_expires_at ON provider_sessions (expires_at);

-- +goose Down
DROP TABLE provider_sessions;
