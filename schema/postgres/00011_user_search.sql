-- +goose Up
-- The index of _q and of the $contains family of filters (issue 13): without it, both scan
-- up_users and compare every row (1 s at a million users). A trigram GIN index (pg_trgm)
-- on one text per user finds the users whose text contains the searched one (3 characters
-- or more). It only narrows the candidates: the store still applies the filter's own
-- predicate to them (userquery.go), so the answers are those of the scan.
-- The text is what _q searches, lower-cased as the filters compare: the id, documentId,
-- username, email, provider, and every value of the profile JSON (the custom fields, one
-- per line), so that custom fields declared later (USER_FIELDS_FILE) are covered with no
-- change here. The store's queries call this function with the same arguments, which is
-- how PostgreSQL knows the index applies.
-- +goose StatementBegin
CREATE FUNCTION up_users_search_text(id BIGINT, document_id TEXT, username TEXT, email TEXT, provider TEXT, profile JSONB)
RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(concat_ws(E'\n', id::text, document_id, username, email, provider,
        (SELECT string_agg(v.value #>> '{}', E'\n')
         FROM jsonb_each(CASE WHEN jsonb_typeof(profile) = 'object' THEN profile END) AS v)))
$$;
-- +goose StatementEnd

-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: a database owner
-- may create it. Where it cannot be created (not installed, or no privilege), the
-- migration still succeeds without the index: the searches scan as before, and the
-- service logs a warning at each start (store.Open) until the index exists.
-- +goose StatementBegin
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX up_users_search ON up_users
        USING gin (up_users_search_text(id, document_id, username, email, provider, profile) gin_trgm_ops);
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported OR undefined_object THEN
    RAISE WARNING 'no trigram index for the users search (%): _q and the $contains filters scan up_users', SQLERRM;
END
$$;
-- +goose StatementEnd

-- sort=username: the users API orders text bytewise (COLLATE "C", as SQLite does), which
-- the unique index on username (the database's collation) cannot give: without this one, a
-- sorted page sorts the whole table (100 ms at 100 000 users).
CREATE INDEX up_users_username_c ON up_users (username COLLATE "C");

-- +goose Down
DROP INDEX up_users_username_c;
DROP INDEX IF EXISTS up_users_search;
DROP FUNCTION up_users_search_text(BIGINT, TEXT, TEXT, TEXT, TEXT, JSONB);
