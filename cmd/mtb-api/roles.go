package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/access"
	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

const rolesUsage = `usage:
  mtb-api roles list                          list roles: id, type, name, users
  mtb-api roles show <type|id>                a role and the actions it may do
  mtb-api roles actions                       every action a role or API token can be given
  mtb-api roles create --name N [--type T] [--description D]
                                              create a role (type: the name in snake case by default)
  mtb-api roles grant <type|id> <action>...   let a role do actions (user.find or plugin::users-permissions.user.find)
  mtb-api roles revoke <type|id> <action>...  take actions from a role
  mtb-api roles delete <type|id>              delete a role; its users move to the Public role`

// rolesCommand administers the roles and their permissions. Changes apply from the next
// request of every running instance.
var rolesCommand = command{name: "roles", usage: rolesUsage, subs: map[string]subcommand{
	"list":    {maxArgs: -1, run: rolesList},
	"show":    {minArgs: 1, maxArgs: 1, run: rolesShow},
	"actions": {maxArgs: -1, noStore: true, run: rolesActions},
	"create":  {maxArgs: -1, run: rolesCreate},
	"grant":   {minArgs: 2, maxArgs: -1, run: rolesGrant},
	"revoke":  {minArgs: 2, maxArgs: -1, run: rolesGrant},
	"delete":  {minArgs: 1, maxArgs: 1, run: rolesDelete},
}}

func rolesActions(_ context.Context, c cmdEnv, _ *store.Store, _ []string) error {
	cat, err := app.Catalog()
	if err != nil {
		return err
	}
	for _, a := range cat.Actions() {
		fmt.Fprintln(c.stdout, a)
	}
	return nil
}

func rolesList(ctx context.Context, c cmdEnv, st *store.Store, _ []string) error {
	r, err := newRoles(st)
	if err != nil {
		return err
	}
	rows, err := r.List(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tTYPE\tNAME\tUSERS\tDESCRIPTION")
	for _, row := range rows {
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%s\n", row.ID, row.Type, row.Name, row.NbUsers, deref(row.Description))
	}
	return w.Flush()
}

func rolesShow(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	r, role, err := findRole(ctx, st, args[0])
	if err != nil {
		return err
	}
	rows, err := r.List(ctx)
	if err != nil {
		return err
	}
	var users int64
	for _, row := range rows {
		if row.ID == role.ID {
			users = row.NbUsers
		}
	}
	actions, err := r.Actions(ctx, role.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "id:          %d\ntype:        %s\nname:        %s\ndescription: %s\nusers:       %d\nactions:\n",
		role.ID, role.Type, role.Name, deref(role.Description), users)
	if len(actions) == 0 {
		fmt.Fprintln(c.stdout, "  (none)")
	}
	for _, a := range actions {
		fmt.Fprintln(c.stdout, "  "+a)
	}
	return nil
}

func rolesCreate(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	fs := flag.NewFlagSet("roles create", flag.ContinueOnError)
	fs.SetOutput(c.stdout)
	name := fs.String("name", "", "the role's name (required)")
	typ := fs.String("type", "", "the role's stable name; default: the name in snake case")
	desc := fs.String("description", "", "what the role is for")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("unexpected arguments %q\n%s", rest, rolesUsage)
	}
	in := access.RoleInput{Name: name, Type: typ}
	if *desc != "" {
		in.Description = desc
	}
	r, err := newRoles(st)
	if err != nil {
		return err
	}
	role, err := r.Create(ctx, in)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "role %d created: type %s, name %q\n", role.ID, role.Type, role.Name)
	return nil
}

// rolesGrant is roles grant and roles revoke.
func rolesGrant(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	r, role, err := findRole(ctx, st, args[0])
	if err != nil {
		return err
	}
	cat := r.Catalog()
	var actions, unknown []string
	for _, name := range args[1:] {
		for _, n := range strings.Split(name, ",") {
			if n = strings.TrimSpace(n); n == "" {
				continue
			}
			full, ok := cat.Resolve(n)
			if !ok {
				unknown = append(unknown, n)
				continue
			}
			actions = append(actions, full)
		}
	}
	if len(unknown) > 0 {
		return fmt.Errorf("unknown actions: %s (mtb-api roles actions lists them)", strings.Join(unknown, ", "))
	}
	if c.sub == "grant" {
		err = r.Grant(ctx, role.ID, actions)
	} else {
		err = r.Revoke(ctx, role.ID, actions)
	}
	if err != nil {
		return err
	}
	verb := map[string]string{"grant": "granted", "revoke": "revoked"}[c.sub]
	fmt.Fprintf(c.stdout, "role %s: %s %s\n", role.Type, verb, strings.Join(actions, ", "))
	return nil
}

func rolesDelete(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	r, role, err := findRole(ctx, st, args[0])
	if err != nil {
		return err
	}
	if err := r.Delete(ctx, role.ID); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "role %d (%s) deleted; its users are now in the Public role\n", role.ID, role.Type)
	return nil
}

// parseFlags parses flags wherever they are among the arguments and returns the others.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// newRoles is the role rules over st, with this build's catalog of actions.
func newRoles(st *store.Store) (*access.Roles, error) {
	cat, err := app.Catalog()
	if err != nil {
		return nil, err
	}
	return access.NewRoles(st, cat, nil), nil
}

// findRole is the role rules over st and the role an operator names (id or type).
func findRole(ctx context.Context, st *store.Store, ref string) (*access.Roles, db.UpRole, error) {
	r, err := newRoles(st)
	if err != nil {
		return nil, db.UpRole{}, err
	}
	role, err := r.Find(ctx, ref)
	return r, role, err
}
