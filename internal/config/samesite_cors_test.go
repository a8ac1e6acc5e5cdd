package config

import (
	"strings"
	"testing"
)

// TestSameSiteNoneNeedsListedOrigins: a SameSite=None refresh cookie goes with cross-site
// requests, so CORS_ORIGIN=* (which lets every origin read the answer, credentials
// included) is refused at start; a list of origins is accepted.
func TestSameSiteNoneNeedsListedOrigins(t *testing.T) {
	t.Parallel()
	base := map[string]string{"SESSIONS_COOKIE_SAMESITE": "none", "SESSIONS_COOKIE_SECURE": "true"}
	with := func(k, v string) map[string]string {
		m := map[string]string{k: v}
		for bk, bv := range base {
			m[bk] = bv
		}
		return m
	}
	for name, m := range map[string]map[string]string{
		"default origin *":  base,
		"explicit *":        with("CORS_ORIGIN", "*"),
		"* among a list":    with("CORS_ORIGIN", "https://app.example, *"),
		"refresh mode too":  with("JWT_MANAGEMENT", "refresh"),
		"cookie always on":  with("SESSIONS_HTTPONLY", "true"),
		"production secure": with("NODE_ENV", "production"),
	} {
		if name == "production secure" {
			m["JWT_SECRET"] = strapiGeneratedSecret
		}
		_, err := Load(env(m))
		if err == nil || !strings.Contains(err.Error(), "SESSIONS_COOKIE_SAMESITE=none needs CORS_ORIGIN") {
			t.Errorf("%s: %v", name, err)
		}
	}
	c, err := Load(env(with("CORS_ORIGIN", "https://app.example,https://admin.example")))
	if err != nil || c.Sessions.Cookie.SameSite != "none" || len(c.CORSOrigins) != 2 {
		t.Fatalf("%+v %v", c.Sessions.Cookie, err)
	}
	// lax and strict cookies do not go with cross-site requests: * stays allowed.
	for _, ss := range []string{"lax", "strict"} {
		if _, err := Load(env(map[string]string{"SESSIONS_COOKIE_SAMESITE": ss, "CORS_ORIGIN": "*"})); err != nil {
			t.Errorf("%s: %v", ss, err)
		}
	}
}
