package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestCaseListClosedBefore: at the program year's end a coordinator lists
// the cases closed before a day, for the records review (2 CFR 200.334),
// with each one's closing date. A closing on June 30 is before July 1 and
// one on July 1 is not; a case reopened since its closing is open, with no
// closing date; -o json gives the closing of every closed case.
func TestCaseListClosedBefore(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>"}
	run := func(today string, args ...string) (int, string, string) {
		t.Helper()
		var out, errb bytes.Buffer
		env["CASEPLAN_TODAY"] = today
		code := Main(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Getenv: func(k string) string { return env[k] },
			Now:    func() time.Time { return time.Date(2027, 1, 4, 10, 0, 0, 0, time.UTC) }, Dir: dir})
		return code, out.String(), errb.String()
	}
	must := func(today string, args ...string) {
		t.Helper()
		if code, _, stderr := run(today, args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	for _, id := range []string{"W-01", "W-02", "W-03", "W-04"} {
		must("2026-03-16", "case", "new", "--id", id, "--program", "wioa", "--name", "Ana Example", "--opened", "2026-03-16")
	}
	must("2026-06-30", "case", "close", "W-01", "--date", "2026-06-30", "--reason", "moved")
	must("2026-07-01", "case", "close", "W-02", "--date", "2026-07-01", "--reason", "moved")
	must("2026-05-01", "case", "close", "W-03", "--date", "2026-05-01", "--reason", "moved")
	must("2026-06-01", "case", "reopen", "W-03", "--date", "2026-06-01", "--reason", "came back")

	code, stdout, stderr := run("2026-07-15", "case", "list", "--closed-before", "2026-07-01")
	if want := "W-01\twioa\tclosed\tmrivera\t2026-03-16\tAna Example\t2026-06-30\tmoved\n"; code != 0 || stdout != want {
		t.Errorf("case list --closed-before 2026-07-01: exit %d\n%s%s\nwant\n%s", code, stdout, stderr, want)
	}
	if want := "caseplan: 1 case of 4\n"; stderr != want {
		t.Errorf("stderr %q; want %q", stderr, want)
	}
	// On a day before W-02's closing it was open, so it was not closed
	// before anything.
	if _, stdout, _ := run("2026-06-30", "case", "list", "--closed-before", "2026-07-02"); strings.Contains(stdout, "W-02") || !strings.Contains(stdout, "W-01") {
		t.Errorf("case list --closed-before 2026-07-02 --today 2026-06-30:\n%s", stdout)
	}

	code, stdout, stderr = run("2026-07-15", "case", "list", "-o", "json")
	var items []map[string]any
	if err := json.Unmarshal([]byte(stdout), &items); code != 0 || err != nil {
		t.Fatalf("case list -o json: exit %d, %v\n%s%s", code, err, stdout, stderr)
	}
	closed := map[string]any{}
	for _, it := range items {
		closed[it["id"].(string)] = it["closed"]
	}
	want := map[string]any{"W-01": "2026-06-30", "W-02": "2026-07-01", "W-03": nil, "W-04": nil}
	for id, w := range want {
		if closed[id] != w {
			t.Errorf("case list -o json: %s closed %v; want %v", id, closed[id], w)
		}
	}

	if code, _, stderr := run("2026-07-15", "case", "list", "--closed-before", "07/01/2026"); code != 2 || !strings.Contains(stderr, "caseplan: --closed-before \"07/01/2026\": not a date") {
		t.Errorf("--closed-before 07/01/2026: exit %d\n%s", code, stderr)
	}
}
