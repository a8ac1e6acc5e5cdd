package httpapi_test

import (
	"errors"
	"os"
	"sync"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

func TestMain(m *testing.M) { os.Exit(apitest.Main(m)) }

// concurrently sends n requests at once, request i from its own goroutine with send(i)
// (which must use Env.Try, never a helper that fails the test), and returns the
// responses in order. A request that got no response fails the test, from the test's
// goroutine.
func concurrently(t *testing.T, n int, send func(i int) (apitest.Response, error)) []apitest.Response {
	t.Helper()
	responses := make([]apitest.Response, n)
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			responses[i], errs[i] = send(i)
		})
	}
	close(start)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	return responses
}

// tryJSON is Env.Try with a JSON body, callable from any goroutine.
func tryJSON(e *apitest.Env, method, path, body string, header ...string) (apitest.Response, error) {
	return e.Try(method, path, []byte(body), append([]string{"Content-Type", "application/json"}, header...)...)
}

// loser is an answer a race allows to the requests that lose it: the status and the
// error's name and message.
type loser struct {
	status        int
	name, message string
}

// wantOneWinner checks that exactly one of responses has the status win and that each of
// the others is one of losers, and returns the winner's index.
func wantOneWinner(t *testing.T, responses []apitest.Response, win int, losers ...loser) int {
	t.Helper()
	statuses := make([]int, len(responses))
	for i, r := range responses {
		statuses[i] = r.Status
	}
	winner := -1
	for i, r := range responses {
		if r.Status == win {
			if winner != -1 {
				t.Fatalf("statuses %v: want exactly one %d", statuses, win)
			}
			winner = i
			continue
		}
		allowed := false
		for _, l := range losers {
			if r.Status == l.status {
				wantError(t, r, l.status, l.name, l.message, "")
				allowed = true
				break
			}
		}
		if !allowed {
			t.Fatalf("statuses %v: unexpected %d %s", statuses, r.Status, r.Body)
		}
	}
	if winner == -1 {
		t.Fatalf("statuses %v: want exactly one %d, got none", statuses, win)
	}
	return winner
}
