package httpapi

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apierror"
)

const internalErrorJSON = `{"data":null,"error":{"status":500,"name":"InternalServerError","message":"Internal Server Error"}}`

// TestWriteErrorUnknownKind: an apierror.Error of a kind the HTTP layer has no status for is
// a logged 500, not a response with status 0 (which panics in net/http).
func TestWriteErrorUnknownKind(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "/api/users/me", nil)
	writeError(w, r, slog.New(slog.NewTextHandler(&logs, nil)), &apierror.Error{Kind: apierror.Kind(1 << 20), Message: "new kind"})
	if w.Code != 500 || w.Body.String() != internalErrorJSON {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	if !strings.Contains(logs.String(), "internal error") || !strings.Contains(logs.String(), "new kind") {
		t.Fatalf("not logged: %s", logs.String())
	}
}

// TestWriteErrorUnmarshalable: an error response that cannot be marshaled is logged and
// answered with the 500 envelope, as JSON like every other answer.
func TestWriteErrorUnmarshalable(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodPost, "/api/auth/local", nil)
	err := apierror.Invalid(apierror.FieldInvalid("identifier", "bad", func() {})) // a func has no JSON
	writeError(w, r, slog.New(slog.NewTextHandler(&logs, nil)), err)
	if w.Code != 500 || w.Body.String() != internalErrorJSON || w.Header().Get("Content-Type") != jsonContentType {
		t.Fatalf("%d %q %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	if !strings.Contains(logs.String(), "level=ERROR") || !strings.Contains(logs.String(), "marshal") {
		t.Fatalf("not logged: %s", logs.String())
	}
	// writeJSON itself writes nothing when it cannot marshal: its caller answers.
	w = httptest.NewRecorder()
	if err := writeJSON(w, http.StatusOK, func() {}); err == nil || w.Body.Len() != 0 || w.Header().Get("Content-Type") != "" {
		t.Fatalf("%v %q %s", err, w.Header().Get("Content-Type"), w.Body)
	}
}
