// Package cli is caseplan's command-line layer: it parses flags with cobra,
// resolves the store, the date and the acting author, calls the packages that
// do the work, prints their results and maps errors to exit codes. No other
// package imports cobra.
//
// How a command is laid out. Each `caseplan <noun> <verb>` is one file
// named after it, <noun>_<verb>.go (note_add.go, iep_milestone_done.go); a
// command that only groups others is in <noun>.go with the helpers its
// subcommands share. A command has three parts, after the GitHub CLI's:
//
//   - xxxOptions: the command's arguments and flags, and, embedded, the
//     *globals it runs with — the injected Env (stdin, stdout, stderr, the
//     environment, the clock, the random source, the working directory),
//     the global flags, and what resolves the store, --today and the
//     acting author from them.
//   - newCmdXxx(g, runF): the cobra command — help, flags bound to the
//     options, and a RunE that only takes in the arguments and the flags,
//     checks and converts them (a usage error, exit 2, for a bad value;
//     note add and amend read their --file here), then calls runF, a
//     test's, or when runF is nil xxxRun.
//   - xxxRun(opts): the work, a plain function tests call directly. A
//     command that writes hands the casework change its flags built to
//     globals.write (write.go), the one path every write takes. A command
//     that shows something loads the records and prints its view of them
//     as text or JSON; case show, iep show and due build theirs from the
//     snapshot, today and their options in a function of its own
//     (newCaseShowView, newIEPShowView, newDueView), so a test can ask all
//     three about the same store on many days.
//
// The domain lives in the packages under pkg/ that the run functions call;
// nothing here decides what a record means. Exit codes are decided in one
// place, errors.go.
package cli

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/caseplan/caseplan/pkg/buildinfo"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/findingout"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/progress"
)

// Env is everything a command reads from the outside world. Tests build
// their own; System returns the real one.
type Env struct {
	Stdin      io.Reader
	Stdout     io.Writer
	Stderr     io.Writer
	Getenv     func(string) string
	Now        func() time.Time
	Rand       io.Reader // new case and note IDs are drawn from it; nil means crypto/rand.Reader
	Dir        string    // working directory
	IsTerminal bool      // stdout is a terminal: print aligned tables, not tab-separated lines
	// Width is the columns of the terminal stdout is: tables and case
	// show's long lines wrap their free text to fit it. 0 when stdout
	// is not a terminal or its width cannot be told: nothing wraps.
	Width int
	// StderrIsTerminal says stderr is a terminal: long work shows its
	// progress there.
	StderrIsTerminal bool
	// Build is which caseplan this is (caseplan version; every report
	// names it). Tests leave it zero: a development build.
	Build buildinfo.Info
	// HandleSignals makes SIGINT and SIGTERM wait for a write in progress
	// to finish (the real process; tests leave it off).
	HandleSignals bool
}

// System returns the process's real environment.
func System() Env {
	wd, _ := os.Getwd()
	return Env{
		Stdin:            os.Stdin,
		Stdout:           os.Stdout,
		Stderr:           os.Stderr,
		Getenv:           os.Getenv,
		Now:              time.Now,
		Rand:             rand.Reader,
		Dir:              wd,
		IsTerminal:       term.IsTerminal(int(os.Stdout.Fd())),
		Width:            terminalWidth(os.Stdout, os.Getenv),
		StderrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		HandleSignals:    true,
		Build:            buildinfo.Read(),
	}
}

// terminalWidth is the width of the terminal f is, in columns: what the
// terminal says, else $COLUMNS (a shell's, when it exports it), else 0,
// not known. A file or a pipe has no width: its lines are a script's.
func terminalWidth(f *os.File, getenv func(string) string) int {
	if !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
		return w
	}
	if w, err := strconv.Atoi(getenv("COLUMNS")); err == nil && w > 0 {
		return w
	}
	return 0
}

// globals are the flags every command takes, and the environment every
// command runs in. Each command's options embed them.
type globals struct {
	env      Env
	store    string
	today    string
	author   string
	lockWait time.Duration
	// dryRun makes a write build and validate its change and write
	// nothing (case import --dry-run).
	dryRun bool
	// writeMeter, when set, labels the meter a write shows on a terminal
	// while it checks the cases it changes and commits their files: a
	// write of hundreds of cases (case transfer --from) spends seconds
	// there.
	writeMeter string

	// writing is set while a command changes the store; an interrupt that
	// arrives then is held until the change is complete.
	writing     atomic.Bool
	interrupted atomic.Bool
	// caught is the first signal that ended the command (see dieBy).
	caught atomic.Int32
	// lastWords is held by the signal handler from the moment it records
	// an interrupt until it has said so (and, when it ends caseplan, for
	// good), and by finish while it says how the command ended: the two
	// never write stderr at once, "finishing it" comes before "the change
	// is complete", and a command that the interrupt stopped does not
	// also say "interrupted" in its own words as the handler ends it.
	lastWords sync.Mutex
	// stopped is cancelled when an interrupt comes, once it is recorded
	// (interruptContext).
	stopped context.Context
	stopNow context.CancelFunc
	// editing is set while an editor caseplan started has the terminal:
	// Ctrl-C is the editor's then, as git leaves it to the editor it
	// runs, and caseplan waits for the editor to close.
	editing atomic.Bool
	// summaryWritten is set once the command's section of the job
	// summary is written (jobSummary), so that a failure after it is not
	// said to be one to run at all (summarizeError).
	summaryWritten bool
	// onStop, when set, runs before a signal ends caseplan: what a
	// command must not leave as it is (an edited copy to be masked).
	onStop atomic.Pointer[func()]
	// helpRefused is why --help showed nothing: it named a command that
	// does not exist (see helpUnknown).
	helpRefused error
	// given are the flags the person typed on the running command, by
	// name: a refused write names the ones whose values it refused.
	given map[string]bool
	// typed are the values the person gave the running command's own
	// flags (not the global ones), by flag name: a refused value in a
	// field of another name (service add --date fills referred) is traced
	// back to the flag that carried it.
	typed map[string][]string
}

// critical runs fn, the part of a write that changes the store, and holds
// off SIGINT and SIGTERM until it has finished (see handleSignals). A write
// is not begun once an interrupt has been held through an earlier one.
func (g *globals) critical(fn func() error) error {
	// writing is set before interrupted is looked at, as handleSignals
	// sets interrupted before it looks at writing: an interrupt then
	// either sees the write begun and holds, or is seen here. The other
	// order left a moment in which both missed each other, and the
	// interrupt ended caseplan in the middle of the write.
	g.writing.Store(true)
	defer g.writing.Store(false)
	if g.interrupted.Load() {
		return errInterrupted
	}
	return fn()
}

// errInterrupted ends a command whose next write an interrupt came before.
var errInterrupted = errors.New("interrupted: the rest was not written")

// handleSignals makes an interrupt end caseplan at once, except during a
// write's critical part (milliseconds for one case; seconds for an import
// of thousands of rows): then the write is finished, saying so at once, so
// the store is left as it was or with the change complete, and the command
// ends as the change did (see Main).
// While an editor caseplan runs has the terminal, Ctrl-C (SIGINT) is left
// to the editor.
//
// A signal caseplan was started with ignored stays ignored, as the parent
// asked: a shell starts a script's background jobs with SIGINT ignored.
// Caught, it could not end caseplan by the signal — dieBy's signal.Reset
// puts back the ignoring, the raise does nothing — and the write ended
// with exit 3 and "interrupted" where the README promises 130.
func (g *globals) handleSignals() (stop func()) {
	ch := make(chan os.Signal, 1)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		if !signal.Ignored(sig) {
			signal.Notify(ch, sig)
		}
	}
	done := make(chan struct{})
	go func() {
		for {
			select {
			case sig := <-ch:
				if sig == os.Interrupt && g.editing.Load() {
					continue // the editor's Ctrl-C
				}
				// The signal is recorded before anything can see the
				// interrupt: a command that then ends on its own must
				// still die by it (Main, dieBy).
				if n, ok := sig.(syscall.Signal); ok {
					g.caught.CompareAndSwap(0, int32(n))
				}
				g.lastWords.Lock()
				first := !g.interrupted.Swap(true)
				if g.stopNow != nil {
					g.stopNow()
				}
				if !g.writing.Load() {
					if stop := g.onStop.Load(); stop != nil {
						(*stop)()
					}
					fmt.Fprintln(g.env.Stderr, "caseplan: interrupted")
					g.dieBy() // with lastWords held: nothing is said after
				}
				if first {
					fmt.Fprintln(g.env.Stderr, "caseplan: interrupted while the change is being written: finishing it, so the store is not left half-written")
				}
				g.lastWords.Unlock()
			case <-done:
				return
			}
		}
	}()
	return func() { signal.Stop(ch); close(done) }
}

// interruptContext is cancelled when Ctrl-C (or SIGTERM) comes, after the
// interrupt is recorded, for a command that waits on the network (sync,
// clone, init --remote) to stop waiting. A context of its own from
// signal.NotifyContext could end the command before the interrupt was
// recorded, with exit 3 rather than by the signal: a shell loop then went on.
func (g *globals) interruptContext() context.Context {
	if g.stopped == nil {
		return context.Background()
	}
	return g.stopped
}

// dieBy ends the process by the signal that interrupted it, as git and
// make do once they have cleaned up: a shell that ran caseplan in a loop
// or a script learns that Ctrl-C was pressed, and stops too. An exit
// status of its own, even 3, told the shell caseplan had handled the
// interrupt, and a loop of imports went on to the next file. A shell
// shows the status as 130 (SIGINT) or 143 (SIGTERM).
func (g *globals) dieBy() {
	sig := syscall.Signal(g.caught.Load())
	if sig != 0 {
		signal.Reset(sig)
		raise(sig)
		time.Sleep(time.Second) // the signal is on its way
	}
	os.Exit(ExitOther)
}

// Main runs caseplan with args and returns the exit code. In the real
// process (env.HandleSignals), a command that an interrupt ended, or that
// finished a write an interrupt was held through, does not return: it
// ends by that signal (dieBy).
func Main(args []string, env Env) int {
	g := &globals{env: env}
	g.stopped, g.stopNow = context.WithCancel(context.Background())
	defer g.stopNow()
	if env.HandleSignals {
		defer g.handleSignals()()
	}
	root := newCmdRoot(g)
	if len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd) {
		plainFlagUsages(root)
	}
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	c, err := root.ExecuteC()
	if err == nil {
		err = g.helpRefused
	}
	err = usageHint(c, err)
	err = caseFirstHint(c, args, err)
	err = unknownWordFirst(c, args, err)
	err = g.nameInArgs(c, args, err)
	err = g.quoteHint(c, args, err)
	err = g.nameCase(c, args, err)
	g.annotate(c, err)
	code := g.finish(err)
	if env.HandleSignals && g.interrupted.Load() {
		g.dieBy()
	}
	return code
}

// plainFlagUsages takes the backticks out of every flag's usage under c.
// They name a flag's value in the help ("--kind KIND"), where pflag takes
// them out; the shell shows a flag's usage as it is, beside the flag's
// name when Tab is pressed, so without this a case manager read
// "`KIND`: intake, contact, ..." there.
func plainFlagUsages(c *cobra.Command) {
	plain := func(f *pflag.Flag) {
		name, usage := pflag.UnquoteUsage(f)
		if name != "" && strings.Contains(f.Usage, "`"+name+"`") {
			f.Usage = usage
		}
	}
	c.LocalFlags().VisitAll(plain)
	c.PersistentFlags().VisitAll(plain)
	for _, sub := range c.Commands() {
		plainFlagUsages(sub)
	}
}

// annotate writes err, with its hint, as a GitHub Actions error annotation
// on stdout when command c was given -o github and could not do its work
// (exit 2 or 3): the check's page then says why, not only "exit code 3".
// Findings (exit 1) are annotations already.
func (g *globals) annotate(c *cobra.Command, err error) {
	if err == nil || c == nil || errors.As(err, new(*InvalidError)) {
		return
	}
	if f := c.Flags().Lookup("output"); f == nil || f.Value.String() != "github" {
		return
	}
	msg := err.Error()
	if hint := errorHint(err); hint != "" {
		// Each hint line is labelled as stderr labels it: the annotation
		// shows the lines as one paragraph, where an unlabelled hint ran
		// on from the message as if part of its sentence.
		for _, line := range strings.Split(hint, "\n") {
			msg += "\nhint: " + line
		}
	}
	// The annotation and the job summary are a CI log's copies of the
	// message: masked as stderr's is (printError), never repeating an
	// SSN-shaped number typed where it did not belong.
	lines := strings.Split(msg, "\n")
	for i, line := range lines {
		lines[i] = redactSSN(line)
	}
	msg = strings.Join(lines, "\n")
	_ = findingout.WriteGitHubError(g.env.Stdout, c.CommandPath(), msg)
	g.summarizeError(c, msg)
}

// jobSummaryAnnotation marks the commands whose -o github writes a job
// summary section (validate, verify, sync), which then says why when the
// command could not run (summarizeError).
const jobSummaryAnnotation = "caseplan-job-summary"

// summarizeError appends to the job summary ($GITHUB_STEP_SUMMARY) the
// section of command c, which could not run, saying why in msg, the
// annotation's words: the summary otherwise showed the checks that ran
// and nothing of this one, as if it had not been asked for. A summary
// that cannot be opened is left out: the annotation and stderr say why
// already.
func (g *globals) summarizeError(c *cobra.Command, msg string) {
	if _, ok := c.Annotations[jobSummaryAnnotation]; !ok {
		return
	}
	f, room, err := g.openSummary()
	if f == nil || err != nil {
		return
	}
	defer f.Close()
	_ = findingout.WriteSummaryError(f, room, c.CommandPath(), msg, g.summaryWritten)
}

// finish prints err and returns the exit status of a command that ended
// with err. An interrupt held through a write came too late to stop it: the
// change is complete (committed, unless --no-commit), and finish says so;
// the status is the command's own (exit 3 there made a script take a
// complete import for a failed one), which the real process then trades
// for the signal itself (Main, dieBy).
func (g *globals) finish(err error) int {
	g.lastWords.Lock()
	defer g.lastWords.Unlock()
	printError(g.env.Stderr, err)
	if g.interrupted.Load() && err == nil {
		fmt.Fprintln(g.env.Stderr, "caseplan: the interrupt came while the change was being written: the change is complete")
	}
	return exitCode(err)
}

// usageHint gives cobra's own usage errors of command c — too few or too
// many arguments, a required flag left out — the hint every usage error
// has: how the command is called, and where its help is.
func usageHint(c *cobra.Command, err error) error {
	if err == nil || c == nil || !isCobraUsage(err) || errors.As(err, new(hinter)) {
		return err
	}
	return &UsageError{Msg: flagGroupWords(c, err.Error()), Hint: usageLine(c)}
}

// flagGroupWords says cobra's flag-group errors of command c in a case
// manager's words, as the other usage errors are ("case show needs CASE"):
// "at least one of the flags in the group [name returning-from] is
// required" named the flags without their dashes, in Go's list syntax, as
// "a group" the help never mentions. Any other message is returned as it
// is.
func flagGroupWords(c *cobra.Command, msg string) string {
	name := strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
	// cobra's MarkFlagRequired: required flag(s) "a", "b" not set.
	if rest, ok := strings.CutPrefix(msg, `required flag(s) "`); ok {
		if names, ok := strings.CutSuffix(rest, `" not set`); ok {
			flags := strings.Split(names, `", "`)
			// One flag of a closed list: its choices, so that the next
			// try can be typed without opening the help.
			if len(flags) == 1 {
				if choices := choicesOf(commandKey(c), flags[0]); strings.Contains(choices, " or ") {
					return name + " needs --" + flags[0] + ": " + choices
				}
			}
			return name + " needs " + flagList(flags, "and")
		}
	}
	if rest, ok := strings.CutPrefix(msg, "at least one of the flags in the group ["); ok {
		if names, ok := strings.CutSuffix(rest, "] is required"); ok {
			return name + " needs " + flagList(strings.Fields(names), "or")
		}
	}
	if _, set, ok := strings.Cut(msg, " are set none of the others can be; ["); ok {
		if names, ok := strings.CutSuffix(set, "] were all set"); ok {
			return flagList(strings.Fields(names), "and") + " cannot be given together: give one"
		}
	}
	return msg
}

// flagList writes flag names as they are typed: "--a, --b or --c".
func flagList(names []string, conj string) string {
	for i := range names {
		names[i] = "--" + names[i]
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + conj + " " + names[len(names)-1]
}

// usageLine is the hint of a usage error of command c: how it is called,
// and where its help is.
func usageLine(c *cobra.Command) string {
	return fmt.Sprintf("usage: %s; run '%s --help' for more", c.UseLine(), c.CommandPath())
}

// rewordingHelp says, in a plan item's update --help, that a correction
// of its words (flag) alone is taken on a closed case (casework's
// rewording, README "What a closed case takes").
func rewordingHelp(flag string) string {
	return "\n\nOn a closed case, " + flag + " alone (a correction of the wording) is taken\nwhatever the date, and its commit says it is a correction on a closed\ncase; any other change is plan work, which a closed case takes only as a\nlate entry or once reopened (caseplan case reopen; README, What a closed\ncase takes)."
}

const exitStatusHelp = `
Exit status:
  0  success
  1  the records are invalid, or a write was refused because its result
     would be invalid
  2  usage: unknown command or flag, bad value, unknown case, or a change
     the acting author's role does not allow
  3  anything else: I/O, git, the store lock
With -o json or -o sarif, stdout holds one whole document or nothing, never
part of one: nothing on 2 and 3, whose reason is on stderr.
Ctrl-C (or SIGTERM) ends a command by that signal, once a write in progress
is complete, so a shell loop or script stops too (a shell shows 130 or 143).`

func newCmdRoot(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "caseplan",
		Short: "Case records for workforce case managers, kept as YAML in git",
		Long: `caseplan keeps each job seeker's case — intake, Individual Employment Plan,
case notes, references, weekly activity, referrals and outcome — as YAML files
in a git repository. Every change is validated and committed, so the git
history is the audit trail.` + "\n" + exitStatusHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		// The root groups the commands: an argument that names none is
		// answered by groupRun, with suggestions.
		Args: cobra.ArbitraryArgs,
		RunE: groupRun,
		// completion is shown: a case manager's shell completes case
		// IDs, notes, staff, programs and every flag's values.
		Version: g.env.Build.String(),
	}
	root.SetVersionTemplate("caseplan {{.Version}}\n")
	// "caseplan referal --help" showed caseplan's own help and exited 0,
	// as if the command existed; it gets the error (and the "did you
	// mean") that the same line without --help gets.
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		if err := helpUnknown(c); err != nil {
			g.helpRefused = err
			return
		}
		help(c, args)
	})
	root.SetHelpCommand(newCmdHelp())
	// A command that only groups others runs (groupRun, for its unknown
	// subcommands), which made cobra's help show it as used on its own,
	// "caseplan case [flags]"; its help shows "caseplan case [command]"
	// alone.
	usage := root.UsageTemplate()
	if grouped := strings.Replace(usage, "{{if .Runnable}}", "{{if and .Runnable (not .HasAvailableSubCommands)}}", 1); grouped != usage {
		usage = grouped
	}
	// Flag descriptions wrap within a terminal's 80 columns, as the long
	// help's prose does: cobra prints each on one line, up to 200 columns
	// (--today's), which a terminal breaks mid-word under the flag names.
	cobra.AddTemplateFunc("wrappedFlagUsages", func(fs *pflag.FlagSet) string { return fs.FlagUsagesWrapped(maxHelpLine) })
	for _, set := range []string{".LocalFlags", ".InheritedFlags"} {
		usage = strings.Replace(usage, "{{"+set+".FlagUsages", "{{wrappedFlagUsages "+set, 1)
	}
	// A usage line lists every flag a command takes (case set's ran to 329
	// columns); it wraps between its words, never inside a [...] or
	// (...|...) group, continued under the command's arguments.
	cobra.AddTemplateFunc("wrappedUseLine", func(c *cobra.Command) string { return wrapUseLine(c.UseLine(), maxHelpLine) })
	usage = strings.Replace(usage, "{{.UseLine}}", "{{wrappedUseLine .}}", 1)
	// cobra's closing line ran to 84 columns under case eligibility.
	usage = strings.Replace(usage, `Use "{{.CommandPath}} [command] --help" for more information about a command.`,
		`Run '{{.CommandPath}} COMMAND --help' for more.`, 1)
	root.SetUsageTemplate(usage)
	pf := root.PersistentFlags()
	pf.StringVar(&g.store, "store", "", "the store's repository `DIR` (default: found upward from the working directory; env CASEPLAN_STORE)")
	dateVar(pf, &g.today, "today", "the `DATE` (YYYY-MM-DD) that date rules and defaults use, and that case show, case list and due judge a case on, by the records dated by then (env CASEPLAN_TODAY; default: today)")
	pf.StringVar(&g.author, "author", "", `the acting staff member, "Name <email>" (env CASEPLAN_AUTHOR; default: git config user.name and user.email)`)
	pf.DurationVar(&g.lockWait, "lock-wait", gitstore.DefaultLockWait, "how long to wait for another caseplan process writing to the store, e.g. 10s or 2m; 0 does not wait")
	// A bad global value is a usage error on every command, not only on
	// those that happen to read it: CI must not pass with a broken setting.
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		// Text from the command line goes into records as it was typed;
		// text that is not UTF-8 cannot be (YAML would keep it as binary
		// data), so it is refused rather than changed.
		var bad error
		g.given, g.typed = map[string]bool{}, map[string][]string{}
		c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
			// VisitAll: this set is a copy, which holds the flags but
			// not which were typed; each flag knows that itself.
			if !f.Changed {
				return
			}
			if s, ok := f.Value.(pflag.SliceValue); ok {
				g.typed[f.Name] = s.GetSlice()
			} else {
				g.typed[f.Name] = []string{f.Value.String()}
			}
		})
		c.Flags().Visit(func(f *pflag.Flag) {
			g.given[f.Name] = true
			if bad == nil {
				bad = flagTakenAsValue(c, f)
			}
			if bad == nil && !utf8.ValidString(f.Value.String()) {
				bad = usageErrorf("--%s: the value is not valid UTF-8 text; check the terminal's or the script's encoding", f.Name)
			}
		})
		for _, a := range args {
			if bad == nil && !utf8.ValidString(a) {
				bad = usageErrorf("%q is not valid UTF-8 text; check the terminal's or the script's encoding", a)
			}
		}
		if bad != nil {
			return bad
		}
		today, err := g.todayDate()
		if err != nil {
			return err
		}
		if err := yearlessDates(c, today); err != nil {
			return err
		}
		if err := g.checkFlagValues(c); err != nil {
			return err
		}
		if v, from := g.givenAuthor(); v != "" {
			if _, _, err := parseAuthor(v, from); err != nil {
				var u *UsageError
				// A name alone (or a roster ID) that is on the
				// roster: the example gives its name and email, read
				// from the roster here, as staff list could not while
				// the author is refused.
				if errors.As(err, &u) && u.Hint == authorHint(from, authorExample(v, ""), false) {
					if example := g.authorOnRoster(v); example != "" {
						u.Hint = authorHint(from, example, true)
					}
				}
				return err
			}
		}
		if g.lockWait < 0 {
			return usageErrorf("--lock-wait %s: a wait is not negative", g.lockWait)
		}
		if _, err := progress.ParseMode(g.env.Getenv(progressEnv)); err != nil {
			return &UsageError{Msg: progressEnv + ": " + err.Error(), Hint: "unset it for the progress line, or set " + progressEnv + "=lines for a screen reader (README, Commands)"}
		}
		for _, name := range gitstore.DateVars {
			if v := g.env.Getenv(name); v != "" {
				if _, err := gitstore.ParseDate(v); err != nil {
					return usageErrorf("%s: %v", name, err)
				}
			}
		}
		return nil
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		// A flag value refused by its own check (dateValue) says what is
		// wrong in caseplan's words; pflag's wrapping would say it twice.
		var u *UsageError
		if errors.As(err, &u) {
			return u
		}
		if n := numberFlagError(err); n != nil {
			return n
		}
		hint := fmt.Sprintf("run '%s --help' for usage", c.CommandPath())
		if meant := flagsMeant(c, err); len(meant) > 0 {
			hint = "did you mean " + strings.Join(meant, " or ") + "? " + hint
		}
		return &UsageError{Msg: err.Error(), Hint: hint}
	})

	root.AddCommand(
		newCmdInit(g, nil),
		newCmdStaff(g),
		newCmdSchemas(g),
		newCmdKey(g),
		newCmdCase(g),
		newCmdNote(g),
		newCmdAction(g),
		newCmdIEP(g),
		newCmdRef(g),
		newCmdActivity(g),
		newCmdService(g),
		newCmdExtension(g),
		newCmdPlacement(g),
		newCmdFollowup(g),
		newCmdCredential(g),
		newCmdSkillGain(g),
		newCmdExclusion(g),
		newCmdWaiver(g),
		newCmdEdit(g, nil),
		newCmdValidate(g, nil),
		newCmdRules(g, nil),
		newCmdCommit(g, nil),
		newCmdLog(g, nil),
		newCmdVerify(g, nil),
		newCmdGC(g, nil),
		newCmdSync(g, nil),
		newCmdClone(g, nil),
		newCmdDue(g, nil),
		newCmdReport(g),
		newCmdExport(g),
		newCmdVersion(g, nil),
	)
	g.registerCompletions(root)
	plainArgs(root)
	return root
}

// newGroupCmd returns a command that only groups subcommands. Called with
// an unknown subcommand it is a usage error (exit 2), not a help page.
func newGroupCmd(use, short string, subs ...*cobra.Command) *cobra.Command {
	c := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ArbitraryArgs,
		RunE:  groupRun,
	}
	c.AddCommand(subs...)
	return c
}

// flagsMeant returns the flags of c that the unknown flag err names was
// probably meant to be: one slip of a key away ("--knd" for --kind).
func flagsMeant(c *cobra.Command, err error) []string {
	typed, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return nil
	}
	typed = strings.ToLower(typed)
	var meant []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		switch {
		case f.Hidden:
		case caseid.OneSlip(typed, f.Name) || slices.Contains(f.Annotations[synonymsAnnotation], typed) || slices.Contains(flagWords[f.Name], typed) || shortFor(typed, f.Name):
			meant = append(meant, "--"+f.Name)
		case slices.Contains(f.Annotations[oppositeAnnotation], typed):
			meant = append(meant, "--"+f.Name+"=false")
		}
	})
	// Then the flags meant by what they hold rather than by name: every
	// command's date and free-text flags, so a command added later is
	// covered without a list of words of its own.
	inherited := c.InheritedFlags()
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden || inherited.Lookup(f.Name) != nil || slices.Contains(meant, "--"+f.Name) {
			return
		}
		if dateMeant(typed, f, c.Flags()) || textMeant(typed, f, c.Flags()) {
			meant = append(meant, "--"+f.Name)
		}
	})
	// Else a choice typed as a flag of its own: activity add
	// --application for --kind application, note add --phone for --mode
	// phone (but note add --text is the note's text, not --mode text).
	if len(meant) > 0 {
		return meant
	}
	table := flagValues[commandKey(c)]
	var choices []string
	for name, from := range table {
		if c.Flags().Lookup(name) == nil {
			continue
		}
		switch {
		case slices.Contains(from.fixed, typed):
			choices = append(choices, "--"+name+" "+typed)
		case from.words[lettersOf(typed)] != "":
			// A case manager's word for a choice, the table the
			// flag's values have (case close --quit: --reason
			// withdrew; note add --checkin: --kind contact).
			choices = append(choices, "--"+name+" "+from.words[lettersOf(typed)])
		}
	}
	slices.Sort(choices)
	if len(choices) > 0 {
		return choices
	}
	// Last, the values' own did-you-mean over the flag names: the one
	// flag typed starts with or holds as a word (--manager-id,
	// --new-manager for --manager), or the one flag typed is a word of
	// (--year for --program-year).
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	if m := caseid.ChoiceMeant(names, typed); m != "" {
		return []string{"--" + m}
	}
	return nil
}

// flagWords are the words that mean the same as a flag's name, tried as
// flags of their own on whichever command has the flag: extension
// decide --refused for --denied (000: the Joint Work Security Committee
// approves or denies an extension request). A word is listed under a
// flag only where no command that lacks the flag has another it could
// mean: placement set --title is --position (its job), ref add
// --position is --title (the reference's job title); activity add has
// both, so neither word is unknown there. --company is the employer of
// a placement or follow-up, the organisation of an application
// (activity add --org) or a reference.
var flagWords = map[string][]string{
	"denied":       {"refused", "rejected", "declined", "deny", "refuse", "reject", "decline", "not-approved", "disapproved"},
	"approved":     {"granted", "accepted", "approve", "grant", "accept", "allowed"},
	"position":     {"title", "job-title", "job"},
	"title":        {"position", "position-title"},
	"employer":     {"company", "employer-name", "firm"},
	"org":          {"company", "employer", "firm"},
	"organization": {"company", "employer", "firm"},
	"wage":         {"salary", "pay", "pay-rate", "hourly-wage"},
}

// shortFor reports whether one of the flag name typed and the flag's
// name is the other cut short, of three letters or more: --organization
// for --org, --pos for --position. pflag takes no shortened flag, and
// caseplan takes none either (never a silent change of what was typed):
// the refusal names the flag.
func shortFor(typed, name string) bool {
	short, long := typed, name
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short) >= 3 && short != long && strings.HasPrefix(long, short)
}

// dateWords are the words a new user types for a date flag named --date:
// caseplan note add --on 2026-03-16.
var dateWords = []string{"on", "when", "day"}

// dateMeant reports whether typed was probably meant for the date flag f:
// --date for a date flag of another name (--due, --start, --given),
// --on or --when for --date, --start-date for --start, --notice for
// --notice-date, and --exit-date or --close-date for --date where flags
// has no --exit or --close (followup add --due-date means --due alone).
func dateMeant(typed string, f *pflag.Flag, flags *pflag.FlagSet) bool {
	if f.Value.Type() != "date" {
		return false
	}
	stem, dated := strings.CutSuffix(typed, "-date")
	switch {
	case typed == "date":
		return true
	case f.Name == "date":
		return slices.Contains(dateWords, typed) || dated && flags.Lookup(stem) == nil
	}
	return dated && stem == f.Name || typed+"-date" == f.Name
}

// textWords name a record's free text: a new user types any of them for
// the one the command takes (--text for --notes, --comment for --summary).
var textWords = []string{"text", "content", "notes", "note", "comment", "comments", "description", "details", "detail", "body", "message", "summary", "remarks"}

// textMeant reports whether typed, a word for free text, was probably
// meant for the text flag f of flags: a flag named by one of textWords,
// or --reason where the command takes no other text (caseplan action
// drop --note), since it is what such a command writes down.
func textMeant(typed string, f *pflag.Flag, flags *pflag.FlagSet) bool {
	if f.Value.Type() != "string" || !slices.Contains(textWords, typed) {
		return false
	}
	if slices.Contains(textWords, f.Name) {
		return true
	}
	if f.Name != "reason" {
		return false
	}
	other := false
	flags.VisitAll(func(g *pflag.Flag) { other = other || slices.Contains(textWords, g.Name) })
	return !other
}

// synonymsAnnotation is the flag annotation that lists the words a new
// user tries for the flag: --text or --body for a note's --content.
const synonymsAnnotation = "caseplan_synonyms"

// oppositeAnnotation is the annotation of a yes-or-no flag that lists the
// words a new user tries for its "no": --external for --internal=false.
const oppositeAnnotation = "caseplan_opposites"

// oppositeTriedAs records words typed for the "no" of the yes-or-no flag
// name, so that "unknown flag: --external" asks "did you mean
// --internal=false?" rather than suggesting the flag that says the
// opposite.
func oppositeTriedAs(f *pflag.FlagSet, name string, words ...string) {
	if err := f.SetAnnotation(name, oppositeAnnotation, words); err != nil {
		panic(err) // a flag registered under another name: a programming error
	}
}

// alsoTriedAs records words typed for flag name as flags of their own,
// so that "unknown flag: --text" asks "did you mean --content?".
func alsoTriedAs(f *pflag.FlagSet, name string, words ...string) {
	if err := f.SetAnnotation(name, synonymsAnnotation, words); err != nil {
		panic(err) // a flag registered under another name: a programming error
	}
}

// groupRun runs a command that only groups subcommands (the root among
// them): without arguments it shows its help; with one, that argument
// names no subcommand, a usage error that suggests the commands it may
// have meant. cobra's own error for the root put its suggestions on
// lines of their own, which read badly after the "caseplan:" prefix.
func groupRun(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return c.Help()
	}
	hint := fmt.Sprintf("run '%s --help' for its commands", c.CommandPath())
	if c.SuggestionsMinimumDistance <= 0 {
		c.SuggestionsMinimumDistance = 2
	}
	if s := c.SuggestionsFor(args[0]); len(s) > 0 {
		for i := range s {
			s[i] = "'" + c.CommandPath() + " " + s[i] + "'"
		}
		meant := s[len(s)-1]
		if len(s) > 1 {
			meant = strings.Join(s[:len(s)-1], ", ") + " or " + meant
		}
		hint = fmt.Sprintf("did you mean %s? %s", meant, hint)
	}
	if line := triedHint(c, args[0]); line != "" {
		hint = line
	}
	if line := caseHint(c, args[0]); line != "" && len(args) == 1 {
		hint = line
	}
	if line := commandFirst(c, args); line != "" {
		hint = line
	}
	return &UsageError{Msg: fmt.Sprintf("unknown command %q for %q", args[0], c.CommandPath()), Hint: hint}
}

// helpUnknown is groupRun's error for --help given to a group of commands
// (caseplan itself, case, iep, ...) with a word that names none of them;
// nil for any other help.
func helpUnknown(c *cobra.Command) error {
	args := c.Flags().Args()
	if !c.HasAvailableSubCommands() || len(args) == 0 {
		return nil
	}
	return groupRun(c, args)
}

// newCmdHelp is "caseplan help [command]", cobra's own but for a word
// that names no command: cobra showed caseplan's help for "caseplan help
// referal" and exited 0; it is groupRun's error, with its "did you mean".
func newCmdHelp() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help for any command, the same as its --help: help note add is note add --help.",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			// A word that names no command leaves it in rest: help
			// refuses that line, so nothing completes it.
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, sub.Name()+"\t"+sub.Short)
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil {
				return err
			}
			if len(rest) > 0 && cmd.HasAvailableSubCommands() {
				return groupRun(cmd, rest)
			}
			cmd.InitDefaultHelpFlag()
			return cmd.Help()
		},
	}
}

// commandFirst recognises a command line that names a case before its
// command ("caseplan W-1 note add ..."): args, below group c, whose first
// word is no command and whose next words are one. It returns the hint
// that writes it the right way round, or "".
func commandFirst(c *cobra.Command, args []string) string {
	if len(args) < 2 || strings.HasPrefix(args[0], "-") {
		return ""
	}
	sub, rest, err := c.Find(args[1:])
	if err != nil || sub == c || !sub.Runnable() {
		return ""
	}
	words := []string{sub.CommandPath(), args[0]}
	for _, w := range rest {
		if strings.ContainsAny(w, " \t'\"$") {
			w = strconv.Quote(w)
		}
		words = append(words, w)
	}
	return "the command comes first, then the case: " + strings.Join(words, " ")
}

// caseFirstHint gives the error of a flag the root does not know, met
// because a case was typed before the command ("caseplan W-1 note add
// --kind contact"), the hint that puts the command first.
func caseFirstHint(c *cobra.Command, args []string, err error) error {
	var ue *UsageError
	if c == nil || c.HasParent() || !errors.As(err, &ue) || !strings.HasPrefix(ue.Msg, "unknown flag") {
		return err
	}
	if line := commandFirst(c, args); line != "" {
		return &UsageError{Msg: ue.Msg, Hint: line}
	}
	return err
}

// unknownWordFirst gives the error of a flag that group c (caseplan
// itself, case, note, ...) does not know, met after a word that names no
// command of the group ("caseplan case open --program wioa"), the error
// that word is: an unknown command, with groupRun's hint (the command a
// new user meant, tried.go). cobra parses the group's flags before its
// RunE sees the word, so the guess was answered with "unknown flag:
// --program" and a hint to read the group's help. A flag before the word
// whose value cobra cannot tell (an unknown one) leaves err as it is, as
// does a case typed before its command (caseFirstHint's), and every
// flag error of a command that runs.
func unknownWordFirst(c *cobra.Command, args []string, err error) error {
	var ue *UsageError
	if c == nil || !c.HasAvailableSubCommands() || !errors.As(err, &ue) || !isCobraUsage(errors.New(ue.Msg)) || !strings.HasPrefix(ue.Msg, "unknown ") || strings.HasPrefix(ue.Msg, "unknown command") {
		return err
	}
	_, rest, ferr := c.Root().Find(args)
	if ferr != nil {
		return err
	}
	for i := 0; i < len(rest); i++ {
		w := rest[i]
		if w == "--" {
			return err
		}
		if !strings.HasPrefix(w, "-") {
			rest = rest[i:]
			if !c.HasParent() && commandFirst(c, rest) != "" {
				return err
			}
			return groupRun(c, rest)
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
		var f *pflag.Flag
		if strings.HasPrefix(w, "--") {
			f = c.Flags().Lookup(name)
		} else if len(name) == 1 {
			f = c.Flags().ShorthandLookup(name)
		}
		if f == nil {
			return err
		}
		if !hasValue && f.NoOptDefVal == "" {
			i++ // the flag's value
		}
	}
	return err
}

// Command returns caseplan's command tree as Main builds it, for the tools
// that document it (cmd/internal/mangen writes the man pages from it).
func Command(env Env) *cobra.Command { return newCmdRoot(&globals{env: env}) }

// ExitStatus is the exit-status section every command's help ends with;
// the man pages give it a section of its own.
const ExitStatus = exitStatusHelp
