package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
)

type editOptions struct {
	*globals
	caseID, record string
	noCommit       bool
}

func newCmdEdit(g *globals, runF func(*editOptions) error) *cobra.Command {
	opts := &editOptions{globals: g}
	c := &cobra.Command{
		Use:   "edit CASE [RECORD]",
		Short: "Edit a record in $EDITOR, validate it and commit it",
		Long: `Open a copy of one of CASE's records in your editor ($VISUAL, else $EDITOR,
else vi). RECORD is intake (the default), iep, references, services or
outcome; a file name such as iep.yaml works too. A record the case does not
have yet starts empty. An activity week is RECORD activity/WEEK
(activity/2026-W10): its file holds the week's entries only (activity list
adds up the totals), so a wording is corrected, or an entry moved to its
week, by hand; a week the case does not have yet is started with caseplan
activity add, which gives its entries their IDs.

When the editor closes, the copy is validated in the case's context, as any
caseplan write is. If it is invalid, the findings name the record and are
shown at the copy's lines ("cases/CASE/intake.yaml (your edited copy
/tmp/caseplan-CASE-intake-N.yaml:3:9): ...") and caseplan asks whether to
re-open the editor (with no answer, or no terminal to answer from, it does
not); declining leaves the store untouched and keeps the copy, whose path is
shown. A valid copy is committed (action edit); a copy saved unchanged
commits nothing. Since the record is written as you left it, your comments,
blank lines and key order stay; its line ends are stored as LF, as git
stores text, so a copy saved with CRLF (an editor on Windows) that changes
nothing else is no change.

Ctrl-C while the editor is open is the editor's, as with git: caseplan
waits for the editor to close. Stopped otherwise (a kill, a shutdown),
caseplan writes nothing and keeps the copy as a declined edit keeps it. An
editor that deletes the copy it was given leaves nothing to write: the store
stays as it was (exit 3). A kept copy never holds a full Social Security
number: each number shaped like one is XXX-XX-XXXX there.

Notes are append-only (correct one with caseplan note amend), so edit opens
none.` + "\n" + exitStatusHelp,
		Example: `  caseplan edit 2026-K7QX2            # the intake record
  EDITOR=nano caseplan edit 2026-K7QX2 iep
  caseplan edit 2026-K7QX2 activity/2026-W10   # one activity week`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			if len(args) == 2 {
				opts.record = args[1]
			}
			if runF != nil {
				return runF(opts)
			}
			return editRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.noCommit, "no-commit", false, "write the edited record but do not commit it")
	return c
}

func editRun(opts *editOptions) error {
	if _, err := casework.EditablePath(opts.caseID, opts.record); err != nil {
		return opts.changeError(err)
	}
	ws, err := opts.workspace(opts.noCommit)
	if err != nil {
		return err
	}
	defer ws.Repo.Close()
	editor := opts.editor()
	answers := bufio.NewReader(opts.env.Stdin)
	// stopping is held while a stop keeps the copy and says where: the
	// command, told the copy is the stop's (casework.ErrStopped), waits
	// for the words before it ends caseplan by the signal itself.
	var stopping sync.Mutex
	res, err := ws.Edit(casework.HandEdit{
		Case:   opts.caseID,
		Record: opts.record,
		Open: func(path string) error {
			opts.editing.Store(true)
			defer opts.editing.Store(false)
			return runEditor(opts.env, editor, path)
		},
		Copied: func(keep func() (string, int)) {
			if keep == nil {
				opts.onStop.Store(nil)
				return
			}
			stop := func() {
				stopping.Lock()
				defer stopping.Unlock()
				if temp, masked := keep(); temp != "" {
					fmt.Fprintf(opts.env.Stderr, "caseplan: nothing was written; %s\n", keptWords(temp, masked))
				}
			}
			opts.onStop.Store(&stop)
		},
		Invalid: func(temp string, found []finding.Finding) bool {
			for _, f := range found {
				printFinding(opts.env.Stderr, f)
			}
			fmt.Fprint(opts.env.Stderr, "caseplan: re-open the editor? [Y/n] ")
			line, err := answers.ReadString('\n')
			if err != nil && line == "" {
				fmt.Fprintln(opts.env.Stderr)
				return false // no one to answer: do not wait for an editor
			}
			if !stdinIsTerminal(opts.env) {
				// Nobody's terminal echoed the answer: echo it, so the
				// log of a scripted run reads as a dialogue.
				fmt.Fprintln(opts.env.Stderr, strings.TrimSpace(line))
			}
			switch strings.ToLower(strings.TrimSpace(line)) {
			case "", "y", "yes":
				return true
			}
			return false
		},
	})
	if errors.Is(err, casework.ErrStopped) {
		stopping.Lock()
		stopping.Unlock()
	}
	var notSaved *casework.EditNotSavedError
	switch {
	case errors.Is(err, casework.ErrUnchanged):
		fmt.Fprintf(opts.env.Stderr, "caseplan: %v\n", err)
		return nil
	case errors.Is(err, casework.ErrCopyRemoved):
		return hintf(err, "run caseplan edit %s again, and save the file in the editor rather than delete it", strings.TrimSpace(opts.caseID+" "+opts.record))
	case errors.As(err, new(*editorError)):
		var ee *editorError
		errors.As(err, &ee)
		return hintf(err, "%s", ee.hint("caseplan edit "+strings.TrimSpace(opts.caseID+" "+opts.record)))
	case errors.As(err, &notSaved):
		kept := keptWords(notSaved.Temp, notSaved.Masked)
		if errors.Is(notSaved.Err, casework.ErrChangedMeanwhile) {
			// Copied over the record, the copy would undo the change
			// made meanwhile.
			kept = fmt.Sprintf("your edited copy is kept in %s, but copied over the record it would undo the change made meanwhile: run caseplan edit again and make your change there (diff the copy against the record to see it), then delete the copy", notSaved.Temp)
			kept += maskedWords(notSaved.Masked)
		}
		var refused *casework.RefusedError
		if errors.As(notSaved.Err, &refused) {
			if !notSaved.Shown {
				for _, f := range refused.Findings {
					printFinding(opts.env.Stderr, f)
				}
			}
			return &InvalidError{Msg: refused.Error(), Hint: kept}
		}
		return hintf(opts.changeError(notSaved.Err), "%s", kept)
	case err != nil:
		return opts.changeError(err)
	}
	if opts.noCommit {
		fmt.Fprintf(opts.env.Stderr, "caseplan: wrote %d file(s), not committed; commit them with caseplan commit\n", len(res.Change.Files))
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: %s: %s\n", opts.caseID, res.Change.Summary)
	return nil
}

// keptWords says where an edit's copy is kept and what to do with it.
func keptWords(temp string, masked int) string {
	return fmt.Sprintf("your edited copy is kept in %s; fix it there and copy it over the record, or delete it", temp) + maskedWords(masked)
}

// maskedWords says that the kept copy holds SSNMask where an SSN-shaped
// number was typed; "" when none was.
func maskedWords(masked int) string {
	if masked == 0 {
		return ""
	}
	return fmt.Sprintf("; the copy holds %s where you typed %d number(s) shaped like a Social Security number, which is never stored, not even there", casework.SSNMask, masked)
}

func stdinIsTerminal(env Env) bool {
	f, ok := env.Stdin.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// editor is the command that edits a file: $VISUAL, else $EDITOR, else vi,
// as git and most Unix tools choose it.
func (g *globals) editor() string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if v := strings.TrimSpace(g.env.Getenv(name)); v != "" {
			return v
		}
	}
	return "vi"
}

// runEditor runs editor on path with the terminal attached and waits for
// it. The editor is run by the shell, as git runs it, so a value such as
// "code --wait" or a quoted path works.
func runEditor(env Env, editor, path string) error {
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		args := strings.Fields(editor)
		cmd = exec.Command(args[0], append(args[1:], path)...)
	} else {
		cmd = exec.Command("sh", "-c", editor+` "$@"`, editor, path)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = env.Stdin, env.Stdout, env.Stderr
	cmd.Dir = env.Dir
	if err := cmd.Run(); err != nil {
		return &editorError{editor: editor, err: err}
	}
	return nil
}

// editorError is an editor that could not be run or exited with an error
// status: one not installed (EDITOR names a program the machine lacks,
// which the shell answers with status 127) wants another EDITOR, one that
// gave the edit up (vim's :cq) wants the edit made again.
type editorError struct {
	editor string
	err    error
}

func (e *editorError) Error() string {
	return fmt.Sprintf("the editor (%s) failed: %v", e.editor, e.err)
}
func (e *editorError) Unwrap() error { return e.err }

// hint says what to do, again being the edit command to run again.
func (e *editorError) hint(again string) string {
	if e.notFound() {
		program := e.editor
		if f := strings.Fields(e.editor); len(f) > 0 {
			program = f[0]
		}
		return fmt.Sprintf("%s is not installed here, or not on PATH: set EDITOR (or VISUAL) to an editor that is, e.g. EDITOR=nano %s", program, again)
	}
	return fmt.Sprintf("the record is as it was: an editor that exits with an error (vim's :cq) gives the edit up; run %s again, and save and quit the editor to keep a change", again)
}

func (e *editorError) notFound() bool {
	var exit *exec.ExitError
	return errors.Is(e.err, exec.ErrNotFound) || errors.Is(e.err, fs.ErrNotExist) || errors.As(e.err, &exit) && exit.ExitCode() == 127
}
