// Package smtptest runs a real SMTP server on the loopback interface for tests: it
// records every message it accepts, decoded, and can require SMTP AUTH, simulate an
// outage, or hold messages until the test answers them (a slow server).
package smtptest

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Received is one message the server accepted.
type Received struct {
	From   string      // envelope sender (MAIL FROM)
	To     []string    // envelope recipients (RCPT TO)
	User   string      // the username the client authenticated as, if any
	Header mail.Header // the message header, as parsed by net/mail (values not decoded)

	// Subject is the decoded Subject header.
	Subject string

	// Text and HTML are the decoded text/plain and text/html bodies (the first of each
	// in a multipart message), with CRLF line breaks turned into LF. In a single-part
	// message, the line break SMTP puts at the end of the data is removed.
	Text string
	HTML string

	Raw []byte // the message as received, with CRLF line breaks
}

// Server is an SMTP server listening on 127.0.0.1. Its methods are safe for concurrent
// use.
type Server struct {
	srv        *smtp.Server
	ln         net.Listener
	user, pass string // required credentials; empty user: no AUTH

	mu       sync.Mutex
	msgs     []Received
	failing  bool
	held     chan *Held    // Hold's channel; nil: messages are answered at once
	received chan struct{} // closed and replaced on each new message
	closed   chan struct{} // closed when the test ends: held messages are let go
}

// Start starts a server that accepts any message without authentication. It is closed
// when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	return start(t, "", "")
}

// StartWithAuth starts a server that offers AUTH PLAIN (over plain TCP) and accepts
// messages only from clients that authenticated as user with pass.
func StartWithAuth(t testing.TB, user, pass string) *Server {
	t.Helper()
	if user == "" {
		t.Fatal("smtptest: StartWithAuth needs a username")
	}
	return start(t, user, pass)
}

func start(t testing.TB, user, pass string) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("smtptest: listen: %v", err)
	}
	s := &Server{ln: ln, user: user, pass: pass, received: make(chan struct{}), closed: make(chan struct{})}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &session{server: s}, nil
	}))
	s.srv.Domain = "localhost"
	s.srv.AllowInsecureAuth = true
	s.srv.ReadTimeout = time.Minute
	s.srv.WriteTimeout = time.Minute
	s.srv.ErrorLog = log.New(io.Discard, "", 0) // dropped connections are expected in tests

	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = s.srv.Serve(ln)
	}()
	t.Cleanup(func() {
		close(s.closed)
		_ = s.srv.Close()
		_ = ln.Close() // in case Serve had not registered it with srv yet
		<-done
	})
	return s
}

// Addr returns the server's address, "127.0.0.1:port".
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Host returns the server's host, "127.0.0.1".
func (s *Server) Host() string {
	host, _, _ := net.SplitHostPort(s.Addr())
	return host
}

// Port returns the server's port.
func (s *Server) Port() int {
	_, port, _ := net.SplitHostPort(s.Addr())
	n, _ := strconv.Atoi(port)
	return n
}

// Messages returns the messages received so far, oldest first.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.msgs...)
}

// WaitFor returns the first received message for which pred is true, waiting up to
// timeout for it to arrive. pred may call the server's methods. WaitFor fails the test
// on timeout, so it must be called from the goroutine running the test.
func (s *Server) WaitFor(t testing.TB, pred func(Received) bool, timeout time.Duration) Received {
	t.Helper()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		// pred runs without the lock held: it may call the server's methods.
		s.mu.Lock()
		msgs, received := s.msgs, s.received
		s.mu.Unlock()
		for _, m := range msgs {
			if pred(m) {
				return m
			}
		}

		select {
		case <-received:
		case <-timer.C:
			t.Fatalf("smtptest: no matching message after %s (%d received)", timeout, len(msgs))
			return Received{}
		}
	}
}

// SetFailing makes the server reject every MAIL, RCPT and DATA command with a 451
// temporary error while failing is true, as a server in trouble would.
func (s *Server) SetFailing(failing bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failing = failing
}

// Held is a message the server holds (Hold): it has read the whole message and waits, as
// a slow server would, for the test to answer it with Accept or Reject.
type Held struct {
	Received
	answer chan error
}

// Accept lets the held message in: the server records it and answers 250.
func (h *Held) Accept() { h.answer <- nil }

// Reject refuses the held message with a 451 temporary error; it is not recorded.
func (h *Held) Reject() { h.answer <- errFailing }

// Hold makes the server hold every message it receives from now on at the end of its DATA
// command, and hand it to the test on the returned channel; the client waits for the
// answer meanwhile. Messages still held when the test ends are rejected.
func (s *Server) Hold() <-chan *Held {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held == nil {
		s.held = make(chan *Held)
	}
	return s.held
}

// hold hands m to the test when the server holds messages, and returns its answer.
func (s *Server) hold(m Received) (bool, error) {
	s.mu.Lock()
	held := s.held
	s.mu.Unlock()
	if held == nil {
		return false, nil
	}
	h := &Held{Received: m, answer: make(chan error, 1)}
	select {
	case held <- h:
	case <-s.closed:
		return true, errFailing
	}
	select {
	case err := <-h.answer:
		return true, err
	case <-s.closed:
		return true, errFailing
	}
}

var errFailing = &smtp.SMTPError{
	Code:         451,
	EnhancedCode: smtp.EnhancedCode{4, 3, 0},
	Message:      "smtptest: simulated outage, try again later",
}

// check returns errFailing while the server is failing, and smtp.ErrAuthRequired when
// it needs an authentication the session has not done.
func (s *Server) check(sess *session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failing {
		return errFailing
	}
	if s.user != "" && sess.user == "" {
		return smtp.ErrAuthRequired
	}
	return nil
}

func (s *Server) add(m Received) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = append(s.msgs, m)
	close(s.received)
	s.received = make(chan struct{})
}

// session is one SMTP connection. go-smtp calls its methods from the connection's
// goroutine only.
type session struct {
	server *Server
	user   string
	from   string
	to     []string
}

var _ smtp.AuthSession = (*session)(nil)

func (ss *session) AuthMechanisms() []string {
	if ss.server.user == "" {
		return nil // no AUTH advertised
	}
	return []string{sasl.Plain}
}

func (ss *session) Auth(mech string) (sasl.Server, error) {
	if ss.server.user == "" || mech != sasl.Plain {
		return nil, smtp.ErrAuthUnknownMechanism
	}
	return sasl.NewPlainServer(func(_, username, password string) error {
		if username != ss.server.user || password != ss.server.pass {
			return smtp.ErrAuthFailed
		}
		ss.user = username
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if err := ss.server.check(ss); err != nil {
		return err
	}
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if err := ss.server.check(ss); err != nil {
		return err
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	if err := ss.server.check(ss); err != nil {
		return err
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m, err := parse(raw)
	if err != nil {
		return &smtp.SMTPError{
			Code:         554,
			EnhancedCode: smtp.EnhancedCode{5, 6, 0},
			Message:      "smtptest: cannot parse the message: " + err.Error(),
		}
	}
	m.From, m.To, m.User = ss.from, append([]string(nil), ss.to...), ss.user
	if held, err := ss.server.hold(m); held && err != nil {
		return err
	}
	ss.server.add(m)
	return nil
}

func (ss *session) Reset() {
	ss.from, ss.to = "", nil
}

func (ss *session) Logout() error { return nil }

// parse decodes a message: its header, subject, and text and HTML bodies.
func parse(raw []byte) (Received, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Received{}, fmt.Errorf("read message: %w", err)
	}
	var dec mime.WordDecoder
	subject, err := dec.DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		return Received{}, fmt.Errorf("decode Subject: %w", err)
	}
	m := Received{Header: msg.Header, Subject: subject, Raw: raw}

	mediaType, params, err := parseContentType(msg.Header.Get("Content-Type"))
	if err != nil {
		return Received{}, err
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		err = m.walk(multipart.NewReader(msg.Body, params["boundary"]))
	} else {
		var body string
		body, err = decodeBody(msg.Body, msg.Header.Get("Content-Transfer-Encoding"), params["charset"])
		// The data of an SMTP transaction ends with CRLF; the client adds it when the
		// message does not.
		m.setBody(mediaType, strings.TrimSuffix(body, "\n"))
	}
	if err != nil {
		return Received{}, err
	}
	return m, nil
}

// walk decodes the parts of a multipart body, recursively.
func (m *Received) walk(r *multipart.Reader) error {
	for {
		// NextRawPart, unlike NextPart, leaves quoted-printable for decodeBody.
		p, err := r.NextRawPart()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read part: %w", err)
		}
		mediaType, params, err := parseContentType(p.Header.Get("Content-Type"))
		if err != nil {
			return err
		}
		if strings.HasPrefix(mediaType, "multipart/") {
			if err := m.walk(multipart.NewReader(p, params["boundary"])); err != nil {
				return err
			}
			continue
		}
		body, err := decodeBody(p, p.Header.Get("Content-Transfer-Encoding"), params["charset"])
		if err != nil {
			return fmt.Errorf("%s part: %w", mediaType, err)
		}
		m.setBody(mediaType, body)
	}
}

func (m *Received) setBody(mediaType, body string) {
	switch {
	case mediaType == "text/plain" && m.Text == "":
		m.Text = body
	case mediaType == "text/html" && m.HTML == "":
		m.HTML = body
	}
}

// parseContentType parses a Content-Type header, text/plain when there is none.
func parseContentType(v string) (string, map[string]string, error) {
	if v == "" {
		return "text/plain", map[string]string{}, nil
	}
	mediaType, params, err := mime.ParseMediaType(v)
	if err != nil {
		return "", nil, fmt.Errorf("parse Content-Type %q: %w", v, err)
	}
	return mediaType, params, nil
}

// decodeBody undoes the transfer encoding of a body and checks its charset.
func decodeBody(r io.Reader, encoding, charset string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r) // skips the line breaks
	case "", "7bit", "8bit", "binary":
	default:
		return "", fmt.Errorf("unknown Content-Transfer-Encoding %q", encoding)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("decode %s body: %w", encoding, err)
	}
	switch strings.ToLower(charset) {
	case "", "utf-8", "us-ascii":
	default:
		return "", fmt.Errorf("charset %q is not utf-8", charset)
	}
	return strings.ReplaceAll(string(b), "\r\n", "\n"), nil
}
