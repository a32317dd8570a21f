package cli

import (
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/caseid"
)

// triedCommands answers the words a new user types for a command that
// caseplan has under another name or in a group ("caseplan show CASE"
// for case show), or leaves out on purpose ("note edit": a committed
// note is never changed). The key is the group's path and the word.
// Found by reading the README as a new user: each of these got only "run
// 'caseplan --help' for its commands".
var triedCommands = func() map[string]tried {
	m := map[string]tried{}
	meant := func(group, path string, words ...string) {
		for _, w := range words {
			m[group+" "+w] = tried{meant: path}
		}
	}
	why := func(group, hint string, words ...string) {
		for _, w := range words {
			m[group+" "+w] = tried{hint: hint}
		}
	}
	for _, w := range []string{"show", "list", "new", "close", "reopen", "transfer", "exit", "import"} {
		meant("caseplan", "caseplan case "+w, w)
	}
	meant("caseplan", "caseplan case new", "open", "create")
	for _, w := range []string{"goal", "milestone", "objective", "step", "target", "course", "review", "schedule", "benefit"} {
		meant("caseplan", "caseplan iep "+w, w, w+"s")
	}
	why("caseplan", "did you mean 'caseplan sync'? it sends this clone's commits and receives the host's",
		"push", "pull", "fetch")
	// "open" is one edit from reopen, which cobra suggested: a new user
	// opening a case means case new (with --program and --name).
	why("caseplan case", "did you mean 'caseplan case new'? it opens a case (caseplan case reopen opens a closed one again), and caseplan case new --help names its flags",
		"open", "create", "add")
	why("caseplan case", "a case is never deleted, git history being the audit trail: close it with caseplan case close CASE --date DATE --reason REASON",
		"delete", "remove", "rm")
	why("caseplan note", "a committed note is never edited or deleted: correct it with caseplan note amend CASE NOTE --content TEXT, or void it with --void",
		"edit", "update", "delete", "remove", "rm")
	why("caseplan staff", "a staff member stays on the roster, which names the authors of past commits: retire them with caseplan staff set ID --active=false",
		"remove", "delete", "rm", "retire")
	why("caseplan ref", "a reference stays on the record: caseplan ref withdraw CASE REF records that they withdrew their permission",
		"remove", "delete", "rm")
	return m
}()

// tried is what a word tried as a command was meant for: the command
// that does it, as its path, or, where caseplan has none on purpose, the
// hint that says why and what to do instead.
type tried struct {
	meant string
	hint  string
}

// triedHint is the hint for word typed as a command of group c, "" when
// it is not a word triedCommands knows. A command meant is named only
// where the tree has it, so the table cannot send anyone to a command
// that was renamed.
func triedHint(c *cobra.Command, word string) string {
	t, ok := triedCommands[c.CommandPath()+" "+word]
	if !ok || t.hint != "" {
		return t.hint
	}
	sub, rest, err := c.Root().Find(strings.Fields(t.meant)[1:])
	if err != nil || len(rest) > 0 || sub.CommandPath() != t.meant {
		return ""
	}
	return "did you mean '" + t.meant + "'? run '" + c.CommandPath() + " --help' for its commands"
}

// caseHint is the hint for word, typed after group c where a command was
// expected, when it reads as a case ID ("caseplan note 2026-K7QX2": a
// valid ID with a digit in it, as every ID caseplan makes has; a word
// without one is a command mistyped, which cobra's suggestions answer):
// the group's command that shows one case (show, else list, taking CASE
// alone), with the case after it. "" when the group has no such command.
func caseHint(c *cobra.Command, word string) string {
	if caseid.Check(word) != nil || !strings.ContainsFunc(word, unicode.IsDigit) {
		return ""
	}
	for _, name := range []string{"show", "list"} {
		for _, sub := range c.Commands() {
			if f := strings.Fields(sub.Use); sub.Name() == name && len(f) > 1 && f[1] == "CASE" && (len(f) == 2 || strings.HasPrefix(f[2], "[")) {
				return "the command comes first, then the case: " + sub.CommandPath() + " " + word
			}
		}
	}
	return ""
}
