package storetest

import (
	"errors"
	"io/fs"
	"reflect"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/store"
)

func TestMemStore(t *testing.T) {
	m := MemStore{
		"cases/caseplan.yaml":       "organization: Test\n",
		"cases/B2/intake.yaml":      "id: B2\n",
		"cases/A1/intake.yaml":      "id: A1\n",
		"cases/A1/notes/n1.yaml":    "id: n1\n",
		"casesX/not-below-cases.md": "x",
	}
	if got, err := m.ReadFile("cases/A1/intake.yaml"); err != nil || string(got) != "id: A1\n" {
		t.Errorf("ReadFile = %q, %v", got, err)
	}
	if _, err := m.ReadFile("cases/A1"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile of a directory: %v, want fs.ErrNotExist", err)
	}
	got, err := m.List("cases")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range got {
		names = append(names, e.Name)
		if isDir := e.Name != "caseplan.yaml"; e.IsDir != isDir {
			t.Errorf("%s: IsDir %v", e.Name, e.IsDir)
		}
	}
	if want := []string{"A1", "B2", "caseplan.yaml"}; !reflect.DeepEqual(names, want) {
		t.Errorf("List(cases) = %q, want %q", names, want)
	}
	if got, _ := m.List("cases/A1"); len(got) != 2 || got[0] != (store.Entry{Name: "intake.yaml", Size: 7}) || got[1] != (store.Entry{Name: "notes", IsDir: true}) {
		t.Errorf("List(cases/A1) = %+v", got)
	}
	if got, err := m.List("cases/none"); len(got) != 0 || err != nil {
		t.Errorf("List of a missing directory = %+v, %v; want nothing", got, err)
	}
}

func TestLoad(t *testing.T) {
	snap := Load(t, MemStore{
		"cases/caseplan.yaml":  "organization: Test\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n  pe:\n    kind: post-employment\n",
		"cases/A1/intake.yaml": "id: A1\nopened: 2026-03-02\nprogram: pe\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Ana Example\n",
	})
	if c := snap.Case("A1"); c == nil || c.Intake == nil {
		t.Error("case A1 not loaded")
	}
}

func TestDay(t *testing.T) {
	if got, want := Day("2026-03-16"), time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Day = %v, want %v", got, want)
	}
	defer func() {
		if recover() == nil {
			t.Error("Day of a malformed date did not panic")
		}
	}()
	Day("2026-3-16")
}
