package cli

import (
	"bytes"
	"github.com/caseplan/caseplan/pkg/display"
	"strings"
	"testing"
	"time"
)

// runOnTerminal is runCaseplan with stdout and stderr taken for a
// terminal.
func runOnTerminal(t *testing.T, dir string, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv:     func(k string) string { return env[k] },
		Now:        func() time.Time { return time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC) },
		Dir:        dir,
		IsTerminal: true, StderrIsTerminal: true,
	})
	return code, out.String(), errb.String()
}

// rawControl reports the first character a terminal would act on in s:
// ESC, BEL, CR, a C1 control or a bidi override.
func rawControl(s string) (rune, bool) {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0x202e {
			return r, true
		}
	}
	return 0, false
}

// TestControlCharactersEscaped is issue 9's item 9: a participant's name
// and a note carrying escape sequences (a window title, a colour, a C1
// CSI, a bidi override, a bare CR) reach no command's text output raw —
// neither on a terminal nor piped — but show, escaped.
func TestControlCharactersEscaped(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	name := "X \x1b]0;pwned\a\x1b[31mred \u009b1m\u202eevil"
	code, id, stderr := runCaseplan(t, dir, env, "case", "new", "--program", "wioa", "--name", name, "--manager", "mrivera", "--opened", "2026-03-02")
	if code != 0 {
		t.Fatalf("case new: exit %d: %s", code, stderr)
	}
	id = strings.TrimSpace(id)
	code, _, stderr = runCaseplan(t, dir, env, "note", "add", id, "--date", "2026-03-03", "--kind", "contact", "--mode", "phone", "--two-way",
		"--service", "assessment", "--content", "called \x1b[2J back", "--action", "manager|2026-03-04|Send \rthe form \x1b[5m")
	if code != 0 {
		t.Fatalf("note add: exit %d: %s", code, stderr)
	}
	// A file name is record text too: validate names it in a finding.
	writeStoreFile(t, dir, "cases/"+id+"/scan\x1b[31m.pdf", "%PDF")
	for _, args := range [][]string{
		{"case", "list"},
		{"case", "show", id},
		{"iep", "show", id},
		{"note", "list", id},
		{"due", "--all"},
		{"due", "--all", "--within", "0"},
		{"validate"},
		{"report", "monthly", "--month", "2026-03", "--names"},
		{"report", "caseload", "--names"},
		{"case", "show", "no\x1b[31msuch"},
	} {
		for _, run := range []func(*testing.T, string, map[string]string, ...string) (int, string, string){runCaseplan, runOnTerminal} {
			_, stdout, stderr := run(t, dir, env, args...)
			for what, out := range map[string]string{"stdout": stdout, "stderr": stderr} {
				if r, bad := rawControl(out); bad {
					t.Errorf("caseplan %s: %s holds %U raw:\n%q", strings.Join(args, " "), what, r, out)
				}
			}
			if len(args) > 1 && args[1] == "list" && args[0] == "case" && !strings.Contains(stdout, `X \x1b]0;pwned\x07\x1b[31mred \u009b1m\u202eevil`) {
				t.Errorf("case list does not show the name escaped:\n%s", stdout)
			}
		}
	}
}

// TestTablesByDisplayWidth is issue 15's item 11: piped, a list is
// tab-separated lines without a header; on a terminal it is a table under
// a header whose columns line up on screen after names in Chinese and
// Japanese (two columns a character), with no spaces at line ends.
func TestTablesByDisplayWidth(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	for _, c := range [][2]string{{"W-1", "李小龍"}, {"W-2", "Sam Sample"}, {"W-3", "山田 花子"}} {
		if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--id", c[0], "--program", "wioa", "--name", c[1], "--manager", "mrivera", "--center", c[1], "--opened", "2026-03-02"); code != 0 {
			t.Fatalf("case new: %s", stderr)
		}
	}
	_, piped, _ := runCaseplan(t, dir, env, "case", "list")
	if want := "W-1\twioa\topen\tmrivera\t2026-03-02\t李小龍\nW-2\twioa\topen\tmrivera\t2026-03-02\tSam Sample\nW-3\twioa\topen\tmrivera\t2026-03-02\t山田 花子\n"; piped != want {
		t.Errorf("piped:\n%s\nwant:\n%s", piped, want)
	}
	// On a terminal, a column after wide names: staff list's EMAIL after
	// NAME.
	for _, s := range [][2]string{{"李小龍", "lee@example.org"}, {"山田 花子", "yamada@example.org"}} {
		if code, _, stderr := runCaseplan(t, dir, env, "staff", "add", "--name", s[0], "--email", s[1]); code != 0 {
			t.Fatalf("staff add: %s", stderr)
		}
	}
	_, term, _ := runOnTerminal(t, dir, env, "staff", "list")
	lines := strings.Split(strings.TrimSuffix(term, "\n"), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "ID ") {
		t.Fatalf("on a terminal, want a header and 3 rows:\n%s", term)
	}
	col := func(line, of string) int { return display.Width(line[:strings.Index(line, of)]) }
	want := col(lines[0], "EMAIL")
	if strings.Contains(term, " \n") {
		t.Errorf("lines end in spaces:\n%q", term)
	}
	for i, email := range []string{"mrivera@", "lee@", "yamada@"} {
		if got := col(lines[i+1], email); got != want {
			t.Errorf("row %d: the email starts at display column %d, the header at %d:\n%s", i+1, got, want, term)
		}
	}
}
