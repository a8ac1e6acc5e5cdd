package mail

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// The TLS modes of SMTPConfig.TLS.
const (
	TLSStartTLS = "starttls" // upgrade with STARTTLS: required with a username, else when offered
	TLSImplicit = "tls"      // TLS from the first byte (SMTPS, usually port 465)
	TLSNone     = "none"     // plain text, never upgraded
)

// DefaultSMTPTimeout bounds the dial and each SMTP exchange when SMTPConfig.Timeout is zero.
const DefaultSMTPTimeout = 30 * time.Second

// SMTPConfig configures the SMTP transport.
type SMTPConfig struct {
	Host     string
	Port     int
	Username string // empty: no SMTP AUTH
	Password string

	// TLS is TLSStartTLS (the default when empty), TLSImplicit or TLSNone. With
	// TLSStartTLS the connection is upgraded when the server offers STARTTLS, and the
	// upgrade is required when Username is set, so that credentials never travel in
	// clear. With TLSNone the credentials, if any, are sent in clear: use it only for a
	// server on a trusted network (a local relay, Mailpit in development).
	TLS string

	HeloName string // the EHLO name; empty: the machine's host name

	// Timeout bounds the dial and each SMTP exchange (it is the connection's read and
	// write deadline, extended before each command). Zero means DefaultSMTPTimeout.
	// The ctx given to Send bounds the whole delivery.
	Timeout time.Duration

	InsecureSkipVerify bool // do not verify the server's certificate (self-signed test servers)
}

// SMTP is a Transport that delivers each message over a new connection to an SMTP
// server. It is safe for concurrent use.
type SMTP struct {
	cfg       SMTPConfig
	addr      string          // host:port, for errors
	tlsConfig *tls.Config     // for STARTTLS and implicit TLS; never modified
	opts      []gomail.Option // the go-mail client options, shared by every Send
}

var _ Transport = (*SMTP)(nil)

// NewSMTP checks cfg and returns an SMTP transport. It does not connect.
func NewSMTP(cfg SMTPConfig) (*SMTP, error) {
	cfg.Host = strings.TrimSpace(cfg.Host)
	cfg.TLS = strings.ToLower(strings.TrimSpace(cfg.TLS))
	if cfg.TLS == "" {
		cfg.TLS = TLSStartTLS
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultSMTPTimeout
	}

	var problems []string
	if cfg.Host == "" {
		problems = append(problems, "host is required")
	}
	if cfg.Port < 1 || cfg.Port > 65535 {
		problems = append(problems, fmt.Sprintf("port %d is not between 1 and 65535", cfg.Port))
	}
	if cfg.TLS != TLSStartTLS && cfg.TLS != TLSImplicit && cfg.TLS != TLSNone {
		problems = append(problems, fmt.Sprintf("TLS mode %q is not %s, %s or %s", cfg.TLS, TLSStartTLS, TLSImplicit, TLSNone))
	}
	if cfg.Timeout < 0 {
		problems = append(problems, fmt.Sprintf("timeout %s is negative", cfg.Timeout))
	}
	if cfg.Password != "" && cfg.Username == "" {
		problems = append(problems, "a password is set but no username")
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("smtp config: %s", strings.Join(problems, "; "))
	}

	s := &SMTP{
		cfg:  cfg,
		addr: net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port)),
		tlsConfig: &tls.Config{
			ServerName:         cfg.Host,
			MinVersion:         tls.VersionTLS12,
			InsecureSkipVerify: cfg.InsecureSkipVerify, //nolint:gosec // opt-in, for test servers
		},
	}
	s.opts = []gomail.Option{
		gomail.WithPort(cfg.Port),
		gomail.WithTimeout(cfg.Timeout),
		gomail.WithTLSConfig(s.tlsConfig),
	}
	switch cfg.TLS {
	case TLSImplicit:
		// The handshake itself happens in Send's dialer, which replaces go-mail's.
		s.opts = append(s.opts, gomail.WithSSL())
	case TLSNone:
		s.opts = append(s.opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		policy := gomail.TLSOpportunistic
		if cfg.Username != "" {
			policy = gomail.TLSMandatory
		}
		s.opts = append(s.opts, gomail.WithTLSPolicy(policy))
	}
	if cfg.HeloName != "" {
		s.opts = append(s.opts, gomail.WithHELO(cfg.HeloName))
	}
	if cfg.Username != "" {
		// PLAIN and LOGIN are what nearly every server offers. The NOENC variants only
		// lift go-mail's refusal to use them over a plain connection: with TLSStartTLS a
		// username makes TLS mandatory and TLSImplicit is TLS throughout, so they go in
		// clear only when TLSNone says so. When the server offers neither, go-mail picks
		// another mechanism it supports (SCRAM, CRAM-MD5...).
		s.opts = append(s.opts,
			gomail.WithOpportunisticSMTPAuth(gomail.SMTPAuthPlainNoEnc, gomail.SMTPAuthLoginNoEnc),
			gomail.WithUsername(cfg.Username),
			gomail.WithPassword(cfg.Password),
		)
	}
	// Build a client once so that an option go-mail rejects fails here, not in Send.
	if _, err := gomail.NewClient(cfg.Host, s.opts...); err != nil {
		return nil, fmt.Errorf("smtp config: %w", err)
	}
	return s, nil
}

// Send delivers m: it dials the server, says EHLO, upgrades to TLS and authenticates as
// configured, sends the message and quits. Cancelling ctx aborts the delivery at any
// step, by closing the connection.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	msg, err := buildMsg(m)
	if err != nil {
		return fmt.Errorf("smtp: build the message: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("smtp: send to %s: %w", s.addr, err)
	}

	// A go-mail client keeps per-connection state, so each Send builds its own: that
	// makes Send safe for concurrent use and lets the dialer watch ctx.
	var conn net.Conn
	var stop func() bool
	dial := func(dialCtx context.Context, network, addr string) (net.Conn, error) {
		// dialCtx is ctx bounded by the timeout, and is cancelled when the dial
		// returns: the connection must watch ctx itself.
		var c net.Conn
		var err error
		if s.cfg.TLS == TLSImplicit {
			d := tls.Dialer{Config: s.tlsConfig}
			c, err = d.DialContext(dialCtx, network, addr)
		} else {
			var d net.Dialer
			c, err = d.DialContext(dialCtx, network, addr)
		}
		if err != nil {
			return nil, err
		}
		conn = c
		// Closing unblocks a read or write in progress; a deadline would not do, as
		// go-mail moves the deadline forward before each command.
		stop = context.AfterFunc(ctx, func() { _ = c.Close() })
		return c, nil
	}
	defer func() {
		if conn != nil {
			stop()
			// go-mail quits after sending, but leaves the connection open when the
			// EHLO, STARTTLS or AUTH step fails.
			_ = conn.Close()
		}
	}()

	opts := append(s.opts[:len(s.opts):len(s.opts)], gomail.WithDialContextFunc(dial))
	client, err := gomail.NewClient(s.cfg.Host, opts...)
	if err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	err = client.DialAndSendWithContext(ctx, msg)
	if err == nil {
		return nil
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("smtp: send to %s: %w (%w)", s.addr, ctxErr, err)
	}
	return fmt.Errorf("smtp: send to %s: %w", s.addr, err)
}

// buildMsg turns m into a go-mail message: From, To, optional Reply-To, Message-ID,
// Subject, and a text/plain part, a text/html part, or both as multipart/alternative
// (HTML last, as the preferred one), all UTF-8 and quoted-printable.
func buildMsg(m Message) (*gomail.Msg, error) {
	if strings.TrimSpace(m.From) == "" {
		return nil, errors.New("no From address")
	}
	if strings.TrimSpace(m.To) == "" {
		return nil, errors.New("no To address")
	}
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := msg.From(m.From); err != nil {
		return nil, fmt.Errorf("invalid From address: %w", err)
	}
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("invalid To address: %w", err)
	}
	if m.ReplyTo != "" {
		if err := msg.ReplyTo(m.ReplyTo); err != nil {
			return nil, fmt.Errorf("invalid Reply-To address: %w", err)
		}
	}
	// go-mail takes the Message-ID's domain from the local host name, often a
	// container's id: the sender's domain is what receivers expect.
	from := msg.GetFrom()[0].Address
	msg.SetMessageIDWithValue(rand.Text() + "@" + from[strings.LastIndexByte(from, '@')+1:])
	msg.Subject(m.Subject)
	switch {
	case m.Text != "" && m.HTML != "":
		msg.SetBodyString(gomail.TypeTextPlain, m.Text)
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	case m.HTML != "":
		msg.SetBodyString(gomail.TypeTextHTML, m.HTML)
	default:
		msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	}
	return msg, nil
}
