package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestSuggestionsWhole checks that every command caseplan suggests is one
// it would accept as typed, its placeholders (CASE, DATE, WHO) filled in:
// the command exists, takes the arguments given, names only its own flags,
// and names every flag it requires — cobra's required flags and flag
// groups, and the ones the commands check by hand (suggestionNeeds). A
// hint that says "record it with caseplan extension decide CASE" sent the
// case manager to a refusal.
//
// The suggestions are taken from what caseplan prints: validate's findings
// and the tickler's items (due -o json) over the demo store on several
// days, and every output line the end-to-end scripts expect
// (cmd/caseplan/testdata) that suggests a command in a hint, a finding or
// a tickler item.
func TestSuggestionsWhole(t *testing.T) {
	seen := map[string]bool{}
	checked := 0
	root := newCmdRoot(&globals{})
	walkCommands(root, func(*cobra.Command) {}) // cobra's help flags in place
	check := func(where, text string) {
		t.Helper()
		refs, problems := wholeRefs(root, text)
		checked += refs
		for _, p := range problems {
			if k := where + p; !seen[k] {
				seen[k] = true
				t.Errorf("%s: %s\n\tin: %s", where, p, text)
			}
		}
	}

	t.Run("the demo store", func(t *testing.T) {
		root := filepath.Join("..", "..")
		if _, err := os.Stat(filepath.Join(root, "cases", "caseplan.yaml")); err != nil {
			t.Fatalf("no demo store: %v", err)
		}
		// Days across the demo year: intakes, work security periods and
		// their extensions, WIOA exits and follow-ups, and the year after.
		for _, day := range []string{"2026-02-01", "2026-04-15", "2026-06-01", "2026-07-31", "2026-08-20", "2026-10-15", "2026-11-25", "2027-03-01", "2027-09-01"} {
			env := map[string]string{"CASEPLAN_TODAY": day, "CASEPLAN_CACHE": "off"}
			for _, args := range [][]string{{"validate", "-o", "json"}, {"due", "--all", "-o", "json"}} {
				code, out, stderr := runCaseplan(t, root, env, args...)
				if code > 1 {
					t.Fatalf("caseplan %v on %s: exit %d\n%s", args, day, code, stderr)
				}
				for _, s := range jsonStrings(t, out) {
					check(fmt.Sprintf("%s on %s", strings.Join(args[:1], " "), day), s)
				}
				for _, line := range strings.Split(stderr, "\n") {
					check(fmt.Sprintf("%s on %s, stderr", args[0], day), line)
				}
			}
		}
	})

	t.Run("the scripts", func(t *testing.T) {
		files, err := filepath.Glob(filepath.Join("..", "..", "cmd", "caseplan", "testdata", "*.txtar"))
		if err != nil || len(files) < 100 {
			t.Fatalf("the scripts: %d files, %v", len(files), err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(b), "\n") {
				if text, ok := expectedSuggestion(line); ok {
					check(fmt.Sprintf("%s:%d", filepath.Base(f), i+1), text)
				}
			}
		}
	})
	if checked < 200 {
		t.Errorf("only %d suggested commands found; is the scan reading the outputs?", checked)
	}
	t.Logf("%d suggested commands checked", checked)
}

// TestWholeRefs shows what the check finds.
func TestWholeRefs(t *testing.T) {
	root := newCmdRoot(&globals{})
	walkCommands(root, func(*cobra.Command) {})
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"record it with caseplan extension decide WS-001 --date DATE --by WHO --approved --until DATE, or with --denied", nil},
		{"record the decision with caseplan extension decide WS-001", []string{"caseplan extension decide WS-001: refused as typed: needs --by and --date"}},
		{"record it with caseplan extension decide WS-001 --date DATE --by WHO", []string{"caseplan extension decide WS-001 --date DATE --by WHO: refused as typed: needs --approved or --denied"}},
		{"caseplan extension decide WS-001 --date DATE --by WHO --approved", []string{"caseplan extension decide WS-001 --date DATE --by WHO --approved: refused as typed: --approved needs --until"}},
		{"hint: use caseplan case close WS-001 --date DATE", []string{"caseplan case close WS-001 --date DATE: refused as typed: needs --reason: placed, separated, completed, withdrew, moved or other"}},
		{"run caseplan case show to see it", []string{"caseplan case show: refused as typed: case show needs CASE"}},
		{"caseplan note add CASE --kind contact --mode MODE --two-way", nil},
		{"caseplan note add CASE --kind contact", []string{"caseplan note add CASE --kind contact: refused as typed: needs --mode"}},
		{"caseplan case new --program wioa --name NAME", nil},
		{"caseplan case new --returning-from CASE", nil},
		{"caseplan case new --name NAME", []string{"caseplan case new --name NAME: refused as typed: needs --program"}},
		{"caseplan case sealed reseal --all", nil},
		{"caseplan note add CASE --kind contact --mode phone --nope", []string{"caseplan note add --nope: no such flag"}},
		{`stderr '^caseplan: hint: record it with caseplan extension decide WS-001 .*$'`, nil}, // the rest is not known
		{`stderr '^caseplan: hint: record it with caseplan extension decide WS-001$'`, []string{"caseplan extension decide WS-001: refused as typed: needs --by and --date"}},
		{`stderr '^caseplan: hint: drop it with caseplan action drop W-001 '$NOTE'#1 --reason TEXT \(or done\)$'`, nil},
		{"hint: usage: caseplan case show CASE [flags]; run 'caseplan case show --help' for more", nil},
		{"hint: run 'caseplan --help' for its commands", nil},
		{"it is exited (TEGL 10-16): caseplan case exit W-001 (TEGL 10-16) to record it", nil},
		{"caseplan staff set dpatel --active=true", nil},
		{"caseplan case team remove W-001 nnav", nil},
		{"caseplan case sealed reseal", []string{"caseplan case sealed reseal: refused as typed: name the cases to re-seal, or give --all"}},
		{"check the network and run caseplan clone again", nil},
		{"the store caseplan writes", nil},
	} {
		text := tt.text
		if s, ok := expectedSuggestion(text); ok {
			text = s
		}
		_, got := wholeRefs(root, text)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%q:\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// jsonStrings are the strings in the JSON document(s) out.
func jsonStrings(t *testing.T, out string) []string {
	t.Helper()
	var strs []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			strs = append(strs, v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		walk(v)
	}
	return strs
}

var scriptAssert = regexp.MustCompile(`^\s*(stdout|stderr) '(.*)'\s*$`)

// expectedSuggestion is the text a script's line expects caseplan to print
// when that text suggests a command: a hint, a finding (validate's, case
// show's) or a tickler item. The pattern's escapes are undone; a
// wildcard (.*, .+) cuts the text, and a pattern not anchored at the
// line's end may go on: wholeRefs then takes the command for one whose
// end is not known.
func expectedSuggestion(line string) (string, bool) {
	m := scriptAssert.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	// '$NOTE' is the script's variable, outside the pattern's quotes.
	text := scriptVar.ReplaceAllString(m[2], "$1")
	text = strings.ReplaceAll(text, "''", "'")
	// A pattern over JSON: the string ends at its quote.
	text = strings.ReplaceAll(text, `",`, `". `)
	if !strings.Contains(text, "caseplan ") {
		return "", false
	}
	if !strings.Contains(text, "hint: ") && !strings.Contains(text, "record it with") && !findingLine.MatchString(text) && !strings.Contains(text, "overdue") && !strings.Contains(text, "next: ") {
		return "", false
	}
	text = strings.TrimPrefix(text, "^")
	text, whole := strings.CutSuffix(text, "$")
	if !whole {
		text += " " + unknownRest // the line may go on
	}
	for _, wild := range []string{".*", ".+", `\S+`, `\S*`} {
		if i := strings.Index(text, wild); i >= 0 {
			text = text[:i] + " " + unknownRest
		}
	}
	text = strings.NewReplacer(` +`, " ", `\d+`, "1", `\d`, "1", `\t`, " ", `\`, "").Replace(text)
	return text, true
}

var scriptVar = regexp.MustCompile(`'\$([A-Z_]+)'`)

var findingLine = regexp.MustCompile(`(error|warning|info) [a-z0-9-]+: `)

// unknownRest stands for the rest of a pattern that a wildcard left
// unknown.
const unknownRest = "…"

// wholeRefs finds the commands text suggests and says which caseplan
// would refuse as typed, besides the commands and flags that do not
// exist (commandRefs).
func wholeRefs(root *cobra.Command, text string) (refs int, problems []string) {
	refs, problems = commandRefs(root, text)
	for _, m := range refStart.FindAllStringIndex(text, -1) {
		if strings.HasSuffix(text[:m[0]+1], "usage: ") {
			continue // how the command is called, not a command to type
		}
		toks := strings.Fields(text[m[1]:])
		if p := wholeRef(root, toks); p != "" {
			problems = append(problems, p)
		}
	}
	return refs, problems
}

// wholeRef checks the command whose words follow "caseplan" on a fresh
// command tree: its arguments, and the flags it requires. "" when it would
// be taken, or is no command (prose; commandRefs says what does not exist).
func wholeRef(root *cobra.Command, toks []string) string {
	// The flags set here are put back as they were when done.
	var set []*pflag.Flag
	defer func() {
		for _, f := range set {
			if f.Value.Type() == "bool" {
				_ = f.Value.Set(f.DefValue)
			}
			f.Changed = false
		}
	}()
	c, path := root, []string{}
	i, ended := 0, false
	for i < len(toks) && !ended {
		word, last := trimWord(toks[i])
		if !isCommandWord(word) || !c.HasSubCommands() {
			break
		}
		sub := findCommand(c, word)
		if sub == nil {
			return ""
		}
		c, path, ended = sub, append(path, word), last
		i++
	}
	if c == root || c.HasSubCommands() {
		return "" // a group, or prose: what commandRefs checks
	}
	var args []string
	typed := slices.Clone(path)
	given := map[string]bool{}
	// The arguments and flags up to where the sentence resumes, as
	// checkRef reads them.
	for i < len(toks) && !ended {
		tok := toks[i]
		switch {
		case strings.HasPrefix(tok, unknownRest):
			return "" // a script's pattern whose rest is not known
		case tok == `\`:
			i++
		case strings.HasPrefix(tok, "#"), tok == "caseplan":
			ended = true
		case strings.HasPrefix(tok, "-") && len(tok) > 1 && tok != "--":
			core := strings.TrimRight(tok, ".,;:)]`'\"")
			ended = core != tok
			alt := strings.Split(strings.Trim(core, "([]"), "|")[0]
			name, value, hasValue := strings.Cut(alt, "=")
			var f *pflag.Flag
			if n, ok := strings.CutPrefix(name, "--"); ok {
				f = lookupFlag(c, n)
			} else if len(name) == 2 {
				f = lookupShorthand(c, name[1:])
			}
			if f == nil {
				return "" // commandRefs says so
			}
			typed = append(typed, core)
			given[f.Name] = true
			set = append(set, f)
			f.Changed = true
			if f.Value.Type() == "bool" {
				// A command's arguments may depend on one
				// (case sealed reseal --all).
				_ = f.Value.Set(cmp.Or(value, "true"))
			}
			i++
			if ended || f.Value.Type() == "bool" || hasValue || i >= len(toks) || strings.HasPrefix(toks[i], "-") {
				continue
			}
			if strings.HasPrefix(toks[i], unknownRest) {
				return ""
			}
			n, valueEnds := skipValue(toks, i)
			v := strings.Trim(strings.Join(toks[i:n], " "), ".,;:)`'\"")
			typed = append(typed, v)
			i, ended = n, valueEnds
		case strings.HasPrefix(tok, "("):
			ended = true // an aside: (TEGL 10-16)
		default:
			if w, _ := trimWord(tok); isCommandWord(w) && !strings.ContainsAny(tok, `'"`) {
				if w == "again" {
					return "" // the command as it was typed, run again
				}
				if c.ValidateArgs(args) == nil || !lowerCaseArg(c, len(args)) {
					ended = true // a lower-case word: prose again
					continue
				}
				// else an argument: a staff ID (caseplan staff set dpatel)
			}
			n, end := skipValue(toks, i)
			arg := strings.Trim(strings.Join(toks[i:n], " "), ".,;:)`'\"")
			args, typed = append(args, arg), append(typed, arg)
			_, last := trimWord(toks[n-1])
			i, ended = n, end || last
		}
	}
	if given["help"] {
		return ""
	}
	refused := func(why string) string {
		return "caseplan " + strings.Join(typed, " ") + ": refused as typed: " + why
	}
	if err := c.ValidateArgs(args); err != nil {
		return refused(flagGroupWords(c, usageHint(c, err).Error()))
	}
	if err := c.ValidateRequiredFlags(); err != nil {
		return refused(strings.TrimPrefix(flagGroupWords(c, err.Error()), strings.Join(path, " ")+" "))
	}
	if err := c.ValidateFlagGroups(); err != nil {
		return refused(strings.TrimPrefix(flagGroupWords(c, err.Error()), strings.Join(path, " ")+" "))
	}
	if need := suggestionNeeds[strings.Join(path, " ")]; need != nil {
		if why := need(func(f string) bool { return given[f] }, args); why != "" {
			return refused(why)
		}
	}
	return ""
}

// lowerCaseArg says whether command c's argument at position i may be a
// lower-case word: a staff ID or a team member, not a case or a note.
func lowerCaseArg(c *cobra.Command, i int) bool {
	words := strings.Fields(c.Use)[1:]
	if i >= len(words) {
		return false
	}
	switch strings.Trim(words[i], "[].") {
	case "ID", "MEMBER", "STAFF":
		return true
	}
	return false
}

// suggestionNeeds are the flags the commands require by hand, in their
// RunE, rather than by cobra's annotations: each says, from the flags
// given, what the command would refuse for, as the command itself does.
var suggestionNeeds = map[string]func(given func(string) bool, args []string) string{
	// extension_decide.go, parse; --approved without --until is refused by
	// casework's change.
	"extension decide": func(given func(string) bool, _ []string) string {
		switch {
		case given("approved") == given("denied"):
			return "needs --approved or --denied"
		case given("approved") && !given("until"):
			return "--approved needs --until"
		}
		return ""
	},
	// case_new.go: --program unless --returning-from names the earlier case.
	"case new": func(given func(string) bool, _ []string) string {
		if !given("program") && !given("returning-from") {
			return "needs --program"
		}
		return ""
	},
	"action drop":        needsAll("reason"),                     // action_drop.go
	"activity add":       needsAll("kind"),                       // activity_add.go, activityEntry
	"note add":           needsAllUnless("file", "kind", "mode"), // note_add.go, noteKindMode; a --file may carry them
	"ref add":            needsAll("name", "relationship"),       // ref_add.go
	"service add":        needsAll("service", "provider"),        // service_add.go, referralServiceProvider
	"service update":     needsAll("status"),                     // service_update.go
	"report monthly":     needsAll("month"),                      // report_monthly.go
	"report performance": needsAll("program-year"),               // report_performance.go, programYearFlags
	"export pirl":        needsAll("program-year"),               // export_pirl.go, programYearFlags
	// activity_update.go: one entry, and what it takes.
	"activity update": func(given func(string) bool, _ []string) string {
		var which []string
		for _, f := range []string{"application", "interview", "course"} {
			if given(f) {
				which = append(which, f)
			}
		}
		switch {
		case len(which) != 1:
			return "needs one of --application, --interview or --course"
		case which[0] == "interview" && !given("feedback"):
			return "--interview needs --feedback"
		case which[0] != "interview" && !given("status"):
			return "--" + which[0] + " needs --status"
		}
		return ""
	},
	// "nothing to set": case_toolbox.go, iep_set.go, iep_self_sufficiency.go.
	"case toolbox":         needsOne("resume", "cover-letter", "thank-you-letter"),
	"iep set":              needsOne("vision", "employment-goal"),
	"iep self-sufficiency": needsOne("plan", "child-care", "transportation", "crisis"),
	// placement_set.go, followup_add.go: a flag that needs another.
	"placement set": func(given func(string) bool, _ []string) string {
		if given("wage") && !given("wage-unit") {
			return "--wage needs --wage-unit"
		}
		return ""
	},
	"followup add": func(given func(string) bool, _ []string) string {
		if given("subsidized") && !given("employed") {
			return "--subsidized needs --employed"
		}
		return ""
	},
}

func needsAll(flags ...string) func(func(string) bool, []string) string {
	return needsAllUnless("", flags...)
}

// needsAllUnless: every one of flags, unless the flag instead is given.
func needsAllUnless(instead string, flags ...string) func(func(string) bool, []string) string {
	return func(given func(string) bool, _ []string) string {
		if instead != "" && given(instead) {
			return ""
		}
		var missing []string
		for _, f := range flags {
			if !given(f) {
				missing = append(missing, f)
			}
		}
		if len(missing) == 0 {
			return ""
		}
		return "needs " + flagList(missing, "and")
	}
}

func needsOne(flags ...string) func(func(string) bool, []string) string {
	return func(given func(string) bool, _ []string) string {
		if slices.ContainsFunc(flags, given) {
			return ""
		}
		return "needs " + flagList(slices.Clone(flags), "or")
	}
}
