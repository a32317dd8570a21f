package casework

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// AddAssessment records a dated assessment in the intake record: the tool
// or form (a skills assessment, job-hunt readiness, an interest profiler,
// aptitude, ...: 000) and what it showed. Assessment is ongoing (001), so
// a case gathers them over time; for WIOA the first one ends the
// assessment phase (002).
type AddAssessment struct {
	Case       string
	Assessment record.Assessment
}

// Build returns the change that appends the assessment, with an ID of its own, the
// command's output.
func (a AddAssessment) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	as := a.Assessment
	as.Tool, as.Summary = strings.TrimSpace(as.Tool), strings.TrimSpace(as.Summary)
	if as.Tool == "" {
		return nil, inputErrorf("name the tool or form with --tool", "the assessment's tool is empty")
	}
	if err := lc.checkHappened("assessment date", as.Date); err != nil {
		return nil, err
	}
	for _, old := range lc.intake.Assessments {
		if strings.EqualFold(old.Tool, as.Tool) && old.Date == as.Date {
			return nil, inputErrorf("caseplan case show "+a.Case+" shows the case", "case %s already records the assessment %q on %s", a.Case, old.Tool, old.Date)
		}
	}
	if as.ID, err = s.newItemID(lc.c, record.PrefixAssessment); err != nil {
		return nil, err
	}
	return lc.intakeChange("case.assessment.add", fmt.Sprintf("add assessment %s (%s)", planQuote(as.Tool), as.Date), as.ID,
		intakeAppend([]string{"assessments"}, as))
}

// AddBarrier records a barrier to employment (001, 002): child care,
// transportation, disability, housing, language, ... with what it is in
// this case, open until it is addressed.
type AddBarrier struct {
	Case    string
	Barrier record.Barrier // status defaults to open
}

// Build returns the change that appends the barrier, with an ID of its own, the
// command's output.
func (a AddBarrier) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	b := a.Barrier
	b.Kind, b.Detail = strings.TrimSpace(b.Kind), strings.TrimSpace(b.Detail)
	if b.Kind == "" {
		return nil, inputErrorf("say which with --kind", "the barrier's kind is empty")
	}
	if b.Status == "" {
		b.Status = "open"
	}
	for _, old := range lc.intake.Barriers {
		if old.Kind == b.Kind && strings.EqualFold(old.Detail, b.Detail) {
			return nil, inputErrorf("caseplan case show "+a.Case+" shows the case", "case %s already records this %s barrier", a.Case, b.Kind)
		}
	}
	if b.ID, err = s.newItemID(lc.c, record.PrefixBarrier); err != nil {
		return nil, err
	}
	return lc.intakeChange("case.barrier.add", fmt.Sprintf("add barrier %s (%s)", b.Kind, b.Status), b.ID,
		intakeAppend([]string{"barriers"}, b))
}

// AddTeamMember records another person working on the case and their
// role: the union representative, the HR officer of the laying-off unit
// or of a hiring unit (000), a counselor at another center (002), a
// navigator (003), an employer contact.
type AddTeamMember struct {
	Case   string
	Member record.TeamMember
	// Staff is the roster ID of a staff member joining the team
	// (--staff): their name and email address are the roster's unless
	// given.
	Staff string
}

// Build returns the change that appends the team member, with an ID of its own, the
// command's output.
func (a AddTeamMember) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	m := a.Member
	var nameNote string
	m.Name, nameNote = typedName("name", m.Name)
	m.Role = strings.TrimSpace(m.Role)
	m.Organization, m.Phone, m.Email, m.Notes = strings.TrimSpace(m.Organization), strings.TrimSpace(m.Phone), strings.TrimSpace(m.Email), strings.TrimSpace(m.Notes)
	staff, retired, err := a.rosterMember(s.Snapshot.Config, &m)
	if err != nil {
		return nil, err
	}
	if m.Name == "" {
		return nil, inputErrorf("", "the team member's name is empty")
	}
	for _, old := range lc.intake.Team {
		if strings.EqualFold(old.Name, m.Name) && old.Role == m.Role {
			return nil, inputErrorf("caseplan case show "+a.Case+" shows the case", "case %s already has %s on its team as %s", a.Case, old.Name, old.Role)
		}
		// A colleague is on the team by their address (record.Intake.OnTeam),
		// once: a second entry in another role gives them nothing more,
		// and leaves case team remove by their name asking which entry.
		if staff != "" && old.Email != "" && strings.EqualFold(strings.TrimSpace(old.Email), m.Email) {
			return nil, inputErrorf(fmt.Sprintf("a colleague is on a case's team once; to change their role: caseplan case team update %s %s --role %s", a.Case, validate.MemberRef(old), m.Role),
				"case %s already has %s (%s on the staff roster) on its team as %s", a.Case, old.Name, staff, old.Role)
		}
	}
	if m.ID, err = s.newItemID(lc.c, record.PrefixTeamMember); err != nil {
		return nil, err
	}
	who := planQuote(m.Name)
	if staff != "" {
		who += " (" + staff + " on the staff roster)"
	}
	ch, err := lc.intakeChange("case.team.add", fmt.Sprintf("add %s to the team (%s)", who, m.Role), m.ID,
		intakeAppend([]string{"team"}, m))
	if err == nil {
		ch.Notes = appendIf(ch.Notes, nameNote)
	}
	if err == nil && retired != "" {
		ch.Notes = append(ch.Notes, fmt.Sprintf("%s is the name of %s, retired from the staff roster (active: false): added by name only, without the roster's address, so the entry gives them no access to the case\n"+
			"hint: if you meant them and they are back, an admin makes them active again (caseplan staff set %s --active=true), then caseplan case team add %s --staff %s --role %s", m.Name, retired, retired, a.Case, retired, m.Role))
	}
	return ch, err
}

// rosterMember links team member m to the staff roster: a staff member
// is on a case's team by their email address (record.Intake.OnTeam),
// which gives them the case's records and its sealed fields. With
// --staff ID, m's name and email are the roster's unless given (an
// email other than the roster's is refused: it would not link them; a
// retired member is refused, as validate's team-retired would ask to
// take them off at once); a name without an email that is one active
// roster member's takes their email, as a supervisor adding a colleague
// by name means that colleague, who was otherwise on the team in name
// only. A name two members share is refused, naming both. It returns
// the roster ID m is linked to, or "", and the ID of a retired member
// whose name m has and who is not linked (for the note that says so),
// or "".
func (a AddTeamMember) rosterMember(cfg *record.Config, m *record.TeamMember) (staff, retired string, err error) {
	if id := strings.TrimSpace(a.Staff); id != "" {
		st, ok := cfg.StaffByID(id)
		if !ok {
			return "", "", inputErrorf(staffFlagHint(cfg, "--staff", id, "caseplan staff list shows the roster; a person not on it is added with --name and --email"), "--staff %q is not on the staff roster", id)
		}
		if !st.IsActive() {
			return "", "", inputErrorf(fmt.Sprintf("a retired member takes no part in a case; if they are back, an admin makes them active again: caseplan staff set %s --active=true", st.ID), "--staff %s is retired from the staff roster (active: false)", st.ID)
		}
		if m.Email != "" && !strings.EqualFold(m.Email, st.Email) {
			return "", "", inputErrorf(fmt.Sprintf("leave --email out: %s is on the team by the roster's address, %s", st.ID, st.Email), "--email %s is not %s's address on the staff roster", m.Email, st.ID)
		}
		if m.Name == "" {
			m.Name = st.Name
		}
		m.Email = st.Email
		return st.ID, "", nil
	}
	if m.Email != "" || m.Name == "" {
		if st, ok := cfg.StaffByEmail(m.Email); ok && m.Email != "" {
			return st.ID, "", nil
		}
		return "", "", nil
	}
	var named []record.Staff
	for _, st := range cfg.Staff {
		if strings.EqualFold(strings.Join(strings.Fields(st.Name), " "), strings.Join(strings.Fields(m.Name), " ")) {
			if !st.IsActive() {
				retired = st.ID
				continue
			}
			named = append(named, st)
		}
	}
	switch len(named) {
	case 0:
		return "", retired, nil
	case 1:
		// Spelled as the roster spells it.
		m.Name, m.Email = named[0].Name, named[0].Email
		return named[0].ID, "", nil
	}
	return "", "", inputErrorf(fmt.Sprintf("name the one you mean with --staff %s or --staff %s; someone off the roster by that name is added with --email", named[0].ID, named[1].ID), "%d staff members on the roster are named %s", len(named), m.Name)
}

// AddEligibility records an eligibility determination (002): for which
// program or service, when, the result and what it rests on.
type AddEligibility struct {
	Case        string
	Eligibility record.Eligibility
}

// Build returns the change that appends the determination, with an ID of its own, the
// command's output.
func (a AddEligibility) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	e := a.Eligibility
	e.Program, e.Basis = strings.TrimSpace(e.Program), strings.TrimSpace(e.Basis)
	if e.Program == "" {
		return nil, inputErrorf("name the program or service with --program", "the determination's program is empty")
	}
	if err := lc.checkHappened("determination date", e.Determined); err != nil {
		return nil, err
	}
	for _, old := range lc.intake.Eligibility {
		if strings.EqualFold(old.Program, e.Program) && old.Determined == e.Determined {
			return nil, inputErrorf("caseplan case show "+a.Case+" shows the case", "case %s already records a determination for %s on %s", a.Case, old.Program, old.Determined)
		}
	}
	result := "eligible"
	if !e.Eligible {
		result = "not eligible"
	}
	if e.ID, err = s.newItemID(lc.c, record.PrefixEligibility); err != nil {
		return nil, err
	}
	return lc.intakeChange("case.eligibility.add", fmt.Sprintf("record eligibility for %s: %s (%s)", e.Program, result, e.Determined), e.ID,
		intakeAppend([]string{"eligibility"}, e))
}

// teamRoles are the roles a team member has on a case, as
// schemas/intake.schema.json lists them.
var teamRoles = schemas.Enum("intake", "team", "[]", "role")

// checkTeamRole reads *role as one of the team roles (in any case, or by
// its unambiguous beginning) and refuses another as a usage error naming
// them (exit 2), as every closed-list flag is refused, rather than
// leaving it to the schema's finding (exit 1, a refused write): case team
// update asks it, whose --role the CLI leaves to the change (case team
// add's is checked by the CLI's list).
func checkTeamRole(role *string) error {
	return checkPlanChoice("--role", role, teamRoles...)
}
