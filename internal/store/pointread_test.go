package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
	"github.com/mtb-race/mtb-backend-api/internal/store"
)

type pointReadKey struct{}

// TestPointRead: on SQLite a point read does not watch the request's context (no goroutine
// per query; it runs even once the caller went away) but keeps its values; on PostgreSQL
// the context is the caller's, and a read for a caller that went away is cancelled.
func TestPointRead(t *testing.T) {
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		st, _ := apitest.OpenStore(t, engine)
		ctx, cancel := context.WithCancel(context.WithValue(t.Context(), pointReadKey{}, "v"))
		cancel()
		pr := st.PointRead(ctx)
		if pr.Value(pointReadKey{}) != "v" {
			t.Fatal("the context's values are lost")
		}
		_, err := st.Q.GetAuthUser(pr, 1)
		switch engine {
		case "sqlite":
			if pr.Done() != nil || pr.Err() != nil {
				t.Fatalf("the point read watches the caller's context: %v", pr.Err())
			}
			if !store.IsNotFound(err) {
				t.Fatalf("the read of a missing user after the caller went away: %v, want not found", err)
			}
		default:
			if pr != ctx {
				t.Fatal("PostgreSQL's point read is not the caller's context")
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("the read after the caller went away: %v, want context.Canceled", err)
			}
		}
	})
}
