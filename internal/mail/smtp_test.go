package mail_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/mtb-race/mtb-backend-api/internal/mail"
	"github.com/mtb-race/mtb-backend-api/internal/mail/smtptest"
)

const waitTimeout = 5 * time.Second

// newSMTP returns a transport to srv without TLS.
func newSMTP(t *testing.T, srv *smtptest.Server, user, pass string) *mail.SMTP {
	t.Helper()
	tr, err := mail.NewSMTP(mail.SMTPConfig{
		Host:     srv.Host(),
		Port:     srv.Port(),
		Username: user,
		Password: pass,
		TLS:      mail.TLSNone,
		HeloName: "mtb-backend.test",
		Timeout:  10 * time.Second,
	})
	if err != nil {
		t.Fatalf("NewSMTP: %v", err)
	}
	return tr
}

func TestSMTPSend(t *testing.T) {
	t.Parallel()

	url := "https://mtb-race.example/reset-password?code=" + strings.Repeat("0123456789abcdef", 8)
	text := "Hello Zoë,\n\n" +
		"We’ve received a request to reset your password. Open this link to choose a new one:\n\n" +
		url + "\n\n" +
		".a line that starts with a dot\n" +
		"trailing spaces   \n" +
		"Thanks, the MTB Race team"
	html := "<p>Hello Zoë,</p>\n" +
		"<p>We’ve received a request to reset your password.</p>\n" +
		`<p><a href="` + url + `">` + url + "</a></p>\n" +
		"<p>Thanks, the MTB Race team</p>"

	tests := []struct {
		name      string
		text      string
		html      string
		mediaType string
	}{
		{"text and HTML", text, html, "multipart/alternative"},
		{"text only", text, "", "text/plain"},
		{"HTML only", "", html, "text/html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := smtptest.Start(t)
			tr := newSMTP(t, srv, "", "")

			m := mail.Message{
				From:    "Administration Panel <no-reply@strapi.io>",
				To:      "zoe@example.com",
				ReplyTo: "Support <support@mtb-race.example>",
				Subject: "Réinitialisation du mot de passe – « MTB Race » ’24, à faire avant l’été",
				Text:    tt.text,
				HTML:    tt.html,
			}
			if err := tr.Send(t.Context(), m); err != nil {
				t.Fatalf("Send: %v", err)
			}

			got := srv.Messages()
			if len(got) != 1 {
				t.Fatalf("server received %d messages, want 1", len(got))
			}
			r := got[0]
			if r.From != "no-reply@strapi.io" {
				t.Errorf("envelope from = %q, want no-reply@strapi.io", r.From)
			}
			if len(r.To) != 1 || r.To[0] != "zoe@example.com" {
				t.Errorf("envelope to = %q, want [zoe@example.com]", r.To)
			}
			for _, h := range []struct{ key, name, addr string }{
				{"From", "Administration Panel", "no-reply@strapi.io"},
				{"To", "", "zoe@example.com"},
				{"Reply-To", "Support", "support@mtb-race.example"},
			} {
				list, err := r.Header.AddressList(h.key)
				if err != nil || len(list) != 1 || list[0].Name != h.name || list[0].Address != h.addr {
					t.Errorf("%s = %q (%v), want %q <%s>", h.key, r.Header.Get(h.key), err, h.name, h.addr)
				}
			}
			if r.Subject != m.Subject {
				t.Errorf("subject = %q, want %q", r.Subject, m.Subject)
			}
			if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.mediaType+";") {
				t.Errorf("Content-Type = %q, want %s", ct, tt.mediaType)
			}
			if r.Text != tt.text {
				t.Errorf("text body:\n got %q\nwant %q", r.Text, tt.text)
			}
			if r.HTML != tt.html {
				t.Errorf("HTML body:\n got %q\nwant %q", r.HTML, tt.html)
			}
			if id := r.Header.Get("Message-Id"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@strapi.io>") {
				t.Errorf("Message-ID = %q, want <...@strapi.io>", id)
			}
			for _, h := range []string{"Date", "Mime-Version"} {
				if r.Header.Get(h) == "" {
					t.Errorf("no %s header", h)
				}
			}
			for _, line := range strings.Split(string(r.Raw), "\r\n") {
				if len(line) > 998 {
					t.Errorf("line of %d bytes, the limit is 998", len(line))
				}
			}
		})
	}
}

func TestSMTPNoReplyTo(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t)
	tr := newSMTP(t, srv, "", "")
	if err := tr.Send(t.Context(), mail.Message{From: "no-reply@strapi.io", To: "zoe@example.com", Subject: "Hi", Text: "Hi"}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	r := srv.WaitFor(t, func(smtptest.Received) bool { return true }, waitTimeout)
	if v, ok := r.Header["Reply-To"]; ok {
		t.Errorf("Reply-To = %q, want no header", v)
	}
	if list, err := r.Header.AddressList("From"); err != nil || list[0].Address != "no-reply@strapi.io" {
		t.Errorf("From = %q (%v)", r.Header.Get("From"), err)
	}
}

func TestSMTPAuth(t *testing.T) {
	t.Parallel()
	const user, pass = "mailer", "s3cr3t-Pa55word!"

	tests := []struct {
		name       string
		user, pass string
		wantErr    bool
	}{
		{"right password", user, pass, false},
		{"wrong password", user, "wrong-" + pass, true},
		{"no credentials", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := smtptest.StartWithAuth(t, user, pass)
			tr := newSMTP(t, srv, tt.user, tt.pass)

			err := tr.Send(t.Context(), mail.Message{From: "no-reply@strapi.io", To: "zoe@example.com", Subject: "Hi", Text: "Hi"})
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("Send: %v", err)
				}
				if r := srv.Messages(); len(r) != 1 || r[0].User != user {
					t.Errorf("server received %+v, want one message from %s", r, user)
				}
				return
			}
			if err == nil {
				t.Fatal("Send succeeded, want an error")
			}
			if strings.Contains(err.Error(), pass) {
				t.Errorf("the error contains the password: %v", err)
			}
			if n := len(srv.Messages()); n != 0 {
				t.Errorf("server received %d messages, want 0", n)
			}
		})
	}
}

func TestSMTPServerFailing(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t)
	tr := newSMTP(t, srv, "", "")
	m := mail.Message{From: "no-reply@strapi.io", To: "zoe@example.com", Subject: "Hi", Text: "Hi"}

	srv.SetFailing(true)
	err := tr.Send(t.Context(), m)
	if err == nil {
		t.Fatal("Send succeeded while the server fails")
	}
	var sendErr *gomail.SendError
	if !errors.As(err, &sendErr) || !sendErr.IsTemp() {
		t.Errorf("Send error %v is not a temporary go-mail SendError", err)
	}

	srv.SetFailing(false)
	if err := tr.Send(t.Context(), m); err != nil {
		t.Fatalf("Send after the outage: %v", err)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("server received %d messages, want 1", n)
	}
}

func TestSMTPContext(t *testing.T) {
	t.Parallel()

	tests := []struct {
		name    string
		addr    func(t *testing.T) (host string, port int)
		ctx     func(t *testing.T) context.Context
		wantErr error
	}{
		{
			name: "cancelled before Send",
			addr: func(t *testing.T) (string, int) {
				srv := smtptest.Start(t)
				t.Cleanup(func() {
					if n := len(srv.Messages()); n != 0 {
						t.Errorf("server received %d messages, want 0", n)
					}
				})
				return srv.Host(), srv.Port()
			},
			ctx: func(t *testing.T) context.Context {
				ctx, cancel := context.WithCancel(t.Context())
				cancel()
				return ctx
			},
			wantErr: context.Canceled,
		},
		{
			name: "deadline while the server stalls",
			addr: tarpit,
			ctx: func(t *testing.T) context.Context {
				ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
				t.Cleanup(cancel)
				return ctx
			},
			wantErr: context.DeadlineExceeded,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			host, port := tt.addr(t)
			// A long timeout, so that only ctx can end Send in time.
			tr, err := mail.NewSMTP(mail.SMTPConfig{Host: host, Port: port, TLS: mail.TLSNone, Timeout: time.Minute})
			if err != nil {
				t.Fatalf("NewSMTP: %v", err)
			}
			// The context's error, not the transport's own timeout (a net timeout is
			// os.ErrDeadlineExceeded, not context.DeadlineExceeded): ctx ended Send.
			err = tr.Send(tt.ctx(t), mail.Message{From: "no-reply@strapi.io", To: "zoe@example.com", Subject: "Hi", Text: "Hi"})
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Send error = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

// tarpit listens on 127.0.0.1 and accepts connections but never answers, like a
// server that hangs.
func tarpit(t *testing.T) (string, int) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var conns []net.Conn
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	})
	t.Cleanup(func() {
		_ = ln.Close()
		wg.Wait()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	addr := ln.Addr().(*net.TCPAddr)
	return addr.IP.String(), addr.Port
}

func TestSMTPConcurrentSends(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t)
	tr := newSMTP(t, srv, "", "")

	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			errs[i] = tr.Send(t.Context(), mail.Message{
				From:    "no-reply@strapi.io",
				To:      "rider" + string(rune('a'+i)) + "@example.com",
				Subject: "Hi",
				Text:    "Hi",
			})
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Send %d: %v", i, err)
		}
	}
	seen := map[string]bool{}
	for _, r := range srv.Messages() {
		seen[r.To[0]] = true
	}
	if len(seen) != n {
		t.Errorf("server received mails for %d recipients, want %d", len(seen), n)
	}
}

func TestSMTPBadMessage(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t)
	tr := newSMTP(t, srv, "", "")

	tests := []struct {
		name string
		m    mail.Message
		want string
	}{
		{"no From", mail.Message{To: "zoe@example.com"}, "no From"},
		{"no To", mail.Message{From: "no-reply@strapi.io"}, "no To"},
		{"bad From", mail.Message{From: "Administration Panel", To: "zoe@example.com"}, "From"},
		{"bad To", mail.Message{From: "no-reply@strapi.io", To: "zoe@"}, "To"},
		{"bad Reply-To", mail.Message{From: "no-reply@strapi.io", To: "zoe@example.com", ReplyTo: "<>"}, "Reply-To"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tr.Send(t.Context(), tt.m)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Send error = %v, want one about %s", err, tt.want)
			}
		})
	}
}

func TestNewSMTPConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cfg     mail.SMTPConfig
		wantErr string // "" for none
	}{
		{"STARTTLS by default", mail.SMTPConfig{Host: "smtp.example.com", Port: 587}, ""},
		{"implicit TLS", mail.SMTPConfig{Host: "smtp.example.com", Port: 465, TLS: "tls", Username: "u", Password: "p"}, ""},
		{"mode in capitals", mail.SMTPConfig{Host: "smtp.example.com", Port: 25, TLS: "NONE"}, ""},
		{"no host", mail.SMTPConfig{Port: 587}, "host is required"},
		{"port 0", mail.SMTPConfig{Host: "smtp.example.com"}, "port 0 is not between 1 and 65535"},
		{"port too big", mail.SMTPConfig{Host: "smtp.example.com", Port: 65536}, "port 65536"},
		{"unknown TLS mode", mail.SMTPConfig{Host: "smtp.example.com", Port: 587, TLS: "ssl"}, `TLS mode "ssl" is not starttls, tls or none`},
		{"negative timeout", mail.SMTPConfig{Host: "smtp.example.com", Port: 587, Timeout: -time.Second}, "timeout -1s is negative"},
		{"password without username", mail.SMTPConfig{Host: "smtp.example.com", Port: 587, Password: "hunter2"}, "no username"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tr, err := mail.NewSMTP(tt.cfg)
			if tt.wantErr == "" {
				if err != nil || tr == nil {
					t.Errorf("NewSMTP = %v, %v; want a transport", tr, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("NewSMTP error = %v, want one containing %q", err, tt.wantErr)
			}
			if err != nil && tt.cfg.Password != "" && strings.Contains(err.Error(), tt.cfg.Password) {
				t.Errorf("the error contains the password: %v", err)
			}
		})
	}
}

func TestSMTPTestServerWaitFor(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t)
	tr := newSMTP(t, srv, "", "")

	errc := make(chan error, 1)
	go func() {
		time.Sleep(50 * time.Millisecond) // WaitFor must wait for the message
		errc <- tr.Send(t.Context(), mail.Message{From: "no-reply@strapi.io", To: "zoe@example.com", Subject: "late", Text: "Hi"})
	}()
	// The predicate calls back into the server, as tests do to count mails.
	r := srv.WaitFor(t, func(r smtptest.Received) bool { return r.Subject == "late" && len(srv.Messages()) == 1 }, waitTimeout)
	if err := <-errc; err != nil {
		t.Fatalf("Send: %v", err)
	}
	if r.Text != "Hi" {
		t.Errorf("text = %q, want Hi", r.Text)
	}
}
