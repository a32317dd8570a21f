package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestCaseListNotOpenedOnTheRealToday: a case whose opening is dated after
// the real today was no case yet (casestate.NotOpenedOn; case show says
// "not opened yet", due lists nothing of it), so the plain case list, from
// its cached rows, leaves it out and says so, as case list --today does;
// from the day it opens, the same cache lists it.
func TestCaseListNotOpenedOnTheRealToday(t *testing.T) {
	dir := initCLIStore(t)
	author := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>"}
	at := func(now string, args ...string) (int, string, string) {
		t.Helper()
		day, _ := time.Parse(time.DateOnly, now)
		var out, errb bytes.Buffer
		code := Main(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Getenv: func(k string) string { return author[k] },
			Now:    func() time.Time { return day.Add(10 * time.Hour) }, Dir: dir})
		return code, out.String(), errb.String()
	}
	if code, _, stderr := at("2026-03-16", "case", "new", "--id", "W-01", "--program", "wioa", "--name", "Ana Example", "--opened", "2026-03-16"); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := at("2026-03-20", "case", "new", "--id", "W-02", "--program", "wioa", "--name", "Bo Example", "--opened", "2026-03-20"); code != 0 {
		t.Fatal(stderr)
	}
	// -o json lists what the text lists, and says the same count on
	// stderr: a case left out is not left out without a word, and stdout
	// is the document alone.
	for _, args := range [][]string{{"case", "list"}, {"case", "list", "-o", "json"}, {"case", "list", "--status", "open"}} {
		code, stdout, stderr := at("2026-03-16", args...)
		if code != 0 || strings.Contains(stdout, "W-02") || !strings.Contains(stdout, "W-01") || strings.Contains(stdout, "caseplan:") {
			t.Errorf("%v on 2026-03-16: exit %d\n%s%s", args, code, stdout, stderr)
		}
		if want := "caseplan: 1 case of 2 (1 case opened after 2026-03-16, left out)\n"; stderr != want {
			t.Errorf("%v on 2026-03-16: stderr %q; want %q", args, stderr, want)
		}
	}
	code, stdout, stderr := at("2026-03-20", "case", "list")
	if code != 0 || !strings.Contains(stdout, "W-02\twioa\topen\tmrivera\t2026-03-20\t") || stderr != "caseplan: 2 cases\n" {
		t.Errorf("case list on 2026-03-20: exit %d\n%s%s", code, stdout, stderr)
	}
}
