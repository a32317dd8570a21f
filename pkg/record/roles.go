package record

import "strings"

// The roles of the staff roster (README, Confidentiality). A role says what
// its holder may change; pkg/access applies them.
const (
	RoleCaseManager = "case-manager" // the cases they manage or are on the team of
	RoleNavigator   = "navigator"    // as a case manager: the cases they are on the team of
	RoleCoordinator = "coordinator"  // every case: opens, assigns and transfers them
	RoleSupervisor  = "supervisor"   // every case, and waivers and committee decisions
	RoleAdmin       = "admin"        // all of that, and the roster and the store settings
)

// Roles lists the roles in the order the roster's schema gives them.
var Roles = []string{RoleCaseManager, RoleCoordinator, RoleSupervisor, RoleNavigator, RoleAdmin}

// RoleName returns the staff member's role, case-manager when the roster
// gives none.
func (s Staff) RoleName() string {
	if s.Role == "" {
		return RoleCaseManager
	}
	return s.Role
}

// RolesInForce reports whether the roster's roles are applied: once it
// names an active admin. A store made before roles existed, whose roster
// names none, keeps working as it did — anyone on the roster may change
// anything — until someone on it names an admin (caseplan staff set ID
// --role admin); caseplan init names the person who creates the store.
// c may be nil.
func (c *Config) RolesInForce() bool {
	if c == nil {
		return false
	}
	for _, s := range c.Staff {
		if s.RoleName() == RoleAdmin && s.IsActive() {
			return true
		}
	}
	return false
}

// Access is the store's access settings, caseplan.yaml's access:.
type Access struct {
	// CaseManagersAllCases lets case managers and navigators change any
	// case, not only those they manage or are on the team of.
	CaseManagersAllCases bool `yaml:"case_managers_all_cases,omitempty" json:"case_managers_all_cases,omitempty"`
	// RequireSignatures makes every commit that changes cases/ need a
	// signature by its author's signing key on the roster.
	RequireSignatures bool `yaml:"require_signatures,omitempty" json:"require_signatures,omitempty"`
}

// AccessSettings returns the store's access settings; c may be nil.
func (c *Config) AccessSettings() Access {
	if c == nil || c.Access == nil {
		return Access{}
	}
	return *c.Access
}

// TransferredAway is the case's last transfer away from staff member s,
// when s is not on its team now (the case left them); nil otherwise. A
// refusal says so rather than that they are yet to join the case.
func (in *Intake) TransferredAway(s Staff) *Transfer {
	if in == nil || in.OnTeam(s) {
		return nil
	}
	for i := len(in.Transfers) - 1; i >= 0; i-- {
		if in.Transfers[i].From == s.ID {
			return &in.Transfers[i]
		}
	}
	return nil
}

// OnTeam reports whether staff member s is the case's manager or on its
// team: a team entry whose email is theirs.
func (in *Intake) OnTeam(s Staff) bool {
	if in == nil {
		return false
	}
	if in.Manager == s.ID {
		return true
	}
	for _, m := range in.Team {
		if m.Email != "" && strings.EqualFold(strings.TrimSpace(m.Email), strings.TrimSpace(s.Email)) {
			return true
		}
	}
	return false
}

// TeamStaff returns the roster's active members who are the case's
// manager or on its team, in roster order.
func (c *Config) TeamStaff(in *Intake) []Staff {
	if c == nil || in == nil {
		return nil
	}
	var out []Staff
	for _, s := range c.Staff {
		if s.IsActive() && in.OnTeam(s) {
			out = append(out, s)
		}
	}
	return out
}

// MayManage reports whether s may be named a case's manager, its one
// designated counselor (002): a member still active on the roster. case
// new --manager and case transfer --to refuse anyone else.
func (s Staff) MayManage() bool { return s.IsActive() }

// CaseManagers returns the roster's members who may manage a case and
// whose role is to (case managers), in roster order: whom a refused
// hand-over suggests instead.
func (c *Config) CaseManagers() []Staff {
	if c == nil {
		return nil
	}
	var out []Staff
	for _, s := range c.Staff {
		if s.MayManage() && s.RoleName() == RoleCaseManager {
			out = append(out, s)
		}
	}
	return out
}
