package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestCommandReferences checks that every command and flag caseplan's
// messages, hints and help name exists: each `caseplan <noun> <verb>
// [--flag ...]` in a string of the Go sources under pkg/ (tests aside) and
// in every command's help is resolved against the command tree, and each
// flag it names must be one of that command's (or a global one). The flags
// in each command's usage line and flag descriptions are checked against
// the command itself.
func TestCommandReferences(t *testing.T) {
	root := newCmdRoot(&globals{})
	walkCommands(root, func(*cobra.Command) {}) // cobra's help flags in place
	checked := 0
	report := func(where string, problems []string) {
		t.Helper()
		for _, p := range problems {
			t.Errorf("%s: %s", where, p)
		}
	}

	// The strings of the sources: messages, hints and the help texts.
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Errorf("%s: %v", fset.Position(lit.Pos()), err)
				return true
			}
			refs, problems := commandRefs(root, s)
			checked += refs
			pos := fset.Position(lit.Pos())
			report(filepath.ToSlash(filepath.Join("pkg", strings.TrimPrefix(pos.Filename, "../")))+":"+strconv.Itoa(pos.Line), problems)
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// The help as the commands print it, composed at run time.
	walkCommands(root, func(c *cobra.Command) {
		where := "help of " + c.CommandPath()
		for _, text := range []string{c.Short, c.Long, c.Example} {
			refs, problems := commandRefs(root, text)
			checked += refs
			report(where, problems)
		}
		_, use, _ := strings.Cut(c.Use, " ")
		report(where+", usage line", ownFlags(c, use))
		c.Flags().VisitAll(func(f *pflag.Flag) {
			refs, problems := commandRefs(root, f.Usage)
			checked += refs
			report(where+", --"+f.Name, append(problems, ownFlags(c, f.Usage)...))
		})
	})
	if checked < 100 {
		t.Errorf("only %d references to commands found; is the scan reading the sources?", checked)
	}
	t.Logf("%d references to commands checked", checked)
}

// TestCommandRefs shows what the check finds: a command, a subcommand or a
// flag that does not exist.
func TestCommandRefs(t *testing.T) {
	root := newCmdRoot(&globals{})
	for _, tt := range []struct {
		text string
		want []string // problems
	}{
		{text: "record it with caseplan note add --two-way --service CODE", want: nil},
		{text: `caseplan extension decide WS-001 --date 2026-07-28 --approved --until 2026-10-28 \
      --by "Joint Work Security Committee"
  caseplan due --all --within 2w -o json`, want: nil},
		{text: "caseplan staff list shows the roster; add them with caseplan staff add --name NAME", want: nil},
		{text: "run caseplan validate " + "W-001 to see them", want: nil},
		{text: "the store caseplan writes; caseplan keeps it", want: nil},
		{text: "caseplan reads it", want: []string{"caseplan reads: no such command"}},
		{text: "caseplan case new --notice-date --layoff-date)", want: nil},
		{text: "caseplan --store DIR case show W-001", want: nil},
		{text: "record it with caseplan note ad --two-way", want: []string{"caseplan note ad: no such command"}},
		{text: "use caseplan frobnicate W-001", want: []string{"caseplan frobnicate: no such command"}},
		{text: "record it with caseplan note add --too-way --service CODE", want: []string{"caseplan note add --too-way: no such flag"}},
		{text: "caseplan due -z", want: []string{"caseplan due -z: no such flag"}},
		{text: "caseplan case close W-1 --date 2026-06-01 --reason=placed --notes x --bogus=1.", want: []string{"caseplan case close --bogus: no such flag"}},
	} {
		_, got := commandRefs(root, tt.text)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%q:\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// proseAfterCaseplan are the words that follow "caseplan" in sentences
// about the program rather than naming a command ("caseplan writes ...",
// "a caseplan commit"), or follow a command group's name ("caseplan
// service in services.yaml"). Any other word in a command's place must be
// a command: a sentence that uses a new word this way adds it here.
var proseAfterCaseplan = map[string]bool{
	"asks": true, "can": true, "checks": true, "command": true, "decides": true, "in": true,
	"keeps": true, "process": true, "record": true, "store": true, "write": true, "writes": true,
	"is": true, "this": true, "with": true, "before": true, "test": true,
}

var refStart = regexp.MustCompile(`(^|[^A-Za-z0-9_./@-])caseplan +`)

// commandRefs finds the references to commands in text, resolves them
// against root's tree and returns how many it found and what is wrong with
// them.
func commandRefs(root *cobra.Command, text string) (refs int, problems []string) {
	for _, m := range refStart.FindAllStringIndex(text, -1) {
		toks := strings.Fields(text[m[1]:])
		if p, ok := checkRef(root, toks); ok {
			refs++
			problems = append(problems, p...)
		}
	}
	return refs, problems
}

// checkRef checks the reference whose words follow "caseplan": the
// command's words, then its arguments and flags up to where the sentence
// resumes. ok is false for prose ("caseplan writes ...").
func checkRef(root *cobra.Command, toks []string) (problems []string, ok bool) {
	c, path := root, "caseplan"
	i := 0
	// Global flags may come first: caseplan --store DIR case show.
	for i < len(toks) && strings.HasPrefix(toks[i], "-") {
		n, p := checkFlagToken(c, path, toks, i)
		problems, i = append(problems, p...), n
		if n < 0 {
			return problems, true // caseplan --help.
		}
	}
	for i < len(toks) {
		word, last := trimWord(toks[i])
		if !isCommandWord(word) {
			break
		}
		sub := findCommand(c, word)
		if sub == nil {
			if c.HasSubCommands() {
				if proseAfterCaseplan[word] {
					return nil, c != root
				}
				return append(problems, path+" "+word+": no such command"), true
			}
			break // an argument
		}
		c, path = sub, path+" "+word
		i++
		if last {
			return problems, true
		}
		for i < len(toks) && strings.HasPrefix(toks[i], "-") && len(toks[i]) > 1 && c.HasSubCommands() {
			n, p := checkFlagToken(c, path, toks, i)
			problems, i = append(problems, p...), n
			if n < 0 {
				return problems, true // caseplan report --help.
			}
		}
	}
	if c == root {
		return problems, len(problems) > 0
	}
	// Arguments and flags, until the sentence resumes.
	for i < len(toks) {
		tok := toks[i]
		switch {
		case tok == `\`: // a line continued in an example
			i++
		case strings.HasPrefix(tok, "#"), tok == "caseplan":
			return problems, true
		case strings.HasPrefix(tok, "-") && len(tok) > 1 && tok != "--":
			n, p := checkFlagToken(c, path, toks, i)
			problems = append(problems, p...)
			if n < 0 {
				return problems, true
			}
			i = n
		default:
			n, end := skipValue(toks, i)
			if end {
				return problems, true
			}
			if w, _ := trimWord(tok); isCommandWord(w) && !strings.ContainsAny(tok, `'"`) {
				return problems, true // a lower-case word: prose again
			}
			i = n
		}
	}
	return problems, true
}

// checkFlagToken checks the flag token toks[i] (--name, --name=value, -x,
// or alternatives such as (--approved|--denied)) against c, and skips the
// value that follows it. It returns the index after them, or -1 when the
// token ends the sentence.
func checkFlagToken(c *cobra.Command, path string, toks []string, i int) (int, []string) {
	tok := toks[i]
	core := strings.TrimRight(tok, ".,;:?)]`'\"")
	end := core != tok
	var problems []string
	takesValue := false
	for _, alt := range strings.Split(strings.Trim(core, "([]"), "|") {
		name, _, hasValue := strings.Cut(alt, "=")
		var f *pflag.Flag
		switch {
		case strings.HasPrefix(name, "--"):
			f = lookupFlag(c, strings.TrimPrefix(name, "--"))
		case strings.HasPrefix(name, "-") && len(name) == 2:
			f = lookupShorthand(c, name[1:])
		default:
			continue // not a flag: a value in an alternative
		}
		if f == nil {
			problems = append(problems, path+" "+name+": no such flag")
			continue
		}
		takesValue = !hasValue && f.Value.Type() != "bool"
	}
	i++
	if end {
		return -1, problems
	}
	if takesValue && i < len(toks) && !strings.HasPrefix(toks[i], "-") {
		n, valueEnds := skipValue(toks, i)
		if valueEnds {
			return -1, problems
		}
		i = n
	}
	return i, problems
}

// skipValue skips the value starting at toks[i], quoted or not, and says
// whether it ends the sentence.
func skipValue(toks []string, i int) (next int, end bool) {
	tok := toks[i]
	if q := tok[:1]; q == `'` || q == `"` {
		for j := i; j < len(toks); j++ {
			t := strings.TrimRight(toks[j], ".,;:)")
			if (j > i || len(t) > 1) && strings.HasSuffix(t, q) {
				return j + 1, t != toks[j]
			}
		}
		return len(toks), true
	}
	return i + 1, strings.TrimRight(tok, ".,;:)") != tok
}

// trimWord strips the punctuation around a word, and says whether the
// word ends its sentence or clause.
func trimWord(tok string) (word string, last bool) {
	word = strings.TrimLeft(tok, "(`")
	core := strings.TrimRight(word, ".,;:)`'\"")
	return core, core != word
}

var commandWord = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

func isCommandWord(s string) bool { return commandWord.MatchString(s) }

func findCommand(c *cobra.Command, name string) *cobra.Command {
	for _, sub := range c.Commands() {
		if sub.Name() == name || sub.HasAlias(name) {
			return sub
		}
	}
	return nil
}

func lookupFlag(c *cobra.Command, name string) *pflag.Flag {
	if f := c.Flags().Lookup(name); f != nil {
		return f
	}
	if f := c.InheritedFlags().Lookup(name); f != nil {
		return f
	}
	return c.PersistentFlags().Lookup(name)
}

func lookupShorthand(c *cobra.Command, s string) *pflag.Flag {
	if f := c.Flags().ShorthandLookup(s); f != nil {
		return f
	}
	return c.InheritedFlags().ShorthandLookup(s)
}

var flagName = regexp.MustCompile(`(^|[^A-Za-z0-9-])--([a-z][a-z0-9-]*)`)

// ownFlags checks the flags a command's own text names (its usage line, a
// flag's description) against the command.
func ownFlags(c *cobra.Command, text string) []string {
	var problems []string
	for _, m := range flagName.FindAllStringSubmatch(text, -1) {
		if lookupFlag(c, m[2]) == nil {
			problems = append(problems, c.CommandPath()+" --"+m[2]+": no such flag")
		}
	}
	return problems
}

// walkCommands calls fn on every command of the tree, with cobra's help
// flag in place as it is when the command runs.
func walkCommands(c *cobra.Command, fn func(*cobra.Command)) {
	c.InitDefaultHelpFlag()
	fn(c)
	for _, sub := range c.Commands() {
		walkCommands(sub, fn)
	}
}
