package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/pkg/yamledit"
	"github.com/caseplan/caseplan/schemas"
	"go.yaml.in/yaml/v3"
)

// workspace opens the store for a command that writes.
func (g *globals) workspace(noCommit bool) (*casework.Workspace, error) {
	repo, err := g.openRepo()
	if err != nil {
		return nil, err
	}
	author, err := g.actingAuthor(repo)
	if err != nil {
		repo.Close()
		return nil, err
	}
	today, err := g.todayDate()
	if err != nil {
		repo.Close()
		return nil, err
	}
	v, err := schemas.Compile()
	if err != nil {
		repo.Close()
		return nil, err
	}
	k, err := g.keysOf(author)
	if err != nil {
		repo.Close()
		return nil, err
	}
	repo.OnLockWait = g.sayLockWait
	return &casework.Workspace{
		Repo: repo, Schemas: v, Today: today, Now: g.commitTime,
		Author: author, NoCommit: noCommit, Critical: g.critical, Rand: g.env.Rand,
		LockWait: g.storeLockWait(), Keys: k, DryRun: g.dryRun,
		Running: g.env.Build.Installable(),
	}, nil
}

// telling says what a write tells the user besides its output.
type telling int

const (
	// outputOnly: the change's output, the ID of what it added, is the
	// answer (note add, iep goal add, ...).
	outputOnly telling = iota
	// sayWhat: also say on stderr what the change did, in the words of
	// its commit subject (case close, iep milestone done, placement set,
	// ...); an add command among them still prints the ID of what it
	// added on stdout (case barrier add, iep course add, ...).
	sayWhat
	// sayNext: the change opened a case (case new); say on stderr what
	// the new case needs next (sayNext in case_new.go) rather than count
	// the errors it opens with, which are those same things as findings.
	sayNext
	// selfReported: the command says what the change did itself, from
	// what its build recorded (case import).
	selfReported
)

// write makes a change through casework's engine — which validates the
// cases before and after it, and commits it or refuses it with nothing
// written — and reports it: the change's output (the ID of what it added,
// when it has one) on stdout; on stderr that it was not committed
// (--no-commit), the errors the store already had, and, as tell says,
// what the change did. It is the one way every command that changes a
// case or the store writes.
func (g *globals) write(noCommit bool, cases []string, build casework.Build, tell telling) error {
	_, err := g.writeResult(noCommit, cases, build, tell)
	return err
}

// writeWarning is write for a command whose value may be a likely typo
// or a step the program asks to take first, which the write, a warning,
// does not refuse (placement-start, plan-date, a benefit's renewal date
// already past, a job-site visit without permission): after the write it
// says each warning of the rules, with its line, so it is seen when it is
// made rather than at the next validate.
func (g *globals) writeWarning(noCommit bool, cases []string, build casework.Build, tell telling, rules ...string) error {
	res, err := g.writeResult(noCommit, cases, build, tell)
	if err != nil {
		return err
	}
	g.sayWarnings(res, rules...)
	return nil
}

// sayWarnings says each warning of the rules the write res brought, with
// its line; one the case had before was said by the write that brought it.
func (g *globals) sayWarnings(res *casework.Result, rules ...string) {
	for _, f := range res.NewWarnings {
		if slices.Contains(rules, f.Rule) {
			fmt.Fprintf(g.env.Stderr, "caseplan: %s\n", f)
		}
	}
}

// writeResult is write, for a command that reports the change itself
// from its result (the commit it made).
func (g *globals) writeResult(noCommit bool, cases []string, build casework.Build, tell telling) (*casework.Result, error) {
	ws, err := g.workspace(noCommit)
	if err != nil {
		return nil, err
	}
	defer ws.Repo.Close()
	meter := &stepMeter{g: g, label: g.writeMeter}
	if g.writeMeter != "" {
		meter.start = g.env.Now() // the meter's delay runs from here
		ws.Progress = meter.show
	}
	// Checked after the build, inside it, so that a command's own
	// refusal of spaces (with its hint) speaks first, and nothing is
	// written when a value is only spaces.
	res, err := ws.Apply(cases, func(s *casework.State) (*casework.Change, error) {
		c, err := build(s)
		if err = casework.SpacesOnly(g.typed, err); err != nil {
			return nil, err
		}
		return c, nil
	})
	meter.finish()
	if err != nil {
		return nil, g.changeError(err)
	}
	if res.Change.Output != "" {
		fmt.Fprintln(g.env.Stdout, res.Change.Output)
	}
	for _, n := range res.Change.Notes {
		// A note's later lines (its "hint: ...") take the prefix alone.
		first, rest, _ := strings.Cut(n, "\n")
		fmt.Fprintf(g.env.Stderr, "caseplan: note: %s\n", first)
		for _, line := range strings.Split(rest, "\n") {
			if line != "" {
				fmt.Fprintf(g.env.Stderr, "caseplan: %s\n", line)
			}
		}
	}
	g.sayLeaks(res)
	switch n := len(res.Existing); {
	case tell == selfReported:
	case tell == sayNext && len(res.Change.Cases) == 1 && res.After != nil:
		if err := g.sayNext(res); err != nil {
			return nil, err
		}
	case n > 0 && !(n == len(res.Left) && len(res.Unsealed) > 0 && allSealedRecipients(res.Left)):
		// The errors the change left are not ones it "did not cause"; a
		// case it could not re-seal is told by saySealing.
		what := "the case"
		if len(res.Change.Cases) != 1 {
			what = "the store"
		}
		if old := n - len(res.Left); old > 0 {
			fmt.Fprintf(g.env.Stderr, "caseplan: warning: %s still has %d error(s) this change did not cause\n", what, old)
		} else {
			fmt.Fprintf(g.env.Stderr, "caseplan: warning: %s has %d error(s) after this change, each something still to do\n", what, n)
		}
		run := "caseplan validate"
		if len(res.Change.Cases) <= 5 { // a group note's hundred cases are the store
			run = strings.Join(append([]string{run}, res.Change.Cases...), " ")
		}
		fmt.Fprintf(g.env.Stderr, "caseplan: hint: run %s to see them\n", run)
	}
	if tell == sayWhat {
		if len(res.Change.Cases) == 1 {
			fmt.Fprintf(g.env.Stderr, "caseplan: %s: %s\n", res.Change.Cases[0], res.Change.Summary)
		} else {
			fmt.Fprintf(g.env.Stderr, "caseplan: %s\n", res.Change.Summary)
		}
	}
	// After the summary of what was done, as caseplan commit says it
	// after its count of files.
	sayLineEnds(g.env.Stderr, res.Normalized)
	// Last, after the summary of what was done, as the commit would
	// have followed it: the summary reads the same with and without
	// --no-commit, and the line that says it is not committed ends it.
	for _, h := range res.Change.Hints {
		fmt.Fprintf(g.env.Stderr, "caseplan: hint: %s\n", h)
	}
	if noCommit {
		fmt.Fprintf(g.env.Stderr, "caseplan: wrote %d file(s), not committed; %s\n", len(res.Change.Files), commitHint(res.Change.Files))
	}
	g.saySealing(res)
	return res, nil
}

// commitHint says how to commit what a --no-commit write left: caseplan
// commit commits edits under cases/ only, so files outside it (the
// schema copies) are committed with git, as any file outside the records.
func commitHint(files map[string][]byte) string {
	for p := range files {
		if layout.Under(p) {
			return "commit them with caseplan commit"
		}
	}
	return "commit them with git commit (caseplan commit commits the records under cases/ only)"
}

// allSealedRecipients reports whether every finding is a case sealed to
// a team it is no longer sealed to.
func allSealedRecipients(fs []finding.Finding) bool {
	for _, f := range fs {
		if f.Rule != validate.RuleSealedRecipients {
			return false
		}
	}
	return true
}

// changeError explains why a change was not made.
func (g *globals) changeError(err error) error {
	var refused *casework.RefusedError
	var result *casework.ResultError
	var flow *yamledit.FlowStyleError
	var input *casework.InputError
	var roster *casework.NotOnRosterError
	var denied *casework.AccessError
	var signing *casework.SigningError
	var unreadable *casework.SealedError
	var locked *gitstore.LockedError
	var noteFile *casework.NoteFileError
	var unfinished *gitstore.UnfinishedError
	var settings *store.SettingsError
	var noIntake *casework.UnreadableIntakeError
	var mode *casework.ModeError
	var closed *casework.ClosedCaseError
	var notOpened *casework.NotOpenedError
	switch {
	case errors.As(err, &closed):
		return &InvalidError{Msg: closed.Error(), Hint: closed.Hint()}
	case errors.As(err, &notOpened):
		return &InvalidError{Msg: notOpened.Error(), Hint: notOpened.Hint()}
	case errors.As(err, &mode):
		return &InvalidError{Msg: mode.Error(), Hint: mode.Hint()}
	case errors.As(err, &noIntake):
		for _, f := range noIntake.Findings {
			printFinding(g.env.Stderr, f)
		}
		return &InvalidError{Msg: noIntake.Error(), Hint: "correct the file (what is wrong is above; caseplan validate shows it too), then run the command again"}
	case errors.As(err, &settings):
		return &InvalidError{Msg: settings.Error(), Hint: settingsHint}
	case errors.As(err, &refused):
		for _, f := range refused.Findings {
			printFinding(g.env.Stderr, f)
		}
		return &InvalidError{Msg: refused.Error(), Hint: refused.HintFor(g.refusedFlags(refused))}
	case errors.As(err, &result):
		return &InvalidError{Msg: result.Error(), Hint: result.Hint}
	case errors.As(err, &flow):
		// The record is valid but written so that caseplan cannot
		// change it in place: the record's to fix, as an invalid one.
		return &InvalidError{Msg: err.Error(), Hint: flow.Hint()}
	case errors.As(err, &noteFile):
		for _, f := range noteFile.Findings {
			printFinding(g.env.Stderr, f)
		}
		return &InvalidError{Msg: noteFile.Error()}
	case errors.As(err, &input):
		return &UsageError{Msg: input.Msg, Hint: input.Hint}
	case errors.As(err, &unreadable):
		return &UsageError{Msg: unreadable.Error(), Hint: unreadable.Hint()}
	case errors.As(err, &signing):
		return &UsageError{Msg: signing.Msg, Hint: signing.Hint}
	case errors.As(err, &denied):
		return &UsageError{Msg: denied.Error(), Hint: denied.Hint()}
	case errors.As(err, &roster):
		return &UsageError{Msg: roster.Error(), Hint: roster.Hint()}
	case errors.As(err, &locked):
		return hintf(err, "%s", lockedHint(locked))
	case errors.As(err, &unfinished):
		return hintf(err, "%s", unfinished.Hint())
	}
	return err
}

// refusedFlags names the flags the person typed whose values a refused
// write's findings are about. A finding in a file the change would have
// written points at a field of what the command built; the file itself
// was never written, so its name and line do not say what to correct.
// The field is given by the flag of its name (content: by --content,
// layoff_date: by --layoff-date), else by the one flag whose typed value
// the field holds (referred: by service add's --date, requested: by
// extension request's --date): the commands themselves say which flag
// fills which field, so no table has to be kept beside them.
func (g *globals) refusedFlags(refused *casework.RefusedError) []string {
	var flags []string
	for _, f := range refused.Findings {
		b, ok := refused.Files[f.Path]
		if !ok || f.Line < 1 {
			continue
		}
		lines := strings.Split(string(b), "\n")
		if f.Line > len(lines) {
			continue
		}
		if flag := g.flagOfLine(lines[f.Line-1]); flag != "" && !slices.Contains(flags, flag) {
			flags = append(flags, flag)
		}
	}
	return flags
}

// flagOfLine is the typed flag that gave the field on a YAML line
// ("  - referred: 2026-03-20"), or "" when no one flag did.
func (g *globals) flagOfLine(line string) string {
	field, rest, ok := strings.Cut(strings.TrimPrefix(strings.TrimSpace(line), "- "), ":")
	if !ok {
		return ""
	}
	if name := strings.ReplaceAll(strings.TrimSpace(field), "_", "-"); g.given[name] {
		return "--" + name
	}
	var value string
	if yaml.Unmarshal([]byte(rest), &value) != nil || strings.TrimSpace(value) == "" {
		return "" // a block scalar, a map or a list: its value is on other lines
	}
	var by []string
	for name, values := range g.typed {
		if slices.ContainsFunc(values, func(v string) bool { return strings.TrimSpace(v) == strings.TrimSpace(value) }) {
			by = append(by, "--"+name)
		}
	}
	if len(by) != 1 {
		return "" // two flags typed the same value: naming either could mislead
	}
	return by[0]
}
