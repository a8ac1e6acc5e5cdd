package mail

import (
	"context"
	"log/slog"
)

// LogTransport is the Transport used when no SMTP server is configured: it writes each
// message to the log instead of sending it, so that development setups work without
// one. It never fails.
type LogTransport struct {
	Logger *slog.Logger // nil: slog.Default()

	// IncludeBody adds the text body to the record. Mails carry confirmation and
	// password-reset links, so enable it only in development.
	IncludeBody bool
}

var _ Transport = LogTransport{}

// logOnly is implemented by transports that send nothing (LogTransport): the outbox then
// does not claim that the mail was sent.
type logOnly interface{ writesToLogOnly() }

func (LogTransport) writesToLogOnly() {}

// logMessage is the message of LogTransport's record: the mail was not sent.
const logMessage = "mail written to the log, not sent (no SMTP server configured)"

// Send logs m at INFO level and returns nil.
func (t LogTransport) Send(ctx context.Context, m Message) error {
	logger := t.Logger
	if logger == nil {
		logger = slog.Default()
	}
	attrs := []slog.Attr{
		slog.String("to", m.To),
		slog.String("from", m.From),
		slog.String("reply_to", m.ReplyTo),
		slog.String("subject", m.Subject),
	}
	if t.IncludeBody {
		attrs = append(attrs, slog.String("text", m.Text))
	}
	logger.LogAttrs(ctx, slog.LevelInfo, logMessage, attrs...)
	return nil
}
