package casework

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// SetStaff changes a staff member's roster entry: their role, whether
// they are active, and the public keys caseplan seals and verifies with.
// Only an admin changes the roster once roles are in force (pkg/access).
// A nil field is left as it is.
type SetStaff struct {
	ID           string
	Role         *string
	Active       *bool
	Center       *string
	AgeRecipient *string
	SigningKey   *string
}

// Build returns the change that edits the member's entry in place in
// caseplan.yaml.
func (a SetStaff) Build(s *State) (*Change, error) {
	cfg := s.Snapshot.Config
	i := slices.IndexFunc(cfg.Staff, func(st record.Staff) bool { return st.ID == a.ID })
	if i < 0 {
		return nil, inputErrorf("caseplan staff list shows the roster", "%q is not on the staff roster", a.ID)
	}
	old := cfg.Staff[i]
	next := old
	var edits []Edit
	var what []string
	set := func(key string, v any, say string) {
		edits = append(edits, setInOrder(record.Config{}, []string{"staff", strconv.Itoa(i), key}, v))
		what = append(what, say)
	}
	if a.Role != nil && *a.Role != old.RoleName() {
		if !slices.Contains(record.Roles, *a.Role) {
			return nil, inputErrorf("use one of "+strings.Join(record.Roles, ", "), "there is no role %q", *a.Role)
		}
		next.Role = *a.Role
		set("role", *a.Role, "role "+*a.Role)
	}
	if a.Active != nil && *a.Active != old.IsActive() {
		next.Active = a.Active
		set("active", *a.Active, map[bool]string{true: "active again", false: "no longer active"}[*a.Active])
	}
	if a.Center != nil && *a.Center != old.Center {
		if len(cfg.Centers) > 0 && !slices.Contains(cfg.Centers, *a.Center) {
			return nil, inputErrorf("the centers are listed in "+layout.ConfigPath, "center %q is not one of this store's centers (%s)", *a.Center, strings.Join(cfg.Centers, ", "))
		}
		set("center", *a.Center, "center "+*a.Center)
	}
	if a.AgeRecipient != nil && strings.TrimSpace(*a.AgeRecipient) != old.AgeRecipient {
		set("age_recipient", strings.TrimSpace(*a.AgeRecipient), "a new age recipient")
	}
	if a.SigningKey != nil && strings.TrimSpace(*a.SigningKey) != old.SigningKey {
		set("signing_key", strings.TrimSpace(*a.SigningKey), "a new signing key")
	}
	if len(edits) == 0 {
		return nil, inputErrorf("caseplan staff list shows the roster", "nothing to change: %s's entry already says so", a.ID)
	}
	// Roles apply while the roster names an active admin; a change that
	// leaves none would quietly turn them off.
	if cfg.RolesInForce() {
		after := *cfg
		after.Staff = slices.Clone(cfg.Staff)
		after.Staff[i] = next
		if !after.RolesInForce() {
			return nil, inputErrorf("make someone else an admin first: caseplan staff set ID --role admin",
				"%s is the roster's last active admin; without one, roles stop applying", a.ID)
		}
	}
	data, err := s.EditRecord(layout.ConfigPath, nil, edits...)
	if err != nil {
		return nil, err
	}
	return &Change{
		Action:  "staff.set",
		Summary: fmt.Sprintf("%s: %s", a.ID, strings.Join(what, ", ")),
		Files:   map[string][]byte{layout.ConfigPath: data},
	}, nil
}
