package mtbapi_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// makeCmd runs make with args in the repository, in the test's environment without the
// variables that would change what is checked (REQUIRE_RACE of CI, a make calling this
// test), plus env ("NAME=value").
func makeCmd(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	cmd := exec.CommandContext(t.Context(), "make", append([]string{"-s", "--no-print-directory"}, args...)...)
	for _, kv := range os.Environ() {
		switch name, _, _ := strings.Cut(kv, "="); name {
		case "REQUIRE_RACE", "CGO_ENABLED", "CC", "MAKEFLAGS", "MFLAGS", "MAKELEVEL":
		default:
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("make %s: %v", strings.Join(args, " "), err)
	}
	return out.String(), errOut.String(), code
}

// TestMakeHelp: `make help` lists every target of the Makefile (e2e was missing: the
// pattern of target names had no digits), and says where `make run` listens: all
// interfaces (HOST=0.0.0.0), not 127.0.0.1.
func TestMakeHelp(t *testing.T) {
	t.Parallel()
	makefile, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	out, stderr, code := makeCmd(t, nil, "help")
	if code != 0 {
		t.Fatalf("make help: exit %d\n%s", code, stderr)
	}
	listed := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		name, help, _ := strings.Cut(strings.TrimSpace(line), " ")
		listed[name] = strings.TrimSpace(help)
	}
	phony := regexp.MustCompile(`(?m)^\.PHONY: *(.+)$`).FindAllStringSubmatch(string(makefile), -1)
	if len(phony) < 10 {
		t.Fatalf("only %d .PHONY lines in the Makefile", len(phony))
	}
	for _, m := range phony {
		for _, target := range strings.Fields(m[1]) {
			if listed[target] == "" {
				t.Errorf("make help does not list %s:\n%s", target, out)
			}
		}
	}
	if run := listed["run"]; strings.Contains(run, "127.0.0.1") || !strings.Contains(run, "0.0.0.0") {
		t.Errorf("make help says of run: %q; it listens on all interfaces (HOST=0.0.0.0)", run)
	}
}

// TestMakeRaceFlag: make test uses -race when cgo and a C compiler are there; without them
// it runs the tests without -race and says why, unless REQUIRE_RACE=1 (CI), which makes it
// fail instead.
func TestMakeRaceFlag(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		env      []string
		stdout   string
		code     int
		stderr   string // part of it
		needsCGO bool   // only where this machine has cgo and a C compiler
	}{
		{"cgo and a compiler", nil, "-race\n", 0, "", true},
		{"cgo and a compiler, REQUIRE_RACE", []string{"REQUIRE_RACE=1"}, "-race\n", 0, "", true},
		{"cgo off", []string{"CGO_ENABLED=0"}, "", 0, "running the tests WITHOUT -race: the race detector needs cgo and a C compiler: CGO_ENABLED=0", false},
		{"no compiler", []string{"CC=/nonexistent/cc"}, "", 0, "running the tests WITHOUT -race: the race detector needs cgo and a C compiler: CGO_ENABLED=1, CC=/nonexistent/cc not found; install a C compiler", false},
		{"cgo off, REQUIRE_RACE", []string{"CGO_ENABLED=0", "REQUIRE_RACE=1"}, "", 2, "REQUIRE_RACE=1 but the race detector needs cgo and a C compiler: CGO_ENABLED=0", false},
		{"no compiler, REQUIRE_RACE", []string{"CC=/nonexistent/cc", "REQUIRE_RACE=1"}, "", 2, "REQUIRE_RACE=1 but the race detector needs cgo and a C compiler: CGO_ENABLED=1, CC=/nonexistent/cc not found", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.needsCGO {
				cgo, err := exec.Command("go", "env", "CGO_ENABLED", "CC").Output()
				fields := strings.Fields(string(cgo))
				if err != nil || len(fields) < 2 || fields[0] != "1" {
					t.Skip("this machine has no cgo")
				}
				if _, err := exec.LookPath(fields[1]); err != nil {
					t.Skip("this machine has no C compiler")
				}
			}
			stdout, stderr, code := makeCmd(t, tt.env, "race-flag")
			if stdout != tt.stdout || code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Fatalf("make race-flag %v: exit %d, stdout %q, stderr %q; want exit %d, stdout %q, stderr with %q",
					tt.env, code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}
