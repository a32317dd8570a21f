package casework

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/store"
)

// A case directory whose tree object is missing from git is a store that
// cannot be read, not a case that is not there: CheckMerged, which sync
// relies on before it moves the branch, says so rather than checking
// nothing and finding nothing wrong.
func TestCheckMergedUnreadableCase(t *testing.T) {
	isolateHome(t)
	dir := oneCaseStore(t)
	head := strings.TrimSpace(gitCLI(t, dir, "rev-parse", "HEAD"))
	parent := strings.TrimSpace(gitCLI(t, dir, "rev-parse", "HEAD^"))
	caseTree := strings.TrimSpace(gitCLI(t, dir, "rev-parse", "HEAD:cases/W-001"))
	if err := os.Remove(filepath.Join(dir, ".git", "objects", caseTree[:2], caseTree[2:])); err != nil {
		t.Fatalf("the case's tree object is not loose: %v", err)
	}
	repo, err := gitstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	ws := openWorkspace(t, dir, maria)
	for _, cases := range [][]string{{"W-001"}, nil} {
		bad, _, err := CheckMerged(repo, ws.Schemas, testToday, cases, []plumbing.Hash{plumbing.NewHash(parent)}, plumbing.NewHash(head))
		if err == nil {
			t.Fatalf("cases %v: CheckMerged found %v and no error; want an error saying cases/W-001 cannot be read", cases, bad)
		}
		if !strings.Contains(err.Error(), "cases/W-001") {
			t.Errorf("cases %v: error %q does not name cases/W-001", cases, err)
		}
	}
}

// listFails is a work tree whose case directory cannot be listed, as one
// the user may not read (chmod 000, which root's tests cannot make).
type listFails struct {
	store.Source
	dir string
}

func (l listFails) List(dir string) ([]store.Entry, error) {
	if dir == l.dir {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: fs.ErrPermission}
	}
	return l.Source.List(dir)
}

func (l listFails) ReadFile(name string) ([]byte, error) {
	if name == l.dir || strings.HasPrefix(name, l.dir+"/") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return l.Source.ReadFile(name)
}

// existing takes only a directory that is not there for a case that is
// not there: one it cannot list is an error, so the check before a
// commit never leaves out a case it could not read.
func TestExistingUnreadable(t *testing.T) {
	isolateHome(t)
	dir := oneCaseStore(t)
	work, err := store.NewWorkTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := existing(work, []string{"W-001", "W-404"})
	if err != nil || len(got) != 1 || got[0] != "W-001" {
		t.Fatalf("existing = %v, %v; want [W-001], nil", got, err)
	}
	got, err = existing(listFails{work, "cases/W-001"}, []string{"W-001", "W-404"})
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "cases/W-001") {
		t.Fatalf("existing = %v, %v; want an error naming cases/W-001, a permission error", got, err)
	}
	// A file where the case's directory would be is no case, as Load
	// says (UnknownCaseError), not an error reading the store.
	writeTestFile(t, dir, "cases/W-002", "not a case\n")
	got, err = existing(work, []string{"W-002"})
	if err != nil || len(got) != 0 {
		t.Fatalf("existing(file) = %v, %v; want [], nil", got, err)
	}
}
