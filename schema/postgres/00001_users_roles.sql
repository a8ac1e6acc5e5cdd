-- +goose Up
-- Roles, their permissions and the users, as Strapi's Users & Permissions plugin models them
-- (up_roles, up_permissions, up_users), with the hardening of decisions D4 and D5:
-- one-time codes are stored as SHA-256 hashes with an expiry, and tokens_valid_after
-- (Unix seconds) revokes every JWT issued before it.
CREATE TABLE up_roles (
    id           BIGSERIAL PRIMARY KEY,
    document_id  TEXT        NOT NULL UNIQUE,
    name         TEXT        NOT NULL,
    description  TEXT,
    type         TEXT        NOT NULL UNIQUE,
    -- Bumped in the same transaction as any change to the role's permissions, so that
    -- every instance notices on the next request that its cached permissions are stale.
    perm_version BIGINT      NOT NULL DEFAULT 1,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE up_permissions (
    id           BIGSERIAL PRIMARY KEY,
    document_id  TEXT        NOT NULL UNIQUE,
    role_id      BIGINT      NOT NULL REFERENCES up_roles (id) ON DELETE CASCADE,
    action       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    UNIQUE (role_id, action)
);

CREATE TABLE up_users (
    id                        BIGSERIAL PRIMARY KEY,
    document_id               TEXT        NOT NULL UNIQUE,
    username                  TEXT        NOT NULL,
    -- Stored lower-cased by the service; unique case-insensitively (up_users_email_key).
    email                     TEXT        NOT NULL,
    provider                  TEXT        NOT NULL DEFAULT 'local',
    password                  TEXT,
    reset_password_token_hash TEXT,
    reset_password_expires_at TIMESTAMPTZ,
    confirmation_token_hash   TEXT,
    confirmation_expires_at   TIMESTAMPTZ,
    confirmed                 BOOLEAN     NOT NULL DEFAULT FALSE,
    blocked                   BOOLEAN     NOT NULL DEFAULT FALSE,
    role_id                   BIGINT      REFERENCES up_roles (id) ON DELETE SET NULL,
    tokens_valid_after        BIGINT      NOT NULL DEFAULT 0,
    created_at                TIMESTAMPTZ NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL,
    published_at              TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX up_users_email_key ON up_users (lower(email));
CREATE UNIQUE INDEX up_users_username_key ON up_users (username);
CREATE INDEX up_users_role_id_idx ON up_users (role_id);
CREATE INDEX up_users_reset_token_idx ON up_users (reset_password_token_hash) WHERE reset_password_token_hash IS NOT NULL;
CREATE INDEX up_users_confirmation_token_idx ON up_users (confirmation_token_hash) WHERE confirmation_token_hash IS NOT NULL;

-- Plugin settings (advanced settings, email templates), one JSON document per key, as in
-- Strapi's strapi_core_store_settings.
CREATE TABLE core_store (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE core_store;
DROP TABLE up_users;
DROP TABLE up_permissions;
DROP TABLE up_roles;
