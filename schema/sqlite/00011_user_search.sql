-- +goose Up
-- The index of _q and of the $contains family of filters (issue 13): without it, both scan
-- up_users and compare every row (1 s at a million users). An FTS5 table with the trigram
-- tokenizer finds the users whose text contains any run of 3 or more characters. It only
-- narrows the candidates: the store still applies the filter's own LIKE or GLOB to them
-- (userquery.go), since FTS5 folds case over all of Unicode where SQLite's lower() and LIKE
-- fold ASCII only; what the index finds is a superset of what the filter keeps.
-- The columns are what _q searches: the id (as text), documentId, username, email,
-- provider, and every value of the profile JSON (the custom fields, one per line), so that
-- custom fields declared later (USER_FIELDS_FILE) are covered with no change here.
-- Contentless (content=''): the table stores the index only, not a second copy of the
-- text; contentless_delete lets the triggers delete a user's row.
CREATE VIRTUAL TABLE up_users_search USING fts5 (
    id, document_id, username, email, provider, profile,
    tokenize = 'trigram', content = '', contentless_delete = 1
);

-- +goose StatementBegin
CREATE TRIGGER up_users_search_insert AFTER INSERT ON up_users BEGIN
    INSERT INTO up_users_search (rowid, id, document_id, username, email, provider, profile)
    VALUES (new.id, new.id, new.document_id, new.username, new.email, new.provider,
            (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.profile) THEN new.profile END)));
END;
-- +goose StatementEnd

-- Only a change of a searched column rewrites the row (not a login's or a password's).
-- +goose StatementBegin
CREATE TRIGGER up_users_search_update AFTER UPDATE OF id, document_id, username, email, provider, profile ON up_users BEGIN
    DELETE FROM up_users_search WHERE rowid = old.id;
    INSERT INTO up_users_search (rowid, id, document_id, username, email, provider, profile)
    VALUES (new.id, new.id, new.document_id, new.username, new.email, new.provider,
            (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(new.profile) THEN new.profile END)));
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER up_users_search_delete AFTER DELETE ON up_users BEGIN
    DELETE FROM up_users_search WHERE rowid = old.id;
END;
-- +goose StatementEnd

INSERT INTO up_users_search (rowid, id, document_id, username, email, provider, profile)
SELECT u.id, u.id, u.document_id, u.username, u.email, u.provider,
       (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(u.profile) THEN u.profile END))
FROM up_users u;

-- +goose Down
DROP TRIGGER up_users_search_delete;
DROP TRIGGER up_users_search_update;
DROP TRIGGER up_users_search_insert;
DROP TABLE up_users_search;
