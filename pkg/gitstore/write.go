package gitstore

import (
	"fmt"
	"os"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// WriteFiles writes changes to the work tree without committing them (for
// caseplan's --no-commit), each file atomically and all or none: if one
// write fails, the files already written are restored. The caller should
// hold the store lock.
func (r *Repo) WriteFiles(changes []Change) error {
	if u := r.Unfinished(); u != nil {
		return u
	}
	for _, c := range changes {
		if err := checkPath(c.Path); err != nil {
			return err
		}
	}
	changes = append([]Change(nil), changes...)
	r.cleanChanges(changes)
	// A journal, as for a commit, so a write killed halfway is undone by
	// the next caseplan process.
	files, err := r.oldContent(changes, nil)
	if err != nil {
		return err
	}
	for i, c := range changes {
		if !c.Delete {
			h, err := r.writeLoose(plumbing.BlobObject, c.Data)
			if err != nil {
				return err
			}
			files[i].New = h.String()
		}
	}
	if err := r.writeJournal(&journal{PID: os.Getpid(), Started: time.Now(), Phase: "write", Action: "a write without commit", Files: files}); err != nil {
		return err
	}
	tx := &worktreeTx{root: r.root}
	for _, c := range changes {
		var err error
		if c.Delete {
			err = tx.remove(c.Path)
		} else {
			_, err = tx.write(c.Path, c.Data, c.Executable)
		}
		if err != nil {
			if rerr := tx.rollback(); rerr != nil {
				return fmt.Errorf("%w (and restoring the work tree failed: %v)", err, rerr)
			}
			r.removeJournal()
			return err
		}
	}
	return r.removeJournal()
}
