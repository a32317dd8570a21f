package casework

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// SetStaff changes a staff member's entry on the roster: their name as
// it should appear, their role, their center, or whether they are still
// active — a member who leaves is retired (active: false), never removed,
// since the roster must still name the authors of past commits (caseplan
// verify). A nil field is left as it is. The email address, which is how
// a commit's author is matched to the roster, is not changed here.
type SetStaff struct {
	ID           string
	Name, Center *string
	Role         *string
	Active       *bool
}

// Build returns the change that sets the fields given in place in
// caseplan.yaml. Granting or taking away the supervisor or admin role —
// which may waive obligations — needs a supervisor or an admin, and
// nobody retires themselves. Retiring the designated counselor of open
// WIOA cases is refused by validation (wioa-counselor): transfer the
// cases first.
func (a SetStaff) Build(s *State) (*Change, error) {
	cfg := s.Snapshot.Config
	i := -1
	var ids []string
	for j, m := range cfg.Staff {
		ids = append(ids, m.ID)
		if m.ID == strings.TrimSpace(a.ID) {
			i = j
		}
	}
	if i < 0 {
		return nil, inputErrorf("caseplan staff list shows the roster", "%q is not on the staff roster (it has %s)", a.ID, strings.Join(ids, ", "))
	}
	m := cfg.Staff[i]
	role := orCaseManager(m.Role)
	if a.Role != nil {
		if to := strings.TrimSpace(*a.Role); to != role && !s.Staff.Supervises() {
			// The role at stake: the one given, or the one taken away.
			stake := ""
			switch {
			case (record.Staff{Role: to}).Supervises():
				stake = to
			case m.Supervises():
				stake = role
			}
			if stake != "" {
				return nil, inputErrorf("ask a supervisor or an admin to change it",
					"only a supervisor or an admin gives or takes the %s role; %s's role is %s", stake, s.Staff.ID, orCaseManager(s.Staff.Role))
			}
		}
	}
	fields := []fieldChange{
		{label: "name", key: "name", now: m.Name, v: a.Name, required: true},
		{label: "role", key: "role", now: role, v: a.Role, required: true},
		{label: "center", key: "center", now: m.Center, v: a.Center},
	}
	base := []string{"staff", strconv.Itoa(i)}
	edits, changed, err := itemEdits(record.Config{}, base, fields)
	if err != nil {
		return nil, err
	}
	for j := range changed {
		switch changed[j] {
		case "role":
			changed[j] = "role " + strings.TrimSpace(*a.Role)
		case "center":
			changed[j] = "center " + strings.TrimSpace(*a.Center)
		}
	}
	if a.Active != nil && *a.Active != m.IsActive() {
		if !*a.Active && m.ID == s.Staff.ID {
			return nil, inputErrorf("a colleague on the roster can retire you", "you cannot retire yourself from the roster")
		}
		path := append(append([]string(nil), base...), "active")
		if *a.Active {
			// Active is the default: the key goes, as a new entry would
			// be written.
			edits = append(edits, deleteKey(path))
			changed = append(changed, "active again")
		} else {
			edits = append(edits, setInOrder(record.Config{}, path, false))
			changed = append(changed, "retired (active: false)")
		}
	}
	if len(edits) == 0 {
		return nil, noChange(anyGiven(fields) || a.Active != nil, "caseplan staff set --help lists the fields", m.ID)
	}
	old, err := s.ReadFile(layout.ConfigPath)
	if err != nil {
		return nil, err
	}
	data := old
	for _, e := range edits {
		if data, err = e(data); err != nil {
			return nil, fmt.Errorf("%s: %w", layout.ConfigPath, err)
		}
	}
	return &Change{
		Action:  "staff.set",
		Summary: fmt.Sprintf("staff %s: %s", m.ID, strings.Join(changed, ", ")),
		Files:   map[string][]byte{layout.ConfigPath: data},
	}, nil
}

// orCaseManager is a roster role, case-manager when none is written.
func orCaseManager(role string) string {
	if role == "" {
		return "case-manager"
	}
	return role
}
