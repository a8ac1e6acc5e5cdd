package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

// strapiFixture is the SQLite database a real Strapi 5.54 made (internal/strapidb/testdata).
var strapiFixture = filepath.Join("..", "..", "internal", "strapidb", "testdata", "strapi5-sqlite.db")

// importTables are the tables `import strapi` writes.
var importTables = []string{"up_roles", "up_permissions", "up_users", "api_tokens", "up_sessions", "core_store", "up_user_fields"}

// TestImportStrapiCommand runs `mtb-api import strapi` against a running service's database:
// bad sources and a dry run leave it as it was, a real run imports, a second run changes
// nothing, and the imported users log in through the API.
func TestImportStrapiCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("not a database\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		raw := e.Raw()
		before := apitest.DumpTables(t, raw, importTables...)
		unchanged := func(what string) {
			t.Helper()
			if after := apitest.DumpTables(t, raw, importTables...); after != before {
				t.Fatalf("%s changed the database:\n%s", what, apitest.LineDiff(before, after))
			}
		}
		// Our own database is a database, but not Strapi's.
		ownDB := e.Config.DatabaseURL
		if ownDB == "" {
			ownDB = e.Config.DatabaseFilename
		}
		for _, tc := range []struct{ name, from, want string }{
			{"missing file", filepath.Join(dir, "nope.db"), "no such file"},
			{"not a database", text, "not a SQLite file"},
			{"a directory", dir, "is a directory"},
			{"not strapi", ownDB, "not a Strapi database"},
			{"unreachable postgres", "postgres://strapi:s3cret@127.0.0.1:1/strapi?connect_timeout=3", "cannot connect"},
			{"bad url", "postgresql://strapi:s3cret@[::1/strapi", "invalid PostgreSQL URL"},
		} {
			_, _, err := cli(t, e, nil, "import", "strapi", "--from", tc.from)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
			}
			if err != nil && strings.Contains(err.Error(), "s3cret") {
				t.Errorf("%s: the error shows the password: %v", tc.name, err)
			}
			unchanged(tc.name)
		}
		for _, args := range [][]string{{"import", "strapi"}, {"import", "strapi", "--from", strapiFixture, "--merge", "sometimes"},
			{"import", "strapi", "--from", strapiFixture, "extra"}, {"import", "mysql", "--from", strapiFixture}} {
			if _, _, err := cli(t, e, nil, args...); err == nil {
				t.Errorf("%v: no error", args)
			}
		}
		unchanged("refused arguments")

		out, _, err := cli(t, e, nil, "import", "strapi", "--from", strapiFixture, "--dry-run")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "Dry run (nothing was written)") || !strings.Contains(out, "users        9") {
			t.Errorf("dry run output:\n%s", out)
		}
		unchanged("the dry run")

		out, errOut, err := cli(t, e, nil, "import", "strapi", "--from", strapiFixture)
		if err != nil {
			t.Fatalf("import: %v\n%s", err, errOut)
		}
		if !strings.Contains(out, "Imported from Strapi 5") || !strings.Contains(out, "users        9") ||
			!strings.Contains(errOut, "import: users 9/9") {
			t.Errorf("import output:\n%s\nprogress:\n%s", out, errOut)
		}
		// alice logs in with the password she had in Strapi, keeping her id and documentId.
		r := e.PostJSON("/api/auth/local", map[string]string{"identifier": "alice", "password": "Alice-Pass-123"})
		if r.Status != 200 {
			t.Fatalf("alice's login: %d %s", r.Status, r.Body)
		}
		imported := apitest.DumpTables(t, raw, importTables...)

		out, _, err = cli(t, e, nil, "import", "strapi", "--from", strapiFixture, "--json")
		if err != nil {
			t.Fatal(err)
		}
		var rep strapidb.Report
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("--json output: %v\n%s", err, out)
		}
		if !rep.Rerun || rep.Users != (strapidb.Count{Unchanged: 9}) {
			t.Errorf("second run: rerun %v, users %+v", rep.Rerun, rep.Users)
		}
		if after := apitest.DumpTables(t, raw, importTables...); after != imported {
			t.Errorf("the second run changed the database:\n%s", apitest.LineDiff(imported, after))
		}

		// A user made here: the target is no longer only the import, a merge mode must be chosen.
		e.Register("zoe", "zoe@example.com", "Zoe-Pass-123")
		changed := apitest.DumpTables(t, raw, importTables...)
		_, _, err = cli(t, e, nil, "import", "strapi", "--from", strapiFixture)
		if err == nil || !strings.Contains(err.Error(), "1 of its 10 users are not from this source") || !strings.Contains(err.Error(), "--merge") {
			t.Errorf("import into a target with other users: %v", err)
		}
		if after := apitest.DumpTables(t, raw, importTables...); after != changed {
			t.Errorf("the refused import changed the database:\n%s", apitest.LineDiff(changed, after))
		}
		if out, _, err = cli(t, e, nil, "import", "strapi", "--from", strapiFixture, "--merge", "skip"); err != nil || !strings.Contains(out, "merge mode: skip") {
			t.Errorf("--merge skip: %v\n%s", err, out)
		}
	})
}

// TestImportStrapiDryRunCreatesNothing: a dry run into a database that does not exist yet
// does not create it.
func TestImportStrapiDryRunCreatesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "data", "mtb.db")
	var out, errOut strings.Builder
	err := run(t.Context(), []string{"import", "strapi", "--from", strapiFixture, "--dry-run"}, func(k string) string {
		return map[string]string{"DATABASE_FILENAME": target, "LOG_LEVEL": "warn"}[k]
	}, &out, &errOut)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "the dry run imported into an empty temporary one") || !strings.Contains(out.String(), "users        9") {
		t.Errorf("output:\n%s", out.String())
	}
	if _, err := os.Stat(filepath.Dir(target)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the dry run created %s: %v", filepath.Dir(target), err)
	}
}
