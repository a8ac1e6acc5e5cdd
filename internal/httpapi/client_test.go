package httpapi_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/mtb-race/mtb-backend-api/gen/apiclient"
	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

// TestGeneratedClient walks the user's guide with the Go client generated from
// openapi.yaml, as a Go consumer of the API would: register, log in, read the current
// user, recover the password, and see the typed error envelopes.
func TestGeneratedClient(t *testing.T) {
	t.Parallel()
	apitest.ForEachEngine(t, func(t *testing.T, engine string) {
		e := apitest.New(t, engine)
		ctx := t.Context()
		bearer := func(jwt string) apiclient.RequestEditorFn {
			return func(_ context.Context, r *http.Request) error {
				r.Header.Set("Authorization", "Bearer "+jwt)
				return nil
			}
		}

		reg, err := e.API.RegisterWithResponse(ctx, nil, apiclient.RegisterJSONRequestBody{Username: "johndoe", Email: "johndoe@example.com", Password: "SecurePass123!"})
		if err != nil || reg.JSON200 == nil {
			t.Fatalf("register: %v %s", err, reg.Body)
		}
		if u := reg.JSON200.User; u.Username != "johndoe" || u.Email != "johndoe@example.com" || u.Provider != "local" || !u.Confirmed || u.Blocked {
			t.Fatalf("user %+v", u)
		}
		dup, err := e.API.RegisterWithResponse(ctx, nil, apiclient.RegisterJSONRequestBody{Username: "johndoe", Email: "johndoe@example.com", Password: "SecurePass123!"})
		if err != nil || dup.JSON400 == nil || dup.JSON400.Error.Message != "Email or Username are already taken" || dup.JSON400.Data != nil {
			t.Fatalf("duplicate: %v %s", err, dup.Body)
		}

		login, err := e.API.LoginWithResponse(ctx, nil, apiclient.LoginJSONRequestBody{Identifier: "johndoe@example.com", Password: "SecurePass123!"})
		if err != nil || login.JSON200 == nil {
			t.Fatalf("login: %v %s", err, login.Body)
		}
		wrong, err := e.API.LoginWithResponse(ctx, nil, apiclient.LoginJSONRequestBody{Identifier: "johndoe", Password: "nope-nope"})
		if err != nil || wrong.JSON400 == nil || wrong.JSON400.Error.Name != apiclient.ErrorBodyNameValidationError ||
			wrong.JSON400.Error.Message != "Invalid identifier or password" {
			t.Fatalf("wrong password: %v %s", err, wrong.Body)
		}

		me, err := e.API.GetCurrentUserWithResponse(ctx, nil, bearer(login.JSON200.Jwt))
		if err != nil || me.JSON200 == nil || me.JSON200.Id != reg.JSON200.User.Id {
			t.Fatalf("me: %v %s", err, me.Body)
		}
		anon, err := e.API.GetCurrentUserWithResponse(ctx, nil)
		if err != nil || anon.JSON403 == nil || anon.JSON403.Error.Message != "Forbidden" {
			t.Fatalf("me without a token: %v %s", err, anon.Body)
		}

		fp, err := e.API.ForgotPasswordWithResponse(ctx, apiclient.ForgotPasswordJSONRequestBody{Email: "johndoe@example.com"})
		if err != nil || fp.JSON200 == nil || !fp.JSON200.Ok {
			t.Fatalf("forgot: %v %s", err, fp.Body)
		}
		code := resetCode(t, e, "johndoe@example.com", 1)
		rp, err := e.API.ResetPasswordWithResponse(ctx, apiclient.ResetPasswordJSONRequestBody{Code: code, Password: "NewSecurePass123!", PasswordConfirmation: "NewSecurePass123!"})
		if err != nil || rp.JSON200 == nil {
			t.Fatalf("reset: %v %s", err, rp.Body)
		}
		if me, err := e.API.GetCurrentUserWithResponse(ctx, nil, bearer(login.JSON200.Jwt)); err != nil || me.JSON401 == nil {
			if err != nil {
				t.Fatalf("me with the token from before the reset: %v", err)
			}
			t.Fatalf("the token from before the reset still works: %s", me.Body)
		}
		if h, err := e.API.HealthWithResponse(ctx); err != nil || h.StatusCode() != 204 {
			t.Fatalf("health: %v", err)
		}
	})
}
