package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
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
		return &UsageError{
			Msg:  fmt.Sprintf("%s takes no arguments, but was given %s", name, quoteArgs(args)),
			Hint: hint,
		}
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
	return &UsageError{
		Msg: fmt.Sprintf("%s takes %s, but was given %d arguments: %s", name, want, got, quoteArgs(args)),
		// The usual way to give too many: a value of several words
		// typed without quotes.
		Hint: hint + "\na value of several words goes in quotes: --text \"Called about the interview\"",
	}
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
