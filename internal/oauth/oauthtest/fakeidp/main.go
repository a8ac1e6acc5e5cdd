// Command fakeidp runs the fake OAuth2 / OpenID Connect provider of package oauthtest for
// browser tests: it prints its URL as the first line of its standard output, then serves
// until interrupted.
//
//	fakeidp -addr 127.0.0.1:0 -client-id id -client-secret secret -account rider@example.com
//
// Each -account is email[:username]; an account's email is verified unless the flag
// ends in "!unverified". Without -account, one verified account rider@example.com.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/mtb-race/mtb-backend-api/internal/oauth/oauthtest"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	clientID := flag.String("client-id", oauthtest.DefaultClientID, "the client id to accept")
	clientSecret := flag.String("client-secret", oauthtest.DefaultClientSecret, "the client secret to accept")
	var accounts []oauthtest.Account
	flag.Func("account", "an account, email[:username][!unverified] (repeatable)", func(v string) error {
		v, unverified := strings.CutSuffix(v, "!unverified")
		email, username, _ := strings.Cut(v, ":")
		if !strings.Contains(email, "@") {
			return fmt.Errorf("%q is not an email address", email)
		}
		accounts = append(accounts, oauthtest.Account{Email: email, Username: username, EmailVerified: !unverified})
		return nil
	})
	flag.Parse()
	if len(accounts) == 0 {
		accounts = []oauthtest.Account{{Email: "rider@example.com", Username: "rider", EmailVerified: true}}
	}

	p, err := oauthtest.Start(*addr, oauthtest.Options{ClientID: *clientID, ClientSecret: *clientSecret, Accounts: accounts})
	if err != nil {
		log.Fatalf("fakeidp: %v", err)
	}
	fmt.Println(p.URL())
	log.Printf("fakeidp: issuer %s (Microsoft-like: %s), client id %q", p.Issuer(), p.MicrosoftIssuer(), p.ClientID())

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	p.Close()
}
