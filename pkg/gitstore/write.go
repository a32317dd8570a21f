package gitstore

import "fmt"

// WriteFiles writes changes to the work tree without committing them (for
// caseplan's --no-commit), each file atomically and all or none: if one
// write fails, the files already written are restored. The caller should
// hold the store lock.
func (r *Repo) WriteFiles(changes []Change) error {
	tx := &worktreeTx{root: r.root}
	for _, c := range changes {
		if err := checkPath(c.Path); err != nil {
			return err
		}
		var err error
		if c.Delete {
			err = tx.remove(c.Path)
		} else {
			_, err = tx.write(c.Path, c.Data)
		}
		if err != nil {
			if rerr := tx.rollback(); rerr != nil {
				return fmt.Errorf("%w (and restoring the work tree failed: %v)", err, rerr)
			}
			return err
		}
	}
	return nil
}
