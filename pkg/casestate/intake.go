package casestate

import (
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// NoteIntake is the kind of the note that records the intake meeting.
const NoteIntake = "intake"

// IntakeMeeting is the intake meeting 000 asks for with each work-security
// candidate "as soon as possible" after the case opens: 000 gives it no
// number of days, so it is in time within the program's first check-in
// interval (checkin_interval_days), by By.
type IntakeMeeting struct {
	Opened time.Time
	Within int       // checkin_interval_days
	By     time.Time // the last day the meeting is in time: Opened plus Within days
}

// OverdueOn reports whether the meeting is overdue on today: By has
// passed, as the tickler counts an item overdue and validate's
// ws-intake-meeting warns.
func (m IntakeMeeting) OverdueOn(today time.Time) bool { return m.By.Before(today) }

// IntakeMeetingOf is the one count of the intake meeting still to hold on
// work-security case c: the tickler's intake-meeting item (intakeMeetingDue)
// and validate's ws-intake-meeting read it, so the two never disagree on
// the day it is owed. ok is false when the case is not work security, has
// an intake note, or has no valid opening date. Like NextContactOf it says
// nothing of the phase, of a closed case or of waivers: the caller knows
// which of those apply.
func IntakeMeetingOf(c *casefile.Case, cfg *record.Config) (IntakeMeeting, bool) {
	in := c.Intake
	if in == nil || cfg.ProgramKind(in.Program) != record.ProgramWorkSecurity {
		return IntakeMeeting{}, false
	}
	for _, n := range c.Notes {
		if n.Kind == NoteIntake {
			return IntakeMeeting{}, false
		}
	}
	opened, ok := in.Opened.Time()
	if !ok {
		return IntakeMeeting{}, false
	}
	within := cfg.ProgramSetting(in.Program, record.SettingCheckinIntervalDays)
	return IntakeMeeting{Opened: opened, Within: within, By: opened.AddDate(0, 0, within)}, true
}

// NoteAddCommand is the note add command that records a note of kind on
// case caseID, whole: the flags note add requires (--kind, --mode),
// two-way as a contact must be, and where the program's contact needs one
// a service code and the detailed note that make it count (002,
// calendar.Contact.WhyNot): without --content the note is kept but is no
// contact, and the item it was typed for stays due. A hint that named the command without its case or
// its required flags could not be run as written (the cohort's first
// month, 000: the intake meeting and the weekly check-ins of dozens of
// cases at once). validate's findings and the tickler's items say it
// alike.
func NoteAddCommand(caseID, kind string, contact calendar.Contact) string {
	cmd := "caseplan note add " + caseID + " --kind " + kind + " --mode MODE --two-way"
	if contact.RequiresService {
		cmd += " --service CODE --content TEXT"
	}
	return cmd
}

// ExtensionDecideCommand is the command, whole, that records the joint
// committee's decision on case caseID's pending extension request (000):
// extension decide refuses to go without --date, --by and the decision,
// so both decisions are spelt out, an approval with its --until.
func ExtensionDecideCommand(caseID string) string {
	return "caseplan extension decide " + caseID + " --date DATE --by WHO --approved --until DATE, or with --denied in place of --approved --until DATE"
}

// ExtensionDenyCommand is the decision left once no approval could extend
// the job search any more (past the longest extension, 000: "up to three
// months beyond").
func ExtensionDenyCommand(caseID string) string {
	return "caseplan extension decide " + caseID + " --date DATE --by WHO --denied"
}

// ExtensionRequestCommand records a request to extend case caseID's work
// security period (000); its --date defaults to the day it is typed.
func ExtensionRequestCommand(caseID string) string {
	return "caseplan extension request " + caseID
}

// intakeMeetingDue is the intake meeting while the candidate searches and
// no intake note records it (IntakeMeetingOf): a candidate who missed the
// group orientation has only the weekly check-in due otherwise, and the
// meeting that sets the plan (000) would show only as a warning. It asks
// calendar.JobSearchActive, as ws-intake-meeting does, so that the item
// is listed exactly while the rule could warn of it.
func (x *view) intakeMeetingDue() {
	if !calendar.JobSearchActive(x.c, x.cfg, x.today) {
		return
	}
	m, ok := IntakeMeetingOf(x.c, x.cfg)
	if !ok {
		return
	}
	x.add(DueIntakeMeeting, m.By, "hold the intake meeting with the candidate as soon as possible (000; within "+countOf(m.Within, "day")+" of the opening on "+string(x.c.Intake.Opened)+"): "+NoteAddCommand(x.c.ID, NoteIntake, x.contact), x.file(layout.KindIntake), "opened")
}
