package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

const usersUsage = `usage:
  mtb-api users list [-limit N] [-offset N]   list users
  mtb-api users block <id|email|username>     block a user: no login, tokens refused at once
  mtb-api users unblock <id|email|username>   unblock a user`

// usersCommand administers the users of the database the environment names.
var usersCommand = command{name: "users", usage: usersUsage, subs: map[string]subcommand{
	"list":    {maxArgs: -1, run: usersList},
	"block":   {minArgs: 1, maxArgs: 1, run: usersBlock},
	"unblock": {minArgs: 1, maxArgs: 1, run: usersBlock},
}}

func usersList(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	fs := flag.NewFlagSet("users list", flag.ContinueOnError)
	fs.SetOutput(c.stdout)
	limit := fs.Int64("limit", 100, "rows to show")
	offset := fs.Int64("offset", 0, "rows to skip")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rows, err := st.Q.ListUsers(ctx, db.ListUsersParams{MaxRows: *limit, Skip: *offset})
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tUSERNAME\tEMAIL\tPROVIDER\tROLE\tCONFIRMED\tBLOCKED\tCREATED")
	for _, u := range rows {
		role := "-"
		if u.RoleType != nil {
			role = *u.RoleType
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%t\t%t\t%s\n", u.ID, u.Username, u.Email, u.Provider, role,
			u.Confirmed, u.Blocked, u.CreatedAt.UTC().Format("2006-01-02 15:04:05"))
	}
	return w.Flush()
}

// usersBlock is users block and users unblock.
func usersBlock(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	u, err := auth.FindUser(ctx, st, args[0])
	if err != nil {
		return err
	}
	if err := auth.SetBlocked(ctx, st, u.ID, c.sub == "block"); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "user %d (%s, %s) %sed\n", u.ID, u.Username, u.Email, c.sub)
	return nil
}
