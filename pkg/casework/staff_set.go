package casework

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// SetStaff changes a staff member's entry on the roster: their name as
// it should appear, their role, their center, whether they are still
// active — a member who leaves is retired (active: false), never removed,
// since the roster must still name the authors of past commits (caseplan
// verify) — and the public keys caseplan seals and verifies with. A nil
// field is left as it is. The email address, which is how a commit's
// author is matched to the roster, is not changed here. Once roles are in
// force only an admin changes the roster (pkg/access).
type SetStaff struct {
	ID           string
	Name, Center *string
	Role         *string
	Active       *bool
	AgeRecipient *string
	SigningKey   *string
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
		return nil, inputErrorf(staffHint(cfg, a.ID, "caseplan staff list shows the roster"), "%q is not on the staff roster (it has %s)", a.ID, strings.Join(ids, ", "))
	}
	m := cfg.Staff[i]
	next := m
	role := m.RoleName()
	if a.Role != nil {
		to := strings.TrimSpace(*a.Role)
		if !slices.Contains(record.Roles, to) {
			return nil, inputErrorf("use one of "+strings.Join(record.Roles, ", "), "there is no role %q", to)
		}
		// Once roles are in force only an admin changes the roster at all
		// (checkAccess says so); before, anyone on it may, short of the
		// roles that waive obligations.
		if to != role && !s.Staff.Supervises() && !cfg.RolesInForce() {
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
					"only a supervisor or an admin gives or takes the %s role; %s's role is %s", stake, s.Staff.ID, s.Staff.RoleName())
			}
		}
		next.Role = to
	}
	if a.Name != nil {
		if p := record.StaffNameProblem(*a.Name); p != "" {
			return nil, inputErrorf("", "staff name %q: %s", *a.Name, p)
		}
	}
	if a.Center != nil {
		c := strings.TrimSpace(*a.Center)
		if c != m.Center {
			if err := checkCenter(cfg, c); err != nil {
				return nil, err
			}
		}
	}
	fields := []fieldChange{
		{label: "name", key: "name", now: m.Name, v: a.Name, required: true},
		{label: "role", key: "role", now: role, v: a.Role, required: true},
		{label: "center", key: "center", now: m.Center, v: a.Center},
		{label: "age recipient", key: "age_recipient", now: m.AgeRecipient, v: a.AgeRecipient},
		{label: "signing key", key: "signing_key", now: m.SigningKey, v: a.SigningKey},
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
		case "age recipient":
			changed[j] = "a new age recipient"
		case "signing key":
			changed[j] = "a new signing key"
		}
	}
	if a.Active != nil && *a.Active != m.IsActive() {
		if !*a.Active && m.ID == s.Staff.ID {
			who := "a colleague on the roster"
			if cfg.RolesInForce() {
				who = "an admin" // only an admin changes the roster then
			}
			return nil, inputErrorf(fmt.Sprintf("%s can retire you: caseplan staff set %s --active=false", who, m.ID), "you cannot retire yourself from the roster")
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
		next.Active = a.Active
	}
	if len(edits) == 0 {
		return nil, noChange(anyGiven(fields) || a.Active != nil, "caseplan staff set --help lists the fields", m.ID)
	}
	// Roles apply while the roster names an active admin; a change that
	// leaves none would quietly turn them off.
	if cfg.RolesInForce() {
		after := *cfg
		after.Staff = slices.Clone(cfg.Staff)
		after.Staff[i] = next
		if !after.RolesInForce() {
			return nil, &ResultError{
				Msg:  fmt.Sprintf("%s is the roster's last active admin; without one, roles stop applying", m.ID),
				Hint: "make someone else an admin first: caseplan staff set ID --role admin",
			}
		}
	}
	old, err := s.ReadFile(layout.ConfigPath)
	if err != nil {
		return nil, err
	}
	data := old
	for _, e := range edits {
		if data, err = e(data); err != nil {
			return nil, editError(layout.ConfigPath, err)
		}
	}
	return &Change{
		Action:  "staff.set",
		Summary: fmt.Sprintf("staff %s: %s", m.ID, strings.Join(changed, ", ")),
		Files:   map[string][]byte{layout.ConfigPath: data},
	}, nil
}

// checkCenter refuses a center that is not one of the store's, when
// caseplan.yaml lists its centers (a store that lists none takes any):
// staff add, staff set, case new and case transfer ask it, each as
// --center. The center typed short ("Eastgate") or with a slip
// ("Centre") is suggested as it is to be typed, quoted, since a center is
// usually several words; it is not taken: a center is written onto the
// roster or a case as given.
func checkCenter(cfg *record.Config, center string) error {
	if center == "" || len(cfg.Centers) == 0 || slices.Contains(cfg.Centers, center) {
		return nil
	}
	hint := "the centers are listed in " + layout.ConfigPath
	if m := caseid.ChoiceMeant(cfg.Centers, center); m != "" {
		hint = "did you mean --center " + display.ShellQuote(m) + "? " + hint
	}
	return inputErrorf(hint, "center %q is not one of this store's centers (%s)", center, strings.Join(cfg.Centers, ", "))
}
