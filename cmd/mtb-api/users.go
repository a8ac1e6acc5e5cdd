package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"text/tabwriter"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/auth"
	"github.com/mtb-race/mtb-backend-api/internal/config"
)

const usersUsage = `usage:
  mtb-api users list [-limit N] [-offset N]   list users
  mtb-api users block <id|email|username>     block a user: no login, tokens refused at once
  mtb-api users unblock <id|email|username>   unblock a user`

// users runs the user administration commands, on the database the environment names.
func users(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New(usersUsage)
	}
	st, err := app.OpenStore(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "list":
		fs := flag.NewFlagSet("users list", flag.ContinueOnError)
		fs.SetOutput(stdout)
		limit := fs.Int64("limit", 100, "rows to show")
		offset := fs.Int64("offset", 0, "rows to skip")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		rows, err := st.Q.ListUsers(ctx, db.ListUsersParams{MaxRows: *limit, Skip: *offset})
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
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
	case "block", "unblock":
		if len(args) != 2 {
			return errors.New(usersUsage)
		}
		u, err := auth.FindUser(ctx, st, args[1])
		if err != nil {
			return err
		}
		if err := auth.SetBlocked(ctx, st, u.ID, args[0] == "block"); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "user %d (%s, %s) %sed\n", u.ID, u.Username, u.Email, args[0])
		return nil
	default:
		return errors.New(usersUsage)
	}
}
