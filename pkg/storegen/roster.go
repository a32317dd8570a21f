package storegen

import (
	"fmt"

	"github.com/caseplan/caseplan/pkg/record"
)

// The generated organisation: four centers, a roster of 38 case managers,
// a supervisor and an administrator, and the three programs with the
// documents' settings (as the demo store writes them).
const (
	organization = "Lakeview Workforce Partnership (generated)"
	caseManagers = 38
)

var centers = []string{
	"Lakeview Career Center",
	"Northgate Career Center",
	"Southport Career Center",
	"Westbrook Career Center",
}

// staff is one member of the generated roster.
type staff struct {
	record.Staff
	center int // index into centers
}

// signature is how the member's commits are signed: "Name <email>".
func (s *staff) signature() string { return s.Name + " <" + s.Email + ">" }

// roster is the generated staff: case managers first, then the
// supervisor and the administrator.
type roster struct {
	all        []*staff
	managers   []*staff   // the case managers
	byCenter   [][]*staff // case managers by center
	supervisor *staff
	admin      *staff
}

func newRoster() *roster {
	r := &roster{byCenter: make([][]*staff, len(centers))}
	add := func(id, name, role string, center int) *staff {
		s := &staff{Staff: record.Staff{
			ID: id, Name: name, Email: id + "@example.org", Role: role, Center: centers[center],
		}, center: center}
		r.all = append(r.all, s)
		return s
	}
	for i := range caseManagers {
		c := i % len(centers)
		s := add(fmt.Sprintf("cm%02d", i+1), fmt.Sprintf("Case Manager %02d", i+1), "case-manager", c)
		r.managers = append(r.managers, s)
		r.byCenter[c] = append(r.byCenter[c], s)
	}
	r.supervisor = add("sup01", "Supervisor 01", "supervisor", 0)
	r.admin = add("adm01", "Administrator 01", "admin", 0)
	return r
}

// The program keys of the generated store; each is also the program's
// kind, as in the demo store.
var programKinds = []string{record.ProgramWorkSecurity, record.ProgramWIOA, record.ProgramPostEmployment}

// config returns the store settings: the roster and the three programs.
// Settings are written out with the documents' values (record's defaults)
// so that a reader of the generated caseplan.yaml sees them, as in the
// demo store.
func (r *roster) config() *record.Config {
	setting := func(key string) *int {
		v, _ := record.DefaultSetting(key)
		return &v
	}
	cfg := &record.Config{
		Organization: organization,
		Centers:      centers,
		Programs: map[string]record.Program{
			record.ProgramWorkSecurity: {Kind: record.ProgramWorkSecurity, Name: "Work Security", Settings: record.Settings{
				NotificationDays:           setting(record.SettingNotificationDays),
				NotificationDaysGrantEnded: setting(record.SettingNotificationDaysGrantEnded),
				WorkSecurityDays:           setting(record.SettingWorkSecurityDays),
				ExtensionMaxDays:           setting(record.SettingExtensionMaxDays),
				CheckinIntervalDays:        setting(record.SettingCheckinIntervalDays),
				ReferencesRequired:         setting(record.SettingReferencesRequired),
				ReviewIntervalDays:         setting(record.SettingReviewIntervalDays),
			}},
			record.ProgramWIOA: {Kind: record.ProgramWIOA, Name: "WIOA career planning", Settings: record.Settings{
				FirstContactDays:    setting(record.SettingFirstContactDays),
				ContactIntervalDays: setting(record.SettingContactIntervalDays),
				FollowUpMonths:      setting(record.SettingFollowUpMonths),
				InactivityExitDays:  setting(record.SettingInactivityExitDays),
				ReviewIntervalDays:  setting(record.SettingReviewIntervalDays),
			}},
			record.ProgramPostEmployment: {Kind: record.ProgramPostEmployment, Name: "Post-employment services", Settings: record.Settings{
				PostAssistanceMonths: setting(record.SettingPostAssistanceMonths),
				ReviewIntervalDays:   setting(record.SettingReviewIntervalDays),
			}},
		},
	}
	for _, s := range r.all {
		cfg.Staff = append(cfg.Staff, s.Staff)
	}
	return cfg
}
