package casework

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/yamledit"
)

// AddStaff describes a staff member to add to the roster.
type AddStaff struct {
	Staff record.Staff
}

var staffIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,31}$`)

// StaffID derives a roster id from an email address's local part:
// lower case, with characters an id cannot hold replaced by '-'.
func StaffID(email string) string {
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	var b strings.Builder
	for _, r := range local {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	id := strings.TrimLeft(b.String(), "._-")
	if len(id) > 32 {
		id = id[:32]
	}
	if id == "" {
		id = "staff"
	}
	return id
}

// Build returns the change that appends the staff member to caseplan.yaml,
// keeping the rest of the file as a person wrote it.
func (a AddStaff) Build(s *State) (*Change, error) {
	st := a.Staff
	st.Email = strings.ToLower(st.Email)
	if st.ID == "" {
		st.ID = StaffID(st.Email)
	}
	// The spaces and line breaks at the name's ends go, as from every
	// flag's value; a line break or a tab inside it is refused, as staff
	// set refuses it (git writes the author on one line). Then the name
	// is written as case new writes a participant's (typedName): accents
	// composed, a run of spaces one space, so that the roster's
	// did-you-mean and git grep find the name as it is typed elsewhere.
	name := strings.TrimSpace(st.Name)
	if p := record.StaffNameProblem(name); p != "" {
		return nil, inputErrorf("", "staff name %q: %s", st.Name, p)
	}
	var nameNote string
	st.Name, nameNote = typedName("name", name)
	if !staffIDRE.MatchString(st.ID) {
		return nil, inputErrorf("use lower-case letters, digits, '.', '_' or '-'", "staff id %q is not valid", st.ID)
	}
	cfg := s.Snapshot.Config
	if err := checkCenter(cfg, strings.TrimSpace(st.Center)); err != nil {
		return nil, err
	}
	// The same person first: an ID made from their email is theirs
	// already, and another ID would list them twice.
	if other, ok := cfg.StaffByEmail(st.Email); ok {
		return nil, inputErrorf("caseplan staff set "+other.ID+" changes their name, role, center or keys", "%s is already on the roster as %s", st.Email, other.ID)
	}
	if _, ok := cfg.StaffByID(st.ID); ok {
		return nil, inputErrorf("choose another id with --id", "staff id %q is already on the roster", st.ID)
	}
	old, err := s.ReadFile(layout.ConfigPath)
	if err != nil {
		return nil, err
	}
	data, err := yamledit.AppendItem(old, "staff", st)
	if err != nil {
		return nil, editError(layout.ConfigPath, err)
	}
	return &Change{
		Action:  "staff.add",
		Summary: fmt.Sprintf("add %s to the staff roster", st.ID),
		Files:   map[string][]byte{layout.ConfigPath: data},
		Output:  st.ID,
		Notes:   appendIf(nil, nameNote),
	}, nil
}
