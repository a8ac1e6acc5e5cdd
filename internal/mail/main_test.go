package mail_test

import (
	"os"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// TestMain drops the PostgreSQL template database the outbox tests made.
func TestMain(m *testing.M) {
	code := m.Run()
	apitest.DropTemplate()
	os.Exit(code)
}
