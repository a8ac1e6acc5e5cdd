// Package mail owns the mails the service sends: the message type, the transports (SMTP,
// or the log when no SMTP server is configured) and the outbox sender that delivers the
// mails other packages write to the database.
package mail

import "context"

// Message is one mail, ready to send. Text and HTML may both be set; Strapi sends the
// same rendered template as both.
type Message struct {
	From    string // "Name <address>" or a bare address
	To      string
	ReplyTo string
	Subject string
	Text    string
	HTML    string
}

// Transport delivers one message. Implementations must be safe for concurrent use and
// must honour ctx cancellation.
type Transport interface {
	Send(ctx context.Context, m Message) error
}
