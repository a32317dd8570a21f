// Package cli is caseplan's command-line layer: it parses flags with cobra,
// resolves the store, the date and the acting author, calls the packages that
// do the work, prints their results and maps errors to exit codes. No other
// package imports cobra.
package cli

import (
	"crypto/rand"
	"fmt"
	"io"
	"net/mail"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/schemas"
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
	// HandleSignals makes SIGINT and SIGTERM wait for a write in progress
	// to finish (the real process; tests leave it off).
	HandleSignals bool
}

// System returns the process's real environment.
func System() Env {
	wd, _ := os.Getwd()
	return Env{
		Stdin:         os.Stdin,
		Stdout:        os.Stdout,
		Stderr:        os.Stderr,
		Getenv:        os.Getenv,
		Now:           time.Now,
		Rand:          rand.Reader,
		Dir:           wd,
		IsTerminal:    term.IsTerminal(int(os.Stdout.Fd())),
		HandleSignals: true,
	}
}

// globals are the flags every command takes.
type globals struct {
	env    Env
	store  string
	today  string
	author string

	// writing is set while a command changes the store; an interrupt that
	// arrives then is held until the change is complete.
	writing     atomic.Bool
	interrupted atomic.Bool
}

// critical runs fn, the part of a write that changes the store, and holds
// off SIGINT and SIGTERM until it has finished (see handleSignals).
func (g *globals) critical(fn func() error) error {
	g.writing.Store(true)
	defer g.writing.Store(false)
	return fn()
}

// handleSignals makes an interrupt end caseplan at once, except during a
// write's critical part, which takes milliseconds: then it ends caseplan
// right after, so the store is left as it was or with the change complete.
func (g *globals) handleSignals() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				g.interrupted.Store(true)
				if !g.writing.Load() {
					fmt.Fprintln(g.env.Stderr, "caseplan: interrupted")
					os.Exit(ExitOther)
				}
			case <-done:
				return
			}
		}
	}()
	return func() { signal.Stop(ch); close(done) }
}

// Main runs caseplan with args and returns the exit code.
func Main(args []string, env Env) int {
	g := &globals{env: env}
	if env.HandleSignals {
		defer g.handleSignals()()
	}
	root := newRootCmd(g)
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.Execute()
	printError(env.Stderr, err)
	if g.interrupted.Load() {
		fmt.Fprintln(env.Stderr, "caseplan: interrupted after the change was complete")
		return ExitOther
	}
	return exitCode(err)
}

const exitStatusHelp = `
Exit status:
  0  success
  1  the records are invalid, or a write was refused because its result would be invalid
  2  usage: unknown command or flag, bad value, unknown case
  3  anything else: I/O, git, the store lock`

func newRootCmd(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "caseplan",
		Short: "Case records for workforce case managers, kept as YAML in git",
		Long: `caseplan keeps each job seeker's case — intake, Individual Employment Plan,
case notes, references, weekly activity, referrals and outcome — as YAML files
in a git repository. Every change is validated and committed, so the git
history is the audit trail.` + "\n" + exitStatusHelp,
		SilenceUsage:      true,
		SilenceErrors:     true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: true},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.store, "store", "", "the store's repository `DIR` (default: found upward from the working directory; env CASEPLAN_STORE)")
	pf.StringVar(&g.today, "today", "", "the `DATE` (YYYY-MM-DD) that date rules and defaults use (env CASEPLAN_TODAY; default: today)")
	pf.StringVar(&g.author, "author", "", `the acting staff member, "Name <email>" (env CASEPLAN_AUTHOR; default: git config user.name and user.email)`)
	// A bad global value is a usage error on every command, not only on
	// those that happen to read it: CI must not pass with a broken setting.
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		if _, err := g.todayDate(); err != nil {
			return err
		}
		if g.author != "" || g.env.Getenv("CASEPLAN_AUTHOR") != "" {
			v := g.author
			if v == "" {
				v = g.env.Getenv("CASEPLAN_AUTHOR")
			}
			if _, _, err := parseAuthor(v); err != nil {
				return err
			}
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
		return &UsageError{Msg: err.Error(), Hint: fmt.Sprintf("run '%s --help' for usage", c.CommandPath())}
	})

	root.AddCommand(
		newInitCmd(g),
		newStaffCmd(g),
		newCaseCmd(g),
		newNoteCmd(g),
		newIEPCmd(g),
		newRefCmd(g),
		newActivityCmd(g),
		newServiceCmd(g),
		newExtensionCmd(g),
		newPlacementCmd(g),
		newFollowupCmd(g),
		newEditCmd(g),
		newValidateCmd(g),
		newRulesCmd(g),
		newCommitCmd(g),
		newLogCmd(g),
		newVerifyCmd(g),
		newDueCmd(g),
		newReportCmd(g),
	)
	return root
}

// parseDate parses a YYYY-MM-DD flag value.
func parseDate(flag, v string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		if why := schemas.MissingDay(v); why != "" {
			return time.Time{}, usageErrorf("--%s %q: not a date: %s", flag, v, why)
		}
		return time.Time{}, usageErrorf("--%s %q: not a date; use YYYY-MM-DD", flag, v)
	}
	return t, nil
}

// todayDate resolves --today, CASEPLAN_TODAY, else the clock's local date.
func (g *globals) todayDate() (time.Time, error) {
	v := g.today
	flag := "today"
	if v == "" {
		v, flag = g.env.Getenv("CASEPLAN_TODAY"), "today (CASEPLAN_TODAY)"
	}
	if v == "" {
		now := g.env.Now()
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return parseDate(flag, v)
}

// parseAuthor parses "Name <email>".
func parseAuthor(v string) (name, email string, err error) {
	a, err := mail.ParseAddress(v)
	if err != nil || a.Name == "" {
		return "", "", usageErrorf("author %q: write it as \"Name <email>\"", v)
	}
	return a.Name, strings.ToLower(a.Address), nil
}

// outputFormat checks an -o value against the formats a command supports.
func outputFormat(v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return usageErrorf("-o %q: not a format this command writes; use one of %s", v, strings.Join(allowed, ", "))
}

func addOutputFlag(c *cobra.Command, p *string, formats ...string) {
	c.Flags().StringVarP(p, "output", "o", formats[0], "output format: "+strings.Join(formats, ", "))
}

// newGroupCmd returns a command that only groups subcommands. Called with
// an unknown subcommand it is a usage error (exit 2), not a help page.
func newGroupCmd(use, short string, subs ...*cobra.Command) *cobra.Command {
	c := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &UsageError{
					Msg:  fmt.Sprintf("unknown command %q for %q", args[0], c.CommandPath()),
					Hint: fmt.Sprintf("run '%s --help' for its commands", c.CommandPath()),
				}
			}
			return c.Help()
		},
	}
	c.AddCommand(subs...)
	return c
}
