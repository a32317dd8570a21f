package record

// Outcome is a case's extensions, placement, follow-ups and closure,
// cases/<id>/outcome.yaml.
type Outcome struct {
	Extensions []Extension `yaml:"extensions,omitempty" json:"extensions,omitempty"`
	Placement  *Placement  `yaml:"placement,omitempty" json:"placement,omitempty"`
	FollowUps  []FollowUp  `yaml:"follow_ups,omitempty" json:"follow_ups,omitempty"`
	Closure    *Closure    `yaml:"closure,omitempty" json:"closure,omitempty"`
}

// Extension is a request to extend the work security period, and its
// decision by the Joint Work Security Committee (000).
type Extension struct {
	Requested Date   `yaml:"requested" json:"requested"`
	Decided   Date   `yaml:"decided,omitempty" json:"decided,omitempty"`
	Decision  string `yaml:"decision,omitempty" json:"decision,omitempty"` // approved, denied or pending
	Until     Date   `yaml:"until,omitempty" json:"until,omitempty"`
	By        string `yaml:"by,omitempty" json:"by,omitempty"` // who authorised it
	Notes     string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Placement is the job the participant was placed in.
type Placement struct {
	Employer string   `yaml:"employer" json:"employer"`
	Position string   `yaml:"position" json:"position"`
	Start    Date     `yaml:"start" json:"start"`
	Wage     *float64 `yaml:"wage,omitempty" json:"wage,omitempty"`
	WageUnit string   `yaml:"wage_unit,omitempty" json:"wage_unit,omitempty"` // hour or year
	Hours    *float64 `yaml:"hours,omitempty" json:"hours,omitempty"`         // per week
	Internal *bool    `yaml:"internal,omitempty" json:"internal,omitempty"`
}

// FollowUp is one follow-up after placement or exit.
type FollowUp struct {
	Due      Date     `yaml:"due" json:"due"`
	Done     Date     `yaml:"done,omitempty" json:"done,omitempty"`
	Employed *bool    `yaml:"employed,omitempty" json:"employed,omitempty"`
	Wage     *float64 `yaml:"wage,omitempty" json:"wage,omitempty"`
	Notes    string   `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Closure is the closing of a case.
type Closure struct {
	Date   Date   `yaml:"date" json:"date"`
	Reason string `yaml:"reason" json:"reason"` // placed, separated, withdrew, moved or other
	Notes  string `yaml:"notes,omitempty" json:"notes,omitempty"`
}
