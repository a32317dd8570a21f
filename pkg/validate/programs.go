package validate

import (
	"strconv"
	"time"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/record"
)

// Program kinds, as caseplan.yaml names them.
const (
	KindWorkSecurity   = "work-security"
	KindWIOA           = "wioa"
	KindPostEmployment = "post-employment"
)

// The documents the rules come from, by file-name prefix in shared/domain:
// 000 the work security case management planner, 001 the federal brief on
// effective workforce case management, 002 the WIOA career planning issuance,
// 003 the post-employment services policy.

var workSecurityRules = []*Rule{
	{
		ID: "ws-layoff", Severity: finding.Error, Program: KindWorkSecurity, Source: "000",
		Summary: "a work-security case records the layoff: notice date and layoff date",
		check: func(x *Context) {
			if in := x.Case.Intake; in != nil && in.Layoff == nil {
				x.Report(x.File("intake.yaml"), nil, "work-security case has no layoff section; record notice_date and layoff_date (caseplan case new --notice-date --layoff-date)")
			}
		},
	},
	{
		ID: "ws-notice-period", Severity: finding.Warning, Program: KindWorkSecurity, Source: "000",
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
			want := x.Setting("notification_days")
			if in.Layoff.GrantFundingEnded {
				want = x.Setting("notification_days_grant_ended")
			}
			if got := days(notice, layoff); got < want {
				x.Report(x.File("intake.yaml"), Path("layoff.layoff_date"), "notification period is %d days, shorter than the %d days the program provides; check the dates", got, want)
			}
		},
	},
	{
		ID: "ws-references", Completeness: true, Severity: finding.Error, Program: KindWorkSecurity, Source: "000",
		Setting: "references_required",
		Summary: "by the layoff date the candidate has three professional references who agreed to be named",
		check: func(x *Context) {
			layoff, ok := layoffDate(x)
			if !ok || x.Today.Before(layoff) || closed(x) {
				return
			}
			want := x.Setting("references_required")
			got := 0
			if r := x.Case.References; r != nil {
				for _, ref := range r.References {
					if ref.Permission != "" {
						got++
					}
				}
			}
			if got < want {
				file := x.File("references.yaml")
				if x.Case.Doc(file) == nil {
					file = x.File("intake.yaml")
				}
				x.Report(file, nil, "%d of %d references with permission by the layoff date (%s); add them with caseplan ref add --permission DATE", got, want, layoff.Format(time.DateOnly))
			}
		},
	},
	{
		ID: "ws-iep-plan", Completeness: true, Severity: finding.Error, Program: KindWorkSecurity, Source: "000",
		Summary: "by the layoff date the plan has a job search plan (job targets) and a skill development plan",
		check: func(x *Context) {
			layoff, ok := layoffDate(x)
			if !ok || x.Today.Before(layoff) || closed(x) {
				return
			}
			p := x.Case.IEP
			if p == nil {
				x.Report(x.File("intake.yaml"), nil, "no iep.yaml by the layoff date (%s); the intake meeting develops a job search plan and a skill plan", layoff.Format(time.DateOnly))
				return
			}
			if len(p.JobTargets) == 0 {
				x.Report(x.File("iep.yaml"), nil, "the plan has no job_targets by the layoff date (%s); agree on a range of positions or job families", layoff.Format(time.DateOnly))
			}
			if len(p.SkillPlan) == 0 {
				x.Report(x.File("iep.yaml"), nil, "the plan has no skill_plan by the layoff date (%s); plan the courses the candidate will take", layoff.Format(time.DateOnly))
			}
		},
	},
	{
		ID: "ws-extension", Severity: finding.Error, Program: KindWorkSecurity, Source: "000",
		Setting: "work_security_days, extension_max_days",
		Summary: "an approved extension names who authorised it and ends at most 90 days after the work security period",
		check: func(x *Context) {
			o := x.Case.Outcome
			if o == nil {
				return
			}
			layoff, ok := layoffDate(x)
			for i, e := range o.Extensions {
				if e.Decision != "approved" {
					continue
				}
				at := []string{"extensions", strconv.Itoa(i)}
				if e.By == "" {
					x.Report(x.File("outcome.yaml"), at, "approved extension does not say who authorised it; only the joint committee may (by:)")
				}
				until, ok2 := e.Until.Time()
				if !ok2 {
					x.Report(x.File("outcome.yaml"), at, "approved extension has no until date")
					continue
				}
				if ok {
					limit := layoff.AddDate(0, 0, x.Setting("work_security_days")+x.Setting("extension_max_days"))
					if until.After(limit) {
						x.Report(x.File("outcome.yaml"), append(at, "until"), "extension until %s is past the longest possible extension (%s)", e.Until, limit.Format(time.DateOnly))
					}
				}
			}
		},
	},
}

var wioaRules = []*Rule{
	{
		ID: "wioa-iep", Completeness: true, Severity: finding.Error, Program: KindWIOA, Source: "002",
		Summary: "every career-planning customer has a formal Individual Employment Plan",
		check: func(x *Context) {
			if x.Case.IEP == nil && x.Case.Doc(x.File("iep.yaml")) == nil {
				x.Report(x.File("intake.yaml"), nil, "WIOA career-planning case has no iep.yaml; every such customer has an IEP")
			}
		},
	},
	{
		ID: "wioa-first-contact", Completeness: true, Severity: finding.Error, Program: KindWIOA, Source: "002",
		Setting: "first_contact_days",
		Summary: "the counselor must contact the customer within 10 days of opening (a two-way contact recording a service)",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil {
				return
			}
			opened, ok := in.Opened.Time()
			if !ok {
				return
			}
			limit := opened.AddDate(0, 0, x.Setting("first_contact_days"))
			if !x.Today.After(limit) {
				return
			}
			for _, n := range x.Case.Notes {
				if t, ok := n.Date.Time(); ok && IsContact(n) && !t.After(limit) {
					return
				}
			}
			x.Report(x.File("intake.yaml"), Path("opened"), "no two-way contact recording a service within %d days of opening (by %s); record one with caseplan note add --two-way --service CODE", x.Setting("first_contact_days"), limit.Format(time.DateOnly))
		},
	},
	{
		ID: "wioa-contact-interval", Completeness: true, Severity: finding.Warning, Program: KindWIOA, Source: "002",
		Setting: "contact_interval_days",
		Summary: "the counselor should contact an active customer at least every 30 days",
		check: func(x *Context) {
			in := x.Case.Intake
			if in == nil || in.Status != "open" || in.Exited != "" {
				return
			}
			last, ok := LastContact(x.Case.Notes)
			if !ok {
				return // wioa-first-contact covers a case never contacted
			}
			if d := days(last, x.Today); d > x.Setting("contact_interval_days") {
				x.Report(x.File("intake.yaml"), Path("manager"), "last contact was %d days ago (%s), more than %d; contact the customer", d, last.Format(time.DateOnly), x.Setting("contact_interval_days"))
			}
		},
	},
}

var postEmploymentRules = []*Rule{
	{
		ID: "pe-self-sufficiency", Completeness: true, Severity: finding.Warning, Program: KindPostEmployment, Source: "003",
		Summary: "a post-employment plan has a self-sufficiency plan and contingency plans for child care, transportation and crises",
		check: func(x *Context) {
			p := x.Case.IEP
			if p == nil || p.SelfSufficiency == nil || p.SelfSufficiency.Plan == "" {
				file := x.File("iep.yaml")
				if x.Case.Doc(file) == nil {
					file = x.File("intake.yaml")
				}
				x.Report(file, nil, "no self-sufficiency plan; post-employment services start with one (self_sufficiency.plan)")
				return
			}
			c := p.SelfSufficiency.Contingency
			var missing []string
			if c == nil || c.ChildCare == "" {
				missing = append(missing, "child_care")
			}
			if c == nil || c.Transportation == "" {
				missing = append(missing, "transportation")
			}
			if c == nil || c.Crisis == "" {
				missing = append(missing, "crisis")
			}
			for _, m := range missing {
				x.Report(x.File("iep.yaml"), Path("self_sufficiency"), "no contingency plan for %s (self_sufficiency.contingency.%s)", m, m)
			}
		},
	},
}

// IsContact reports whether a note counts as a contact: a two-way exchange
// that records a service (002). Amendments never count.
func IsContact(n *record.Note) bool {
	return n.TwoWay && len(n.Services) > 0 && n.Kind != "amendment"
}

// LastContact returns the date of the latest contact among notes.
func LastContact(notes []*record.Note) (time.Time, bool) {
	var last time.Time
	found := false
	for _, n := range notes {
		if t, ok := n.Date.Time(); ok && IsContact(n) && (!found || t.After(last)) {
			last, found = t, true
		}
	}
	return last, found
}

func layoffDate(x *Context) (time.Time, bool) {
	if in := x.Case.Intake; in != nil && in.Layoff != nil {
		return in.Layoff.LayoffDate.Time()
	}
	return time.Time{}, false
}

func closed(x *Context) bool {
	return x.Case.Intake != nil && x.Case.Intake.Status == "closed"
}

// days counts whole days from a to b.
func days(a, b time.Time) int {
	return int(b.Sub(a).Hours() / 24)
}
