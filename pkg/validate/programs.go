package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

// The documents the rules come from, by file-name prefix in shared/domain:
// 000 the work security case management planner, 001 the federal brief on
// effective workforce case management, 002 the WIOA career planning issuance,
// 003 the post-employment services policy.

var workSecurityRules = []*Rule{
	{
		ID: "ws-layoff", Severity: finding.Error, Program: record.ProgramWorkSecurity, Source: "000",
		Summary: "a work-security case records the layoff: notice date and layoff date",
		check: func(x *Context) {
			if in := x.Case.Intake; in != nil && in.Layoff == nil {
				x.Report(x.File(layout.KindIntake), nil, "work-security case has no layoff section; record notice_date and layoff_date (caseplan case new --notice-date --layoff-date)")
			}
		},
	},
	{
		ID: "ws-notice-period", Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Setting: "notification_days, notification_days_grant_ended",
		Summary: "the notification period is ordinarily 60 days, 30 when grant funding ends",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil || in.Layoff == nil {
				return
			}
			notice, ok1 := in.Layoff.NoticeDate.Time()
			layoff, ok2 := in.Layoff.LayoffDate.Time()
			if !ok1 || !ok2 || layoff.Before(notice) {
				return
			}
			want := x.Setting(record.SettingNotificationDays)
			if in.Layoff.GrantFundingEnded {
				want = x.Setting(record.SettingNotificationDaysGrantEnded)
			}
			if got := calendar.Days(notice, layoff); got < want {
				x.Report(x.File(layout.KindIntake), Path("layoff.layoff_date"), "notification period is %d days, shorter than the %d days the program provides; check the dates", got, want)
			}
		},
	},
	{
		ID: "ws-references", Completeness: true, Severity: finding.Error, Program: record.ProgramWorkSecurity, Source: "000",
		Setting: "references_required",
		Summary: "by the layoff date the candidate has three professional references who agreed to be named",
		check: func(x *Context) {
			layoff, ok := layoffDate(x)
			if !ok || !x.Today.After(layoff) || !casestate.LayoffItemsOwed(x.Case, x.Config, x.Today) {
				return // due by the end of the layoff date, as the tickler has it, while the search lasts
			}
			want := x.Setting(record.SettingReferencesRequired)
			byLayoff := calendar.ReferencesWithPermission(x.Case, date(layoff))
			now := calendar.ReferencesWithPermission(x.Case, date(x.Today))
			if byLayoff >= want || now >= want {
				return // met in time, or met late (ws-references-late)
			}
			// A reference who agreed but cannot be reached does not count
			// (calendar.Reachable); the finding names it and the command
			// that makes it count, in the tickler's words.
			add := "secure the rest with caseplan ref add " + x.Case.ID + " --name NAME --relationship TEXT --phone PHONE --permission DATE"
			rest := add
			if words := casestate.UnreachableWords(x.Case, date(x.Today)); words != "" {
				rest = words
				if now+len(calendar.UnreachableReferences(x.Case, date(x.Today))) < want {
					rest += "; and " + add
				}
			}
			x.Report(x.referencesFile(), nil, "%d of %d references with permission (%d by the layoff date, %s); %s", now, want, byLayoff, layoff.Format(time.DateOnly), rest)
		},
	},
	{
		ID: "ws-references-late", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Setting: "references_required",
		Summary: "the three references were secured, but after the layoff date, or never before the job search ended (a deadline met late or missed: history, not an open obligation)",
		check: func(x *Context) {
			layoff, ok := layoffDate(x)
			if !ok || x.Today.Before(layoff) {
				return
			}
			want := x.Setting(record.SettingReferencesRequired)
			byLayoff, now := calendar.ReferencesWithPermission(x.Case, date(layoff)), calendar.ReferencesWithPermission(x.Case, date(x.Today))
			if byLayoff >= want {
				return
			}
			if now < want {
				referencesMissed(x, layoff, want, byLayoff, now)
				return
			}
			// The day the count reached want is the latest permission
			// among the first want references to agree.
			var days []record.Date
			for _, r := range x.Case.References.References {
				if r.Permission != "" && (r.Withdrawn == "" || r.Withdrawn > record.Date(x.Today.Format(time.DateOnly))) && calendar.Reachable(r) {
					days = append(days, r.Permission)
				}
			}
			slices.Sort(days)
			met, _ := days[want-1].Time()
			x.Report(x.referencesFile(), nil, "the %s reference agreed on %s, %d day(s) after the layoff date (%s): met late", calendar.Ordinal(want), days[want-1], calendar.Days(layoff, met), layoff.Format(time.DateOnly))
		},
	},
	{
		// 000, general case management during the notification period:
		// "Finalize the candidate's resume, cover letter, and thank-you
		// letter". The record holds their state now, not when each became
		// final, so this is a warning from the day after the layoff date.
		ID: "ws-toolbox", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Summary: "by the layoff date the candidate's resume, cover letter and thank-you letter (the toolbox) are final",
		check: func(x *Context) {
			layoff, ok := layoffDate(x)
			if !ok || !x.Today.After(layoff) || !casestate.LayoffItemsOwed(x.Case, x.Config, x.Today) {
				return // as ws-references
			}
			open, flags := toolboxUnfinished(x)
			if len(open) == 0 {
				return
			}
			x.Report(x.File(layout.KindIntake), toolboxPath(x), "the toolbox is to be final by the layoff date (%s): %s; finish it and record it with caseplan case toolbox %s %s",
				layoff.Format(time.DateOnly), strings.Join(open, ", "), x.Case.ID, strings.Join(flags, " "))
		},
	},
	{
		// As ws-references-late for references never secured. The
		// record holds the toolbox's state now, not when each document
		// became final, so one made final after the layoff date but
		// before the search ended cannot be told from one final in
		// time, and is not warned of (README, How caseplan decides).
		ID: "ws-toolbox-late", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Summary: "the toolbox was never made final before the job search ended, after the layoff date (a deadline missed: history, not an open obligation)",
		check: func(x *Context) {
			layoff, ended, ok := layoffMissed(x)
			if !ok {
				return
			}
			if open, _ := toolboxUnfinished(x); len(open) > 0 {
				x.Report(x.File(layout.KindIntake), toolboxPath(x), "the toolbox was to be final by the layoff date (%s): %s, and %s: the job search is over, and the deadline was missed",
					layoff.Format(time.DateOnly), strings.Join(open, ", "), ended)
			}
		},
	},
	{
		ID: "ws-iep-plan", Completeness: true, Severity: finding.Error, Program: record.ProgramWorkSecurity, Source: "000",
		Summary: "by the layoff date the plan has a job search plan (job targets) and a skill development plan",
		check: func(x *Context) {
			layoff, ok := layoffDate(x)
			if !ok || !x.Today.After(layoff) || !casestate.LayoffItemsOwed(x.Case, x.Config, x.Today) {
				return // as ws-references
			}
			p := x.Case.IEP
			if p == nil {
				x.Report(x.File(layout.KindIntake), nil, "no iep.yaml by the layoff date (%s); the intake meeting develops a job search plan and a skill plan", layoff.Format(time.DateOnly))
				return
			}
			if len(p.JobTargets) == 0 {
				x.Report(x.File(layout.KindIEP), nil, "the plan has no job_targets by the layoff date (%s); agree on a range of positions or job families", layoff.Format(time.DateOnly))
			}
			if len(p.SkillPlan) == 0 {
				x.Report(x.File(layout.KindIEP), nil, "the plan has no skill_plan by the layoff date (%s); plan the courses the candidate will take", layoff.Format(time.DateOnly))
			}
		},
	},
	{
		// As ws-references-late for references never secured. A job
		// target or a course carries no date of its own, so a plan made
		// after the layoff date but before the search ended cannot be
		// told from one made in time, and is not warned of (README, How
		// caseplan decides).
		ID: "ws-iep-plan-late", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Summary: "the job search plan (job targets) or the skill plan was never made before the job search ended, after the layoff date (a deadline missed: history, not an open obligation)",
		check: func(x *Context) {
			layoff, ended, ok := layoffMissed(x)
			if !ok {
				return
			}
			p := x.Case.IEP
			if p == nil {
				x.Report(x.File(layout.KindIntake), nil, "no iep.yaml, with its job search plan and skill plan, by the layoff date (%s), and %s: the job search is over, and the deadline was missed", layoff.Format(time.DateOnly), ended)
				return
			}
			var missing []string
			if len(p.JobTargets) == 0 {
				missing = append(missing, "no job_targets (the job search plan)")
			}
			if len(p.SkillPlan) == 0 {
				missing = append(missing, "no skill_plan")
			}
			if len(missing) > 0 {
				x.Report(x.File(layout.KindIEP), nil, "the plan had %s by the layoff date (%s), and %s: the job search is over, and the deadline was missed", strings.Join(missing, " and "), layoff.Format(time.DateOnly), ended)
			}
		},
	},
	{
		ID: "ws-extension", Severity: finding.Error, Program: record.ProgramWorkSecurity, Source: "000",
		Setting: "work_security_days, extension_max_days",
		Summary: "an approved extension names who authorised it and ends at most 90 days after the work security period",
		check: func(x *Context) {
			o := x.Case.Outcome
			if o == nil {
				return
			}
			// The longest extension is the calendar's, as extension
			// request and decide read it: one owner of where it ends.
			period, ok := calendar.WorkSecurityPeriodOf(x.Case, x.Config)
			for i, e := range o.Extensions {
				if e.Decision != "approved" {
					continue
				}
				at := []string{"extensions", strconv.Itoa(i)}
				if e.By == "" {
					x.Report(x.File(layout.KindOutcome), at, "approved extension does not say who authorised it; only the joint committee may (by:)")
				}
				until, ok2 := e.Until.Time()
				if !ok2 {
					x.Report(x.File(layout.KindOutcome), at, "approved extension has no until date")
					continue
				}
				if ok && until.After(period.Longest) {
					x.Report(x.File(layout.KindOutcome), append(at, "until"), "extension until %s is past the longest possible extension (%s)", e.Until, period.Longest.Format(time.DateOnly))
				}
			}
		},
	},
	{
		// Completeness: the evidence is missing, not contradictory, and
		// the committee's decision must be recordable whatever it rested on.
		ID: "ws-extension-criteria", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Setting: "work_security_days",
		Summary: "an extension rests on its two criteria: regular contact and applications throughout the work security period",
		check:   checkExtensionCriteria,
	},
	{
		ID: "ws-intake-meeting", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Setting: "checkin_interval_days",
		Summary: "the intake meeting is held as soon as possible: an intake note once the first check-in interval has passed",
		check: func(x *Context) {
			if !calendar.JobSearchActive(x.Case, x.Config, x.Today) {
				return
			}
			// The tickler's intake-meeting item counts the same days
			// (casestate.IntakeMeetingOf, the one count).
			m, ok := casestate.IntakeMeetingOf(x.Case, x.Config)
			if !ok || !m.OverdueOn(x.Today) {
				return
			}
			x.Report(x.File(layout.KindIntake), Path("opened"), "no intake meeting note %d days after the case opened (%s); hold the intake meeting as soon as possible and record it with %s", calendar.Days(m.Opened, x.Today), x.Case.Intake.Opened, noteAddCommand(x, casestate.NoteIntake))
		},
	},
	{
		ID: "ws-checkin", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Setting: "checkin_interval_days",
		Summary: "weekly meetings or check-ins (two-way contacts) while the job search lasts",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil || !calendar.JobSearchActive(x.Case, x.Config, x.Today) {
				return
			}
			hint := "plan weekly meetings or check-ins with the candidate and record them with " + noteAddCommand(x, "contact")
			// The tickler's next check-in counts the same interval
			// (casestate.NextContactOf, the one count).
			nc, ok := casestate.NextContactOf(x.Case, x.Config, x.Contact, x.Today)
			if !ok || !nc.OverdueOn(x.Today) {
				return
			}
			d := calendar.Days(nc.Since, x.Today)
			switch nc.From {
			case casestate.SinceReopening:
				x.Report(x.File(layout.KindOutcome), reopeningAt(nc), "no check-in in the %d days since the case was reopened (%s); %s", d, nc.Since.Format(time.DateOnly), hint)
			case casestate.SinceOpening:
				x.Report(x.File(layout.KindIntake), Path("manager"), "no check-in in the %d days since the case opened (%s); %s", d, in.Opened, hint)
			default:
				x.Report(x.File(layout.KindIntake), Path("manager"), "last check-in was %d days ago (%s), more than %d; %s", d, nc.Since.Format(time.DateOnly), nc.Every, hint)
			}
		},
	},
	{
		ID: "ws-activity-tracker", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Summary: "the weekly candidate activity tracker is kept every week of the job search (reviewed monthly)",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil || !calendar.JobSearchActive(x.Case, x.Config, x.Today) {
				return
			}
			// A reopened case counts from its latest reopening, as
			// ws-checkin and the tickler count the check-in (searchStart),
			// every complete week since (trackerWeeksMissing, which
			// ws-activity-tracker-late asks on the search's last day).
			start, ok := searchStart(x.Case, x.Today)
			if !ok {
				return
			}
			missing, _ := trackerWeeksMissing(x.Case, start, x.Today)
			switch {
			case len(missing) == 0:
			case len(missing) == 1:
				x.Report(x.File(layout.KindIntake), nil, "the weekly activity tracker has no entry for %s; log that week's applications, interviews and networking with caseplan activity add %s --date DATE --kind KIND", missing[0], x.Case.ID)
			default:
				x.Report(x.File(layout.KindIntake), nil, "the weekly activity tracker has no entry for %d complete weeks: %s; log each week's applications, interviews and networking with caseplan activity add %s --date DATE --kind KIND", len(missing), strings.Join(missing, ", "), x.Case.ID)
			}
		},
	},
	{
		// History once the search is over (searchgaps.go), as
		// ws-references-late: one warning per case, never one per week.
		ID: "ws-checkin-late", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Setting: "checkin_interval_days",
		Summary: "the weekly check-ins missed while a job search that is over lasted: how many, and the longest gap (history, not an open obligation)",
		check:   checkinsMissed,
	},
	{
		ID: "ws-activity-tracker-late", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Summary: "the weeks of a job search that is over with no activity tracker entry: how many, and the longest run (history, not an open obligation)",
		check:   trackerWeeksMissed,
	},
	{
		ID: casestate.RuleWSSeparated, Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Setting: "work_security_days",
		Summary: "a case whose work security period (and extension) ended without a placement is separated and closed",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil || in.Status != "open" {
				return
			}
			st := calendar.StandingOf(x.Case, x.Config, x.Today)
			if st.Standing != calendar.StandingSeparated {
				return
			}
			x.Report(x.File(layout.KindIntake), Path("status"), "%s", casestate.SeparatedWords(st, x.Case.ID))
		},
	},
	{
		ID: "ws-extension-pending", Completeness: true, Severity: finding.Warning, Program: record.ProgramWorkSecurity, Source: "000",
		Setting: "work_security_days, extension_max_days",
		Summary: "an extension request is decided by the joint committee before the period it would extend ends; until then the candidate is neither extended nor separated, and past the longest extension's end no decision can extend it",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil || in.Status != "open" {
				return
			}
			st := calendar.StandingOf(x.Case, x.Config, x.Today)
			if st.Standing != calendar.StandingExtensionPending {
				return
			}
			p := st.Period
			what := "the work security period"
			if p.LastDay().After(p.End) {
				what = "the extension of the work security period"
			}
			at := []string{"extensions", strconv.Itoa(p.PendingAt)}
			// Past the last day the longest extension could reach, no
			// decision can extend the job search any more (000: "up to
			// three months beyond the initial three month Work Security
			// period"); caseplan does not decide for the committee, but
			// says the request is long overdue.
			if x.Today.After(p.Longest) {
				x.Report(x.File(layout.KindOutcome), at, "the extension request of %s is still undecided, %d days after %s ended on %s and past %s, the last day the longest extension could reach (extension_max_days, %d): whatever the joint committee decides, the candidate's work security is over; get its decision and record it with %s",
					p.PendingRequested, calendar.Days(p.LastDay(), x.Today), what, p.LastDay().Format(time.DateOnly), p.Longest.Format(time.DateOnly), x.Setting(record.SettingExtensionMaxDays), casestate.ExtensionDenyCommand(x.Case.ID))
				return
			}
			if string(p.PendingRequested) > p.LastDay().Format(time.DateOnly) {
				// Made after the period ended (taken: 000 sets the
				// committee no deadline): the period did not end with it
				// undecided, it came late.
				x.Report(x.File(layout.KindOutcome), at, "the extension request of %s, made after %s ended on %s, is undecided: the candidate is neither extended nor separated; record the joint committee's decision with %s", p.PendingRequested, what, p.LastDay().Format(time.DateOnly), casestate.ExtensionDecideCommand(x.Case.ID))
				return
			}
			x.Report(x.File(layout.KindOutcome), at, "%s ended on %s with the extension request of %s undecided: the candidate is neither extended nor separated; record the joint committee's decision with %s", what, p.LastDay().Format(time.DateOnly), p.PendingRequested, casestate.ExtensionDecideCommand(x.Case.ID))
		},
	},
}

var wioaRules = []*Rule{
	{
		ID: "wioa-iep", Completeness: true, Severity: finding.Error, Program: record.ProgramWIOA, Source: "002",
		Summary: "every career-planning customer has a formal Individual Employment Plan",
		check: func(x *Context) {
			if x.Case.IEP == nil && x.Case.Doc(x.File(layout.KindIEP)) == nil {
				x.Report(x.File(layout.KindIntake), nil, "WIOA career-planning case has no iep.yaml; every such customer has an IEP")
			}
		},
	},
	{
		ID: "wioa-iep-agreed", Completeness: true, Severity: finding.Warning, Program: record.ProgramWIOA, Source: "002",
		Summary: fmt.Sprintf("a plan with goals or services has the participant's agreement on record within %d days of its creation: the IEP is an agreement between customer and case manager (001), jointly developed (002)", AgreementDays),
		check: func(x *Context) {
			p, created, ok := agreeablePlan(x)
			if !ok || len(p.Agreements) > 0 {
				return
			}
			if d := calendar.Days(created, x.Today); d > AgreementDays {
				x.Report(x.File(layout.KindIEP), Path("created"), "the plan was created %d days ago (%s) and has goals or services, but no agreement of the participant's to it is on record (more than %d days); record how and when they agreed with caseplan iep agree %s --date DATE --how %s",
					d, p.Created, AgreementDays, x.Case.ID, strings.Join(agreementWays, "|"))
			}
		},
	},
	{
		ID: "wioa-iep-reagreed", Completeness: true, Severity: finding.Warning, Program: record.ProgramWIOA, Source: "001",
		Summary: fmt.Sprintf("a plan reviewed since the participant last agreed to it is agreed again within %d days of the review: the plan is an agreement, updated regularly (001)", AgreementDays),
		check: func(x *Context) {
			p, _, ok := agreeablePlan(x)
			if !ok {
				return
			}
			last := p.LastAgreement()
			if last == nil {
				return // never agreed: wioa-iep-agreed
			}
			review, at := -1, ""
			for i, r := range p.Reviews {
				if _, ok := r.Date.Time(); ok && r.Date > last.Date && string(r.Date) > at {
					review, at = i, string(r.Date)
				}
			}
			if review < 0 {
				return
			}
			reviewed, _ := p.Reviews[review].Date.Time()
			if d := calendar.Days(reviewed, x.Today); d > AgreementDays {
				x.Report(x.File(layout.KindIEP), []string{"reviews", strconv.Itoa(review), "date"}, "the plan was reviewed on %s, %d days ago, after the participant last agreed to it (%s, %s), and they have not agreed to it since (more than %d days); when they agree to the plan as reviewed, record it with caseplan iep agree %s --date DATE --how %s",
					at, d, last.Date, last.How, AgreementDays, x.Case.ID, strings.Join(agreementWays, "|"))
			}
		},
	},
	{
		ID: "wioa-first-contact", Completeness: true, Severity: finding.Error, Program: record.ProgramWIOA, Source: "002",
		Setting: "first_contact_days",
		Summary: "the counselor must contact the customer within 10 days of opening, or of a reopening before any contact; an error while the case is open and there has been no contact at all",
		check: func(x *Context) {
			if _, contacted := x.Contact.Last(x.Case.Notes); contacted {
				return // in time, or late (wioa-first-contact-late)
			}
			if in := x.Case.Intake; in == nil || in.Status != "open" {
				return // missed, if it was owed: history (wioa-first-contact-late), as the tickler asks no contact of a closed case
			}
			// The tickler's first contact counts the same days
			// (casestate.FirstContactOf, the one count): from the
			// opening, or from a reopening before any contact.
			f, ok := casestate.FirstContactOf(x.Case, x.Config, x.Today)
			if !ok || !f.OverdueOn(x.Today) {
				return
			}
			if f.From == casestate.SinceReopening {
				x.Report(x.File(layout.KindOutcome), reopeningIndexAt(f.Reopening), "no contact yet: the case was reopened on %s before any contact, and the first was due within %d days of the reopening (by %s); contact the customer and record it with %s", f.Since.Format(time.DateOnly), f.Days, f.By.Format(time.DateOnly), noteAddCommand(x, "contact"))
				return
			}
			x.Report(x.File(layout.KindIntake), Path("opened"), "no contact yet: the first was due within %d days of opening (by %s); contact the customer and record it with %s", f.Days, f.By.Format(time.DateOnly), noteAddCommand(x, "contact"))
		},
	},
	{
		ID: "wioa-first-contact-late", Completeness: true, Severity: finding.Warning, Program: record.ProgramWIOA, Source: "002",
		Setting: "first_contact_days",
		Summary: "the first contact came after the 10 days from opening, or from a reopening before it, or never came before the case was closed and reopened (a deadline met late or missed: history, not an open obligation)",
		check: func(x *Context) {
			var first time.Time
			for _, n := range x.Case.Notes {
				if t, ok := n.Date.Time(); ok && x.Contact.Is(n) && (first.IsZero() || t.Before(first)) {
					first = t
				}
			}
			firstContactMissed(x, first)
			if first.IsZero() {
				return
			}
			// The first contact is judged by the days it was owed in:
			// from the opening, or from the reopening before it
			// (casestate.FirstContactOf, as wioa-first-contact and the
			// tickler counted them).
			f, ok := casestate.FirstContactOf(x.Case, x.Config, first)
			if !ok || !first.After(f.By) {
				return
			}
			if f.From == casestate.SinceReopening {
				x.Report(x.File(layout.KindOutcome), reopeningIndexAt(f.Reopening), "the first contact was on %s, day %d after the reopening on %s: %d day(s) later than the %d days (by %s); met late",
					first.Format(time.DateOnly), calendar.Days(f.Since, first), f.Since.Format(time.DateOnly), calendar.Days(f.By, first), f.Days, f.By.Format(time.DateOnly))
				return
			}
			x.Report(x.File(layout.KindIntake), Path("opened"), "the first contact was on %s, day %d after opening: %d day(s) later than the %d days (by %s); met late",
				first.Format(time.DateOnly), calendar.Days(f.Since, first), calendar.Days(f.By, first), f.Days, f.By.Format(time.DateOnly))
		},
	},
	{
		ID: "wioa-contact-interval", Completeness: true, Severity: finding.Warning, Program: record.ProgramWIOA, Source: "002",
		Setting: "contact_interval_days",
		Summary: "the counselor should contact an active customer at least every 30 days",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil || in.Status != "open" || in.Exited != "" {
				return
			}
			// wioa-first-contact covers a case never contacted, unless a
			// supervisor waived it for the case or the store turned it
			// off: the contact every 30 days then runs from the opening,
			// or from a reopening, as the tickler counts it
			// (casestate.NextContactOf, the one count; casestate.RuleOf).
			if _, contacted := x.Contact.Last(x.Case.Notes); !contacted && !firstContactSetAside(x) {
				return
			}
			nc, ok := casestate.NextContactOf(x.Case, x.Config, x.Contact, x.Today)
			if !ok || !nc.OverdueOn(x.Today) {
				return
			}
			d := calendar.Days(nc.Since, x.Today)
			switch nc.From {
			case casestate.SinceReopening:
				x.Report(x.File(layout.KindOutcome), reopeningAt(nc), "no contact in the %d days since the case was reopened (%s), more than %d; contact the customer", d, nc.Since.Format(time.DateOnly), nc.Every)
			case casestate.SinceOpening:
				x.Report(x.File(layout.KindIntake), Path("opened"), "no contact in the %d days since the case opened (%s), more than %d (the first contact's %d days do not apply to this case); contact the customer", d, nc.Since.Format(time.DateOnly), nc.Every, x.Setting(record.SettingFirstContactDays))
			default:
				x.Report(x.File(layout.KindIntake), Path("manager"), "last contact was %d days ago (%s), more than %d; contact the customer", d, nc.Since.Format(time.DateOnly), nc.Every)
			}
		},
	},
	{
		ID: "wioa-counselor", Severity: finding.Error, Program: record.ProgramWIOA, Source: "002",
		Remedy:  transferRemedy,
		Summary: "a case has one designated counselor: its manager, who is active and whom the last transfer names",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil {
				return
			}
			f := x.File(layout.KindIntake)
			if s, ok := x.Config.StaffByID(in.Manager); ok && !s.IsActive() && in.Status == "open" {
				x.Report(f, Path("manager"), "the designated counselor %s is no longer active on the staff roster; transfer the case and its IEP to an active counselor with %s", in.Manager, RemedyFor("wioa-counselor", x.Case.ID))
			}
			last := -1
			for i, t := range in.Transfers {
				if last < 0 || t.Date >= in.Transfers[last].Date {
					last = i
				}
			}
			if last >= 0 && in.Transfers[last].To != "" && in.Transfers[last].To != in.Manager {
				t := in.Transfers[last]
				x.Report(f, []string{"transfers", strconv.Itoa(last), "to"}, "the last transfer (%s) made %s the designated counselor, but the manager is %s; change counselors with %s", t.Date, t.To, in.Manager, RemedyFor("wioa-counselor", x.Case.ID))
			}
		},
	},
	{
		ID: "wioa-follow-up", Completeness: true, Severity: finding.Error, Program: record.ProgramWIOA, Source: "002",
		Setting: "follow_up_months",
		Summary: "follow-up after exit: a follow-up recorded in the 2nd and the 4th calendar quarter after the quarter of exit (TEGL 10-16)",
		check: func(x *Context) {
			// Closing the case does not end the follow-up: the counselor
			// "must ... conduct follow-up" (002), and it is made after
			// the case is closed too (caseplan followup add records it).
			// A reason to exclude the participant (PIRL 923) dated by a
			// quarter's end lifts that quarter's.
			exit, ok := x.exited()
			if !ok {
				return
			}
			for _, k := range calendar.FollowUpQuartersWithin(exit, x.Setting(record.SettingFollowUpMonths)) {
				first, last := calendar.QuarterAfterExit(exit, k)
				if !x.Today.After(last) || len(calendar.FollowUpsFor(x.Case.Outcome, exit, k)) > 0 || calendar.ExcludedBy(x.Case.Outcome, exit, last) {
					continue
				}
				// The quarter has ended, so a follow-up made now would by
				// default report on the quarter it is done in: the command
				// names the quarter it is owed for.
				x.Report(x.File(layout.KindIntake), Path("exited"), "no follow-up recorded in the %s quarter after exit, %s (%s to %s); follow up with the customer and record it with %s (the quarter has ended: without --quarter, a follow-up done now reports on the quarter it is done in)",
					calendar.Ordinal(k), calendar.QuarterName(first), first.Format(time.DateOnly), last.Format(time.DateOnly), calendar.FollowUpAddCommand(x.Case.ID, k))
			}
		},
	},
	{
		ID: RuleWIOAFollowUpLate, Completeness: true, Severity: finding.Warning, Program: record.ProgramWIOA, Source: "002",
		Setting: "follow_up_months",
		Summary: "a follow-up planned for the 2nd or 4th quarter after exit was made after that quarter (met late: history)",
		check: func(x *Context) {
			exit, ok := x.exited()
			if !ok {
				return
			}
			for _, k := range calendar.FollowUpQuarters {
				first, last := calendar.QuarterAfterExit(exit, k)
				if c := calendar.FollowUpsFor(x.Case.Outcome, exit, k); len(c) > 0 && c[0].Late {
					done := x.Case.Outcome.FollowUps[c[0].Index].Done
					t, _ := done.Time()
					x.Report(x.File(layout.KindOutcome), Path("follow_ups"), "the follow-up for the %s quarter after exit, %s, was made on %s, %d day(s) after the quarter ended (%s); met late",
						calendar.Ordinal(k), calendar.QuarterName(first), done, calendar.Days(last, t), last.Format(time.DateOnly))
				}
			}
		},
	},
	{
		// A warning, not a refusal: a follow-up made early in the quarter
		// may rightly record earnings (a pay stub for the quarter's
		// weeks so far, a customer paid a bonus up front), and a refusal
		// would lose the employment it also records. But the quarter's
		// earnings reach the PIRL (1703-1706) and the median earnings
		// indicator as the quarter's total, so the manager is told to
		// check them once the quarter has ended.
		ID: RuleWIOAEarningsEarly, Severity: finding.Warning, Program: record.ProgramWIOA, Source: "TEGL 10-16",
		Summary: "a follow-up records a quarter after exit's total earnings (PIRL 1703-1706) only once that quarter has ended: earnings recorded on a day before its last may be only part of them",
		Remedy:  "caseplan edit CASE outcome",
		check: func(x *Context) {
			exit, ok := x.exited()
			if !ok || x.Case.Outcome == nil {
				return
			}
			fus := x.Case.Outcome.FollowUps
			quarter := func(fu record.FollowUp) int {
				if fu.Quarter != 0 {
					return fu.Quarter
				}
				k, _ := calendar.FollowUpQuarter(fu, exit)
				return k
			}
			// after says a follow-up done once the k-th quarter had ended
			// records its earnings: the total, which the indicators take
			// (the largest a quarter's follow-ups record).
			after := func(k int, last time.Time) bool {
				return slices.ContainsFunc(fus, func(fu record.FollowUp) bool {
					done, ok := fu.Done.Time()
					return ok && fu.Earnings != nil && !done.Before(last) && quarter(fu) == k
				})
			}
			for i, fu := range fus {
				done, ok := fu.Done.Time()
				if fu.Earnings == nil || !ok {
					continue
				}
				k := quarter(fu)
				if k < 1 || k > 4 {
					continue
				}
				first, last := calendar.QuarterAfterExit(exit, k)
				if !done.Before(last) || after(k, last) {
					continue
				}
				x.Report(x.File(layout.KindOutcome), []string{"follow_ups", strconv.Itoa(i), "earnings"}, "follow-up done on %s records earnings of %s for the %s quarter after exit, %s, which ends on %s: the quarter's total earnings (reported as its wages, PIRL 1703-1706) are not known before it ends, so these may be only part of them; once it has ended, record its total with %s --earnings N --evidence KIND, or correct these with %s",
					fu.Done, strconv.FormatFloat(*fu.Earnings, 'f', -1, 64), calendar.Ordinal(k), calendar.QuarterName(first), last.Format(time.DateOnly), calendar.FollowUpAddCommand(x.Case.ID, k), RemedyFor(RuleWIOAEarningsEarly, x.Case.ID))
			}
		},
	},
	{
		// 002 has no exit rule; the 90 days are WIOA's exit definition
		// (TEGL 10-16, PIRL 901), which the state systems count by.
		ID: "wioa-potential-exit", Completeness: true, Severity: finding.Warning, Program: record.ProgramWIOA, Source: "TEGL 10-16",
		Setting: "inactivity_exit_days",
		Summary: "90 days with no participation-causing service and none scheduled: the participant has exited (TEGL 10-16), dated at the last such service",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil || in.Status != "open" || in.Exited != "" {
				return
			}
			p := calendar.ParticipationOf(x.Case, x.Config, x.Today)
			if p.Exit.IsZero() || p.Date.IsZero() {
				return
			}
			// The count is the definition's (inactivity_exit_days), through
			// the last day a service would have prevented the exit
			// (ServeBy), as the tickler's potential-exit item words it —
			// not the days since the service, which are one more on the
			// first day the exit is known (ExitKnown).
			exit := p.Exit.Format(time.DateOnly)
			days := fmt.Sprintf("%d days", p.ExitDays)
			if p.ExitDays == 1 {
				days = "1 day"
			}
			x.Report(x.File(layout.KindIntake), Path("status"), "%s without a participation-causing service since %s (to %s) and none scheduled: the participant has exited by WIOA's definition (TEGL 10-16), with exit date %s; record it with caseplan case exit %s (it proposes %s), or record the service that was given",
				days, p.LastService.Format(time.DateOnly), p.ServeBy().Format(time.DateOnly), exit, x.Case.ID, exit)
		},
	},
	{
		// The exit of the definition (TEGL 10-16, PIRL 901) happens on the
		// day it is known, whether or not anyone records it; a service
		// given after it begins a new period of participation, and does
		// not undo it. Once that service is recorded, wioa-potential-exit
		// no longer sees the exit (the last service is the new one), so
		// this rule keeps it in view: the performance report counts only
		// exits recorded, and this one would be missing from its figures.
		// A warning, as the exit rules are: the service happened and is
		// recorded (note add says this finding, never refuses the note),
		// and a planned gap in service (TEGL 10-16: a delay before
		// training, health, family care) is no exit, which the records do
		// not show and a supervisor's waiver says.
		ID: RuleWIOAUnrecordedExit, Completeness: true, Severity: finding.Warning, Program: record.ProgramWIOA, Source: "TEGL 10-16",
		Setting: "inactivity_exit_days",
		Summary: "a participation-causing service after 90 days without one does not undo the exit they made (TEGL 10-16): record the exit and open the new period of participation",
		check: func(x *Context) {
			p := calendar.ParticipationOf(x.Case, x.Config, x.Today)
			if p.EarlierExit.IsZero() {
				return
			}
			// A service after the exit recorded is wioa-exit-date's.
			if exit, ok := x.exited(); ok && p.Returned.After(exit) {
				return
			}
			exit, back := p.EarlierExit.Format(time.DateOnly), p.Returned.Format(time.DateOnly)
			fix := fmt.Sprintf("record the exit with caseplan case exit %s --date %s and open the new period with caseplan case new --returning-from %s --opened %s, record there the services from %s",
				x.Case.ID, exit, x.Case.ID, back, back)
			if recorded, ok := x.exited(); ok {
				// An exit recorded on or after the later service is the
				// new period's, and case exit refuses a case that already
				// exited: correct the one recorded to the hidden exit and
				// record it again on the new period's case.
				rec := recorded.Format(time.DateOnly)
				fix = fmt.Sprintf("the exit recorded on %s ends the new period: correct exited to %s with caseplan edit %s intake, open the new period with caseplan case new --returning-from %s --opened %s, record there the services from %s and its exit with caseplan case exit NEW-CASE --date %s",
					rec, exit, x.Case.ID, x.Case.ID, back, back, rec)
			}
			x.Report(x.File(layout.KindIntake), Path("status"), "the participation-causing service on %s came more than %d days after the one on %s, with none between and none scheduled: the participant exited on %s by WIOA's definition (TEGL 10-16, PIRL 901), and that service began a new period of participation; %s, and void the notes recorded here for them with caseplan note amend %s NOTE --void --content TEXT",
				back, p.ExitDays, exit, exit, fix, x.Case.ID)
		},
	},
	{
		ID: RuleWIOAExitDate, Completeness: true, Severity: finding.Warning, Program: record.ProgramWIOA, Source: "TEGL 10-16",
		Summary: "the exit recorded is the date of the last participation-causing service, and no such service comes after it (PIRL 901)",
		check: func(x *Context) {
			exit, ok := x.exited()
			if !ok {
				return
			}
			// A service after the exit: by TEGL 10-16 the exit was
			// recorded too early, or a new period of participation began
			// — a period is a case of its own, that names this one
			// (intake returning_from, wioa-returning-from).
			now := calendar.ParticipationOf(x.Case, x.Config, x.Today)
			if now.UnderWay != "" && now.LastService.After(exit) {
				// A plan service started with no end recorded counts as
				// given every day (calendar.Participation.UnderWay), so
				// "a service on" today would name a day nothing happened:
				// say which service it is, and that recording its end is
				// what the exit needs (the exit is the last service's
				// day, PIRL 901; no service is under way at exit, TEGL
				// 10-16).
				x.Report(x.File(layout.KindIntake), Path("exited"), "plan service %s, started on %s, has no end recorded, so it counts as given every day and runs past the exit recorded on %s; record the day it ended with caseplan iep service end %s %s --date DATE (the exit is that day when it was the last participation-causing service, PIRL 901); if it went on after the exit, the participant had not exited: correct exited with caseplan edit %s intake",
					now.UnderWay, now.UnderWaySince.Format(time.DateOnly), exit.Format(time.DateOnly), x.Case.ID, now.UnderWay, x.Case.ID)
				return
			}
			if now.LastService.After(exit) {
				x.Report(x.File(layout.KindIntake), Path("exited"), "a participation-causing service on %s comes after the exit recorded on %s; if the participant had not exited, correct exited with caseplan edit %s intake; if they came back after the exit, that service starts a new period of participation (TEGL 10-16): open a case for it with caseplan case new --returning-from %s --opened DATE and record the service there, and void a note recorded here for it with caseplan note amend %s NOTE --void --content TEXT",
					now.LastService.Format(time.DateOnly), exit.Format(time.DateOnly), x.Case.ID, x.Case.ID, x.Case.ID)
				return
			}
			// The exit date is the last such service's date (PIRL 901).
			if then := calendar.ParticipationOf(x.Case, x.Config, exit); !then.Date.IsZero() && then.LastService.Before(exit) {
				last := then.LastService.Format(time.DateOnly)
				x.Report(x.File(layout.KindIntake), Path("exited"), "the exit recorded on %s is later than the last participation-causing service, on %s; WIOA's exit date is that service's date (PIRL 901, TEGL 10-16): correct exited to %s with caseplan edit %s intake",
					exit.Format(time.DateOnly), last, last, x.Case.ID)
			}
		},
	},
}

// RuleWIOAExitDate is the rule that the exit recorded is the last
// participation-causing service's date, with none after it; case exit
// says it when the --date given brings it, since the exit recorded is the
// one the performance report counts.
const RuleWIOAExitDate = "wioa-exit-date"

// RuleWIOAUnrecordedExit is the rule that an exit by WIOA's definition,
// which a later service hides from wioa-potential-exit, is recorded; note
// add says it when the service it records is that later one.
const RuleWIOAUnrecordedExit = "wioa-unrecorded-exit"

// RulePEJobSitePermission is the rule that a job-site visit has the
// participant's permission (003); note add says it when the note it
// writes brings it, since the visit is recorded after it was made.
const RulePEJobSitePermission = "pe-job-site-permission"

// JobSiteWithoutPermission reports whether note n records a job-site
// visit made without the participant's permission on record by its day
// (RulePEJobSitePermission, 003: "visiting the job site, with the
// participant's permission"): what the rule reports, and what the monthly
// report counts. An amendment corrects a visit's note and is no visit.
func JobSiteWithoutPermission(in *record.Intake, n *record.Note) bool {
	return n.Mode == "job-site" && n.Kind != "amendment" && (in == nil || !permitted(in.Consents, "job-site-visit", n.Date))
}

// RulePETrainingReferral is the rule that a referral to education or
// training falls within the months of post-employment services (003 item
// 9); service add and update say it when the referral they write brings
// it.
const RulePETrainingReferral = "pe-training-referral"

var postEmploymentRules = []*Rule{
	{
		ID: "pe-self-sufficiency", Completeness: true, Severity: finding.Warning, Program: record.ProgramPostEmployment, Source: "003",
		Summary: "post-employment services start with a self-sufficiency plan, on an open case",
		check: func(x *Context) {
			// A closed case's services are over: a plan missing then is
			// nothing left to do (as pe-benefit-renewal and
			// pe-post-assistance, which also look at open cases only).
			if !caseOpen(x) {
				return
			}
			if p := x.Case.IEP; p == nil || p.SelfSufficiency == nil || p.SelfSufficiency.Plan == "" {
				file := x.File(layout.KindIEP)
				if x.Case.Doc(file) == nil {
					file = x.File(layout.KindIntake)
				}
				x.Report(file, nil, "no self-sufficiency plan; post-employment services start with one (self_sufficiency.plan): write it with caseplan iep self-sufficiency %s --plan TEXT", x.Case.ID)
			}
		},
	},
	{
		ID: "pe-contingency", Completeness: true, Severity: finding.Warning, Program: record.ProgramPostEmployment, Source: "003",
		Summary: "the self-sufficiency plan has contingency plans for child care, transportation and preventable crises, on an open case",
		check: func(x *Context) {
			p := x.Case.IEP
			if p == nil || p.SelfSufficiency == nil || !caseOpen(x) {
				return // pe-self-sufficiency asks for the whole plan
			}
			c := p.SelfSufficiency.Contingency
			// Each field with the flag of iep self-sufficiency that sets it.
			var missing [][2]string
			if c == nil || c.ChildCare == "" {
				missing = append(missing, [2]string{"child_care", "--child-care"})
			}
			if c == nil || c.Transportation == "" {
				missing = append(missing, [2]string{"transportation", "--transportation"})
			}
			if c == nil || c.Crisis == "" {
				missing = append(missing, [2]string{"crisis", "--crisis"})
			}
			for _, m := range missing {
				x.Report(x.File(layout.KindIEP), Path("self_sufficiency"), "no contingency plan for %[1]s (self_sufficiency.contingency.%[1]s): write it with caseplan iep self-sufficiency %[3]s %[2]s TEXT", m[0], m[1], x.Case.ID)
			}
		},
	},
	{
		// 003 item 5 asks for "ongoing contact with participants" and "a
		// scheduling matrix to plan dates for participant contact", and
		// gives no number: the 30 days of contact_interval_days are
		// caseplan's default (002's "within 30 days"), a program setting
		// a store may change. The tickler's next contact counts it
		// (casestate.NextContactOf, the one count), so validate warns of
		// the case the tickler lists overdue by the interval; an agreed
		// contact schedule asks for earlier days on the tickler, but the
		// office is judged by the interval, as for WIOA.
		ID: casestate.RulePEContact, Completeness: true, Severity: finding.Warning, Program: record.ProgramPostEmployment, Source: "003",
		Setting: "contact_interval_days",
		Summary: "ongoing contact with the participant while the case is open: a two-way contact at least every 30 days (003 gives no number; 30 is caseplan's default)",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil || in.Status != "open" {
				return
			}
			nc, ok := casestate.NextContactOf(x.Case, x.Config, x.Contact, x.Today)
			if !ok || !nc.OverdueOn(x.Today) {
				return
			}
			hint := "contact the participant (003: at the times they can be reached, by phone, e-mail or in person) and record it with caseplan note add " + x.Case.ID + " --kind contact --mode MODE --two-way"
			if x.Contact.RequiresService {
				hint += " --service CODE"
			}
			d := calendar.Days(nc.Since, x.Today)
			switch nc.From {
			case casestate.SinceReopening:
				x.Report(x.File(layout.KindOutcome), reopeningAt(nc), "no contact in the %d days since the case was reopened (%s), more than %d; %s", d, nc.Since.Format(time.DateOnly), nc.Every, hint)
			case casestate.SinceOpening:
				x.Report(x.File(layout.KindIntake), Path("opened"), "no contact in the %d days since the case opened (%s), more than %d; %s", d, nc.Since.Format(time.DateOnly), nc.Every, hint)
			default:
				x.Report(x.File(layout.KindIntake), Path("manager"), "last contact was %d days ago (%s), more than %d; %s", d, nc.Since.Format(time.DateOnly), nc.Every, hint)
			}
		},
	},
	{
		ID: "pe-benefit-renewal", Completeness: true, Severity: finding.Warning, Program: record.ProgramPostEmployment, Source: "003",
		Summary: "benefits the participant relies on have their renewal date on record and are renewed before it, not left to lapse; a renewal submitted (pending) has its decision recorded once the date is past",
		check: func(x *Context) {
			p := x.Case.IEP
			if p == nil || p.SelfSufficiency == nil || !caseOpen(x) {
				return
			}
			for i, b := range p.SelfSufficiency.Benefits {
				at := []string{"self_sufficiency", "benefits", strconv.Itoa(i)}
				// 003 asks the manager to help the participant "maintain
				// eligibility", and a benefit is maintained by renewing
				// it in time: one kept (active) or submitted (pending)
				// with no date on record is one the tickler cannot
				// remind anyone of, and whose lapse nobody sees coming.
				// A lapsed one is warned of below, date or none.
				if b.Renewal == "" && (b.Status == "" || b.Status == "active" || b.Status == "pending") {
					renew := "caseplan iep benefit renew " + x.Case.ID + " " + b.Ref()
					if b.Status == "pending" {
						x.Report(x.File(layout.KindIEP), at, "the renewal of %s was submitted (pending) and has no date on record; record the day it was due, by which the decision is expected: %s --renewal DATE --status pending", b.Name, renew)
					} else {
						x.Report(x.File(layout.KindIEP), at, "%s has no renewal date on record, so nothing reminds anyone to renew it before it lapses; find out when its eligibility must next be renewed and record it: %s --renewal DATE", b.Name, renew)
					}
					continue
				}
				switch b.Status {
				case "ended":
					// Ended on purpose: nothing to maintain.
				case "pending":
					// Submitted: the agency decides by the renewal date,
					// when the current period ends. Once it is past, the
					// benefit runs on or has lapsed, and only the decision
					// says which (003: "maintain eligibility"). Warned of
					// from the day after, as the tickler counts the
					// decision overdue: no document gives a grace period.
					if r, ok := b.Renewal.Time(); ok && x.Today.After(r) {
						x.Report(x.File(layout.KindIEP), append(at, "renewal"), "the renewal of %[1]s was submitted (pending) and its date %[2]s has passed; find out the decision and record it: approved, the next renewal date with caseplan iep benefit renew %[3]s %[4]s --renewal DATE --status active; refused or not made in time, caseplan iep benefit renew %[3]s %[4]s --renewal %[2]s --status lapsed",
							b.Name, b.Renewal, x.Case.ID, b.Ref())
					}
				case "lapsed":
					x.Report(x.File(layout.KindIEP), append(at, "status"), "%s has lapsed; help the participant restore their eligibility, then record it with caseplan iep benefit renew %s %s --renewal DATE --status active", b.Name, x.Case.ID, b.Ref())
				default:
					if r, ok := b.Renewal.Time(); ok && x.Today.After(r) {
						x.Report(x.File(layout.KindIEP), append(at, "renewal"), "the renewal date %s of %s has passed; record the next renewal date, or the status pending, lapsed or ended: caseplan iep benefit renew %s %s --renewal DATE [--status STATUS]", b.Renewal, b.Name, x.Case.ID, b.Ref())
					}
				}
			}
		},
	},
	{
		// A warning, not an error: a note records a visit that happened,
		// and refusing it would hide the visit; and stores kept the
		// permission in the note's text before consents existed. A store
		// may make it an error under rules: in caseplan.yaml. It is an
		// obligation (Completeness), so a write is never refused for it.
		//
		// 003 asks for the participant's permission ("visiting the job
		// site, with the participant's permission"), not for a written
		// one: permission given orally or by text before the visit and
		// recorded afterwards, with the day it was given, satisfies it.
		// A visit made without permission cannot be made good; a
		// supervisor may waive the finding with a reason, and the waiver
		// covers the visits up to its date only (EventDay), so that it
		// is never leave for the next visit.
		ID: RulePEJobSitePermission, Completeness: true, Severity: finding.Warning, Program: record.ProgramPostEmployment, Source: "003",
		Summary: "the job site is visited only with the participant's permission, given before the visit (orally too) and recorded",
		EventDay: func(c *casefile.Case, f finding.Finding) (record.Date, bool) {
			for _, n := range c.Notes {
				if c.NotePath(n) == f.Path && validDate(n.Date) {
					return n.Date, true
				}
			}
			return "", false
		},
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil {
				return
			}
			for _, n := range x.Case.Notes {
				if !JobSiteWithoutPermission(in, n) {
					continue
				}
				x.Report(x.Case.NotePath(n), Path("mode"), "job-site visit on %[1]s without the participant's permission on record; if they gave it by then, orally too, record it with the day they gave it: caseplan case consent add %[2]s --kind job-site-visit --given DATE --notes HOW; if they did not, a supervisor may waive this visit: caseplan waiver add %[2]s --rule pe-job-site-permission --reason TEXT", n.Date, x.Case.ID)
			}
		},
	},
	{
		// 003 item 9: referrals to education and training "while
		// receiving cash assistance and for 12 months following the loss
		// of cash assistance" — the same months as pe-post-assistance,
		// so the same setting. A referral dated after them is outside
		// what the program gives: a date typed wrong, or a referral made
		// under another program. A warning, never a refusal: the
		// referral was made, and the record keeps it. A supervisor may
		// waive it with a reason; like a job-site visit, the waiver
		// covers the referrals up to its date only (EventDay).
		ID: RulePETrainingReferral, Completeness: true, Severity: finding.Warning, Program: record.ProgramPostEmployment, Source: "003",
		Setting: "post_assistance_months",
		Summary: "referrals to education and training are made while the participant receives cash assistance and for 12 months after it ends (003 item 9), not later",
		EventDay: func(c *casefile.Case, f finding.Finding) (record.Date, bool) {
			d := c.Doc(c.File(layout.KindServices))
			if c.Services == nil || d == nil || f.Path != c.File(layout.KindServices) {
				return "", false
			}
			for i, r := range c.Services.Referrals {
				if line, col := d.Position(referralDate(i)); line == f.Line && col == f.Column && validDate(r.Referred) {
					return r.Referred, true
				}
			}
			return "", false
		},
		check: func(x *Context) {
			end, ok := calendar.PostAssistanceEnd(x.Case, x.Config)
			if !ok || x.Case.Services == nil {
				return
			}
			for i, r := range x.Case.Services.Referrals {
				referred, ok := r.Referred.Time()
				if !ok || !r.TrainingOrEducation() || !referred.After(end) {
					continue
				}
				x.Report(x.File(layout.KindServices), referralDate(i), "referral %[1]s to %[2]s (%[3]s) on %[4]s, after the %[5]d months of post-employment services after cash assistance ended (%[6]s) were over on %[7]s: 003 refers to education and training while cash assistance is received and for %[5]d months after; if the date is wrong, correct it with caseplan edit %[8]s services; if the referral was made under another program, a supervisor may waive it: caseplan waiver add %[8]s --rule %[9]s --reason TEXT",
					r.ID, r.Category, r.Service, r.Referred, x.Setting(record.SettingPostAssistanceMonths), x.Case.Intake.CashAssistanceEnded, end.Format(time.DateOnly), x.Case.ID, RulePETrainingReferral)
			}
		},
	},
	{
		ID: "pe-post-assistance", Completeness: true, Severity: finding.Warning, Program: record.ProgramPostEmployment, Source: "003",
		Setting: "post_assistance_months",
		Summary: "services run for 12 months after cash assistance ends; then the case is closed as completed",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil || in.Status != "open" {
				return
			}
			if end, ok := calendar.PostAssistanceEnd(x.Case, x.Config); ok && x.Today.After(end) {
				x.Report(x.File(layout.KindIntake), Path("cash_assistance_ended"), "the %d months of post-employment services after cash assistance ended (%s) were over on %s; close the case with caseplan case close %s --date DATE --reason %s",
					x.Setting(record.SettingPostAssistanceMonths), in.CashAssistanceEnded, end.Format(time.DateOnly), x.Case.ID, record.ClosureCompleted)
			}
		},
	},
}

// noteAddCommand is the note add command a finding asks for, whole
// (casestate.NoteAddCommand, which the tickler's items say too).
func noteAddCommand(x *Context, kind string) string {
	return casestate.NoteAddCommand(x.Case.ID, kind, x.Contact)
}

// layoffDate is the case's layoff date, as the work security period's
// timeline (calendar, the one owner of the program's dates) reads it.
func layoffDate(x *Context) (time.Time, bool) {
	p, ok := calendar.WorkSecurityPeriodOf(x.Case, x.Config)
	return p.Layoff, ok
}

// referencesMissed reports the references a work-security candidate
// never had, once the job search they serve is over (searchEndedAfter).
// It is history, as a deadline met late is; a monitor reading validate
// sees what ws-references no longer says.
func referencesMissed(x *Context, layoff time.Time, want, byLayoff, now int) {
	ended, ok := searchEndedAfter(x, layoff)
	if !ok {
		return
	}
	x.Report(x.referencesFile(), nil, "%d of %d references with permission (%d by the layoff date, %s), and %s: the job search is over, and the deadline was missed",
		now, want, byLayoff, layoff.Format(time.DateOnly), ended)
}

// layoffMissed is the layoff date of a work-security case whose job
// search is over with what was due by it never done, and how the search
// ended (searchEndedAfter): what the -late rules of the layoff-date items
// ask first.
func layoffMissed(x *Context) (layoff time.Time, ended string, ok bool) {
	if layoff, ok = layoffDate(x); ok {
		ended, ok = searchEndedAfter(x, layoff)
	}
	return layoff, ended, ok
}

// searchEndedAfter says how a work-security candidate's job search
// ended — "the case was closed on D", "the candidate was placed from D",
// "the candidate was separated" — once what 000 asks for by the layoff
// date is no longer owed (casestate.LayoffItemsOwed, which ws-references,
// ws-iep-plan, ws-toolbox and the tickler ask: none of them asks for it
// any more), when the layoff date had passed while the candidate
// searched: placed from after it, separated, or the case closed after
// it. ok is false while the items are owed, and for a search that ended
// by the layoff date, which owed nothing yet. ws-references-late,
// ws-iep-plan-late and ws-toolbox-late ask it, so the three deadlines of
// the layoff date become history on the same day.
func searchEndedAfter(x *Context, layoff time.Time) (ended string, ok bool) {
	if x.Today.Before(layoff) || casestate.LayoffItemsOwed(x.Case, x.Config, x.Today) || x.Case.Intake == nil {
		return "", false
	}
	o, today := x.Case.Outcome, dayOf(x.Today)
	switch {
	case x.Case.Intake.Status != "open":
		cl := o.LatestClosure()
		if cl == nil || cl.Date <= date(layoff) {
			return "", false
		}
		return "the case was closed on " + string(cl.Date), true
	case o.PlacedOn(today) != nil:
		pl := o.PlacedOn(today)
		if pl.Start <= date(layoff) {
			return "", false
		}
		return "the candidate was placed from " + string(pl.Start), true
	default:
		return "the candidate was separated", true
	}
}

// toolboxUnfinished names the documents of the case's toolbox that are
// not final, each with its state ("resume draft", "cover letter not
// recorded"), and the flags of caseplan case toolbox that record them
// final.
func toolboxUnfinished(x *Context) (open, flags []string) {
	for _, item := range x.Case.Intake.Toolbox.Unfinished() {
		state := item.State
		if state == "" {
			state = "not recorded"
		}
		open = append(open, item.Name+" "+state)
		flags = append(flags, item.Flag+" final")
	}
	return open, flags
}

// toolboxPath is where a finding about the toolbox points: its section of
// the intake, or the intake itself when it has none.
func toolboxPath(x *Context) []string {
	if x.Case.Intake.Toolbox == nil {
		return nil
	}
	return Path("toolbox")
}

// referralDate is the path of referral i's date in services.yaml.
func referralDate(i int) []string { return []string{"referrals", strconv.Itoa(i), "referred"} }

// caseOpen is whether the case is open: the post-employment rules ask for
// nothing once it is closed, its services over (003). A case whose intake
// cannot be read counts as open, so that nothing is left unsaid.
func caseOpen(x *Context) bool {
	return x.Case.Intake == nil || x.Case.Intake.Status == "open"
}

// checkExtensionCriteria weighs the two criteria 000 sets for an extension
// (regular contact and applications throughout the work security period)
// for each request not denied, with WeighExtension, as caseplan extension
// request shows them. Only complete ISO weeks count against the candidate.
func checkExtensionCriteria(x *Context) {
	o := x.Case.Outcome
	p, ok := calendar.WorkSecurityPeriodOf(x.Case, x.Config)
	if o == nil || !ok {
		return
	}
	for i, e := range o.Extensions {
		requested, ok := e.Requested.Time()
		if e.Decision == "denied" || !ok || requested.Before(p.Layoff) {
			continue
		}
		ev := calendar.WeighExtension(x.Case, x.Contact, p, requested)
		noContact, noApplication := ev.Contact.WeeksWithout, ev.Applications.WeeksWithout
		at := []string{"extensions", strconv.Itoa(i)}
		const criteria = "the criteria are regular contact and applications throughout the work security period"
		switch {
		case ev.Contact.CompleteWeeks == 0:
			x.Report(x.File(layout.KindOutcome), at, "the request of %s comes before a complete week of the work security period (from %s) could show the extension criteria; %s", e.Requested, p.Layoff.Format(time.DateOnly), criteria)
		case len(noContact) > 0 || len(noApplication) > 0:
			var gaps []string
			if len(noContact) > 0 {
				gaps = append(gaps, "no contact in "+weekList(noContact))
			}
			if len(noApplication) > 0 {
				gaps = append(gaps, "no applications in "+weekList(noApplication))
			}
			x.Report(x.File(layout.KindOutcome), at, "the records do not show the extension criteria for the request of %s: %s of the %d complete weeks from %s to %s; %s",
				e.Requested, strings.Join(gaps, ", "), ev.Contact.CompleteWeeks, ev.From.Format(time.DateOnly), ev.To.Format(time.DateOnly), criteria)
		}
	}
}

// weekList names weeks, eliding a long list: "2026-W24, 2026-W25, 2026-W26
// and 4 more".
func weekList(weeks []string) string {
	const shown = 3
	if len(weeks) <= shown {
		return strings.Join(weeks, ", ")
	}
	return strings.Join(weeks[:shown], ", ") + " and " + strconv.Itoa(len(weeks)-shown) + " more"
}

// referencesFile is where a finding about references belongs: the
// references file, or the intake when there is none.
// exited is the case's exit date (intake's exited), if it has one.
// RuleWIOAEarningsEarly is the rule that a follow-up's earnings, a
// quarter after exit's total, are recorded once that quarter has ended.
const RuleWIOAEarningsEarly = "wioa-earnings-early"

// RuleWIOAFollowUpLate is the rule that a follow-up for the 2nd or 4th
// quarter after exit made after that quarter ended is met late.
const RuleWIOAFollowUpLate = "wioa-follow-up-late"

func (x *Context) exited() (time.Time, bool) {
	if x.Case.Intake == nil {
		return time.Time{}, false
	}
	return x.Case.Intake.Exited.Time()
}

func (x *Context) referencesFile() string {
	if file := x.File(layout.KindReferences); x.Case.Doc(file) != nil {
		return file
	}
	return x.File(layout.KindIntake)
}

func date(t time.Time) record.Date { return record.Date(t.Format(time.DateOnly)) }

// permitted reports whether a permission of the kind was given on or
// before day and not withdrawn by then.
func permitted(consents []record.Consent, kind string, day record.Date) bool {
	for _, c := range consents {
		if c.Kind == kind && c.Given != "" && c.Given <= day && (c.Withdrawn == "" || c.Withdrawn > day) {
			return true
		}
	}
	return false
}

// firstContactMissed reports each first contact a WIOA case owed and
// never had (first is its first contact, zero when none): the 10 days
// after the opening, or after a reopening before any contact, passed
// while the case was open, and it was closed before anyone contacted the
// customer, whether it is closed still or was reopened. A closed case
// asks for no contact (the tickler lists none), and a reopening starts a
// new count (casestate.FirstContactOf, which wioa-first-contact and the
// tickler ask), so the miss is history, not an open obligation, as a
// first contact met late is; without this a monitor reading validate
// would never see it. The open episode a case is in now is
// wioa-first-contact's.
func firstContactMissed(x *Context, first time.Time) {
	o := x.Case.Outcome
	seen := map[time.Time]bool{}
	for i, cl := range o.AllClosures() {
		closed, ok := cl.Date.Time()
		if !ok || !first.IsZero() && !first.After(closed) || !o.ClosesEpisode(i) {
			continue
		}
		if closed.After(x.Today) {
			continue
		}
		// The episode the closure ends began before its day: the
		// opening, or the last reopening before it.
		f, ok := casestate.FirstContactOf(x.Case, x.Config, closed.AddDate(0, 0, -1))
		if !ok || !f.By.Before(closed) || seen[f.Since] {
			continue // closed within the days: no contact was yet owed
		}
		seen[f.Since] = true
		since := "the opening on " + f.Since.Format(time.DateOnly)
		if f.From == casestate.SinceReopening {
			since = "the reopening on " + f.Since.Format(time.DateOnly)
		}
		x.Report(x.File(layout.KindOutcome), closureAt(o, i), "no contact in the %d days after %s (by %s), and none before the case was closed on %s: the first contact was missed",
			f.Days, since, f.By.Format(time.DateOnly), cl.Date)
	}
}

// closureAt is where outcome.yaml records closure i of AllClosures: the
// legacy closure: first, then closures:.
func closureAt(o *record.Outcome, i int) []string {
	if o.Closure != nil {
		if i == 0 {
			return []string{"closure", "date"}
		}
		i--
	}
	return []string{"closures", strconv.Itoa(i), "date"}
}

// reopeningAt is where outcome.yaml records the reopening a contact
// interval counts from (nc.From is casestate.SinceReopening).
func reopeningAt(nc casestate.NextContact) []string {
	return reopeningIndexAt(nc.Reopening)
}

// reopeningIndexAt is where outcome.yaml records reopening i.
func reopeningIndexAt(i int) []string {
	return []string{"reopenings", strconv.Itoa(i), "date"}
}

// firstContactSetAside reports whether wioa-first-contact does not apply
// to the case on x.Today: a supervisor waived it by then, or the store
// turned it off.
func firstContactSetAside(x *Context) bool {
	if x.Config.RuleOff(casestate.RuleWIOAFirstContact) {
		return true
	}
	_, ok := x.Case.Intake.WaiverOn(casestate.RuleWIOAFirstContact, dayOf(x.Today))
	return ok
}

// AgreementDays is how long after a plan is created, or reviewed, the
// participant's agreement to it may wait before wioa-iep-agreed and
// wioa-iep-reagreed warn. Neither 001 nor 002 gives a number: 30 days is
// caseplan's, the "should contact the customer within 30 days" of 002, by
// when the counselor has met the customer and gone through the plan with
// them. A store that reads it otherwise turns the rules off, or a
// supervisor waives them for a case.
const AgreementDays = 30

// agreementWays are the ways the participant agrees, as the schema lists
// them, for the findings' commands.
var agreementWays = schemas.Enum("iep", "agreements", "[]", "how")

// agreeablePlan is the plan of an open case that the participant is to
// agree to, with the day it was created: one with goals or services (an
// empty plan, made by the first command that touched it, has nothing to
// agree to yet). ok is false when there is none, or its created date is
// not a date (the schema says so).
func agreeablePlan(x *Context) (p *record.IEP, created time.Time, ok bool) {
	in, p := x.Case.Intake, x.Case.IEP
	if in == nil || p == nil || in.Status != "open" || (len(p.Goals) == 0 && len(p.Services) == 0) {
		return nil, time.Time{}, false
	}
	created, ok = p.Created.Time()
	return p, created, ok
}
