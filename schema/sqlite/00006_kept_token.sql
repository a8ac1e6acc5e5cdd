-- +goose Up
-- Decision D5 (amended 2026-12): in legacy mode a password change keeps working the one token
-- that made it, until its own exp, while every other token issued before the change dies
-- (tokens_valid_after). kept_token_hash is the SHA-256 (hex) of that token; any other write of
-- tokens_valid_after (a reset, an administrator's new password, a block, "log out
-- everywhere") clears it. Tokens carry a random jti, so no two are alike.
ALTER TABLE up_users ADD COLUMN kept_token_hash TEXT;

-- +goose Down
ALTER TABLE up_users DROP COLUMN kept_token_hash;
