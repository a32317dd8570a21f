package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestRulesWaivableColumn: caseplan rules said which rules a supervisor
// can waive only with -o json, while waiver add --help sends the
// supervisor to caseplan rules for them. The text says it too: on a
// terminal in a WAIVABLE column before the long REQUIRES text, piped as
// the last field, after the six that scripts read by place.
func TestRulesWaivableColumn(t *testing.T) {
	run := func(terminal bool) string {
		var out, errb bytes.Buffer
		code := Main([]string{"rules"}, Env{
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Getenv:     func(string) string { return "" },
			Now:        func() time.Time { return time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC) },
			Dir:        t.TempDir(),
			IsTerminal: terminal,
		})
		if code != 0 {
			t.Fatalf("rules (terminal %v): exit %d: %s", terminal, code, errb.String())
		}
		return out.String()
	}

	term := run(true)
	if !regexp.MustCompile(`(?m)^RULE +SEVERITY +PROGRAM +SOURCE +SETTING +WAIVABLE +REQUIRES$`).MatchString(term) {
		t.Errorf("terminal header lacks WAIVABLE before REQUIRES:\n%s", firstLines(term, 2))
	}
	if !regexp.MustCompile(`(?m)^wioa-first-contact +error +wioa +002 +\S+ +yes +\S`).MatchString(term) {
		t.Errorf("terminal: wioa-first-contact not shown as waivable:\n%s", term)
	}
	if !regexp.MustCompile(`(?m)^manager-retired +warning +all +- +- +no +\S`).MatchString(term) {
		t.Errorf("terminal: manager-retired not shown as not waivable:\n%s", term)
	}

	piped := run(false)
	lines := strings.Split(strings.TrimSuffix(piped, "\n"), "\n")
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			t.Fatalf("piped line has %d fields, want 7: %q", len(f), line)
		}
		if f[6] != "yes" && f[6] != "no" {
			t.Errorf("piped line's last field is %q, want yes or no: %q", f[6], line)
		}
	}
	for _, want := range []string{
		"wioa-first-contact\terror\twioa\t002\t",
		"manager-retired\twarning\tall\t-\t-\t",
	} {
		if !strings.Contains(piped, "\n"+want) && !strings.HasPrefix(piped, want) {
			t.Errorf("piped: no line starting %q", want)
		}
	}
	if !regexp.MustCompile(`(?m)^wioa-first-contact\t.*\tyes$`).MatchString(piped) ||
		!regexp.MustCompile(`(?m)^manager-retired\t.*\tno$`).MatchString(piped) {
		t.Errorf("piped: waivable field wrong:\n%s", piped)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
