package auth

import (
	"html"
	"regexp"
	"strconv"
	"time"

	"github.com/mtb-race/mtb-backend-api/gen/db"
	"github.com/mtb-race/mtb-backend-api/internal/settings"
)

var placeholder = regexp.MustCompile(`<%=\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*%>`)

// renderTemplate replaces each <%= VAR %> whose VAR is a key of vars, as Strapi's template
// helper does with a leaf path of its data (URL, TOKEN, USER.email, ...); anything else is
// left as written. Nothing in the template is evaluated. With escapeHTML, the values are
// HTML-escaped, so a username cannot inject markup into the HTML part of a mail.
func renderTemplate(tpl string, vars map[string]string, escapeHTML bool) string {
	return placeholder.ReplaceAllStringFunc(tpl, func(m string) string {
		key := placeholder.FindStringSubmatch(m)[1]
		v, ok := vars[key]
		if !ok {
			return m
		}
		if escapeHTML {
			return html.EscapeString(v)
		}
		return v
	})
}

// userVars are the USER.* values a template may use: the fields the API shows of a user.
func userVars(u db.UpUser) map[string]string {
	ts := func(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }
	return map[string]string{
		"USER.id":          strconv.FormatInt(u.ID, 10),
		"USER.documentId":  u.DocumentID,
		"USER.username":    u.Username,
		"USER.email":       u.Email,
		"USER.provider":    u.Provider,
		"USER.confirmed":   strconv.FormatBool(u.Confirmed),
		"USER.blocked":     strconv.FormatBool(u.Blocked),
		"USER.createdAt":   ts(u.CreatedAt),
		"USER.updatedAt":   ts(u.UpdatedAt),
		"USER.publishedAt": ts(u.PublishedAt),
	}
}

// renderMail renders the template opts for u, as Strapi renders its two mails: the subject
// sees only USER; the body also URL (url), SERVER_URL, ADMIN_URL, and the mail's code as
// the variable codeVar (TOKEN or CODE; none for a notice, whose CODE and TOKEN are empty).
// The reply-to is the template's, or EMAIL_DEFAULT_REPLY_TO. The sender is the caller's:
// its rule differs between the mails.
func (s *Service) renderMail(u db.UpUser, opts settings.EmailTemplateOptions, sender, url, codeVar, code string) db.RenderMailParams {
	vars := userVars(u)
	subject := renderTemplate(opts.Object, vars, false)
	vars["URL"] = url
	vars["SERVER_URL"] = s.o.PublicURL
	vars["ADMIN_URL"] = s.o.PublicURL + "/admin"
	if codeVar == "" { // a notice: no code, and no placeholder of one left as written
		vars["CODE"], vars["TOKEN"] = "", ""
	} else {
		vars[codeVar] = code
	}
	reply := opts.ResponseEmail
	if reply == "" {
		reply = s.o.DefaultReply
	}
	return db.RenderMailParams{
		Sender:   sender,
		ReplyTo:  reply,
		Subject:  subject,
		BodyText: renderTemplate(opts.Message, vars, false),
		BodyHtml: renderTemplate(opts.Message, vars, true),
	}
}

// fromHeader formats a template's sender as Strapi does: "name <email>" when either is set.
func fromHeader(o settings.EmailTemplateOptions) string {
	if o.From.Email == "" && o.From.Name == "" {
		return ""
	}
	return o.From.Name + " <" + o.From.Email + ">"
}

// ownSender is the sender of this service's own mails (the change of email, the notices):
// the template's address, with its name when it has one, or EMAIL_DEFAULT_FROM.
func (s *Service) ownSender(o settings.EmailTemplateOptions) string {
	switch {
	case o.From.Email == "":
		return s.o.DefaultFrom
	case o.From.Name == "":
		return o.From.Email
	}
	return fromHeader(o)
}
