package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/profile"
	"github.com/mtb-race/mtb-backend-api/internal/store"
	"github.com/mtb-race/mtb-backend-api/internal/strapidb"
)

const importUsage = `usage:
  mtb-api import strapi --from <strapi.db | postgres://...> [--dry-run] [--merge skip|update] [--json]
                                              copy a Strapi 5 database's users, roles, permissions, API tokens,
                                              refresh sessions and Users & Permissions settings into this
                                              service's database, in one transaction; --dry-run says what would
                                              happen and writes nothing; a database that already has other users
                                              is refused unless --merge says whose rows win (a re-run is fine)`

// importCommand moves a Strapi over (README "Moving from Strapi").
var importCommand = command{name: "import", usage: importUsage, subs: map[string]subcommand{
	"strapi": {maxArgs: -1, noStore: true, run: importStrapi},
}}

func importStrapi(ctx context.Context, c cmdEnv, _ *store.Store, args []string) error {
	fs := flag.NewFlagSet("import strapi", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	from := fs.String("from", "", "the Strapi 5 database: a SQLite file or a postgres:// URL (required)")
	dryRun := fs.Bool("dry-run", false, "say what would be imported, write nothing")
	merge := fs.String("merge", "", "when the target has other users: skip (keep the target's rows) or update (the source's rows win)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("unexpected arguments %q\n%s", rest, importUsage)
	}
	if *from == "" {
		return fmt.Errorf("--from is required\n%s", importUsage)
	}
	opts := strapidb.ImportOptions{DryRun: *dryRun, ResetTTL: c.cfg.ResetTokenTTL, ConfirmTTL: c.cfg.ConfirmationTokenTTL}
	if *merge != "" {
		m, err := strapidb.ParseMergeMode(*merge)
		if err != nil {
			return err
		}
		opts.Merge = m
	}
	fields, err := profile.Load(c.cfg.UserFieldsFile)
	if err != nil {
		return err
	}
	opts.Fields = fields

	// The source first: a wrong source never opens (or migrates) the target.
	src, err := strapidb.Open(ctx, *from)
	if err != nil {
		return err
	}
	defer src.Close()

	st, note, cleanup, err := importTarget(ctx, c, *dryRun)
	if err != nil {
		return err
	}
	defer cleanup()
	if !*dryRun {
		if err := app.SyncUserFields(ctx, st, fields, time.Now()); err != nil {
			return err
		}
	}
	p := newProgress(c.stderr)
	opts.Progress = p.update
	start := time.Now()
	rep, err := strapidb.Import(ctx, src, st, opts)
	p.done()
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printImportReport(c.stdout, rep, importWhere(*from, src.Engine()), importTargetName(c, st), note, time.Since(start))
	printImportAdvice(c, rep)
	return nil
}

// importTarget opens the service's database for the import. A dry run must not write it,
// so it is not migrated: an empty or missing database is stood in for by an empty
// temporary one (the import into it is what the real run would do), and a database with
// some migrations pending is refused.
func importTarget(ctx context.Context, c cmdEnv, dryRun bool) (st *store.Store, note string, cleanup func(), err error) {
	if !dryRun {
		st, err := app.OpenStore(ctx, c.cfg, c.logger)
		if err != nil {
			return nil, "", nil, err
		}
		return st, "", st.Close, nil
	}
	o := app.StoreOptions(c.cfg, c.logger)
	empty := false
	if o.PostgresURL == "" {
		if _, err := os.Stat(o.SQLiteFile); errors.Is(err, os.ErrNotExist) {
			empty = true
		}
	}
	if !empty {
		o.SkipMigrations = true
		st, err := store.Open(ctx, o)
		if err != nil {
			return nil, "", nil, err
		}
		schema, err := st.HasSchema(ctx)
		if err == nil && schema {
			var pending bool
			if pending, err = st.HasPendingMigrations(ctx); err == nil && pending {
				err = errors.New("the target database has migrations to apply: run `mtb-api migrate` first (a dry run does not change the database)")
			}
		}
		if err != nil {
			st.Close()
			return nil, "", nil, err
		}
		if schema {
			return st, "", st.Close, nil
		}
		st.Close()
	}
	dir, err := os.MkdirTemp("", "mtb-api-import-")
	if err != nil {
		return nil, "", nil, err
	}
	st, err = store.Open(ctx, store.Options{SQLiteFile: filepath.Join(dir, "dry-run.db")})
	if err != nil {
		os.RemoveAll(dir)
		return nil, "", nil, err
	}
	return st, "the target database is empty (not created or migrated yet): the dry run imported into an empty temporary one",
		func() { st.Close(); os.RemoveAll(dir) }, nil
}

// importWhere names the source for the report, without a password.
func importWhere(from, engine string) string {
	if strapidb.IsPostgresURL(from) {
		return engine + " " + redactURL(from)
	}
	return engine + " " + from
}

func importTargetName(c cmdEnv, st *store.Store) string {
	if c.cfg.DatabaseURL != "" {
		return st.Engine + " " + redactURL(c.cfg.DatabaseURL)
	}
	return st.Engine + " " + c.cfg.DatabaseFilename
}

// printImportReport prints what the import did (or would do).
func printImportReport(w io.Writer, rep strapidb.Report, from, to, note string, took time.Duration) {
	verb := "Imported"
	if rep.DryRun {
		verb = "Dry run (nothing was written): would import"
	}
	fmt.Fprintf(w, "%s from Strapi 5 (%s) into %s in %s\n", verb, from, to, took.Round(time.Millisecond))
	if note != "" {
		fmt.Fprintf(w, "note: %s\n", note)
	}
	switch {
	case rep.Rerun:
		fmt.Fprintln(w, "the target held an earlier import of this source: it was brought up to date (merge update)")
	case rep.Mode != strapidb.MergeNone:
		fmt.Fprintf(w, "merge mode: %s\n", rep.Mode)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tcreated\tupdated\tunchanged\tconflicts\tskipped\t")
	for _, k := range []struct {
		name string
		c    strapidb.Count
	}{{"roles", rep.Roles}, {"users", rep.Users}, {"api tokens", rep.APITokens}, {"sessions", rep.Sessions}, {"settings", rep.Settings}} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t\n", k.name, k.c.Created, k.c.Updated, k.c.Unchanged, k.c.Conflicts, k.c.Skipped)
	}
	_ = tw.Flush()
	fmt.Fprintf(w, "role permissions added or removed: %d\n", rep.Permissions)
	if len(rep.Conflicts) > 0 {
		fmt.Fprintf(w, "\nconflicts (%d): not imported, or kept as they are in the target\n", len(rep.Conflicts))
		for _, c := range rep.Conflicts {
			fmt.Fprintf(w, "  %s: %s\n", c.Source, c.Reason)
		}
	}
	if len(rep.Skipped) > 0 {
		fmt.Fprintln(w, "\nnot imported:")
		for _, s := range rep.Skipped {
			fmt.Fprintf(w, "  %6d × %s: %s\n", s.Count, s.What, s.Why)
		}
	}
}

// printImportAdvice reminds the operator of the secrets imported tokens need.
func printImportAdvice(c cmdEnv, rep strapidb.Report) {
	var tips []string
	if c.cfg.JWTSecret == "" {
		tips = append(tips, "JWT_SECRET is not set: set it to Strapi's (config/plugins or .env JWT_SECRET) so that the JWTs and refresh tokens Strapi issued keep working")
	}
	if c.cfg.APITokenSalt == "" && rep.APITokens.Created+rep.APITokens.Updated+rep.APITokens.Unchanged > 0 {
		tips = append(tips, "API_TOKEN_SALT is not set: set it to Strapi's so that its API tokens keep working")
	}
	if len(tips) > 0 {
		fmt.Fprintln(c.stdout)
		for _, t := range tips {
			fmt.Fprintln(c.stdout, "warning:", t)
		}
	}
}

// progress shows an import's progress on stderr: a bar redrawn in place on a terminal,
// otherwise a line per stage (and per tenth of the users).
type progress struct {
	w       io.Writer
	tty     bool
	stage   string
	shown   int // the last tenth printed (plain lines)
	drawn   bool
	started time.Time
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, started: time.Now()}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) update(stage string, done, total int) {
	if p.tty {
		const width = 30
		n := width
		if total > 0 {
			n = done * width / total
		}
		fmt.Fprintf(p.w, "\r%-10s [%s%s] %d/%d", stage, strings.Repeat("#", n), strings.Repeat(".", width-n), done, total)
		p.drawn = true
		if done == total {
			fmt.Fprintln(p.w)
			p.drawn = false
		}
		return
	}
	if stage != p.stage {
		p.stage, p.shown = stage, 0
	}
	tenth := 10
	if total > 0 {
		tenth = done * 10 / total
	}
	if done == total || (total >= 1000 && tenth > p.shown) {
		p.shown = tenth
		fmt.Fprintf(p.w, "import: %s %d/%d (%s)\n", stage, done, total, time.Since(p.started).Round(time.Millisecond))
	}
}

// done ends a bar left unfinished (an error in the middle).
func (p *progress) done() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}

// redactURL is a database URL without its password.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(a PostgreSQL URL)"
	}
	return u.Redacted()
}
