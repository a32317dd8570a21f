package casework

import (
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// AddGroupNote records a group session — a group intake, an orientation,
// a group assessment (001: "conducting initial assessments in a group
// setting") — as the same note in each attending case: one file per case,
// as every note is, so each case's record holds its own contact (a
// two-way note counts for each as a contact does), and each can be
// amended on its own. The notes share one ID, so the session reads as one
// across the cases, and the session is one change, so one commit: it
// happened once, by one author, and is recorded whole or not at all.
type AddGroupNote struct {
	Cases []string
	Note  record.Note
}

// Build returns the change that writes the note into every case.
func (a AddGroupNote) Build(s *State) (*Change, error) {
	if len(a.Cases) == 0 {
		return nil, inputErrorf("", "a group note needs the cases of those who attended")
	}
	n := a.Note
	if n.Kind == "amendment" || n.Amends != "" {
		return nil, inputErrorf("caseplan note amend CASE NOTE corrects one case's note", "an amendment corrects one case's note; it is never a group note")
	}
	if err := checkNoteTexts(&n); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, id := range a.Cases {
		if seen[id] {
			return nil, inputErrorf("", "case %s is named twice", id)
		}
		seen[id] = true
		if s.Snapshot.Case(id) == nil {
			return nil, &store.UnknownCaseError{ID: id}
		}
	}
	if n.Date == "" {
		n.Date = date(s.Today)
	}
	if _, ok := n.Date.Time(); !ok {
		return nil, inputErrorf("", "note date %q is not a date; use YYYY-MM-DD", n.Date)
	}
	if err := s.authorNote(&n); err != nil {
		return nil, err
	}
	// One ID for the session, free in every case.
	id, err := NewNoteID(n.Date, s.random(), func(id string) bool {
		return slices.ContainsFunc(a.Cases, func(c string) bool { return s.Exists(notePath(c, id)) })
	})
	if err != nil {
		return nil, err
	}
	n.ID = id
	files := make(map[string][]byte, len(a.Cases))
	var out strings.Builder
	for i, id := range a.Cases {
		p := notePath(id, n.ID)
		data, err := record.Marshal(p, &n)
		if err != nil {
			return nil, err
		}
		files[p] = data
		if i > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(id + "\t" + n.ID)
	}
	summary := fmt.Sprintf("add %s note (%s", n.Kind, n.Mode)
	if n.TwoWay {
		summary += ", two-way"
	}
	summary += fmt.Sprintf(") of a group session to %d case(s)", len(a.Cases))
	return &Change{
		Cases:   append([]string(nil), a.Cases...),
		Action:  audit.ActionNoteAdd,
		Summary: summary,
		Files:   files,
		Output:  out.String(),
	}, nil
}
