package cli

import (
	"fmt"
	"io/fs"
	"maps"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

// TestFlagValues checks the table of flag values against the command
// tree: every command and flag it names exists, and every closed list is
// there (a schema's enum renamed would leave it empty).
func TestFlagValues(t *testing.T) {
	root := newCmdRoot(&globals{env: Env{Getenv: func(string) string { return "" }}})
	for path, flags := range flagValues {
		c, _, err := root.Find(strings.Fields(path))
		if err != nil || commandKey(c) != path {
			t.Errorf("%q: no such command", path)
			continue
		}
		for name, from := range flags {
			if c.Flags().Lookup(name) == nil {
				t.Errorf("%s: no flag --%s", path, name)
			}
			if from.fixed == nil && from.store == nil && from.inCase == nil && from.records == "" && from.listed == nil || from.fixed != nil && len(from.fixed) == 0 {
				t.Errorf("%s --%s: no values", path, name)
			}
		}
	}
}

// TestHelpNamesTheChoices checks that the help of every flag that takes a
// schema's closed list names exactly that list, in the schema's order, as
// choiceList writes it: a value the schema gains is in the help, and the
// help names none the check refuses. The update commands, which leave the
// check to their change, name the list their add command takes.
func TestHelpNamesTheChoices(t *testing.T) {
	root := newCmdRoot(&globals{env: Env{Getenv: func(string) string { return "" }}})
	type flag struct{ command, name string }
	want := map[flag][]string{}
	for command, flags := range flagValues {
		for name, from := range flags {
			if from.schema {
				want[flag{command, name}] = from.fixed
			}
		}
	}
	for update, add := range map[flag]flag{
		{"iep goal update", "term"}:    {"iep goal add", "term"},
		{"iep step update", "owner"}:   {"iep step add", "owner"},
		{"iep target update", "scope"}: {"iep target add", "scope"},
		{"case team update", "role"}:   {"case team add", "role"},
	} {
		want[update] = flagValues[add.command][add.name].fixed
	}
	if len(want) < 30 {
		t.Fatalf("%d flags take a schema's list, want at least 30: enum no longer marks them", len(want))
	}
	for f, values := range want {
		c, _, err := root.Find(strings.Fields(f.command))
		if err != nil || c.Flags().Lookup(f.name) == nil {
			t.Errorf("%s --%s: no such flag", f.command, f.name)
			continue
		}
		usage := c.Flags().Lookup(f.name).Usage
		if len(values) == 0 || !strings.Contains(usage, choiceList(values...)) {
			t.Errorf("%s --%s: help %q does not name the choices %q", f.command, f.name, usage, choiceList(values...))
		}
		// A usage line that spells the list (--status open|addressed)
		// spells all of it.
		if m := regexp.MustCompile(`--` + f.name + ` ([a-z-]+(\|[a-z-]+)+)`).FindStringSubmatch(c.Use); m != nil && m[1] != strings.Join(values, "|") {
			t.Errorf("%s: usage %q spells --%s %s, want %s", f.command, c.Use, f.name, m[1], strings.Join(values, "|"))
		}
	}
}

// TestBadFlagValue is issue 15's item 13: a value a flag does not take is
// a usage error (exit 2) that lists the valid values, whether the list is
// the schema's (--mode, --kind) or the store's (--program, --service) —
// and nothing is written.
func TestBadFlagValue(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--id", "W-1", "--program", "wioa", "--name", "Ana Example"); code != 0 {
		t.Fatal(stderr)
	}
	for _, tt := range []struct {
		args []string
		msg  string
		hint string
	}{
		{[]string{"note", "add", "W-1", "--kind", "contact", "--mode", "carrier-pigeon"}, `--mode "carrier-pigeon"`, "in-person, phone, email, video, text, letter, home-visit, job-site, none"},
		{[]string{"note", "add", "W-1", "--kind", "chat", "--mode", "phone"}, `--kind "chat"`, "intake, contact, case-conference"},
		{[]string{"note", "add", "W-1", "--kind", "contact", "--mode", "phone", "--service", "job-search", "--service", "juggling"}, `--service "juggling"`, "assessment, benefits-counseling"},
		{[]string{"case", "new", "--program", "wiao", "--name", "X"}, `--program "wiao"`, "post-employment, wioa, work-security"},
		{[]string{"case", "list", "--status", "pending"}, `--status "pending"`, "open, closed"},
		{[]string{"case", "close", "W-1", "--date", "2026-03-16", "--reason", "bored"}, `--reason "bored"`, "placed, separated, completed, withdrew, moved, other"},
		{[]string{"iep", "goal", "add", "W-1", "--term", "medium", "--text", "x"}, `--term "medium"`, "short, long"},
		{[]string{"staff", "add", "--name", "A B", "--email", "ab@example.org", "--role", "boss"}, `--role "boss"`, "case-manager, coordinator"},
		// report search's tables, as the other reports' (it said "no
		// table" and exited 3, as if the store were at fault).
		{[]string{"report", "search", "--all", "-o", "csv", "--table", "aplications"}, `--table "aplications"`, "hint: did you mean --table applications?"},
		// The one value meant, in other capitals or a slip of a key away.
		{[]string{"case", "new", "--program", "WIOA", "--name", "X"}, `--program "WIOA"`, "hint: did you mean --program wioa?"},
		{[]string{"case", "list", "--status", "opne"}, `--status "opne"`, "hint: did you mean --status open?"},
		// The beginning of two choices: the hint names the two, not
		// every choice.
		{[]string{"note", "add", "W-1", "--kind", "int", "--mode", "phone"}, `--kind "int"`, `hint: did you mean --kind intake or --kind interview-feedback? "int" begins 2 of the choices`},
		// Another first letter is another word: "Done" is no slip of
		// none, and a resume done is final.
		{[]string{"case", "toolbox", "W-1", "--resume", "Done"}, `--resume "Done"`, `hint: did you mean --resume final? "Done" is recorded as final`},
		// A case manager's words for how a contact was made, and for a call.
		{[]string{"note", "add", "W-1", "--kind", "contact", "--mode", "telephone"}, `--mode "telephone"`, `hint: did you mean --mode phone? "telephone" is recorded as phone`},
		{[]string{"note", "add", "W-1", "--kind", "contact", "--mode", "Zoom"}, `--mode "Zoom"`, `hint: did you mean --mode video? "Zoom" is recorded as video`},
		{[]string{"note", "add", "W-1", "--kind", "contact", "--mode", "face to face"}, `--mode "face to face"`, `hint: did you mean --mode in-person? "face to face" is recorded as in-person`},
		{[]string{"note", "add", "W-1", "--kind", "call", "--mode", "phone"}, `--kind "call"`, `hint: did you mean --kind contact? "call" is recorded as contact`},
		// A whole word of one choice is said, not taken; a word of two
		// names the two, as a beginning of two does.
		{[]string{"exclusion", "add", "W-1", "--kind", "medical", "--date", "2026-03-02"}, `--kind "medical"`, "hint: did you mean --kind health-medical?\n"},
		{[]string{"note", "add", "W-1", "--kind", "conference", "--mode", "phone"}, `--kind "conference"`, "hint: did you mean --kind case-conference?\n"},
		{[]string{"note", "add", "W-1", "--kind", "contact", "--mode", "visit"}, `--mode "visit"`, "hint: did you mean --mode home-visit?\n"},
		{[]string{"note", "add", "W-1", "--kind", "contact", "--mode", "phone", "--service", "management"}, `--service "management"`, "hint: did you mean --service case-management?\n"},
		{[]string{"note", "add", "W-1", "--kind", "contact", "--mode", "phone", "--service", "counseling"}, `--service "counseling"`, `hint: did you mean --service benefits-counseling or --service career-counseling? "counseling" is a word of 2 of the choices`},
		{[]string{"credential", "add", "W-1", "--kind", "diploma", "--date", "2026-03-02"}, `--kind "diploma"`, "hint: did you mean --kind secondary-diploma?\n"},
		{[]string{"credential", "add", "W-1", "--kind", "degree", "--date", "2026-03-02"}, `--kind "degree"`, `hint: did you mean --kind associate-degree or --kind bachelor-degree? "degree" is a word of 2 of the choices`},
		{[]string{"skill-gain", "add", "W-1", "--kind", "transcript", "--date", "2026-03-02"}, `--kind "transcript"`, `hint: did you mean --kind postsecondary-transcript or --kind secondary-transcript? "transcript" is a word of 2 of the choices`},
	} {
		code, stdout, stderr := runCaseplan(t, dir, env, tt.args...)
		if code != ExitUsage || stdout != "" || !strings.Contains(stderr, "caseplan: "+tt.msg+": use one of ") || !strings.Contains(stderr, tt.hint) {
			t.Errorf("caseplan %s: exit %d, want 2 naming the valid values\nstdout: %s\nstderr: %s", strings.Join(tt.args, " "), code, stdout, stderr)
		}
	}
	_, out, _ := runCaseplan(t, dir, env, "log", "-o", "json")
	if strings.Count(out, `"action"`) != 2 {
		t.Errorf("a refused command wrote something:\n%s", out)
	}
}

// TestCompletion is issue 15's item 4: the shell completion caseplan
// serves (cobra's __complete) offers the store's case IDs, a case's notes,
// records, staff, programs, goals and every flag's values.
func TestCompletion(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	for _, id := range []string{"W-1", "W-2"} {
		if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--id", id, "--program", "wioa", "--name", "Ana Example"); code != 0 {
			t.Fatal(stderr)
		}
	}
	_, note, _ := runCaseplan(t, dir, env, "note", "add", "W-1", "--kind", "contact", "--mode", "phone", "--content", "called")
	_, goal, _ := runCaseplan(t, dir, env, "iep", "goal", "add", "W-1", "--term", "short", "--text", "a job")
	// The items the update and done commands take, one of each.
	_, milestone, _ := runCaseplan(t, dir, env, "iep", "milestone", "add", "W-1", "--goal", strings.TrimSpace(goal), "--text", "three applications", "--due", "2026-03-30")
	_, step, _ := runCaseplan(t, dir, env, "iep", "step", "add", "W-1", "--owner", "participant", "--text", "update the resume", "--due", "2026-03-20")
	_, ref, _ := runCaseplan(t, dir, env, "ref", "add", "W-1", "--name", "Pat Example", "--relationship", "former supervisor")
	_, referral, _ := runCaseplan(t, dir, env, "service", "add", "W-1", "--service", "bus pass", "--provider", "Transit", "--date", "2026-03-16")
	_, withActions, _ := runCaseplan(t, dir, env, "note", "add", "W-2", "--kind", "contact", "--mode", "phone", "--content", "planned",
		"--action", "participant|2026-03-20|bring the pay stubs", "--action", "manager|2026-03-20|call the employer")
	if _, _, stderr := runCaseplan(t, dir, env, "action", "done", "W-2", strings.TrimSpace(withActions)+"#2"); stderr == "" {
		t.Fatal("action done said nothing")
	}
	complete := func(args ...string) []string {
		t.Helper()
		code, out, stderr := runCaseplan(t, dir, env, append([]string{"__complete"}, args...)...)
		if code != 0 {
			t.Fatalf("__complete %v: exit %d: %s", args, code, stderr)
		}
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if !strings.HasPrefix(line, ":") { // the directive, last
				got = append(got, strings.SplitN(line, "\t", 2)[0])
			}
		}
		return got
	}
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"case", "show", ""}, []string{"W-1", "W-2"}},
		{[]string{"note", "add", ""}, []string{"W-1", "W-2"}},
		{[]string{"validate", ""}, []string{"W-1", "W-2"}},
		{[]string{"note", "show", "W-1", ""}, []string{strings.TrimSpace(note)}},
		{[]string{"edit", "W-1", ""}, []string{"intake", "iep", "references", "services", "outcome"}},
		{[]string{"case", "new", "--program", ""}, []string{"post-employment", "wioa", "work-security"}},
		{[]string{"case", "new", "--manager", ""}, []string{"mrivera"}},
		{[]string{"due", "--manager", ""}, []string{"mrivera"}},
		{[]string{"note", "add", "W-1", "--mode", ""}, []string{"in-person", "phone", "email", "video", "text", "letter", "home-visit", "job-site", "none"}},
		{[]string{"note", "add", "W-1", "--service", ""}, nil}, // checked below: the catalogue
		{[]string{"iep", "milestone", "add", "W-1", "--goal", ""}, []string{strings.TrimSpace(goal)}},
		{[]string{"validate", "-o", ""}, []string{"text", "json", "github", "sarif"}},
		{[]string{"verify", "-o", ""}, []string{"text", "json", "github", "sarif"}},
		{[]string{"iep", "goal", "update", "W-1", ""}, []string{strings.TrimSpace(goal)}},
		{[]string{"iep", "milestone", "done", "W-1", ""}, []string{strings.TrimSpace(milestone)}},
		{[]string{"iep", "step", "done", "W-1", ""}, []string{strings.TrimSpace(step)}},
		{[]string{"ref", "withdraw", "W-1", ""}, []string{strings.TrimSpace(ref)}},
		{[]string{"service", "update", "W-1", ""}, []string{strings.TrimSpace(referral)}},
		{[]string{"action", "done", "W-2", ""}, []string{strings.TrimSpace(withActions) + "#1"}}, // #2 is done
		{[]string{"iep", "milestone", "done", "W-1", "x", ""}, []string{}},
		{[]string{"init", ""}, []string{}},
		{[]string{"report", "monthly", "-o", ""}, []string{"text", "md", "html", "csv", "json"}},
	} {
		got := complete(tt.args...)
		if tt.want == nil {
			if len(got) < 10 {
				t.Errorf("__complete %q: %q", tt.args, got)
			}
			continue
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("__complete %q = %q, want %q", tt.args, got, tt.want)
		}
	}
	// validate takes a case or a path: a path typed is left to the
	// shell's file names (directive 0, ShellCompDirectiveDefault), a case
	// ID's start gets the IDs without the file names (4, NoFileComp).
	for _, tt := range []struct{ typed, want string }{
		{"cases/", ":0"}, {"./", ":0"}, {"ca", ":0"}, {`cases\W`, ":0"}, {"W-", "W-1\nW-2\n:4"}, {"", "W-1\nW-2\n:4"},
	} {
		_, out, _ := runCaseplan(t, dir, env, "__complete", "validate", tt.typed)
		if got := strings.TrimSpace(out); got != tt.want {
			t.Errorf("__complete validate %q = %q, want %q", tt.typed, got, tt.want)
		}
	}
	// completion is a command of its own, shown in the help.
	_, help, _ := runCaseplan(t, dir, env, "--help")
	if !strings.Contains(help, "\n  completion ") {
		t.Errorf("caseplan --help does not show completion:\n%s", help)
	}
}

// TestCompletionDescriptionsArePlain: the shell shows a flag's usage
// beside its name when Tab is pressed, as it is; the backticks that name
// the flag's value in the help are not shown there.
func TestCompletionDescriptionsArePlain(t *testing.T) {
	dir := initCLIStore(t)
	for _, args := range [][]string{{"note", "add", "--k"}, {"report", "monthly", "--"}, {"--"}} {
		code, out, stderr := runCaseplan(t, dir, nil, append([]string{"__complete"}, args...)...)
		if code != 0 {
			t.Fatalf("__complete %q: exit %d: %s", args, code, stderr)
		}
		if !strings.Contains(out, "\t") {
			t.Errorf("__complete %q gave no descriptions:\n%s", args, out)
		}
		if strings.Contains(out, "`") {
			t.Errorf("__complete %q shows backticks:\n%s", args, out)
		}
	}
	_, out, _ := runCaseplan(t, dir, nil, "__complete", "note", "add", "--k")
	if !strings.Contains(out, "--kind\tKIND: intake, contact") {
		t.Errorf("--kind's description is not its plain usage:\n%s", out)
	}
	// The help still names the value.
	_, help, _ := runCaseplan(t, dir, nil, "note", "add", "--help")
	if !strings.Contains(help, "--kind KIND") {
		t.Errorf("note add --help lost the value's name:\n%s", help)
	}
}

// TestReportCSVFlags: --table and --bom reach the CSV writer, a table the
// report has not got is a usage error naming those it has, and both
// flags go with -o csv only.
func TestReportCSVFlags(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	code, out, stderr := runCaseplan(t, dir, env, "report", "monthly", "--month", "2026-03", "-o", "csv", "--table", "summary", "--bom")
	if code != 0 || !strings.HasPrefix(out, "\ufeffmonth,commit,figure,value,remark\r\n") {
		t.Errorf("--table summary --bom: exit %d %q %s", code, out, stderr)
	}
	// The performance report's CSV is one table, and --bom is for it too:
	// its participants' names (--names) are as likely to be Muñoz.
	code, out, stderr = runCaseplan(t, dir, env, "report", "performance", "--program-year", "2025", "-o", "csv", "--bom")
	if code != 0 || !strings.HasPrefix(out, "\ufeffprogram_year,") {
		t.Errorf("performance -o csv --bom: exit %d %q %s", code, out, stderr)
	}
	for _, args := range [][]string{
		{"report", "performance", "--program-year", "2025", "-o", "csv", "--table", "weeks"},
		{"report", "caseload", "-o", "csv", "--table", "weeks"},
		{"report", "monthly", "--month", "2026-03", "--bom"},
		{"report", "monthly", "--month", "2026-03", "-o", "md", "--table", "cases"},
	} {
		if code, _, stderr := runCaseplan(t, dir, env, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2: %s", args, code, stderr)
		}
	}
	_, _, stderr = runCaseplan(t, dir, env, "report", "caseload", "-o", "csv", "--table", "weeks")
	if !strings.Contains(stderr, `--table "weeks": use one of cases, managers, programs`) {
		t.Errorf("stderr: %s", stderr)
	}
}

// TestReportHelpFlags: the help of each report and export speaks only of
// the flags that command takes: a coordinator who types what the help
// says is not told "unknown flag" (the PIRL export holds no names and
// writes one CSV table, so it takes no --names, --table or --bom).
func TestReportHelpFlags(t *testing.T) {
	dir := initCLIStore(t)
	mentioned := regexp.MustCompile(`--(names|bom|table|cohort|quarter|month|program-year|as-of|at|out)\b`)
	for _, cmd := range [][]string{{"report", "monthly"}, {"report", "caseload"}, {"report", "performance"}, {"export", "pirl"}} {
		code, out, stderr := runCaseplan(t, dir, nil, append(cmd, "--help")...)
		if code != 0 {
			t.Fatalf("%v --help: exit %d %s", cmd, code, stderr)
		}
		long, flags, ok := strings.Cut(out, "\nFlags:\n")
		if !ok {
			t.Fatalf("%v --help has no Flags section:\n%s", cmd, out)
		}
		flags, _, _ = strings.Cut(flags, "\nGlobal Flags:")
		for _, m := range mentioned.FindAllString(long, -1) {
			if !regexp.MustCompile(`(?m)^\s+(-\w, )?` + m + `\b`).MatchString(flags) {
				t.Errorf("caseplan %s --help speaks of %s, which the command does not take", strings.Join(cmd, " "), m)
			}
		}
	}
}

// TestCohortCompletion: --cohort completes from the store's cohort
// records and --rules from its import rules; case IDs leave out the
// directories of those records.
func TestCohortCompletion(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--id", "W-1", "--program", "wioa", "--name", "Ana Example"); code != 0 {
		t.Fatal(stderr)
	}
	writeStoreFile(t, dir, "cases/cohorts/2026-ACME.yaml", "id: 2026-ACME\nemployer: Acme Example Works\nnotice_date: 2026-03-02\nlayoff_dates: [2026-05-01]\n")
	writeStoreFile(t, dir, "cases/cohorts/2026-BETA.yaml", "id: 2026-BETA\nemployer: Beta Example Mills\nnotice_date: 2026-03-02\nlayoff_dates: [2026-05-01]\n")
	writeStoreFile(t, dir, "cases/import-rules/acme.yaml", "x: 1\n")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"case", "list", "--cohort", ""}, "2026-ACME 2026-BETA"},
		{[]string{"note", "add", "--cohort", ""}, "2026-ACME 2026-BETA"},
		{[]string{"report", "monthly", "--cohort", ""}, "2026-ACME 2026-BETA"},
		{[]string{"case", "import", "roster.csv", "--rules", ""}, "acme"},
		{[]string{"case", "show", ""}, "W-1"},
	} {
		got := completions(t, dir, env, tt.args...)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("__complete %q = %q, want %q", tt.args, got, tt.want)
		}
	}
	code, _, stderr := runCaseplan(t, dir, env, "report", "monthly", "--month", "2026-03", "--cohort", "2026-GAMMA")
	if code != ExitUsage || !strings.Contains(stderr, `--cohort "2026-GAMMA": use one of 2026-ACME, 2026-BETA`) {
		t.Errorf("an unknown cohort: exit %d, %s", code, stderr)
	}
}

// TestReportAgainCommand: the command a report names to make it again
// makes it again byte for byte, in the format it was made in and with the
// participants' names when it shows them (--names), not another report.
func TestReportAgainCommand(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--id", "W-1", "--program", "wioa", "--name", "Ana Muñoz"); code != 0 {
		t.Fatal(stderr)
	}
	named := regexp.MustCompile("caseplan (report [^`<\n]*?) makes this report again")
	for _, cmd := range [][]string{{"report", "monthly", "--month", "2026-03"}, {"report", "caseload"}, {"report", "performance", "--program-year", "2025"}} {
		for _, format := range []string{"text", "md", "html"} {
			args := append(append([]string(nil), cmd...), "-o", format, "--names")
			code, first, stderr := runCaseplan(t, dir, env, args...)
			if code != 0 || !strings.Contains(first, "full name (") {
				t.Fatalf("%v: exit %d %s", args, code, stderr)
			}
			m := named.FindStringSubmatch(strings.ReplaceAll(first, "`", ""))
			if m == nil {
				t.Fatalf("%v names no command that makes it again:\n%s", args, first)
			}
			code, again, stderr := runCaseplan(t, dir, nil, strings.Fields(m[1])...)
			if code != 0 || again != first {
				t.Errorf("%v: the report names %q, which makes another report (exit %d %s)", args, m[1], code, stderr)
			}
		}
	}
}

// TestHelpCompletion: caseplan help <TAB> offers the commands below the
// words typed, and nothing after a word that names no command (where
// help refuses, exit 2) rather than caseplan's own commands again.
func TestHelpCompletion(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"help", "case", "n"}, "new"},
		{[]string{"help", "case", "new", ""}, ""},
		{[]string{"help", "nosuch", ""}, ""},
		{[]string{"help", "case", "shw", ""}, ""},
	} {
		got := completions(t, dir, nil, tt.args...)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("__complete %q = %q, want %q", tt.args, got, tt.want)
		}
	}
}

// completions are the values caseplan __complete offers for args, without
// their descriptions and the directive line.
func completions(t *testing.T, dir string, env map[string]string, args ...string) []string {
	t.Helper()
	code, out, stderr := runCaseplan(t, dir, env, append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %v: %s", args, stderr)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, ":") {
			got = append(got, strings.SplitN(line, "\t", 2)[0])
		}
	}
	return got
}

// TestCompletionOfEveryItem: every positional argument that names an item
// of a case completes with the case's items, as the command takes them
// (team members, job targets, barriers, courses, assessments,
// determinations, permissions, benefits), edit's RECORD offers the case's
// activity weeks, activity's --week and entry flags the case's, staff set
// the roster, a second case of CASE... the cases not typed yet, and
// case import's FILE.csv the CSV files; a flag that takes a date or a
// text offers no file names.
func TestCompletionOfEveryItem(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	run := func(args ...string) string {
		t.Helper()
		code, out, stderr := runCaseplan(t, dir, env, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		return strings.TrimSpace(out)
	}
	run("case", "new", "--id", "W-1", "--program", "wioa", "--name", "Ana Example")
	run("case", "new", "--id", "W-2", "--program", "post-employment", "--name", "Ben Example")
	run("case", "new", "--id", "W-3", "--program", "wioa", "--name", "Cy Example")
	member := run("case", "team", "add", "W-1", "--name", "Alex Example", "--role", "union-representative")
	target := run("iep", "target", "add", "W-1", "--title", "Records clerk")
	barrier := run("case", "barrier", "add", "W-1", "--kind", "transportation")
	course := run("iep", "course", "add", "W-1", "--course", "Excel")
	assessment := run("case", "assessment", "add", "W-1", "--tool", "CASAS", "--date", "2026-03-09")
	determination := run("case", "eligibility", "add", "W-1", "--program", "wioa", "--determined", "2026-03-04", "--eligible")
	consent := run("case", "consent", "add", "W-2", "--kind", "job-site-visit", "--given", "2026-03-10")
	benefit := run("iep", "benefit", "add", "W-2", "--name", "Child care subsidy", "--renewal", "2026-12-01")
	application := run("activity", "add", "W-1", "--date", "2026-03-10", "--kind", "application", "--org", "Example Clinic", "--position", "Clerk", "--internal=false")
	// a member who left: still a --from of case transfer, no longer a --to
	run("staff", "add", "--name", "Jo Example", "--email", "jexample@example.org")
	run("staff", "set", "jexample", "--active=false")
	writeStoreFile(t, dir, "roster.csv", "name\n")
	writeStoreFile(t, dir, "notes.txt", "x\n")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"case", "team", "remove", "W-1", ""}, member},
		{[]string{"case", "team", "update", "W-1", ""}, member},
		{[]string{"iep", "target", "remove", "W-1", ""}, target},
		{[]string{"case", "barrier", "resolve", "W-1", ""}, barrier},
		{[]string{"iep", "course", "status", "W-1", ""}, "--status " + course}, // the required flag first, as cobra offers it
		{[]string{"case", "assessment", "update", "W-1", ""}, assessment},
		{[]string{"case", "eligibility", "update", "W-1", ""}, determination},
		{[]string{"case", "consent", "update", "W-2", ""}, consent},
		{[]string{"iep", "benefit", "renew", "W-2", ""}, benefit},
		{[]string{"edit", "W-1", ""}, "intake iep references services outcome activity/2026-W11"},
		{[]string{"activity", "list", "W-1", "--week", ""}, "2026-W11"},
		{[]string{"activity", "update", "W-1", "--application", ""}, application},
		{[]string{"staff", "set", ""}, "mrivera jexample"},
		{[]string{"case", "new", "--manager", ""}, "mrivera"},
		{[]string{"case", "transfer", "W-1", "--to", ""}, "mrivera"},
		{[]string{"case", "transfer", "--from", ""}, "mrivera jexample"},
		{[]string{"case", "team", "add", "W-1", "--staff", ""}, "mrivera"}, // --staff refuses a member who left
		{[]string{"case", "transfer", "W-1", "--to", "mrivera", "--reason", "x", ""}, "W-2 W-3"},
		{[]string{"validate", "W-2", ""}, "W-1 W-3"},
		{[]string{"report", "monthly", "--month", ""}, "2026-03 2026-02 2026-01 2025-12 2025-11 2025-10 2025-09 2025-08 2025-07 2025-06 2025-05 2025-04 2025-03"},
		{[]string{"report", "performance", "--quarter", ""}, "1 2 3 4"},
		// the program year --today (2026-03-16) is in, and the three before
		{[]string{"report", "performance", "--program-year", ""}, "2025 2024 2023 2022"},
		{[]string{"export", "pirl", "--program-year", ""}, "2025 2024 2023 2022"},
		// the rules this case's program can have waived (a WIOA case's)
		{[]string{"waiver", "add", "W-1", "--rule", ""}, strings.Join(validate.Waivable(record.ProgramWIOA, &record.Config{}), " ")},
	} {
		got := completions(t, dir, env, tt.args...)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("__complete %q = %q, want %q", tt.args, got, tt.want)
		}
	}
	// FILE.csv: the shell lists the files itself, told to keep the .csv.
	code, out, _ := runCaseplan(t, dir, env, "__complete", "case", "import", "")
	if code != 0 || !strings.HasPrefix(out, "csv\n:8\n") {
		t.Errorf("__complete case import '': exit %d %q, want csv and the FilterFileExt directive (8)", code, out)
	}
	// A date or a text: no file names (NoFileComp, 4), where cobra's
	// default offered the directory's files.
	for _, flag := range []string{"--date", "--content"} {
		code, out, _ := runCaseplan(t, dir, env, "__complete", "note", "add", "W-1", flag, "")
		if code != 0 || out != ":4\n" {
			t.Errorf("__complete note add W-1 %s '': exit %d %q, want nothing and NoFileComp (4)", flag, code, out)
		}
	}
	// A command that takes no argument offers no file names either.
	for _, args := range [][]string{{"due", ""}, {"key", "show", ""}} {
		code, out, _ := runCaseplan(t, dir, env, append([]string{"__complete"}, args...)...)
		if code != 0 || out != ":4\n" {
			t.Errorf("__complete %q: exit %d %q, want nothing and NoFileComp (4)", args, code, out)
		}
	}
	// A flag that takes a file still completes files (the default directive).
	code, out, _ = runCaseplan(t, dir, env, "__complete", "export", "pirl", "--out", "")
	if code != 0 || !strings.HasPrefix(out, ":0\n") {
		t.Errorf("__complete export pirl --out '': exit %d %q, want the default directive (0)", code, out)
	}
}

// TestCompletionOfRevisionsAndRemotes: a flag that takes a commit (report
// --at, verify --since and --anchor, validate --new-from) offers HEAD and
// the store's branches, remote-tracking branches and tags — loose or
// packed, never a hash, nor caseplan's own refs — and sync's REMOTE the
// clone's git remotes; reading them writes nothing in .git.
func TestCompletionOfRevisionsAndRemotes(t *testing.T) {
	dir := initCLIStore(t)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("branch", "review")
	git("tag", "q1-2026")
	git("remote", "add", "origin", "https://git.example.org/office/cases.git")
	git("remote", "add", "backup", "https://backup.example.org/office/cases.git")
	git("update-ref", "refs/remotes/origin/main", "HEAD")
	git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
	git("update-ref", "refs/caseplan/conflicts/2026-03-16", "HEAD")
	git("pack-refs", "--all")
	git("tag", "q2-2026") // loose, beside the packed ones
	branch := strings.TrimPrefix(gitOutput(t, dir, "symbolic-ref", "HEAD"), "refs/heads/")

	before := dotGitState(t, dir)
	revisions := "HEAD " + strings.Join(sortedStrings(branch, "review"), " ") + " origin/main q1-2026 q2-2026"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "monthly", "--at", ""}, revisions},
		{[]string{"export", "pirl", "--at", ""}, revisions},
		{[]string{"case", "sealed", "show", "W-1", "--at", ""}, revisions},
		{[]string{"verify", "--since", ""}, revisions},
		{[]string{"verify", "--anchor", ""}, revisions},
		{[]string{"validate", "--new-from", ""}, revisions},
		{[]string{"log", "--since", ""}, ""}, // a date
		{[]string{"sync", ""}, "backup origin"},
		{[]string{"sync", "origin", ""}, ""},
	} {
		got := completions(t, dir, nil, tt.args...)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("__complete %q = %q, want %q", tt.args, got, tt.want)
		}
	}
	if after := dotGitState(t, dir); !maps.Equal(before, after) {
		t.Errorf("completion changed .git:\nbefore %v\nafter  %v", before, after)
	}
}

func gitOutput(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return strings.TrimSpace(string(out))
}

func sortedStrings(s ...string) []string {
	slices.Sort(s)
	return s
}

// dotGitState is every file under dir/.git with its size and time of
// change.
func dotGitState(t *testing.T, dir string) map[string]string {
	t.Helper()
	state := map[string]string{}
	err := filepath.WalkDir(filepath.Join(dir, ".git"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		state[p] = fmt.Sprintf("%d %s", fi.Size(), fi.ModTime().Format(time.RFC3339Nano))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return state
}

// TestCloseReasonHint: case close --reason given as the participant's
// story is refused with a hint saying which reason it is — a job found is
// placed, once placement set records it — never with none.
func TestCloseReasonHint(t *testing.T) {
	from := flagValues["case close"]["reason"]
	for v, want := range map[string]string{
		"found a job":   `did you mean --reason placed? "found a job" is recorded as placed`,
		"Hired":         `did you mean --reason placed? "Hired" is recorded as placed`,
		"relocated":     `did you mean --reason moved? "relocated" is recorded as moved`,
		"grant ran out": closeReasonHint,
	} {
		if got := from.hint("reason", from.fixed, v); got != want {
			t.Errorf("--reason %q: hint %q, want %q", v, got, want)
		}
	}
	if !strings.Contains(closeReasonHint, "placement set") {
		t.Errorf("the hint does not say a job is placed once placement set records it: %q", closeReasonHint)
	}
}
