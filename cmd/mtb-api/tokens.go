package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

const tokensUsage = `usage:
  mtb-api tokens create --name N --type full-access|read-only|custom [--actions a,b]
                        [--duration 7d|30d|90d|unlimited] [--description D]
                                              create an API token and print it, the only time it is shown
  mtb-api tokens list                         list API tokens (never their values)
  mtb-api tokens revoke <name|id>             delete an API token: refused from the next request on`

// tokensCommand administers the API tokens. The token value goes to stdout alone, so that
// TOKEN=$(mtb-api tokens create ...) works; what was created goes to stderr.
var tokensCommand = command{name: "tokens", usage: tokensUsage, subs: map[string]subcommand{
	"create": {maxArgs: -1, run: tokensCreate},
	"list":   {maxArgs: -1, run: tokensList},
	"revoke": {minArgs: 1, maxArgs: 1, run: tokensRevoke},
}}

// apiTokens is the API tokens of st, under API_TOKEN_SALT (required in production once a
// token exists; otherwise generated and kept in the database, as the server does).
func apiTokens(ctx context.Context, c cmdEnv, st *store.Store) (*access.APITokens, error) {
	salt, err := access.APITokenSalt(ctx, st, c.cfg.APITokenSalt, c.cfg.Production)
	if err != nil {
		return nil, err
	}
	cat, err := app.Catalog()
	if err != nil {
		return nil, err
	}
	return access.NewAPITokens(st, cat, salt, nil, c.logger), nil
}

func tokensCreate(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	t, err := apiTokens(ctx, c, st)
	if err != nil {
		return err
	}
	fs := flag.NewFlagSet("tokens create", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	name := fs.String("name", "", "the token's name, unique (required)")
	typ := fs.String("type", "", "full-access, read-only or custom (required)")
	actions := fs.String("actions", "", "custom tokens: comma-separated actions (user.find,role.find)")
	duration := fs.String("duration", "unlimited", "lifespan: 7d, 30d, 90d or unlimited")
	desc := fs.String("description", "", "what the token is for")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("unexpected arguments %q\n%s", rest, tokensUsage)
	}
	lifespan, ok := access.TokenLifespans[*duration]
	if !ok {
		return fmt.Errorf("--duration %q: use 7d, 30d, 90d or unlimited", *duration)
	}
	in := access.APITokenInput{Name: *name, Description: *desc, Type: *typ, Lifespan: lifespan}
	for _, a := range strings.Split(*actions, ",") {
		if a = strings.TrimSpace(a); a != "" {
			in.Actions = append(in.Actions, a)
		}
	}
	row, value, err := t.Create(ctx, in)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, value)
	fmt.Fprintf(c.stderr, "API token %d %q created (%s, %s). Copy it now: it is shown only this once, "+
		"and only its hash is stored. Send it as: Authorization: Bearer <token>\n", row.ID, row.Name, describeAccess(row.Type, access.TokenActionList(row)), expiry(row.ExpiresAt))
	return nil
}

func tokensList(ctx context.Context, c cmdEnv, st *store.Store, _ []string) error {
	t, err := apiTokens(ctx, c, st)
	if err != nil {
		return err
	}
	rows, err := t.List(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tTYPE\tACTIONS\tEXPIRES\tLAST USED\tCREATED\tDESCRIPTION")
	for _, r := range rows {
		acts := "-"
		if r.Type == access.TokenCustom {
			acts = shortActions(access.TokenActionList(r))
		}
		last := "never"
		if r.LastUsedAt != nil {
			last = r.LastUsedAt.UTC().Format(timeLayout)
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Type, acts, strings.TrimPrefix(strings.TrimSuffix(expiry(r.ExpiresAt), " expires"), "expires "), last,
			r.CreatedAt.UTC().Format(timeLayout), r.Description)
	}
	return w.Flush()
}

func tokensRevoke(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	t, err := apiTokens(ctx, c, st)
	if err != nil {
		return err
	}
	row, err := t.Find(ctx, args[0])
	if err != nil {
		return err
	}
	if err := t.Revoke(ctx, row.ID); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "API token %d %q revoked\n", row.ID, row.Name)
	return nil
}

const timeLayout = "2006-01-02 15:04:05"

func expiry(at *time.Time) string {
	switch {
	case at == nil:
		return "never expires"
	case at.Before(time.Now()):
		return "expired " + at.UTC().Format(timeLayout)
	default:
		return "expires " + at.UTC().Format(timeLayout)
	}
}

func describeAccess(typ string, actions []string) string {
	switch typ {
	case access.TokenFullAccess:
		return "full access"
	case access.TokenReadOnly:
		return "read-only: the find and findOne actions"
	default:
		return "custom: " + shortActions(actions)
	}
}

// shortActions writes Users & Permissions actions without their plugin prefix.
func shortActions(actions []string) string {
	out := make([]string, len(actions))
	for i, a := range actions {
		out[i] = strings.TrimPrefix(a, "plugin::users-permissions.")
	}
	return strings.Join(out, ",")
}
