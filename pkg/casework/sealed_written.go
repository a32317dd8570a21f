package casework

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/atomicfile"
	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
)

// sealedWrittenName is the clone's record (in the git directory's
// caseplan state, never tracked) of the sealed.age files caseplan wrote
// with --no-commit and not yet committed: "PATH BLOB" a line, BLOB "-" for
// a file removed. caseplan commit takes such a file as caseplan's, and
// refuses any other change to a sealed.age as made by hand.
const sealedWrittenName = "sealed-written"

func (w *Workspace) sealedWrittenPath() string {
	return filepath.Join(w.Repo.StateDir(), sealedWrittenName)
}

// sealedBlob is how the record names a file's content: its git blob hash,
// or "-" for none.
func sealedBlob(data []byte) string {
	if data == nil {
		return "-"
	}
	return plumbing.ComputeHash(plumbing.BlobObject, data).String()
}

// sealedWritten reads the record.
func (w *Workspace) sealedWritten() (map[string]string, error) {
	data, err := os.ReadFile(w.sealedWrittenPath())
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if p, blob, ok := strings.Cut(sc.Text(), " "); ok {
			out[p] = blob
		}
	}
	return out, nil
}

// rememberSealed records the sealed.age files of files, which a write with
// --no-commit leaves in the work tree, as caseplan's; forget (the paths
// a commit committed) takes them out again.
func (w *Workspace) rememberSealed(files map[string][]byte, forget []string) error {
	add := map[string]string{}
	for p, data := range files {
		if id, ok := layout.CaseOf(p); ok && p == layout.Sealed(id) {
			add[p] = sealedBlob(data)
		}
	}
	if len(add) == 0 && len(forget) == 0 {
		return nil
	}
	rec, err := w.sealedWritten()
	if err != nil {
		return err
	}
	if len(forget) > 0 && len(rec) == 0 {
		return nil
	}
	for _, p := range forget {
		delete(rec, p)
	}
	for p, b := range add {
		rec[p] = b
	}
	if len(rec) == 0 {
		if err := os.Remove(w.sealedWrittenPath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	lines := make([]string, 0, len(rec))
	for p, b := range rec {
		lines = append(lines, p+" "+b)
	}
	sort.Strings(lines)
	if err := os.MkdirAll(w.Repo.StateDir(), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(w.sealedWrittenPath(), []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}

// handSealed returns the sealed-hand-edit finding for case id when its
// sealed.age in the work tree is not HEAD's and no caseplan command wrote
// it (with --no-commit); nil otherwise.
func (w *Workspace) handSealed(id string) (*finding.Finding, error) {
	p := layout.Sealed(id)
	data, err := os.ReadFile(filepath.Join(w.Repo.Root(), filepath.FromSlash(p)))
	if errors.Is(err, fs.ErrNotExist) {
		data, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	lp := layout.SealedRecipients(id)
	list, err := os.ReadFile(filepath.Join(w.Repo.Root(), filepath.FromSlash(lp)))
	if errors.Is(err, fs.ErrNotExist) {
		list, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	var committed, committedList []byte
	head, err := w.Repo.Head()
	if err != nil {
		return nil, err
	}
	if !head.IsZero() {
		tree, err := w.Repo.TreeAt(head)
		if err != nil {
			return nil, err
		}
		if committed, err = tree.ReadFile(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if committedList, err = tree.ReadFile(lp); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if sealedBlob(data) == sealedBlob(committed) {
		return nil, nil
	}
	written, err := w.sealedWritten()
	if err != nil || written[p] == sealedBlob(data) {
		return nil, err
	}
	f := audit.SealedHandEdit(audit.SealedEdit{Path: p, Added: committed == nil, Removed: data == nil, List: sealedBlob(list) != sealedBlob(committedList)})
	return &f, nil
}

// handSealedWrites returns the sealed-hand-edit findings of the cases
// whose sealed.age change writes while the work tree's is a hand edit
// (handSealed): a re-seal (a team changed, case sealed set) reads the
// fields from the work tree's file, so one made by hand that still
// decrypts — a copy from another case — would be committed as caseplan's,
// and one removed by hand would drop the fields HEAD holds. The person
// puts the file back first, as caseplan commit's refusal says.
func (w *Workspace) handSealedWrites(change *Change) ([]finding.Finding, error) {
	var paths []string
	for p := range change.Files {
		if id, ok := layout.CaseOf(p); ok && p == layout.Sealed(id) {
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		return nil, nil
	}
	sort.Strings(paths)
	// Uncommitted reads each directory of HEAD once: a re-seal of every
	// case checks them all.
	dirty, err := w.Repo.Uncommitted(paths)
	if err != nil {
		return nil, err
	}
	var out []finding.Finding
	for _, p := range dirty {
		id, _ := layout.CaseOf(p)
		f, err := w.handSealed(id)
		if err != nil {
			return nil, err
		}
		if f != nil {
			out = append(out, *f)
		}
	}
	return out, nil
}
