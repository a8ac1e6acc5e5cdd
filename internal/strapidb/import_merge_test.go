package strapidb_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

var mergeOpts = strapidb.ImportOptions{Now: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC), ResetTTL: time.Hour, ConfirmTTL: time.Hour}

// TestImportDryRun: a dry run reports what the real run then does, and writes nothing.
func TestImportDryRun(t *testing.T) {
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		src := openSource(t, sqliteFixture())
		st, raw := apitest.OpenStore(t, engine)
		before := dumpTarget(t, raw)
		opts := mergeOpts
		opts.DryRun = true
		dry, err := strapidb.Import(ctx, src, st, opts)
		if err != nil {
			t.Fatal(err)
		}
		if after := dumpTarget(t, raw); after != before {
			t.Fatalf("the dry run wrote:\n%s", lineDiff(before, after))
		}
		if !dry.DryRun || dry.Users.Created != 9 {
			t.Errorf("dry run report: dry %v, users %+v", dry.DryRun, dry.Users)
		}
		real, err := strapidb.Import(ctx, src, st, mergeOpts)
		if err != nil {
			t.Fatal(err)
		}
		dry.DryRun = false
		if !reflect.DeepEqual(dry, real) {
			t.Errorf("dry run report %+v, real run %+v", dry, real)
		}
	})
}

// TestImportMerge: how a target that has users of its own, or changed since an earlier
// import, is merged.
func TestImportMerge(t *testing.T) {
	// frank changed in Strapi after the first import: blocked, a second later.
	changed := copySQLite(t, `UPDATE up_users SET blocked = 1, updated_at = updated_at + 1000 WHERE username = 'frank'`)
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		t.Run("other users", func(t *testing.T) {
			st, raw := apitest.OpenStore(t, engine)
			// A user of the target's own, holding alice's username, and one with bob's email.
			if _, err := raw.Exec(`INSERT INTO up_users (id, document_id, username, email, provider, confirmed, blocked, created_at, updated_at, published_at)
				VALUES (100, 'ownalice000000000000000a', 'alice', 'alice@own.example', 'local', true, false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
				       (101, 'ownbob00000000000000000b', 'robert', 'BOB@race.example', 'local', true, false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`); err != nil {
				t.Fatal(err)
			}
			before := dumpTarget(t, raw)
			if _, err := strapidb.Import(ctx, openSource(t, sqliteFixture()), st, mergeOpts); !errors.Is(err, strapidb.ErrTargetNotEmpty) ||
				!strings.Contains(err.Error(), "2 of its 2 users are not from this source") {
				t.Fatalf("import without --merge: %v", err)
			}
			if after := dumpTarget(t, raw); after != before {
				t.Fatalf("the refused import wrote:\n%s", lineDiff(before, after))
			}
			for _, mode := range []strapidb.MergeMode{strapidb.MergeSkip, strapidb.MergeUpdate} {
				opts := mergeOpts
				opts.Merge, opts.DryRun = mode, mode == strapidb.MergeSkip
				rep, err := strapidb.Import(ctx, openSource(t, sqliteFixture()), st, opts)
				if err != nil {
					t.Fatalf("%s: %v", mode, err)
				}
				if rep.Users != (strapidb.Count{Created: 7, Conflicts: 2}) || len(rep.Conflicts) != 2 {
					t.Fatalf("%s: users %+v, conflicts %v", mode, rep.Users, rep.Conflicts)
				}
				want := []strapidb.Conflict{
					{Kind: "user", Source: `user 1 "alice"`, Reason: `username taken by the target's user 100 "alice"`},
					{Kind: "user", Source: `user 2 "bob"`, Reason: `email taken by the target's user 101 "robert"`},
				}
				if !reflect.DeepEqual(rep.Conflicts, want) {
					t.Errorf("%s: conflicts %+v, want %+v", mode, rep.Conflicts, want)
				}
			}
			users := readImported(t, raw)
			if len(users) != 9 || users["alice"].ID != 100 || users["robert"].ID != 101 || users["frank"].ID != 9 {
				t.Errorf("after the merge: %+v", users)
			}
		})
		t.Run("changed source", func(t *testing.T) {
			st, raw := apitest.OpenStore(t, engine)
			if _, err := strapidb.Import(ctx, openSource(t, sqliteFixture()), st, mergeOpts); err != nil {
				t.Fatal(err)
			}
			imported := dumpTarget(t, raw)
			// skip keeps the target's frank.
			opts := mergeOpts
			opts.Merge = strapidb.MergeSkip
			rep, err := strapidb.Import(ctx, openSource(t, changed), st, opts)
			if err != nil || rep.Users != (strapidb.Count{Unchanged: 9}) || rep.Rerun {
				t.Fatalf("merge skip: %v, users %+v, rerun %v", err, rep.Users, rep.Rerun)
			}
			if after := dumpTarget(t, raw); after != imported {
				t.Fatalf("merge skip wrote:\n%s", lineDiff(imported, after))
			}
			// A re-run (no merge mode) brings frank up to date, and only him.
			rep, err = strapidb.Import(ctx, openSource(t, changed), st, mergeOpts)
			if err != nil || !rep.Rerun || rep.Users != (strapidb.Count{Updated: 1, Unchanged: 8}) {
				t.Fatalf("re-run: %v, users %+v, rerun %v", err, rep.Users, rep.Rerun)
			}
			if !readImported(t, raw)["frank"].Blocked {
				t.Error("frank is not blocked after the re-run")
			}
			diff := lineDiff(imported, dumpTarget(t, raw))
			if n := strings.Count(diff, "\n") + 1; n != 2 || !strings.Contains(diff, "username=frank") {
				t.Errorf("the re-run changed more than frank's row:\n%s", diff)
			}
		})
		t.Run("changed here", func(t *testing.T) {
			st, raw := apitest.OpenStore(t, engine)
			if _, err := strapidb.Import(ctx, openSource(t, sqliteFixture()), st, mergeOpts); err != nil {
				t.Fatal(err)
			}
			// frank changed here after the switch, later than in Strapi: the service's row wins.
			if _, err := raw.Exec(`UPDATE up_users SET confirmed = false, updated_at = ` + farFuture(engine) + ` WHERE username = 'frank'`); err != nil {
				t.Fatal(err)
			}
			kept := dumpTarget(t, raw)
			rep, err := strapidb.Import(ctx, openSource(t, changed), st, mergeOpts)
			if err != nil || rep.Users != (strapidb.Count{Unchanged: 8, Conflicts: 1}) {
				t.Fatalf("re-run: %v, users %+v", err, rep.Users)
			}
			if len(rep.Conflicts) != 1 || !strings.Contains(rep.Conflicts[0].Reason, "changed in this service after its last change in Strapi") {
				t.Errorf("conflicts: %+v", rep.Conflicts)
			}
			if after := dumpTarget(t, raw); after != kept {
				t.Errorf("the re-run overwrote a row changed here:\n%s", lineDiff(kept, after))
			}
		})
	})
}

// farFuture is a timestamp literal after every fixture time, for engine.
func farFuture(engine string) string {
	if engine == "postgres" {
		return "'2099-01-01 00:00:00'"
	}
	return "'2099-01-01 00:00:00.000'"
}
