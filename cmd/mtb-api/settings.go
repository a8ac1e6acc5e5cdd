package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

const settingsUsage = `usage:
  mtb-api settings get                        the advanced settings of Users & Permissions (and email_change_redirection)
  mtb-api settings set <key> <value>          change one (null clears the URLs); every instance applies it within a second
  mtb-api templates get [<name>]              the email templates: reset_password, email_confirmation (Strapi's),
                                              email_change (the link to a new address), and the notices
                                              email_change_requested, email_changed, password_changed, password_reset_done
  mtb-api templates set <name> [--subject S] [--from-name N]
                        [--from-email E] [--reply-to R] [--body-file F]
                                              change a template (placeholders: <%= URL %>, <%= CODE %>, <%= TOKEN %>, ...)`

// settingsCommand is `settings get|set`: the advanced settings Strapi's admin panel edits.
var settingsCommand = command{name: "settings", usage: settingsUsage, subs: map[string]subcommand{
	"get": {run: settingsGet},
	"set": {minArgs: 2, maxArgs: 2, run: settingsSet},
}}

func settingsSet(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	if err := settings.New(st, nil).SetAdvanced(ctx, args[0], args[1]); err != nil {
		return err
	}
	if c.cfg.Advanced[args[0]] != "" {
		fmt.Fprintf(c.stdout, "note: %s is set in the environment (%s); servers started with it overwrite this value\n",
			args[0], envVarOf(args[0]))
	}
	return settingsGet(ctx, c, st, nil)
}

// settingsGet prints the advanced settings, as settings set does after the change.
func settingsGet(ctx context.Context, c cmdEnv, st *store.Store, _ []string) error {
	adv, err := settings.New(st, nil).Advanced(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "KEY\tVALUE")
	for _, k := range settings.AdvancedKeys {
		v, _ := adv.Get(k)
		fmt.Fprintf(w, "%s\t%s\n", k, v)
	}
	return w.Flush()
}

// envVarOf is the environment variable that sets an advanced setting at start.
func envVarOf(key string) string {
	for env, k := range config.AdvancedSettingVars {
		if k == key {
			return env
		}
	}
	return ""
}

// templatesCommand is `templates get|set`: the email templates.
var templatesCommand = command{name: "templates", usage: settingsUsage, subs: map[string]subcommand{
	"get": {maxArgs: 1, run: templatesGet},
	"set": {maxArgs: -1, run: templatesSet},
}}

func templatesGet(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	names := settings.TemplateNames
	if len(args) == 1 {
		names = args
	}
	all, err := settings.New(st, nil).Templates(ctx)
	if err != nil {
		return err
	}
	for i, name := range names {
		t, err := all.Template(name)
		if err != nil {
			return err
		}
		if i > 0 {
			fmt.Fprintln(c.stdout)
		}
		o := t.Options
		fmt.Fprintf(c.stdout, "%s\n  subject:    %s\n  from name:  %s\n  from email: %s\n  reply-to:   %s\n  body:\n%s\n",
			name, o.Object, o.From.Name, o.From.Email, o.ResponseEmail, o.Message)
	}
	return nil
}

func templatesSet(ctx context.Context, c cmdEnv, st *store.Store, args []string) error {
	fs := flag.NewFlagSet("templates set", flag.ContinueOnError)
	fs.SetOutput(c.stdout)
	subject := fs.String("subject", "", "the subject (may use <%= USER.username %>, <%= USER.email %>)")
	fromName := fs.String("from-name", "", "the sender's name")
	fromEmail := fs.String("from-email", "", "the sender's address")
	replyTo := fs.String("reply-to", "", "the reply-to address")
	bodyFile := fs.String("body-file", "", "a file with the HTML body")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return errors.New(settingsUsage)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if len(set) == 0 {
		return fmt.Errorf("nothing to change: give --subject, --from-name, --from-email, --reply-to or --body-file")
	}
	var body []byte
	if set["body-file"] {
		if body, err = os.ReadFile(*bodyFile); err != nil {
			return err
		}
	}
	err = settings.New(st, nil).UpdateTemplates(ctx, func(all *settings.EmailTemplates) error {
		t, err := all.Template(rest[0])
		if err != nil {
			return err
		}
		o := &t.Options
		if set["subject"] {
			o.Object = *subject
		}
		if set["from-name"] {
			o.From.Name = *fromName
		}
		if set["from-email"] {
			o.From.Email = *fromEmail
		}
		if set["reply-to"] {
			o.ResponseEmail = *replyTo
		}
		if set["body-file"] {
			o.Message = string(body)
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "template %s updated\n", rest[0])
	return nil
}
