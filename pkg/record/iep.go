package record

import "strings"

// IEP is a case's Individual Employment Plan, cases/<id>/iep.yaml (001, 002).
type IEP struct {
	Created         Date             `yaml:"created" json:"created"`
	Updated         Date             `yaml:"updated,omitempty" json:"updated,omitempty"`
	Vision          string           `yaml:"vision,omitempty" json:"vision,omitempty"`
	EmploymentGoal  string           `yaml:"employment_goal,omitempty" json:"employment_goal,omitempty"`
	Goals           []Goal           `yaml:"goals,omitempty" json:"goals,omitempty"`
	Services        []PlanService    `yaml:"services,omitempty" json:"services,omitempty"`
	NextSteps       []NextStep       `yaml:"next_steps,omitempty" json:"next_steps,omitempty"`
	ActionItems     []ActionItem     `yaml:"action_items,omitempty" json:"action_items,omitempty"` // notes' action items done or dropped
	JobTargets      []JobTarget      `yaml:"job_targets,omitempty" json:"job_targets,omitempty"`   // the job search plan (000)
	SkillPlan       []Course         `yaml:"skill_plan,omitempty" json:"skill_plan,omitempty"`     // (000)
	Reviews         []Review         `yaml:"reviews,omitempty" json:"reviews,omitempty"`
	Agreements      []Agreement      `yaml:"agreements,omitempty" json:"agreements,omitempty"`             // the participant's (001, 002)
	ContactSchedule *ContactSchedule `yaml:"contact_schedule,omitempty" json:"contact_schedule,omitempty"` // (000, 003)
	SelfSufficiency *SelfSufficiency `yaml:"self_sufficiency,omitempty" json:"self_sufficiency,omitempty"` // post-employment (003)
}

// Goal is a short- or long-term goal of the plan.
type Goal struct {
	ID         string      `yaml:"id" json:"id"`     // G-7QX2K; G1, G2, ... before IDs were random
	Term       string      `yaml:"term" json:"term"` // short or long
	Text       string      `yaml:"text" json:"text"`
	Target     Date        `yaml:"target,omitempty" json:"target,omitempty"`
	Status     string      `yaml:"status,omitempty" json:"status,omitempty"` // active, achieved or dropped
	Objectives []Objective `yaml:"objectives,omitempty" json:"objectives,omitempty"`
	Milestones []Milestone `yaml:"milestones,omitempty" json:"milestones,omitempty"`
}

// Objective is a step toward a goal, served by some of the plan's services.
type Objective struct {
	ID       string   `yaml:"id" json:"id"` // O-7QX2K; O1, O2, ... before IDs were random
	Text     string   `yaml:"text" json:"text"`
	Services []string `yaml:"services,omitempty" json:"services,omitempty"` // PlanService ids
}

// Milestone is a specific, dated point that shows progress (001).
type Milestone struct {
	ID   string `yaml:"id" json:"id"` // M-7QX2K; M1, M2, ... before IDs were random
	Text string `yaml:"text" json:"text"`
	Due  Date   `yaml:"due" json:"due"`
	Done Date   `yaml:"done,omitempty" json:"done,omitempty"`
}

// PlanService is a service the plan relies on.
type PlanService struct {
	ID       string `yaml:"id" json:"id"` // S-7QX2K; S1, S2, ... before IDs were random
	Name     string `yaml:"name" json:"name"`
	Code     string `yaml:"code,omitempty" json:"code,omitempty"`
	Provider string `yaml:"provider,omitempty" json:"provider,omitempty"`
	Start    Date   `yaml:"start,omitempty" json:"start,omitempty"`
	End      Date   `yaml:"end,omitempty" json:"end,omitempty"`
	Status   string `yaml:"status,omitempty" json:"status,omitempty"` // completed or cancelled
	// TrainingType is the type of a training service (one of
	// TrainingTypes; PIRL 1303); "" reads as occupational skills training.
	TrainingType string `yaml:"training_type,omitempty" json:"training_type,omitempty"`
}

// ActionItem closes one action item of a note: notes are never edited, so
// an item's completion (or its dropping) is recorded in the plan.
type ActionItem struct {
	Note   string `yaml:"note" json:"note"`     // the note's ID
	Item   int    `yaml:"item" json:"item"`     // the item's number in the note, from 1
	Status string `yaml:"status" json:"status"` // done or dropped
	Date   Date   `yaml:"date" json:"date"`
	Reason string `yaml:"reason,omitempty" json:"reason,omitempty"`
}

// NextStep is an action to take now (001).
type NextStep struct {
	ID    string `yaml:"id" json:"id"`       // N-7QX2K; N1, N2, ... before IDs were random
	Owner string `yaml:"owner" json:"owner"` // participant or manager
	Text  string `yaml:"text" json:"text"`
	Due   Date   `yaml:"due,omitempty" json:"due,omitempty"`
	Done  Date   `yaml:"done,omitempty" json:"done,omitempty"`
}

// JobTarget is a position or job family to apply for (000).
type JobTarget struct {
	ID        string `yaml:"id,omitempty" json:"id,omitempty"` // JT-7QX2K; none on items written before they had IDs
	Title     string `yaml:"title" json:"title"`
	JobFamily string `yaml:"job_family,omitempty" json:"job_family,omitempty"`
	GradeMin  string `yaml:"grade_min,omitempty" json:"grade_min,omitempty"`
	GradeMax  string `yaml:"grade_max,omitempty" json:"grade_max,omitempty"`
	Scope     string `yaml:"scope,omitempty" json:"scope,omitempty"` // internal, external or both
}

// Course is one course of the skill plan.
type Course struct {
	ID       string `yaml:"id,omitempty" json:"id,omitempty"` // SK-7QX2K; none on items written before they had IDs
	Course   string `yaml:"course" json:"course"`
	Provider string `yaml:"provider,omitempty" json:"provider,omitempty"`
	Start    Date   `yaml:"start,omitempty" json:"start,omitempty"`
	End      Date   `yaml:"end,omitempty" json:"end,omitempty"`
	Status   string `yaml:"status,omitempty" json:"status,omitempty"` // planned, enrolled, completed or dropped
}

// Review is a dated review of the plan.
type Review struct {
	ID      string `yaml:"id,omitempty" json:"id,omitempty"` // RV-7QX2K; none on items written before they had IDs
	Date    Date   `yaml:"date" json:"date"`
	By      string `yaml:"by,omitempty" json:"by,omitempty"` // staff id
	Summary string `yaml:"summary,omitempty" json:"summary,omitempty"`
}

// Agreement is the participant's agreement to the plan: the IEP is "an
// agreement between the customer and case manager" (001), "jointly
// developed by the participant and career center staff" (002). A plan
// keeps the first agreement and each one after a review changed it.
type Agreement struct {
	ID    string `yaml:"id,omitempty" json:"id,omitempty"` // AG-7QX2K; none on one written by hand
	Date  Date   `yaml:"date" json:"date"`
	How   string `yaml:"how" json:"how"` // signed, verbal or electronic
	Notes string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// LastAgreement returns the plan's latest agreement by date, nil when
// it has none (a hand-written one without a date counts as none).
func (p *IEP) LastAgreement() *Agreement {
	var last *Agreement
	for i, a := range p.Agreements {
		if _, ok := a.Date.Time(); ok && (last == nil || a.Date >= last.Date) {
			last = &p.Agreements[i]
		}
	}
	return last
}

// ContactSchedule is the schedule for contact that the case manager and
// the participant agreed: 000 asks at the intake meeting to "set regular
// schedule for communicating and meeting" and to "plan weekly meetings or
// check-ins", 003 for "a scheduling matrix to plan dates for participant
// contact" with people unavailable during daytime hours. The programs'
// calendar (pkg/calendar) says which days it names; the tickler
// (pkg/casestate) asks for the next contact on the next of them.
type ContactSchedule struct {
	Every      string `yaml:"every" json:"every"`                                   // EveryWeek, EveryFortnight or EveryMonth
	Day        string `yaml:"day,omitempty" json:"day,omitempty"`                   // weekly, fortnightly: monday ... sunday
	DayOfMonth int    `yaml:"day_of_month,omitempty" json:"day_of_month,omitempty"` // monthly: 1 to 31, a shorter month's last day
	Time       string `yaml:"time,omitempty" json:"time,omitempty"`                 // 24-hour HH:MM
	Mode       string `yaml:"mode,omitempty" json:"mode,omitempty"`                 // a note mode: how the contact is made
	Agreed     Date   `yaml:"agreed" json:"agreed"`                                 // the day it was agreed; fortnights count from it
	Note       string `yaml:"note,omitempty" json:"note,omitempty"`
}

// How often a contact schedule asks for a contact (ContactSchedule.Every).
const (
	EveryWeek      = "weekly"
	EveryFortnight = "fortnightly"
	EveryMonth     = "monthly"
)

// SelfSufficiency is the post-employment self-sufficiency plan (003).
type SelfSufficiency struct {
	Plan        string       `yaml:"plan,omitempty" json:"plan,omitempty"`
	Contingency *Contingency `yaml:"contingency,omitempty" json:"contingency,omitempty"`
	Benefits    []Benefit    `yaml:"benefits,omitempty" json:"benefits,omitempty"`
}

// Contingency holds the contingency plans 003 asks for.
type Contingency struct {
	ChildCare      string `yaml:"child_care,omitempty" json:"child_care,omitempty"`
	Transportation string `yaml:"transportation,omitempty" json:"transportation,omitempty"`
	Crisis         string `yaml:"crisis,omitempty" json:"crisis,omitempty"`
}

// Benefit is a benefit whose eligibility must be maintained (003).
type Benefit struct {
	ID      string `yaml:"id,omitempty" json:"id,omitempty"` // BN-7QX2K; none on items written before they had IDs
	Name    string `yaml:"name" json:"name"`
	Renewal Date   `yaml:"renewal,omitempty" json:"renewal,omitempty"`
	Status  string `yaml:"status,omitempty" json:"status,omitempty"` // active, pending, lapsed or ended
	Notes   string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Ref names a benefit as iep benefit renew takes it: by its ID, or,
// written before benefits had IDs, by its name, quoted for the shell.
// validate's hints and the tickler's items name it so.
func (b Benefit) Ref() string {
	if b.ID != "" {
		return b.ID
	}
	return "'" + strings.ReplaceAll(b.Name, "'", `'\''`) + "'"
}
