package validate

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/schemas"
)

// unlistable is a store one of whose directories cannot be listed.
type unlistable struct {
	memStore
	dir string
}

var errUnlistable = &fs.PathError{Op: "open", Path: "cases/W1", Err: fs.ErrPermission}

func (u unlistable) List(dir string) ([]store.Entry, error) {
	if dir == u.dir {
		return nil, errUnlistable
	}
	return u.memStore.List(dir)
}

// TestSealedInReadError: a case directory that cannot be listed says
// nothing about sealed fields; SealedIn returns the error rather than
// "none sealed", and validate reports it as the loader reports a file it
// cannot read, where roster-age-recipient would have passed in silence.
func TestSealedInReadError(t *testing.T) {
	m := base()
	if got, err := SealedIn(m)(); got || err != nil {
		t.Fatalf("SealedIn on the fixture = %v, %v; want false, nil", got, err)
	}
	src := unlistable{m, "cases/W1"}
	if got, err := SealedIn(src)(); !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("SealedIn with cases/W1 unlistable = %v, %v; want its error", got, err)
	}

	m.edit("cases/caseplan.yaml", "    email: mrivera@example.org\n", "    email: mrivera@example.org\n    role: supervisor\n")
	snap, _, err := store.Load(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, f := range ConfigFindings(snap, Options{Schemas: v, Today: today, AnySealed: SealedIn(src)}) {
		if f.Rule == store.RuleUnreadable && f.Path == "cases" && strings.Contains(f.Message, "permission denied") {
			found = true
		}
	}
	if !found {
		t.Errorf("no %s finding for the case directory that cannot be listed", store.RuleUnreadable)
	}
}
