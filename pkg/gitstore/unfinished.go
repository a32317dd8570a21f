package gitstore

import (
	"fmt"
	"os"
	"path/filepath"
)

// UnfinishedError says a git operation that stops half way for a person to
// finish it — a merge, a rebase, a cherry-pick or a revert with conflicts —
// is still open in this work tree. A caseplan commit made then would be an
// ordinary commit on top of the half-done state and leave the operation
// open, so every write refuses until it is finished or aborted.
type UnfinishedError struct {
	Op string // "merge", "rebase", "cherry-pick" or "revert"
}

func (e *UnfinishedError) Error() string {
	return fmt.Sprintf("a git %s is not finished in this store", e.Op)
}

// Hint says how to get out of it, in git's own commands.
func (e *UnfinishedError) Hint() string {
	switch e.Op {
	case "merge":
		return "finish it (resolve the conflicts, git add, git commit) or undo it with git merge --abort, then run the command again"
	case "rebase":
		return "finish it with git rebase --continue or undo it with git rebase --abort, then run the command again"
	}
	return fmt.Sprintf("finish it with git %s --continue or undo it with git %[1]s --abort, then run the command again", e.Op)
}

// Unfinished returns the git operation left open in this work tree, or nil.
// It reads the files git itself uses to remember one (MERGE_HEAD,
// rebase-merge/, rebase-apply/, CHERRY_PICK_HEAD, REVERT_HEAD), all in the
// work tree's own git directory.
func (r *Repo) Unfinished() *UnfinishedError {
	for _, m := range []struct{ file, op string }{
		{"MERGE_HEAD", "merge"},
		{"rebase-merge", "rebase"},
		{"rebase-apply", "rebase"},
		{"CHERRY_PICK_HEAD", "cherry-pick"},
		{"REVERT_HEAD", "revert"},
	} {
		if _, err := os.Lstat(filepath.Join(r.gitDir, m.file)); err == nil {
			return &UnfinishedError{Op: m.op}
		}
	}
	return nil
}
