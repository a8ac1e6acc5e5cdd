package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"text/tabwriter"

	"github.com/mtb-race/mtb-backend-api/internal/app"
	"github.com/mtb-race/mtb-backend-api/internal/config"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
)

const settingsUsage = `usage:
  mtb-api settings get                        the advanced settings of Users & Permissions
  mtb-api settings set <key> <value>          change one (null clears the two URLs); every instance applies it within a second
  mtb-api templates get [reset_password|email_confirmation]
                                              the email templates
  mtb-api templates set <reset_password|email_confirmation> [--subject S] [--from-name N]
                        [--from-email E] [--reply-to R] [--body-file F]
                                              change a template (placeholders: <%= URL %>, <%= CODE %>, <%= TOKEN %>, ...)`

// settingsCommand runs `settings get|set`: the advanced settings Strapi's admin panel edits.
func settingsCommand(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 || (args[0] == "get" && len(args) != 1) || (args[0] == "set" && len(args) != 3) {
		return errors.New(settingsUsage)
	}
	st, err := app.OpenStore(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer st.Close()
	s := settings.New(st, nil)
	switch args[0] {
	case "get":
	case "set":
		if err := s.SetAdvanced(ctx, args[1], args[2]); err != nil {
			return err
		}
		if cfg.Advanced[args[1]] != "" {
			fmt.Fprintf(stdout, "note: %s is set in the environment (%s); servers started with it overwrite this value\n",
				args[1], envVarOf(args[1]))
		}
	default:
		return errors.New(settingsUsage)
	}
	adv, err := s.Advanced(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
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

// templatesCommand runs `templates get|set`: the two email templates.
func templatesCommand(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New(settingsUsage)
	}
	st, err := app.OpenStore(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer st.Close()
	s := settings.New(st, nil)
	switch args[0] {
	case "get":
		names := settings.TemplateNames
		if len(args) == 2 {
			names = args[1:]
		} else if len(args) > 2 {
			return errors.New(settingsUsage)
		}
		all, err := s.Templates(ctx)
		if err != nil {
			return err
		}
		for i, name := range names {
			t, err := all.Template(name)
			if err != nil {
				return err
			}
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			o := t.Options
			fmt.Fprintf(stdout, "%s\n  subject:    %s\n  from name:  %s\n  from email: %s\n  reply-to:   %s\n  body:\n%s\n",
				name, o.Object, o.From.Name, o.From.Email, o.ResponseEmail, o.Message)
		}
		return nil

	case "set":
		fs := flag.NewFlagSet("templates set", flag.ContinueOnError)
		fs.SetOutput(stdout)
		subject := fs.String("subject", "", "the subject (may use <%= USER.username %>, <%= USER.email %>)")
		fromName := fs.String("from-name", "", "the sender's name")
		fromEmail := fs.String("from-email", "", "the sender's address")
		replyTo := fs.String("reply-to", "", "the reply-to address")
		bodyFile := fs.String("body-file", "", "a file with the HTML body")
		rest, err := parseFlags(fs, args[1:])
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
		err = s.UpdateTemplates(ctx, func(all *settings.EmailTemplates) error {
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
		fmt.Fprintf(stdout, "template %s updated\n", rest[0])
		return nil

	default:
		return errors.New(settingsUsage)
	}
}
