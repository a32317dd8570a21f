package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

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
// W-1 --name Pat Example" hints --name "Pat Example". When the command
// line shows no such flag (two cases given to case show), the error stays
// as it is: a hint about quotes would mislead.
func quoteHint(c *cobra.Command, raw []string, err error) error {
	var se *strayArgsError
	if c == nil || !errors.As(err, &se) {
		return err
	}
	flag, words := runOnValue(c, raw, se.need)
	if flag == "" {
		return se.UsageError
	}
	// The "value" starts with a flag of the command: the flag was given
	// no value, and the next one's value is the stray word.
	if f := flagNamed(c, flag); f != nil && flagNamed(c, words[0]) != nil {
		return takenAsValue(f, words[0])
	}
	return &UsageError{Msg: se.Msg, Hint: se.Hint + "\na value of several words goes in quotes: " + typedValue(flag, words)}
}

// runOnValue looks in raw, the command line as typed, for a value of
// several words typed after a flag without quotes: cobra took the first
// word as the flag's value and the others as arguments of command c. It
// returns the flag as typed and the value's words, or "" when there is
// none. need is how many of c's arguments the command needs: the last
// words of a run that would leave fewer are taken to be those arguments
// ("--content Called about W-001": W-001 is the case).
func runOnValue(c *cobra.Command, raw []string, need int) (string, []string) {
	flags := c.Flags()
	var path []string // the command's own words, which are not arguments
	for p := c; p.HasParent(); p = p.Parent() {
		path = append([]string{p.Name()}, path...)
	}
	type run struct {
		flag  string
		words []string
		stray int
	}
	var cur, found *run
	args := 0
	for i := 0; i < len(raw); i++ {
		tok := raw[i]
		if tok == "--" {
			break
		}
		if len(tok) > 1 && strings.HasPrefix(tok, "-") {
			cur = nil
			name, value, inline := strings.Cut(strings.TrimLeft(tok, "-"), "=")
			var f *pflag.Flag
			switch {
			case name == "":
			case strings.HasPrefix(tok, "--"):
				f = flags.Lookup(name)
			default:
				f = flags.ShorthandLookup(name[:1])
				if !inline && len(name) > 1 {
					value, inline = name[1:], true
				}
			}
			switch {
			case f == nil || f.NoOptDefVal != "": // a switch takes no value
			case !textFlag(c, f): // a date, a number, a choice: never several words
				if !inline {
					i++
				}
			case inline:
				cur = &run{flag: strings.TrimSuffix(tok, "="+value), words: []string{value}}
			case i+1 < len(raw):
				i++
				cur = &run{flag: tok, words: []string{raw[i]}}
			}
			continue
		}
		if len(path) > 0 && tok == path[0] && args == 0 {
			path = path[1:]
			cur = nil
			continue
		}
		args++
		if cur != nil {
			cur.words = append(cur.words, tok)
			cur.stray++
			if found == nil {
				found = cur
			}
		}
	}
	if found == nil {
		return "", nil
	}
	if short := need - (args - found.stray); short > 0 {
		found.words = found.words[:len(found.words)-min(short, found.stray)]
		found.stray -= min(short, found.stray)
	}
	if found.stray == 0 {
		return "", nil
	}
	return found.flag, found.words
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

// typedValue is flag with the value words, quoted for a shell as a
// person would type it.
func typedValue(flag string, words []string) string {
	v := strings.Join(words, " ")
	switch {
	case !strings.ContainsAny(v, "\"$`\\!"):
		return flag + " \"" + v + "\""
	case !strings.Contains(v, "'"):
		return flag + " '" + v + "'"
	}
	return flag + " " + strconv.Quote(v)
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
