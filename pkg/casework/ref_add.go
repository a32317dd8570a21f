package casework

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// AddReference describes a professional reference to add to a case;
// work security asks for three who agreed to be named (000).
type AddReference struct {
	Case      string
	Reference record.Reference
}

// Build returns the change that appends the reference to references.yaml,
// keeping the rest of the file as a person wrote it, or writes the file
// when the case has none yet. The reference gets a random ID (RF-7QX2K),
// so that references added to one case in two clones merge as two; the
// ID is the output, and what ref update and ref withdraw take.
func (a AddReference) Build(s *State) (*Change, error) {
	c := s.Snapshot.Case(a.Case)
	if c == nil {
		return nil, &store.UnknownCaseError{ID: a.Case}
	}
	r := a.Reference
	var nameNote string
	r.Name, nameNote = typedName("name", r.Name)
	r.Relationship = strings.TrimSpace(r.Relationship)
	if r.Name == "" || r.Relationship == "" {
		return nil, inputErrorf("for example --name 'Pat Example' --relationship 'former supervisor'", "a reference needs a name and a relationship")
	}
	p := layout.File(c.ID, layout.KindReferences)
	var refs record.References
	exists, err := caseRecord(s, c, p, &refs)
	if err != nil {
		return nil, err
	}
	for i, old := range refs.References {
		if strings.EqualFold(strings.TrimSpace(old.Name), r.Name) {
			return nil, inputErrorf("caseplan ref list "+a.Case+" lists them; correct a reference in "+p,
				"case %s already has a reference named %q (number %d)", a.Case, old.Name, i+1)
		}
	}
	if r.ID, err = s.newItemID(c, record.PrefixReference); err != nil {
		return nil, err
	}
	var data []byte
	if exists {
		data, err = s.EditRecord(p, nil, Append([]string{"references"}, r))
	} else {
		data, err = record.Marshal(p, &record.References{References: []record.Reference{r}})
	}
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{a.Case},
		Action:  "ref.add",
		Summary: "add reference " + r.Name,
		Files:   map[string][]byte{p: data},
		Output:  r.ID,
		Notes:   appendIf(nil, nameNote),
	}, nil
}

// caseRecord decodes the record file p of case c into v, for a command
// that is about to edit it; exists is false when the case has no such file
// yet. The reference, activity and referral commands share it. A file that
// is there but cannot be read as its record refuses the change with the
// reasons: caseplan does not add to a file it cannot read, and the person
// who broke it by hand is the one to mend it.
func caseRecord(s *State, c *casefile.Case, p string, v any) (exists bool, err error) {
	doc := c.Doc(p)
	if doc == nil {
		data, err := s.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		return true, refuseUnreadable(p, c.ID, data, err)
	}
	if err := doc.Decode(v); err != nil {
		f := store.DecodeFinding(doc, v, err)
		f.Case = c.ID
		return true, &RefusedError{Findings: []finding.Finding{f}}
	}
	return true, nil
}
