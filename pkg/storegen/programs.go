package storegen

import (
	"fmt"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/record"
)

// The programs' timelines. Each decides, from the opening day and the
// generator's today, where the case stands: still in service, placed,
// exited or closed. It sets the outcome and the program's intake fields,
// adds the notes and activity weeks its rules need, and leaves the rest
// (regular notes, the plan, the references) to the common story. Every
// period comes from the program settings through record.Config and the
// calendar package, never from a number of its own.

// workSecurity is a union/employer layoff (000): notice, a notification
// period of 60 days (30 when grant funding ends), the layoff, a work
// security period of 90 days, sometimes an extension by the joint
// committee, and then a placement or a separation.
func (s *story) workSecurity() {
	cfg, key := s.g.cfg, s.program
	notice := add(s.opened, -s.r.IntN(4))
	grantEnded := s.chance(0.12)
	period := cfg.ProgramSetting(key, record.SettingNotificationDays)
	if grantEnded {
		period = cfg.ProgramSetting(key, record.SettingNotificationDaysGrantEnded)
	}
	layoff := add(notice, period+s.r.IntN(15))
	end := add(layoff, cfg.ProgramSetting(key, record.SettingWorkSecurityDays))
	lastDay := end
	s.refsBy = add(layoff, -s.rangeN(1, 5))

	fte := 1.0
	if s.chance(0.2) {
		fte = 0.5
	}
	s.intake.Layoff = &record.Layoff{
		NoticeDate: s.ev(notice), LayoffDate: date(layoff), GrantFundingEnded: grantEnded,
		Position: s.job.title, Grade: s.job.gradeMin, FTE: &fte, Department: pick(s.r, departments),
	}
	s.intake.Team = []record.TeamMember{
		{Name: s.teamName("Union Representative", 12), Role: "union-representative", Organization: "Northfield Staff Union", Phone: s.phone(), Email: "steward@nsu.example.org"},
		{Name: s.teamName("HR Officer", 20), Role: "hr-laying-off", Organization: university + ", " + s.intake.Layoff.Department, Phone: s.phone(), Email: "hr@northfield.example.org"},
	}
	tool := func(after int) string {
		switch {
		case !add(s.opened, after).After(s.today):
			return "final"
		case !add(s.opened, after/2).After(s.today):
			return "draft"
		}
		return "none"
	}
	s.intake.Toolbox = &record.Toolbox{Resume: tool(14), CoverLetter: tool(21), ThankYouLetter: tool(35)}

	// An extension request (000) rests on regular contact and applications
	// in every complete week from the layoff to the request: the weeks are
	// given a contact note and an application, so ws-extension-criteria
	// finds the evidence it asks for.
	if s.chance(0.06) {
		weeks := s.rangeN(5, 9)
		requested := add(calendar.MondayOf(layoff), 7*(weeks+1)+s.r.IntN(5))
		if requested.Before(add(end, -3)) && !requested.After(s.today) {
			ext := record.Extension{Requested: s.ev(requested)}
			to := minTime(requested, end)
			for m := calendar.MondayOf(layoff); !m.After(to); m = add(m, 7) {
				if m.Before(layoff) || add(m, 6).After(to) {
					continue // a partial week never counts against the candidate
				}
				s.contact(s.between(m, add(m, 6)), "phone")
				s.mondays[m] = true
			}
			s.note(requested, "extension", "in-person", true, "career-planning")
			decided := add(requested, s.rangeN(2, 10))
			switch {
			case decided.After(s.today):
				ext.Decision = "pending"
			case s.chance(0.8):
				until := add(end, s.rangeN(30, cfg.ProgramSetting(key, record.SettingExtensionMaxDays)))
				ext.Decided, ext.Decision, ext.Until, ext.By = s.ev(decided), "approved", date(until), extensionCommittee
				ext.Notes = "regular contact and weekly applications throughout the work security period"
				lastDay = until
			default:
				ext.Decided, ext.Decision, ext.By = s.ev(decided), "denied", extensionCommittee
			}
			s.out.Extensions = []record.Extension{ext}
		}
	}

	placed := s.chance(0.6)
	earliest := add(s.opened, 21)
	if len(s.out.Extensions) > 0 {
		requested, _ := s.out.Extensions[0].Requested.Time()
		earliest = add(requested, 7)
	}
	placement := s.between(earliest, add(lastDay, -3))
	if placement.After(add(lastDay, -3)) {
		placed = false // no time left in the period
	}
	switch {
	case placed && !placement.After(s.today):
		s.place(placement, true)
		closing := add(placement, s.rangeN(30, 60))
		s.followUp(add(placement, 30), add(placement, 27), minTime(closing, s.today))
		if !closing.After(s.today) {
			s.close(closing, "placed", "placed in the work security period")
		} else {
			s.end = s.today
		}
		s.actEnd = placement
	case !placed && !add(lastDay, 1).After(s.today):
		// Separated: the periods ended without a placement (000); the case
		// is closed the next day, so ws-separated never finds it open.
		s.close(add(lastDay, 1), "separated", "work security period ended without a placement")
		s.actEnd = lastDay
	default:
		// Still searching today: weekly check-ins and the tracker's last
		// complete week are due (ws-checkin, ws-activity-tracker).
		s.end, s.actEnd = s.today, s.today
		s.contactBy = add(s.today, -cfg.ProgramSetting(key, record.SettingCheckinIntervalDays)+1)
		if lastWeek := add(calendar.MondayOf(s.today), -7); s.opened.Before(lastWeek) {
			s.mondays[lastWeek] = true
		}
	}
}

// wioa is WIOA career planning under an IEP (002): a contact within 10
// days of opening (the intake meeting), contacts at most 30 days apart,
// then either still in service today, an exit with 12 months of follow-up
// in the 2nd and 4th quarters after it, or a case closed early.
func (s *story) wioa() {
	cfg, key := s.g.cfg, s.program
	exit := add(s.opened, s.rangeN(100, 300))
	withdrew := s.chance(0.1)
	leaving := add(s.opened, s.rangeN(40, 220))
	switch {
	case withdrew && !leaving.After(s.today):
		s.close(leaving, pick(s.r, []string{"withdrew", "moved"}), "customer left the program")
	case !withdrew && !exit.After(s.today):
		// The exit is dated at the last service (PIRL 901), and caseplan
		// records it when the customer leaves.
		s.end, s.actEnd = exit, exit
		s.intake.Exited = s.ev(exit)
		// The last contact, a career-planning service on the exit date:
		// the service the exit is dated at (rule wioa-exit-date).
		s.contactBy = exit
		s.note(exit, "contact", "in-person", true, "career-planning")
		if s.chance(0.7) {
			s.place(s.between(add(exit, -30), exit), false)
		}
		months := cfg.ProgramSetting(key, record.SettingFollowUpMonths)
		for _, k := range calendar.FollowUpQuartersWithin(exit, months) {
			first, last := calendar.QuarterAfterExit(exit, k)
			if first.After(s.today) {
				continue
			}
			s.followUp(add(first, 14), first, minTime(last, s.today))
		}
	default:
		s.end, s.actEnd = s.today, s.today
		s.contactBy = add(s.today, -cfg.ProgramSetting(key, record.SettingContactIntervalDays)+5)
	}
	// One counselor may hand the case to another center (002).
	if s.chance(0.1) && calendar.Days(add(s.opened, 30), add(s.end, -10)) > 0 {
		s.transfer = s.between(add(s.opened, 30), add(s.end, -10))
		for s.second == nil || s.second == s.first {
			s.second = pick(s.r, s.g.roster.managers)
		}
		s.note(s.transfer, "transfer", "phone", true, "career-planning")
	}
	s.intake.Team = append(s.intake.Team, record.TeamMember{Name: s.teamName("Navigator", 8), Role: "navigator", Organization: "Lakeview Workforce Board", Phone: s.phone()})
}

// postEmployment is post-employment services after cash assistance ends
// (003): the participant already works; services run for 12 months after
// the assistance ended, with a self-sufficiency plan, contingency plans,
// benefit renewals, and job-site visits only with permission.
func (s *story) postEmployment() {
	cfg, key := s.g.cfg, s.program
	ended := add(s.opened, -s.rangeN(0, 45))
	s.intake.CashAssistanceEnded = s.ev(minTime(ended, s.opened))
	servicesEnd := calendar.AddMonths(ended, cfg.ProgramSetting(key, record.SettingPostAssistanceMonths))
	s.intake.Team = []record.TeamMember{{Name: s.teamName("Navigator", 8), Role: "navigator", Organization: "Lakeview Transitional Assistance Office", Phone: s.phone(),
		Notes: "former cash assistance caseworker; shares benefit renewal notices with permission"}}
	s.place(add(s.opened, -s.rangeN(20, 400)), false)

	leaving := add(s.opened, s.rangeN(60, 220))
	// Closed as completed once the months are over (outcome schema v4;
	// case close refuses completed before their end), within a few weeks
	// of it, as a case manager gets to it.
	closing := add(servicesEnd, s.rangeN(0, 20))
	switch {
	case s.chance(0.08) && !leaving.After(s.today) && leaving.Before(servicesEnd):
		s.close(leaving, "withdrew", "asked to end services; stable job, benefits renewed")
	case !servicesEnd.After(s.today):
		s.close(minTime(closing, s.today), record.ClosureCompleted, "twelve months of post-employment services completed")
	default:
		s.end, s.actEnd = s.today, s.today
		s.contactBy = add(s.today, -30)
	}
	// Job-site visits need the participant's permission first (003).
	if s.chance(0.3) && calendar.Days(s.opened, s.end) >= 20 {
		given := s.between(add(s.opened, 3), minTime(add(s.opened, 30), add(s.end, -7)))
		if visit := s.between(add(given, 7), s.end); !visit.After(s.end) {
			s.intake.Consents = []record.Consent{{Kind: "job-site-visit", Given: s.ev(given), Notes: "agreed to a short visit at the start of a shift"}}
			s.note(visit, "contact", "job-site", true, "retention")
		}
	}
}

// selfSufficiency writes the post-employment plan (003): the plan, its
// contingencies and the benefits to keep, renewed before they lapse.
func (s *story) selfSufficiency() {
	ss := &record.SelfSufficiency{
		Plan: "Keep the job and transitional benefits, build a small emergency fund, and add a certificate that leads to a lead role.",
		Contingency: &record.Contingency{
			ChildCare:      "A relative covers school vacation mornings; a neighbour covers sick days; after-care as the regular arrangement.",
			Transportation: "Bus as the primary route; a co-worker on the same line can give a ride; taxi voucher from the center for emergencies.",
			Crisis:         "Call the case manager (evening messages answered next morning) or the 24-hour family help line; emergency fund for fares and food.",
		},
	}
	for _, b := range pickN(s.r, benefitKinds, s.rangeN(1, 3)) {
		ben := record.Benefit{Name: b.name, Notes: b.notes, Status: "active"}
		renewal := add(s.today, s.rangeN(20, 300))
		switch {
		case s.closed:
			renewal = add(s.end, s.rangeN(20, 200))
		case s.chance(0.1):
			renewal = add(s.today, -s.rangeN(0, 20))
			ben.Status = "pending"
		}
		ben.Renewal = date(renewal)
		ss.Benefits = append(ss.Benefits, ben)
	}
	s.iep.SelfSufficiency = ss
}

// place records the job the participant was placed in; internalToo lets
// it be a job at the university that laid them off (000).
func (s *story) place(start time.Time, internalToo bool) {
	wage := float64(s.rangeN(1700, 3400)) / 100
	hours := float64(pick(s.r, []int{20, 30, 35, 37, 40}))
	employer := pick(s.r, employers)
	internal := false
	if internalToo && s.chance(0.6) {
		employer, internal = university+", "+pick(s.r, departments), true
	}
	p := &record.Placement{Employer: employer, Position: pick(s.r, jobs).title, Wage: &wage, WageUnit: "hour", Hours: &hours}
	if s.program == record.ProgramPostEmployment {
		p.Start = date(start) // the job came before the case (003)
	} else {
		p.Start = s.ev(start)
	}
	if s.program == record.ProgramWorkSecurity {
		p.Internal = &internal
	}
	s.out.Placement = p
}

// followUp records a follow-up due on due and, when a day from from to to
// is not after today, made on that day, with a note of it.
func (s *story) followUp(due, from, to time.Time) {
	f := record.FollowUp{Due: date(due)}
	if done := s.between(from, to); !done.After(to) && !done.After(s.today) {
		employed := s.chance(0.85)
		f.Done, f.Employed = s.ev(done), &employed
		if employed {
			wage := float64(s.rangeN(1700, 3600)) / 100
			f.Wage = &wage
			f.Notes = "still employed; no retention help needed"
		} else {
			f.Notes = "between jobs; referred back to job search assistance"
		}
		s.note(done, "follow-up", "phone", true, "follow-up")
	}
	s.out.FollowUps = append(s.out.FollowUps, f)
}

// close closes the case on day, with a closure note.
func (s *story) close(day time.Time, reason, notes string) {
	s.closed = true
	s.end = day
	if s.actEnd.IsZero() || s.actEnd.After(day) {
		s.actEnd = day
	}
	s.out.Closure = &record.Closure{Date: s.ev(day), Reason: reason, Notes: notes}
	s.note(day, "closure", pick(s.r, []string{"phone", "in-person", "letter"}), reason != "moved", "career-planning")
}

// teamName is a generated name for someone on the case's team, one of n
// people in that role.
func (s *story) teamName(role string, n int) string {
	return fmt.Sprintf("%s %02d", role, s.r.IntN(n)+1)
}
