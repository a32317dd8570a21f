package record

// Intake is a case's intake record, cases/<id>/intake.yaml.
type Intake struct {
	ID          string        `yaml:"id" json:"id"`
	Opened      Date          `yaml:"opened" json:"opened"`
	Program     string        `yaml:"program" json:"program"` // a program key of caseplan.yaml
	Status      string        `yaml:"status" json:"status"`   // open or closed
	Manager     string        `yaml:"manager" json:"manager"` // staff id of the designated counselor (002)
	Center      string        `yaml:"center,omitempty" json:"center,omitempty"`
	Participant Participant   `yaml:"participant" json:"participant"`
	Team        []TeamMember  `yaml:"team,omitempty" json:"team,omitempty"`
	Eligibility []Eligibility `yaml:"eligibility,omitempty" json:"eligibility,omitempty"`
	Barriers    []Barrier     `yaml:"barriers,omitempty" json:"barriers,omitempty"`
	Assessments []Assessment  `yaml:"assessments,omitempty" json:"assessments,omitempty"`
	Skills      []string      `yaml:"skills,omitempty" json:"skills,omitempty"`
	Layoff      *Layoff       `yaml:"layoff,omitempty" json:"layoff,omitempty"`   // work security (000)
	Toolbox     *Toolbox      `yaml:"toolbox,omitempty" json:"toolbox,omitempty"` // work security (000)
	// CashAssistanceEnded starts the 12 months of post-employment services (003).
	CashAssistanceEnded Date `yaml:"cash_assistance_ended,omitempty" json:"cash_assistance_ended,omitempty"`
	// Exited is the program exit date; follow-up runs from it.
	Exited    Date       `yaml:"exited,omitempty" json:"exited,omitempty"`
	Transfers []Transfer `yaml:"transfers,omitempty" json:"transfers,omitempty"`
	Consents  []Consent  `yaml:"consents,omitempty" json:"consents,omitempty"` // (003)
	Waivers   []Waiver   `yaml:"waivers,omitempty" json:"waivers,omitempty"`
	// Cohort is the layoff cohort the case belongs to, cases/cohorts/<id>.yaml.
	Cohort string `yaml:"cohort,omitempty" json:"cohort,omitempty"`
	// ReturningFrom is the case of the participant's earlier period of
	// participation, for a participant who exited (PIRL 901) and came back:
	// by TEGL 10-16 a staff-assisted service after an exit begins a new
	// period, with its own participation date and exit, counted on its
	// own, and caseplan records each period as a case of its own.
	ReturningFrom string `yaml:"returning_from,omitempty" json:"returning_from,omitempty"`
	// Imported is where caseplan case import read the case from.
	Imported *Imported `yaml:"imported,omitempty" json:"imported,omitempty"`
}

// FirstPeriod returns the case of the first period of participation of
// the person whose case is id: the case at the start of the chain of
// returning_from, or id itself. A chain that loops or names a case that
// is not there ends where it breaks (validate's wioa-returning-from
// reports it). returningFrom says what a case's intake has under
// returning_from, and false when the store has no such case.
func FirstPeriod(id string, returningFrom func(id string) (string, bool)) string {
	seen := map[string]bool{id: true}
	for {
		from, ok := returningFrom(id)
		if !ok || from == "" || seen[from] {
			return id
		}
		if _, known := returningFrom(from); !known {
			return id
		}
		seen[from] = true
		id = from
	}
}

// Waiver is a supervisor's decision that an obligation (a completeness
// rule) does not apply to this case, with the reason.
type Waiver struct {
	ID     string `yaml:"id,omitempty" json:"id,omitempty"` // WV-7QX2K; none on items written before they had IDs
	Rule   string `yaml:"rule" json:"rule"`
	Reason string `yaml:"reason" json:"reason"`
	By     string `yaml:"by" json:"by"` // staff id of the supervisor
	Date   Date   `yaml:"date" json:"date"`
}

// WaiverOn returns the case's waiver of rule in effect on day, and false
// when there is none. A waiver counts from its date on: it is a
// supervisor's decision recorded on that day, so a look at an earlier day
// (--today, a report's --as-of, the tickler of a past day) sees the
// obligation as it stood then — open, overdue, failing CI — as an auditor
// reading the records of that day would. A supervisor who decides that an
// obligation never applied dates the waiver back (waiver add --date, not
// before the opening). A waiver whose date is not a valid date (the
// schema reports it) counts on every day, as does any waiver when day is
// empty. in may be nil.
func (in *Intake) WaiverOn(rule string, day Date) (Waiver, bool) {
	if in == nil || rule == "" {
		return Waiver{}, false
	}
	for _, w := range in.Waivers {
		if w.Rule == rule && w.InEffectOn(day) {
			return w, true
		}
	}
	return Waiver{}, false
}

// InEffectOn reports whether the waiver counts on day (see WaiverOn):
// from its date on, on every day when its date is not a valid date or day
// is empty.
func (w Waiver) InEffectOn(day Date) bool {
	_, ok := w.Date.Time()
	return !ok || day == "" || w.Date <= day
}

// Participant is the person a case serves.
type Participant struct {
	Name          string   `yaml:"name" json:"name"`
	PreferredName string   `yaml:"preferred_name,omitempty" json:"preferred_name,omitempty"`
	Phone         string   `yaml:"phone,omitempty" json:"phone,omitempty"`
	Email         string   `yaml:"email,omitempty" json:"email,omitempty"`
	Address       string   `yaml:"address,omitempty" json:"address,omitempty"`
	Channels      []string `yaml:"channels,omitempty" json:"channels,omitempty"` // phone, text, email, mail, in-person, video
	BestTimes     string   `yaml:"best_times,omitempty" json:"best_times,omitempty"`
	Language      string   `yaml:"language,omitempty" json:"language,omitempty"`
}

// TeamMember is another person working on the case.
type TeamMember struct {
	ID   string `yaml:"id,omitempty" json:"id,omitempty"` // TM-7QX2K; none on items written before they had IDs
	Name string `yaml:"name" json:"name"`
	// Role is union-representative, hr-laying-off, hr-hiring, counselor,
	// navigator, employer or other.
	Role         string `yaml:"role" json:"role"`
	Organization string `yaml:"organization,omitempty" json:"organization,omitempty"`
	Phone        string `yaml:"phone,omitempty" json:"phone,omitempty"`
	Email        string `yaml:"email,omitempty" json:"email,omitempty"`
	Notes        string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Eligibility is one eligibility determination.
type Eligibility struct {
	ID         string `yaml:"id,omitempty" json:"id,omitempty"` // EL-7QX2K; none on items written before they had IDs
	Program    string `yaml:"program" json:"program"`
	Determined Date   `yaml:"determined" json:"determined"`
	Eligible   bool   `yaml:"eligible" json:"eligible"`
	Basis      string `yaml:"basis,omitempty" json:"basis,omitempty"`
}

// Barrier is one barrier to employment.
type Barrier struct {
	ID       string `yaml:"id,omitempty" json:"id,omitempty"` // BR-7QX2K; none on items written before they had IDs
	Kind     string `yaml:"kind" json:"kind"`                 // child-care, transportation, disability, housing, ...
	Detail   string `yaml:"detail,omitempty" json:"detail,omitempty"`
	Status   string `yaml:"status,omitempty" json:"status,omitempty"` // open or addressed
	Resolved Date   `yaml:"resolved,omitempty" json:"resolved,omitempty"`
}

// Assessment is one dated assessment.
type Assessment struct {
	ID      string `yaml:"id,omitempty" json:"id,omitempty"` // AS-7QX2K; none on items written before they had IDs
	Tool    string `yaml:"tool" json:"tool"`
	Date    Date   `yaml:"date" json:"date"`
	Summary string `yaml:"summary,omitempty" json:"summary,omitempty"`
}

// Layoff is the layoff behind a work security case (000).
type Layoff struct {
	NoticeDate        Date     `yaml:"notice_date" json:"notice_date"`
	LayoffDate        Date     `yaml:"layoff_date" json:"layoff_date"`
	GrantFundingEnded bool     `yaml:"grant_funding_ended,omitempty" json:"grant_funding_ended,omitempty"` // the notification period may then be 30 days (000)
	Position          string   `yaml:"position,omitempty" json:"position,omitempty"`
	Grade             string   `yaml:"grade,omitempty" json:"grade,omitempty"`
	FTE               *float64 `yaml:"fte,omitempty" json:"fte,omitempty"`
	Department        string   `yaml:"department,omitempty" json:"department,omitempty"`
}

// Toolbox is the state of the candidate's resume and letters (000): none,
// draft or final.
type Toolbox struct {
	Resume         string `yaml:"resume,omitempty" json:"resume,omitempty"`
	CoverLetter    string `yaml:"cover_letter,omitempty" json:"cover_letter,omitempty"`
	ThankYouLetter string `yaml:"thank_you_letter,omitempty" json:"thank_you_letter,omitempty"`
}

// ToolboxItem is one document of the toolbox: its name in messages, the
// flag of caseplan case toolbox that records it, and its state ("" when
// not recorded).
type ToolboxItem struct{ Name, Flag, State string }

// Unfinished returns the documents of t that are not final, in the order
// 000 lists them; all three when t is nil.
func (t *Toolbox) Unfinished() []ToolboxItem {
	var out []ToolboxItem
	for _, it := range t.Items() {
		if it.State != "final" {
			out = append(out, it)
		}
	}
	return out
}

// Items returns the three documents of t, in the order 000 lists them;
// each with State "" when t is nil.
func (t *Toolbox) Items() []ToolboxItem {
	if t == nil {
		t = &Toolbox{}
	}
	return []ToolboxItem{
		{"resume", "--resume", t.Resume}, {"cover letter", "--cover-letter", t.CoverLetter}, {"thank-you letter", "--thank-you-letter", t.ThankYouLetter},
	}
}

// Transfer moves a case and its IEP to another counselor or center (002).
type Transfer struct {
	ID         string `yaml:"id,omitempty" json:"id,omitempty"` // TR-7QX2K; none on items written before they had IDs
	Date       Date   `yaml:"date" json:"date"`
	From       string `yaml:"from" json:"from"` // staff id
	To         string `yaml:"to" json:"to"`     // staff id
	FromCenter string `yaml:"from_center,omitempty" json:"from_center,omitempty"`
	ToCenter   string `yaml:"to_center,omitempty" json:"to_center,omitempty"`
	Reason     string `yaml:"reason" json:"reason"`
}

// Consent is a permission the participant gave, such as for a visit at
// their job site, which 003 allows only with their permission.
type Consent struct {
	ID        string `yaml:"id,omitempty" json:"id,omitempty"` // CN-7QX2K; none on items written before they had IDs
	Kind      string `yaml:"kind" json:"kind"`                 // job-site-visit
	Given     Date   `yaml:"given" json:"given"`
	Withdrawn Date   `yaml:"withdrawn,omitempty" json:"withdrawn,omitempty"`
	Notes     string `yaml:"notes,omitempty" json:"notes,omitempty"`
}
