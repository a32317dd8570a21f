package cli

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/sealed"
	"github.com/spf13/cobra"
)

// The rule every command's long help keeps, checked over them all: prose
// is wrapped near 76 columns, as a terminal shows it, so a line over
// maxHelpLine columns, or a short line in the middle of a paragraph, is
// an edit that was never wrapped again. An indented line — a list, a
// table, a JSON shape, an example — is left as written: a break would
// garble it.
const shortHelpLine = 40

// helpWrapProblems names each line of text that breaks the rule: a prose
// line over maxHelpLine columns, or one under shortHelpLine columns
// followed, in the same paragraph, by a longer prose line (a line break in
// the middle of a sentence). A short line ending in a colon introduces
// what follows, and is left alone.
func helpWrapProblems(text string) []string {
	var problems []string
	lines := strings.Split(text, "\n")
	prose := func(l string) bool { return l != "" && !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "\t") }
	for i, l := range lines {
		if !prose(l) {
			continue
		}
		n := utf8.RuneCountInString(l)
		if n > maxHelpLine {
			problems = append(problems, fmt.Sprintf("line %d is %d columns, over %d: %q", i+1, n, maxHelpLine, l))
		}
		if i+1 < len(lines) && prose(lines[i+1]) && n < shortHelpLine && !strings.HasSuffix(l, ":") &&
			utf8.RuneCountInString(lines[i+1]) > n {
			problems = append(problems, fmt.Sprintf("line %d breaks a paragraph after %d columns: %q, then %q", i+1, n, l, lines[i+1]))
		}
	}
	return problems
}

func TestHelpIsWrapped(t *testing.T) {
	root := newCmdRoot(&globals{})
	checked := 0
	walkCommands(root, func(c *cobra.Command) {
		if c.Long == "" {
			return
		}
		checked++
		for _, p := range helpWrapProblems(c.Long) {
			t.Errorf("help of %s: %s", c.CommandPath(), p)
		}
	})
	if checked < 100 {
		t.Errorf("only %d commands with a long help; is the walk reaching them?", checked)
	}
}

// TestHelpWrapProblems shows what the rule finds, with the lines that once
// broke waiver add's help.
func TestHelpWrapProblems(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       int
	}{
		{"wrapped prose", "Record that an obligation does not apply to CASE, and why: the findings\nof rule --rule for the case stay visible.", 0},
		{"a break mid-sentence", "which a refusal names the command for (caseplan rules -o json: waivable),\nand a rule\nthe store turns off (caseplan.yaml rules:) applies to no case, so there is", 1},
		{"a sentence appended unwrapped", "nothing to waive; a refusal lists the rules the case can have waived. The\nrule waiver of validate checks the rule and the supervisor on every run. The waiver is added to\nintake.yaml's waivers.", 1},
		{"a paragraph's last line", "the office's.\n\nThe next paragraph is as long as any other line of the help text.", 0},
		{"a line that introduces a list", "Fields:\n  date_of_birth, ssn_last4, state_id_last4, disability, health, criminal_record, public_assistance, sex", 0},
		{"an indented table", "Exit status:\n  1  the records are invalid, or a write was refused because its result would be invalid\nWith -o json", 0},
	} {
		if got := helpWrapProblems(tt.text); len(got) != tt.want {
			t.Errorf("%s: %d problem(s), want %d: %q", tt.name, len(got), tt.want, got)
		}
	}
}

// TestHelpListsFit: the lists of values a help shows (case list's phases,
// due's kinds, case sealed set's fields) are indented, so the prose rule
// leaves them alone; they are built from the code's own lists, and each
// line of them still fits a terminal, every value whole on one line.
func TestHelpListsFit(t *testing.T) {
	root := newCmdRoot(&globals{})
	for _, tt := range []struct {
		path  []string
		items []string
	}{
		{[]string{"case", "list"}, casestate.Phases},
		{[]string{"due"}, casestate.DueKinds},
		{[]string{"case", "sealed", "set"}, sealed.Names},
	} {
		c, _, err := root.Find(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		list := helpList(tt.items)
		if !strings.Contains(c.Long, list) {
			t.Errorf("help of %s does not show its list as helpList lays it out", c.CommandPath())
		}
		var words []string
		for _, l := range strings.Split(list, "\n") {
			if n := utf8.RuneCountInString(l); n > maxHelpLine {
				t.Errorf("help of %s: %d columns, over %d: %q", c.CommandPath(), n, maxHelpLine, l)
			}
			words = append(words, strings.Fields(l)...)
		}
		if got, want := strings.Join(words, " "), strings.Join(tt.items, ", "); got != want {
			t.Errorf("help of %s lists %q, want %q", c.CommandPath(), got, want)
		}
	}
}

// helpLineExceptions are the lines of --help output allowed over
// maxHelpLine columns, each with the reason no break is possible. Keep
// it short: a line here is one a terminal breaks mid-word.
var helpLineExceptions = map[string]string{
	"If it is not installed already, you can install it via your OS's package manager.": "cobra's own help of completion bash, " +
		"one column over; cobra adds the command when it runs, and rewriting its text would keep a copy of cobra's",
}

// TestHelpFits renders every command's help as --help prints it, usage,
// summaries of subcommands, examples and long help included, and checks
// that every line fits a terminal's maxHelpLine columns (runes, not
// bytes). It walks the whole tree, so a new command is checked too.
func TestHelpFits(t *testing.T) {
	root := newCmdRoot(&globals{})
	// cobra adds these when it runs; caseplan --help lists them.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	pages, over, excepted := 0, 0, map[string]bool{}
	walkCommands(root, func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		var b strings.Builder
		c.SetOut(&b)
		if err := c.Help(); err != nil {
			t.Fatalf("%s: %v", c.CommandPath(), err)
		}
		pages++
		for i, l := range strings.Split(b.String(), "\n") {
			if n := utf8.RuneCountInString(l); n > maxHelpLine {
				if _, ok := helpLineExceptions[l]; ok {
					excepted[l] = true
					continue
				}
				over++
				t.Errorf("%s --help: line %d is %d columns, over %d: %q", c.CommandPath(), i+1, n, maxHelpLine, l)
			}
		}
	})
	if pages < 100 {
		t.Errorf("only %d help pages; is the walk reaching them?", pages)
	}
	if over > 0 {
		t.Logf("%d lines over %d columns", over, maxHelpLine)
	}
	for l := range helpLineExceptions {
		if !excepted[l] {
			t.Errorf("no help shows the excepted line %q any more; take it off the list", l)
		}
	}
}

// TestWrapUseLine: a usage line wraps between its groups, a group too
// wide for a line after its alternatives' bars, a flag with its value,
// "[flags]" never alone on the last line, and nothing is lost.
func TestWrapUseLine(t *testing.T) {
	for _, tt := range []struct{ use, want string }{
		{"caseplan note list CASE [flags]", "caseplan note list CASE [flags]"},
		{"caseplan iep target add CASE --title TITLE [--job-family FAMILY] [--grade-min GRADE] [--grade-max GRADE] [--scope internal|external|both] [flags]",
			"caseplan iep target add CASE --title TITLE [--job-family FAMILY]\n" +
				"      [--grade-min GRADE] [--grade-max GRADE]\n" +
				"      [--scope internal|external|both] [flags]"},
		{"caseplan iep course status CASE COURSE --status planned|enrolled|completed|dropped [flags]",
			"caseplan iep course status CASE COURSE\n" +
				"      --status planned|enrolled|completed|dropped [flags]"},
		{"caseplan activity update CASE (--application ID --status STATUS | --interview ID --feedback TEXT | --course ID --status STATUS) [flags]",
			"caseplan activity update CASE (--application ID --status STATUS |\n" +
				"      --interview ID --feedback TEXT | --course ID --status STATUS) [flags]"},
	} {
		got := wrapUseLine(tt.use, maxHelpLine)
		if got != tt.want {
			t.Errorf("wrapUseLine(%q) =\n%s\nwant\n%s", tt.use, got, tt.want)
		}
		for _, l := range strings.Split("  "+got, "\n") {
			if n := utf8.RuneCountInString(l); n > maxHelpLine {
				t.Errorf("a line of %d columns: %q", n, l)
			}
		}
		if strings.Join(strings.Fields(got), " ") != tt.use {
			t.Errorf("wrapUseLine(%q) lost or added words: %q", tt.use, got)
		}
	}
}
