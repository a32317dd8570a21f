package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// plainArgs makes the argument-count errors of every command below c say
// which command wanted what, in words ("caseplan case show needs CASE"),
// with the command's usage line as the hint. cobra's own ("accepts 1
// arg(s), received 0", and "unknown command" for a command that takes no
// arguments at all) named neither the command nor what was missing.
func plainArgs(c *cobra.Command) {
	for _, sub := range c.Commands() {
		plainArgs(sub)
	}
	if c.Args == nil || c.HasAvailableSubCommands() {
		return // a command that groups others says so itself (groupRun)
	}
	check := c.Args
	c.Args = func(c *cobra.Command, args []string) error {
		if err := check(c, args); err != nil {
			return argsError(c, args, err)
		}
		return nil
	}
}

// argsError rewrites cobra's argument-count error err for c and args.
// Any other error of an Args check is returned as it is.
func argsError(c *cobra.Command, args []string, err error) error {
	want := positional(c.Use)
	name := strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
	hint := usageLine(c)
	msg := err.Error()
	var min, max, got int
	switch {
	case strings.HasPrefix(msg, "unknown command "): // cobra.NoArgs
		return &strayArgsError{UsageError: &UsageError{
			Msg:  fmt.Sprintf("%s takes no arguments, but was given %s", name, quoteArgs(args)),
			Hint: hint,
		}}
	case scanf(msg, "accepts %d arg(s), received %d", &min, &got):
		max = min
	case scanf(msg, "accepts between %d and %d arg(s), received %d", &min, &max, &got):
	case scanf(msg, "requires at least %d arg(s), only received %d", &min, &got):
		max = -1
	case scanf(msg, "accepts at most %d arg(s), received %d", &max, &got):
	default:
		return err
	}
	if got < min {
		m := fmt.Sprintf("%s needs %s", name, want)
		if got > 0 {
			m += ", but was given only " + quoteArgs(args)
		}
		return &UsageError{Msg: m, Hint: hint}
	}
	return &strayArgsError{
		UsageError: &UsageError{
			Msg:  fmt.Sprintf("%s takes %s, but was given %d arguments: %s", name, want, got, quoteArgs(args)),
			Hint: hint,
		},
		need: min,
	}
}

// strayArgsError is the error of arguments a command did not ask for.
// The usual way to give them is a value of several words typed without
// quotes; Main's quoteHint then says which flag's value, and how to type
// it, from the command line as typed. need is how many arguments the
// command needs.
type strayArgsError struct {
	*UsageError
	need int
}

func (e *strayArgsError) Unwrap() error { return e.UsageError }

// quoteHint adds to a stray-arguments error of command c the flag whose
// value the strays were, from raw, the command line as typed: "ref add
// W-1 --name Pat Example" hints --name 'Pat Example'. When the command
// line shows no such flag (two cases given to case show), the error stays
// as it is: a hint about quotes would mislead.
func (g *globals) quoteHint(c *cobra.Command, raw []string, err error) error {
	var se *strayArgsError
	if c == nil || !errors.As(err, &se) {
		return err
	}
	runs := runOnValue(c, raw, se.need, g.caseWords(c))
	if len(runs) == 0 {
		return se.UsageError
	}
	// The "value" starts with a flag of the command: the flag was given
	// no value, and the next one's value is the stray word.
	if f := flagNamed(c, runs[0].flag); f != nil && flagNamed(c, runs[0].words[0]) != nil {
		return takenAsValue(f, runs[0].words[0])
	}
	return &UsageError{Msg: se.Msg, Hint: se.Hint + "\n" + quotesOf(runs) + alsoNeeds(c, runs)}
}

// alsoNeeds says, after quotesOf, what command c still needs once the
// words of runs are their values' (none when nothing): "note add
// --content Called about it" named no case, and typed again with the
// quotes it is refused for that.
func alsoNeeds(c *cobra.Command, runs []valueRun) string {
	strays := 0
	for _, r := range runs {
		strays += r.stray
	}
	if len(c.Flags().Args())-strays >= needArgs(c) {
		return ""
	}
	return fmt.Sprintf("; %s also needs %s", strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" "), strings.ReplaceAll(positional(c.Use), "...", ""))
}

// valueRun is a value of several words typed after a flag without
// quotes: cobra took the first word as the flag's value and the others
// as arguments.
type valueRun struct {
	flag  string   // the flag as typed: --content, -m
	eq    bool     // the value was given with =: --content=Called
	words []string // the value's words, in the order typed
	stray int      // how many of them cobra took as arguments
}

// typed is the run as it should have been typed: the flag, then its
// whole value in quotes the shell keeps.
func (r valueRun) typed() string {
	sep := " "
	if r.eq {
		sep = "="
	}
	return r.flag + sep + shellQuote(strings.Join(r.words, " "))
}

// typedRuns is runs as they should have been typed, one after another.
func typedRuns(runs []valueRun) string {
	s := make([]string, len(runs))
	for i, r := range runs {
		s[i] = r.typed()
	}
	return strings.Join(s, " ")
}

// quotesOf says how runs go in quotes, for a hint.
func quotesOf(runs []valueRun) string {
	if len(runs) == 1 {
		return "a value of several words goes in quotes: " + typedRuns(runs)
	}
	return "values of several words go in quotes: " + typedRuns(runs)
}

// shellQuote is s in single quotes, which a POSIX shell keeps as they
// are ($, `, \ and ! included); a ' inside ends the quotes, is
// written escaped, and begins them again.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// runOnValue looks in raw, the command line as typed, for values of
// several words typed after a flag without quotes: cobra took the first
// word of each as the flag's value and the others as arguments of
// command c. It returns every such value, in the order typed, each with
// all its words (none when there is none). A word of a run that is one
// of the command's arguments is not part of the value: isCase, when not
// nil, says which words are cases (c's arguments are all cases, and the
// store's cases are known). need, how many of c's arguments the command
// needs, says the rest: the last words of the last runs that would
// leave fewer are taken to be those arguments ("--content Called about
// W-001": W-001 is the case) — with isCase, only words with a digit, as
// a case ID has, so that "--content Called about it" with no case keeps
// its "it".
func runOnValue(c *cobra.Command, raw []string, need int, isCase func(string) bool) []valueRun {
	flags := c.Flags()
	var path []string // the command's own words, which are not arguments
	for p := c; p.HasParent(); p = p.Parent() {
		path = append([]string{p.Name()}, path...)
	}
	var runs []*valueRun
	var cur *valueRun
	args, strays := 0, 0
	for i := 0; i < len(raw); i++ {
		tok := raw[i]
		if tok == "--" {
			break
		}
		if len(tok) > 1 && strings.HasPrefix(tok, "-") {
			cur = nil
			name, value, eq := strings.Cut(strings.TrimLeft(tok, "-"), "=")
			inline := eq
			flag := strings.TrimSuffix(tok, "="+value)
			var f *pflag.Flag
			switch {
			case name == "":
			case strings.HasPrefix(tok, "--"):
				f = flags.Lookup(name)
			default:
				f = flags.ShorthandLookup(name[:1])
				if !inline && len(name) > 1 {
					// -mCalled: the value runs on from the letter.
					value, inline, flag = name[1:], true, tok[:2]
				}
			}
			switch {
			case f == nil || f.NoOptDefVal != "": // a switch takes no value
			case !textFlag(c, f): // a date, a number, a choice: never several words
				if !inline {
					i++
				}
			case inline:
				cur = &valueRun{flag: flag, eq: eq}
				if value != "" { // --content= Called about: the value is the words after
					cur.words = []string{value}
				}
			case i+1 < len(raw):
				i++
				cur = &valueRun{flag: tok, words: []string{raw[i]}}
			}
			continue
		}
		if len(path) > 0 && tok == path[0] && args == 0 {
			path = path[1:]
			cur = nil
			continue
		}
		args++
		if cur == nil || (isCase != nil && isCase(tok)) {
			continue // an argument, not a word of a value
		}
		cur.words = append(cur.words, tok)
		cur.stray++
		strays++
		if cur.stray == 1 {
			runs = append(runs, cur)
		}
	}
	// The arguments the command needs are the last words typed. When
	// the cases are known, a word other than one of them is a case
	// only if it has a digit, as a case ID does (W-9 of a store of
	// W-1): "Called about it" keeps its "it".
	short := need - (args - strays)
	for i := len(runs) - 1; i >= 0 && short > 0; i-- {
		r := runs[i]
		n := 0
		for n < min(short, r.stray) && (isCase == nil || strings.ContainsFunc(r.words[len(r.words)-1-n], unicode.IsDigit)) {
			n++
		}
		r.words = r.words[:len(r.words)-n]
		r.stray -= n
		short -= n
		if isCase != nil && r.stray > 0 {
			break // a word of the value stands last
		}
	}
	var out []valueRun
	for _, r := range runs {
		if r.stray > 0 && len(r.words) > 1 {
			out = append(out, *r)
		}
	}
	return out
}

// textFlag reports whether f, a flag of c, takes text, which may be
// several words: not a date or a number, nor one of a closed list (-o,
// --kind, --mode).
func textFlag(c *cobra.Command, f *pflag.Flag) bool {
	switch f.Value.Type() {
	case "string", "stringArray", "stringSlice":
	default:
		return false
	}
	if f.Name == "output" {
		return false
	}
	return flagValues[commandKey(c)][f.Name].fixed == nil
}

// needArgs is how many arguments command c needs, as its use line names
// them: "CASE..." one, "[CASE|PATH...]" none.
func needArgs(c *cobra.Command) int {
	want := positional(c.Use)
	if want == "no arguments" {
		return 0
	}
	n := 0
	for _, w := range strings.Fields(want) {
		if !strings.HasPrefix(w, "[") {
			n++
		}
	}
	return n
}

// scanf reports whether msg is exactly format with its numbers filled in.
func scanf(msg, format string, n ...*int) bool {
	ptrs := make([]any, len(n))
	for i := range n {
		ptrs[i] = n[i]
	}
	k, err := fmt.Sscanf(msg, format, ptrs...)
	return err == nil && k == len(n)
}

// positional is the arguments a command's use line names before its
// flags: "CASE NOTE" of "show CASE NOTE", "URL [DIR]" of "clone URL [DIR]".
func positional(use string) string {
	words := strings.Fields(use)
	var out []string
	for _, w := range words[1:] {
		if strings.HasPrefix(w, "-") || strings.HasPrefix(w, "[-") || strings.HasPrefix(w, "(") {
			break
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		return "no arguments"
	}
	return strings.Join(out, " ")
}

// quoteArgs lists args as typed, each quoted.
func quoteArgs(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = strconv.Quote(a)
	}
	return strings.Join(q, " ")
}
