package casework

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/yamledit"
)

// RemoveTeamMember takes a person off a case's team: someone who no longer
// works on it. When they are on the staff roster, the change re-seals the
// case's sealed fields without them (Workspace.reseal), so they cannot read
// what is sealed from then on.
type RemoveTeamMember struct {
	Case string
	Name string // as the team lists them, in any case
}

// Build returns the change that removes the member from intake.yaml.
func (a RemoveTeamMember) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSpace(a.Name)
	at := -1
	for i, m := range lc.intake.Team {
		if strings.EqualFold(strings.TrimSpace(m.Name), name) {
			if at >= 0 {
				return nil, inputErrorf("remove the duplicate by hand with caseplan edit "+a.Case, "case %s has %s on its team more than once", a.Case, name)
			}
			at = i
		}
	}
	if at < 0 {
		return nil, inputErrorf("caseplan case show "+a.Case+" shows the case", "case %s has no %q on its team", a.Case, name)
	}
	path := []string{"team", strconv.Itoa(at)}
	if len(lc.intake.Team) == 1 {
		path = []string{"team"}
	}
	edit := func(data []byte) ([]byte, error) { return yamledit.Delete(data, path) }
	return lc.intakeChange("case.team.remove", fmt.Sprintf("remove %s from the team", planQuote(lc.intake.Team[at].Name)), edit)
}
