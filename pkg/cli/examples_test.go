package cli

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/caseplan/caseplan/pkg/store"
)

// outsideStore are the commands that do their work outside a store:
// their examples are not run, which would make keys, stores and clones.
var outsideStore = map[string]bool{
	"caseplan init": true, "caseplan clone": true, "caseplan key new": true,
	"caseplan key show": true, "caseplan version": true,
}

// TestExamplesRun: every command that does something (a group only lists
// its commands) shows at least one example in --help, and each example
// is one a user can copy: it names the command whose help shows it,
// cobra accepts its words as that command's — its flags, their values,
// its arguments, the flags it requires — and so do the checks the
// command makes before it looks for the store (a date, a choice of a
// closed list, a flag given no value, flags that go together). A new
// user's trial found many
// commands with no example at all, so the whole tree is walked, a new
// command included.
func TestExamplesRun(t *testing.T) {
	env := exampleEnv(t)
	commands := 0
	walkCommands(newCmdRoot(&globals{}), func(c *cobra.Command) {
		if !c.Runnable() || c.HasSubCommands() || c.Hidden {
			return
		}
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s: no example in --help; give it one or more in its Example", c.CommandPath())
			return
		}
		commands++
		for _, p := range exampleProblems(env, c.CommandPath(), c.Example) {
			t.Errorf("%s: %s", c.CommandPath(), p)
		}
	})
	if commands < 100 {
		t.Errorf("only %d commands with examples; is the walk reaching them?", commands)
	}
}

// TestExampleProblems shows what the check finds in an example.
func TestExampleProblems(t *testing.T) {
	env := exampleEnv(t)
	for _, tt := range []struct {
		name, path, example string
		want                []string
	}{
		{"continued lines and quoted values", "caseplan note add", `  # a call, with an action for the participant
  caseplan note add 2026-K7QX2 --kind contact --mode phone --two-way \
      --service job-search --content "Reviewed three postings" \
      --action 'participant|2026-03-09|Apply to the two admin postings'`, nil},
		{"a comment after a command, and a pipe", "caseplan due", `  caseplan due          # my cases
  caseplan due | cut -f1,3,5
  caseplan due --all --summary -o csv > due.csv`, nil},
		{"a variable set for the command", "caseplan edit", `  EDITOR=nano caseplan edit 2026-K7QX2 iep`, nil},
		{"a flag the command does not have", "caseplan note add", `  caseplan note add 2026-K7QX2 --knd contact`,
			[]string{`example line 1: unknown flag: --knd`}},
		{"another command's path", "caseplan note add", `  caseplan note list 2026-K7QX2`,
			[]string{`example line 1: names caseplan note list, not caseplan note add`}},
		{"no such command", "caseplan note add", `  caseplan note ad 2026-K7QX2`,
			[]string{`example line 1: caseplan note has no command "ad"`}},
		{"a group", "caseplan note add", `  caseplan note`,
			[]string{`example line 1: names the group caseplan note, not a command`}},
		{"a continuation without its backslash", "caseplan case close", `  caseplan case close W-001 --date 2026-06-01
      --reason placed`,
			[]string{`example line 1: required flag(s) "reason" not set`,
				`example line 2 is neither a command, a comment, nor the continuation of a command: "--reason placed"`}},
		{"a backslash on the last line", "caseplan case close", `  caseplan case close W-001 --date 2026-06-01 --reason placed \`,
			[]string{`example line 1: ends in a backslash, but the example ends there`}},
		{"an argument too many", "caseplan case show", `  caseplan case show W-001 W-002`,
			[]string{`example line 1: case show takes CASE, but was given 2 arguments: "W-001" "W-002"`}},
		{"a choice not on the list", "caseplan note add", `  caseplan note add 2026-K7QX2 --kind contct --mode phone`,
			[]string{`example line 1: --kind "contct": use one of intake, contact, `}},
		{"a date as written on paper", "caseplan case close", `  caseplan case close W-001 --date 6/1/2026 --reason placed`,
			[]string{`example line 1: --date "6/1/2026": not a date; use YYYY-MM-DD`}},
		{"a value left out", "caseplan note add", `  caseplan note add 2026-K7QX2 --kind contact --content --two-way`,
			[]string{`example line 1: --content was given no value: it took the flag that came next, --two-way, as its value`}},
		{"flags the command refuses together", "caseplan due", `  caseplan due --all -o csv`,
			[]string{`example line 1: -o csv goes with --summary`}},
		{"a flag the command needs", "caseplan ref add", `  caseplan ref add 2026-K7QX2 --name 'Pat Example'`,
			[]string{`example line 1: a reference needs --name and --relationship`}},
		{"a quote left open", "caseplan case close", `  caseplan case close W-001 --date 2026-06-01 --reason 'placed`,
			[]string{`example line 1: a quote (') left open`}},
	} {
		// Each problem as it begins: the end of a list of choices is
		// the schema's, not this test's.
		got := exampleProblems(env, tt.path, tt.example)
		ok := len(got) == len(tt.want)
		for i := 0; ok && i < len(got); i++ {
			ok = strings.HasPrefix(got[i], tt.want[i])
		}
		if !ok {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// exampleProblems checks the examples of the command at path: each line
// that starts with caseplan (after any VAR=value a shell sets for it),
// with the lines it continues with a trailing backslash, is parsed as a
// shell would split it and as cobra would run it, on a tree of its own
// (parsing sets the flags). Other lines must be comments.
func exampleProblems(env Env, path, example string) []string {
	var problems []string
	lines := strings.Split(example, "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := fmt.Sprintf("example line %d", i+1)
		words, err := shellWords(line)
		for err == nil && strings.HasSuffix(line, `\`) {
			if i+1 == len(lines) {
				err = fmt.Errorf("ends in a backslash, but the example ends there")
				break
			}
			i++
			line = strings.TrimSpace(lines[i])
			var more []string
			more, err = shellWords(line)
			words = append(words, more...)
		}
		if err != nil {
			problems = append(problems, where+": "+err.Error())
			continue
		}
		for len(words) > 0 && strings.Contains(words[0], "=") && !strings.HasPrefix(words[0], "-") {
			words = words[1:] // EDITOR=nano caseplan edit ...
		}
		if len(words) == 0 || words[0] != "caseplan" {
			problems = append(problems, fmt.Sprintf("%s is neither a command, a comment, nor the continuation of a command: %q", where, line))
			continue
		}
		if p := runExample(env, path, words[1:]); p != "" {
			problems = append(problems, where+": "+p)
		}
	}
	return problems
}

// exampleEnv is where the examples are run: a directory with no store,
// so that the checks of flag values that read one (a program key, a
// staff ID) leave the fictional ones alone, as they do outside a store;
// today is after every example's dates, as it is for a reader now (a
// monthly report of a month not begun is refused).
func exampleEnv(t *testing.T) Env {
	return Env{
		Stdin:  strings.NewReader(""),
		Stdout: io.Discard,
		Stderr: io.Discard,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2027, 6, 30, 9, 0, 0, 0, time.UTC) },
		Dir:    t.TempDir(),
	}
}

// runExample does what cobra's Execute does with args: find the command,
// parse its flags, check its arguments and its required and grouped
// flags, run the usage checks every command runs first
// (PersistentPreRunE: the choices of a closed list, a flag given no
// value, --author), read its dates, then run it, in a directory with no
// store: a command checks its flags (those it needs, those that go
// together) before it looks for the store, so an example that gets as
// far as "no case store" has passed them all. It returns what is wrong,
// or "".
func runExample(env Env, path string, args []string) string {
	root := newCmdRoot(&globals{env: env})
	walkCommands(root, func(*cobra.Command) {})
	c, flags, err := root.Find(args)
	if err != nil {
		return err.Error()
	}
	if c.HasSubCommands() {
		// The group's RunE refuses a word it has no command for.
		for _, a := range flags {
			if !strings.HasPrefix(a, "-") {
				return fmt.Sprintf("%s has no command %q", c.CommandPath(), a)
			}
		}
		return fmt.Sprintf("names the group %s, not a command", c.CommandPath())
	}
	if c.CommandPath() != path {
		return fmt.Sprintf("names %s, not %s", c.CommandPath(), path)
	}
	if err := c.ParseFlags(flags); err != nil {
		return err.Error()
	}
	for _, check := range []func() error{
		func() error { return c.ValidateArgs(c.Flags().Args()) },
		c.ValidateRequiredFlags,
		c.ValidateFlagGroups,
		func() error { return root.PersistentPreRunE(c, c.Flags().Args()) },
		func() error { return exampleDates(c) },
	} {
		if err := check(); err != nil {
			return err.Error()
		}
	}
	if outsideStore[c.CommandPath()] {
		return ""
	}
	// The command's own checks, up to where it looks for the store,
	// which it does not find.
	err = c.RunE(c, c.Flags().Args())
	if err != nil && err.Error() != (&store.NotFoundError{Dir: env.Dir}).Error() {
		return err.Error()
	}
	return ""
}

// exampleDates checks the dates given to c's date flags as the commands
// read them (their RunE, with parseDate): pflag takes any text.
func exampleDates(c *cobra.Command) error {
	var err error
	c.Flags().Visit(func(f *pflag.Flag) {
		if v := f.Value.String(); err == nil && f.Value.Type() == "date" && v != "" {
			_, err = parseDate(f.Name, v)
		}
	})
	return err
}

// shellWords splits one line of an example into words as a POSIX shell
// does: quotes keep spaces, a backslash escapes the next character, an
// unquoted # starts a comment, and a pipe, a redirection or a list
// operator ends the command. A trailing backslash continues the line and
// is not a word.
func shellWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	end := func() {
		if inWord {
			words = append(words, w.String())
		}
		w.Reset()
		inWord = false
	}
	for i := 0; i < len(line); i++ {
		switch ch := line[i]; {
		case ch == ' ' || ch == '\t':
			end()
		case ch == '#' && !inWord:
			return words, nil
		case strings.IndexByte("|<>;&", ch) >= 0:
			end()
			return words, nil
		case ch == '\\':
			if i+1 < len(line) {
				i++
				w.WriteByte(line[i])
				inWord = true
			}
		case ch == '\'' || ch == '"':
			j := strings.IndexByte(line[i+1:], ch)
			if j < 0 {
				return nil, fmt.Errorf("a quote (%c) left open", ch)
			}
			quoted := line[i+1 : i+1+j]
			if ch == '"' {
				quoted = strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\$`, `$`).Replace(quoted)
			}
			w.WriteString(quoted)
			inWord = true
			i += j + 1
		default:
			w.WriteByte(ch)
			inWord = true
		}
	}
	end()
	return words, nil
}
