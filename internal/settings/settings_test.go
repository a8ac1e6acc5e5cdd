package settings

import (
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/store"
)

// TestAdvancedKeys: the settings' keys in Strapi's order (then this service's own), and each
// one's text form goes through Set and Get unchanged.
func TestAdvancedKeys(t *testing.T) {
	t.Parallel()
	want := []string{"unique_email", "allow_register", "email_confirmation", "email_reset_password",
		"email_confirmation_redirection", "default_role", "email_change_redirection"}
	if !slices.Equal(AdvancedKeys, want) {
		t.Fatalf("AdvancedKeys %q, want %q", AdvancedKeys, want)
	}
	a := DefaultAdvanced()
	for _, c := range []struct{ key, value, get string }{
		{"unique_email", "false", "false"},
		{"allow_register", "1", "true"},
		{"email_confirmation", "true", "true"},
		{"email_reset_password", "https://race.example/reset", "https://race.example/reset"},
		{"email_reset_password", "null", "null"},
		{"email_confirmation_redirection", "https://race.example/", "https://race.example/"},
		{"email_confirmation_redirection", "", "null"},
		{"default_role", "rider", "rider"},
		{"email_change_redirection", "https://race.example/email-changed", "https://race.example/email-changed"},
		{"email_change_redirection", "null", "null"},
	} {
		if err := a.Set(c.key, c.value); err != nil {
			t.Fatalf("Set(%s, %q): %v", c.key, c.value, err)
		}
		if got, err := a.Get(c.key); err != nil || got != c.get {
			t.Fatalf("after Set(%s, %q): Get = %q, %v; want %q", c.key, c.value, got, err, c.get)
		}
	}
	if a.UniqueEmail || !a.AllowRegister || !a.EmailConfirmation || a.EmailResetPassword != nil ||
		a.EmailConfirmationRedirection != nil || a.DefaultRole != "rider" {
		t.Fatalf("settings %+v", a)
	}
	for _, c := range []struct{ key, value, err string }{
		{"unique_email", "maybe", `unique_email: "maybe" is not true or false`},
		{"default_role", "", "default_role: a role type is required"},
		{"nope", "x", `unknown advanced setting "nope"`},
	} {
		if err := a.Set(c.key, c.value); err == nil || err.Error() != c.err {
			t.Errorf("Set(%s, %q): %v, want %q", c.key, c.value, err, c.err)
		}
	}
	if _, err := a.Get("nope"); err == nil {
		t.Error("Get of an unknown key: no error")
	}
}

func TestAdvancedSet(t *testing.T) {
	t.Parallel()
	a := DefaultAdvanced()
	for k, v := range map[string]string{"unique_email": "false", "email_reset_password": "https://x/reset", "default_role": "public"} {
		if err := a.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if a.UniqueEmail || *a.EmailResetPassword != "https://x/reset" || a.DefaultRole != "public" {
		t.Fatalf("%+v", a)
	}
	if err := a.Set("email_reset_password", "null"); err != nil || a.EmailResetPassword != nil {
		t.Fatalf("null: %v %v", err, a.EmailResetPassword)
	}
	for k, v := range map[string]string{"unique_email": "maybe", "nope": "1", "default_role": ""} {
		if err := a.Set(k, v); err == nil {
			t.Errorf("%s=%q accepted", k, v)
		}
	}
}

// fakeClock is a clock the test moves.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func newTestStore(t *testing.T) (*Store, *fakeClock) {
	t.Helper()
	st, err := store.Open(t.Context(), store.Options{SQLiteFile: t.TempDir() + "/settings.db"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	clock := &fakeClock{now: time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)}
	s := New(st, clock.Now)
	if err := s.Init(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	return s, clock
}

// TestCacheSingleFlight: when the cache goes stale, concurrent readers share one load,
// and within the TTL nobody loads.
func TestCacheSingleFlight(t *testing.T) {
	t.Parallel()
	s, clock := newTestStore(t)
	if _, err := s.Advanced(t.Context()); err != nil {
		t.Fatal(err)
	}
	for round := range 3 {
		clock.Advance(2 * time.Second) // stale
		before := s.loads.Load()
		release := make(chan struct{})
		s.afterRead = func() { <-release } // hold the load until every reader waits
		var wg sync.WaitGroup
		errs := make(chan error, 20)
		for range 20 {
			wg.Go(func() {
				_, err := s.Advanced(t.Context())
				errs <- err
			})
		}
		for s.loads.Load() == before { // the first reader started the load
			runtime.Gosched()
		}
		close(release)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		s.afterRead = nil
		if n := s.loads.Load() - before; n != 1 {
			t.Fatalf("round %d: %d loads for 20 concurrent readers, want 1", round, n)
		}
		if _, err := s.Templates(t.Context()); err != nil || s.loads.Load()-before != 1 {
			t.Fatalf("round %d: a read within the TTL loaded again (%v)", round, err)
		}
	}
}

// TestCacheNoStaleAfterChange: a load that read the settings before a local change must not
// cache them: the next read sees the change, not the value read before it.
func TestCacheNoStaleAfterChange(t *testing.T) {
	t.Parallel()
	s, clock := newTestStore(t)
	clock.Advance(2 * time.Second)
	changed := false
	s.afterRead = func() {
		if changed {
			return
		}
		changed = true // between this load's read and its caching, an operator's change
		if err := s.UpdateAdvanced(t.Context(), func(a *Advanced) error { a.AllowRegister = false; return nil }); err != nil {
			t.Error(err)
		}
	}
	a, err := s.Advanced(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if a.AllowRegister {
		t.Fatal("the read that raced the change answered the value from before it")
	}
	s.afterRead = nil
	if a, err := s.Advanced(t.Context()); err != nil || a.AllowRegister {
		t.Fatalf("cached the value from before the change: %+v %v", a, err)
	}
}
