-- +goose Up
-- Content-API tokens, as Strapi's admin makes them (strapi_api_tokens): a long random
-- value given once to the operator, stored only as its keyed hash, HMAC-SHA512 with
-- API_TOKEN_SALT in hex, so tokens created by a Strapi with the same salt can be moved here
-- with their hashes.
--   type 'full-access': every action; 'read-only': the find and findOne actions;
--   'custom': the actions listed in actions (a JSON array of action names).
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  TEXT        NOT NULL UNIQUE,
    name         TEXT        NOT NULL UNIQUE,
    description  TEXT        NOT NULL DEFAULT '',
    type         TEXT        NOT NULL CHECK (type IN ('full-access', 'read-only', 'custom')),
    access_key   TEXT        NOT NULL UNIQUE,
    actions      TEXT        NOT NULL DEFAULT '[]',
    expires_at   DATETIME   ,
    last_used_at DATETIME   ,
    created_at   DATETIME    NOT NULL,
    updated_at   DATETIME    NOT NULL
);

-- +goose Down
DROP TABLE api_tokens;
