package strapidb_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

// benchHash is a real bcrypt hash ("password"): the import copies hashes as they are, so one
// string for every generated user is as costly to import as distinct ones.
const benchHash = "$2a$10$WFypk3wpW0LXFgbSHULmyufUxAeXgou2AHipBalc6H9vw.aTTUqJi"

// The generated users of a benchmark source: ids from benchFirstID (the fixture's 9 users keep
// theirs) to the size, every 10th one in the race-organizer role (3), the others authenticated
// (1); every 1000th one has a pending reset code and every 500th one is unconfirmed with a
// pending confirmation token; every column of the fixture's custom fields is filled.
const benchFirstID = 10

// benchSQLite is the SQL that grows the SQLite fixture to n users, set-based so that 100 000
// users take seconds. SQLite stores Strapi's datetimes as epoch milliseconds.
func benchSQLite(n int) []string {
	return []string{
		fmt.Sprintf(`WITH RECURSIVE s(i) AS (SELECT %d UNION ALL SELECT i + 1 FROM s WHERE i < %d)
		INSERT INTO up_users (id, document_id, username, email, provider, password, reset_password_token,
			confirmation_token, confirmed, blocked, first_name, club, license_number, birth_date, newsletter,
			category, weight_kg, created_at, updated_at, published_at)
		SELECT i, printf('bench%%019d', i), printf('rider%%06d', i), printf('Rider%%06d@race.example', i), 'local', '%s',
			CASE WHEN i %% 1000 = 0 THEN printf('reset%%06d', i) END,
			CASE WHEN i %% 500 = 0 THEN printf('confirm%%06d', i) END,
			i %% 500 != 0, i %% 97 = 0, printf('Rider %%d', i), 'Club ' || (i %% 40), printf('LIC-%%06d', i),
			printf('19%%02d-%%02d-%%02d', 50 + i %% 50, 1 + i %% 12, 1 + i %% 28), i %% 2, 'elite',
			50 + (i %% 400) / 10.0, 1796451435769 + i, 1796451435769 + 2 * i, 1796451435769 + i
		FROM s`, benchFirstID, n, benchHash),
		fmt.Sprintf(`INSERT INTO up_users_role_lnk (user_id, role_id, user_ord)
		SELECT id, CASE WHEN id %% 10 = 0 THEN 3 ELSE 1 END, id FROM up_users WHERE id >= %d`, benchFirstID),
	}
}

// benchPostgres is benchSQLite for the PostgreSQL dump (timestamps without time zone, UTC).
func benchPostgres(n int) []string {
	return []string{
		fmt.Sprintf(`INSERT INTO up_users (id, document_id, username, email, provider, password, reset_password_token,
			confirmation_token, confirmed, blocked, first_name, club, license_number, birth_date, newsletter,
			category, weight_kg, created_at, updated_at, published_at)
		SELECT i, 'bench' || lpad(i::text, 19, '0'), 'rider' || lpad(i::text, 6, '0'),
			'Rider' || lpad(i::text, 6, '0') || '@race.example', 'local', '%s',
			CASE WHEN i %% 1000 = 0 THEN 'reset' || lpad(i::text, 6, '0') END,
			CASE WHEN i %% 500 = 0 THEN 'confirm' || lpad(i::text, 6, '0') END,
			i %% 500 != 0, i %% 97 = 0, 'Rider ' || i, 'Club ' || (i %% 40), 'LIC-' || lpad(i::text, 6, '0'),
			make_date(1950 + i %% 50, 1 + i %% 12, 1 + i %% 28), i %% 2 = 0, 'elite',
			50 + (i %% 400) / 10.0, timestamp '2026-12-05 06:17:15.769' + i * interval '1 ms',
			timestamp '2026-12-05 06:17:15.769' + 2 * i * interval '1 ms', timestamp '2026-12-05 06:17:15.769' + i * interval '1 ms'
		FROM generate_series(%d, %d) AS i`, benchHash, benchFirstID, n),
		fmt.Sprintf(`INSERT INTO up_users_role_lnk (user_id, role_id, user_ord)
		SELECT id, CASE WHEN id %% 10 = 0 THEN 3 ELSE 1 END, id FROM up_users WHERE id >= %d`, benchFirstID),
		`SELECT setval(pg_get_serial_sequence('up_users', 'id'), (SELECT max(id) FROM up_users))`,
		`SELECT setval(pg_get_serial_sequence('up_users_role_lnk', 'id'), (SELECT max(id) FROM up_users_role_lnk))`,
		`ANALYZE`,
	}
}

// benchSource builds a Strapi source of n users on engine from the fixtures; the files and
// databases go when b ends.
func benchSource(b *testing.B, engine string, n int) string {
	b.Helper()
	start := time.Now()
	var source string
	switch engine {
	case "sqlite":
		dir, err := os.MkdirTemp("", "strapidb-bench-")
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = os.RemoveAll(dir) })
		source = filepath.Join(dir, "strapi.db")
		data, err := os.ReadFile(sqliteFixture())
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(source, data, 0o600); err != nil {
			b.Fatal(err)
		}
		execAll(b, "sqlite", "file:"+source, benchSQLite(n))
	case "postgres":
		source = loadPostgresDump(b, os.Getenv("TEST_DATABASE_URL"), filepath.Join("testdata", "strapi5-postgres.sql"))
		execAll(b, "pgx", source, benchPostgres(n))
	}
	b.Logf("%s source of %d users built in %v", engine, n, time.Since(start).Round(time.Millisecond))
	return source
}

func execAll(b *testing.B, driver, dsn string, stmts []string) {
	b.Helper()
	d, err := sql.Open(driver, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	for _, s := range stmts {
		if _, err := d.Exec(s); err != nil {
			b.Fatalf("%s: %v", s, err)
		}
	}
}

// BenchmarkImport imports a Strapi database of 10 000 or 100 000 users (sub-benchmarks
// 10k and 100k) from each source engine into an empty target of each engine:
//
//	go test -run '^$' -bench 'BenchmarkImport/100k' -benchtime 3x -count 3 ./internal/strapidb/
//
// PostgreSQL sources and targets need TEST_DATABASE_URL. Building the sources (seconds) and
// the empty targets is not timed; each iteration imports into a target of its own.
func BenchmarkImport(b *testing.B) {
	engines := apitest.Engines(b)
	// Sources are built on first use and shared by the sub-benchmarks of this run.
	sources := map[string]string{}
	source := func(engine string, n int) string {
		k := fmt.Sprint(engine, n)
		if s, ok := sources[k]; ok {
			return s
		}
		sources[k] = benchSource(b, engine, n)
		return sources[k]
	}
	for _, size := range []struct {
		name string
		n    int
	}{{"10k", 10_000}, {"100k", 100_000}} {
		for _, from := range engines {
			for _, to := range engines {
				b.Run(fmt.Sprintf("%s/from=%s/to=%s", size.name, from, to), func(b *testing.B) {
					benchImport(b, source(from, size.n), to, size.n)
				})
			}
		}
	}
}

func benchImport(b *testing.B, source, target string, n int) {
	ctx := context.Background()
	src, err := strapidb.Open(ctx, source)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	// The fixture's custom fields declared, as a team moving over would: every user's seven
	// custom columns are converted, checked and stored.
	fields, err := profile.Load(filepath.Join("testdata", "user-fields.json"))
	if err != nil {
		b.Fatal(err)
	}
	opts := strapidb.ImportOptions{ResetTTL: time.Hour, ConfirmTTL: 24 * time.Hour, Fields: fields}
	for b.Loop() {
		// A fresh empty target for each iteration, made outside the timing.
		b.StopTimer()
		st, _ := apitest.OpenStore(b, target)
		b.StartTimer()
		rep, err := strapidb.Import(ctx, src, st, opts)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if rep.Users.Created != n {
			b.Fatalf("%d users created, want %d", rep.Users.Created, n)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "users/s")
}
