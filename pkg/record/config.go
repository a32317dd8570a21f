package record

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/personname"
	"github.com/caseplan/caseplan/pkg/pii"
)

// Config is the store settings file, cases/caseplan.yaml.
type Config struct {
	Organization string `yaml:"organization" json:"organization"`
	// CaseplanVersion is the caseplan that made the store, which its CI
	// installs (caseplan init records it; see schemas/caseplan.schema.json).
	CaseplanVersion string                 `yaml:"caseplan_version,omitempty" json:"caseplan_version,omitempty"`
	Centers         []string               `yaml:"centers,omitempty" json:"centers,omitempty"` // offices
	Staff           []Staff                `yaml:"staff" json:"staff"`
	Programs        map[string]Program     `yaml:"programs" json:"programs"`                     // by program key
	Services        map[string]ServiceCode `yaml:"services,omitempty" json:"services,omitempty"` // by service code; nil: DefaultServices
	Rules           map[string]RuleSetting `yaml:"rules,omitempty" json:"rules,omitempty"`       // by rule ID

	// PII is the leak guard's patterns (pkg/pii); nil takes the defaults.
	PII *pii.Settings `yaml:"pii,omitempty" json:"pii,omitempty"`
	// Access is who may change what, and whether commits must be signed
	// (roles.go).
	Access *Access `yaml:"access,omitempty" json:"access,omitempty"`
}

// PIISettings returns the store's leak-guard settings; c may be nil.
func (c *Config) PIISettings() pii.Settings {
	if c == nil || c.PII == nil {
		return pii.Settings{}
	}
	return *c.PII
}

// ServiceCode is one code notes and plan services record, with its WIOA
// category.
type ServiceCode struct {
	Name     string `yaml:"name,omitempty" json:"name,omitempty"`
	Category string `yaml:"category" json:"category"`
}

// Service categories (TEGL 10-16, PIRL 900 and 901). A staff-assisted
// service (basic or individualized career services) or training after
// eligibility makes a person a participant, and such a service keeps a
// participant from exiting; follow-up, supportive services alone,
// self-service and information-only services do neither.
const (
	CategoryBasicCareer          = "basic-career"
	CategoryIndividualizedCareer = "individualized-career"
	CategoryTraining             = "training"
	CategoryFollowUp             = "follow-up"
	CategorySupportive           = "supportive"
	CategorySelfService          = "self-service"
	CategoryInformation          = "information"
)

// CausesParticipation reports whether a service of category counts for
// participation and exit (TEGL 10-16).
func CausesParticipation(category string) bool {
	switch category {
	case CategoryBasicCareer, CategoryIndividualizedCareer, CategoryTraining:
		return true
	}
	return false
}

// DefaultServices is the catalogue of service codes a store uses when its
// caseplan.yaml lists none: the codes of the documents' services, each in
// the WIOA category TEGL 10-16 gives it. A store that lists its own
// replaces it whole.
var DefaultServices = map[string]ServiceCode{
	"assessment":          {"Comprehensive assessment of skills and needs", CategoryIndividualizedCareer},
	"career-planning":     {"Career planning (case management, 002)", CategoryIndividualizedCareer},
	"career-counseling":   {"Career counselling", CategoryIndividualizedCareer},
	"case-management":     {"Case management (002: career planning)", CategoryIndividualizedCareer},
	"benefits-counseling": {"Counselling on keeping benefits (003)", CategoryIndividualizedCareer},
	"interview-prep":      {"Interview preparation", CategoryIndividualizedCareer},
	"mock-interview":      {"Mock interview (000)", CategoryIndividualizedCareer},
	"training-referral":   {"Referral to training after assessment", CategoryIndividualizedCareer},
	"job-search":          {"Staff-assisted job search assistance", CategoryBasicCareer},
	"job-referral":        {"Referral to a job opening", CategoryBasicCareer},
	"job-development":     {"Job development with an employer", CategoryBasicCareer},
	"resume-help":         {"Help with a resume or letters (000)", CategoryBasicCareer},
	"training":            {"Occupational skills training", CategoryTraining},
	"retention":           {"Job retention help after placement (003)", CategoryFollowUp},
	"job-retention":       {"Job retention help after placement (003)", CategoryFollowUp},
	"follow-up":           {"Follow-up after exit or placement (001)", CategoryFollowUp},
	"supportive-services": {"Supportive services: child care, transportation, ... (001)", CategorySupportive},
	"supportive":          {"A supportive service (001)", CategorySupportive},
	"crisis-intervention": {"Crisis intervention (003)", CategorySupportive},
	"labor-market-info":   {"Labour market information, self-service", CategorySelfService},
	"orientation":         {"Orientation to the center's services", CategoryInformation},
}

// ServiceCodes returns the store's catalogue of service codes.
func (c *Config) ServiceCodes() map[string]ServiceCode {
	if c == nil || c.Services == nil {
		return DefaultServices
	}
	return c.Services
}

// ServiceCategory returns the category of a service code; ok is false for
// a code the store's catalogue does not have.
func (c *Config) ServiceCategory(code string) (category string, ok bool) {
	s, ok := c.ServiceCodes()[code]
	return s.Category, ok
}

// ContactRequiresService says whether the program counts only a contact
// that records a recognised service and a detailed note: its
// contact_requires_service setting, by default true for WIOA ("Contact is
// defined as providing a recognized MOSES service and a detailed Note of
// said service", 002) and false otherwise (000's "regular contact" is any
// two-way contact; 003 asks for "ongoing contact").
func (c *Config) ContactRequiresService(program string) bool {
	if c != nil {
		if p, ok := c.Programs[program]; ok {
			if v := p.Settings.ContactRequiresService; v != nil {
				return *v
			}
			return p.Kind == ProgramWIOA
		}
	}
	return false
}

// Staff is one member of the roster.
type Staff struct {
	ID     string `yaml:"id" json:"id"`
	Name   string `yaml:"name" json:"name"`
	Email  string `yaml:"email" json:"email"`
	Role   string `yaml:"role,omitempty" json:"role,omitempty"` // case-manager (the default), coordinator, supervisor, navigator, admin
	Center string `yaml:"center,omitempty" json:"center,omitempty"`
	Active *bool  `yaml:"active,omitempty" json:"active,omitempty"` // nil means active

	// AgeRecipient is the public half of the member's age identity
	// ("age1..."): the sealed files of the cases they are on are encrypted
	// to it (README, Confidentiality).
	AgeRecipient string `yaml:"age_recipient,omitempty" json:"age_recipient,omitempty"`
	// SigningKey is the member's SSH public key ("ssh-ed25519 AAAA..."):
	// caseplan signs their commits with its private half and verify checks
	// every commit against it.
	SigningKey string `yaml:"signing_key,omitempty" json:"signing_key,omitempty"`
}

// StaffNameProblem says why name cannot be a staff member's name, or ""
// when it can. It is the one check of a staff name, wherever caseplan
// takes one: the roster (staff add, staff set, a hand edit, which validate
// checks), the acting author (--author, CASEPLAN_AUTHOR, git config) and
// the store's creator (init). git writes a commit's author as
// "Name <email> time" on a line of its own: an angle bracket in the name
// would end it early or start a second address, and a control character
// (a line break, a tab, ...) would break the line or hide what is written.
func StaffNameProblem(name string) string {
	switch {
	case strings.ContainsAny(name, "<>"):
		return "a name cannot hold '<' or '>', which git writes around the email address"
	case strings.ContainsFunc(name, unicode.IsControl):
		return "a name cannot hold a control character (a line break, a tab, ...), since git writes the author on one line"
	}
	return ""
}

// Supervises reports whether the staff member's role lets them waive an
// obligation for a case (DESIGN.md §4): supervisor or admin.
func (s Staff) Supervises() bool { return s.Role == "supervisor" || s.Role == "admin" }

// IsActive reports whether the staff member is still active: only an
// explicit "active: false" retires someone.
func (s Staff) IsActive() bool { return s.Active == nil || *s.Active }

// MarkRetired is how every view names a member the roster has retired
// (active: false) whose cases are not all handed over yet: label (their
// name, or their ID where a view has no name) followed by " (retired)",
// "Jo Lee (retired)"; label as it is when retired is false. due, validate
// and the reports all ask here, so they never name a retired manager in
// two ways.
func MarkRetired(label string, retired bool) string {
	if retired {
		return label + " (retired)"
	}
	return label
}

// NameWithID is how the headings name a member, by name and roster ID:
// "Jo Lee (jlee)", "Jo Lee (jlee, retired)" for one the roster has
// retired, and the ID alone, MarkRetired, when the roster gives no name.
func NameWithID(name, id string, retired bool) string {
	if name == "" {
		return MarkRetired(id, retired)
	}
	if retired {
		id += ", retired"
	}
	return name + " (" + id + ")"
}

// Program kinds: the built-in rule set a program follows (DESIGN.md §4).
const (
	ProgramWorkSecurity   = "work-security"   // union/employer layoff work security (000)
	ProgramWIOA           = "wioa"            // WIOA career planning under an IEP (002)
	ProgramPostEmployment = "post-employment" // post-employment services (003)
)

// ProgramKind returns the kind of the program with the given key, or ""
// when the store has no such program. c may be nil.
func (c *Config) ProgramKind(program string) string {
	if c == nil {
		return ""
	}
	return c.Programs[program].Kind
}

// Program is one program a store runs.
type Program struct {
	Kind     string   `yaml:"kind" json:"kind"` // work-security, wioa or post-employment
	Name     string   `yaml:"name,omitempty" json:"name,omitempty"`
	Settings Settings `yaml:"settings,omitempty" json:"settings,omitempty"`
}

// Settings are a program's rule parameters. A nil field takes the default
// that Config.ProgramSetting documents.
type Settings struct {
	NotificationDays           *int `yaml:"notification_days,omitempty" json:"notification_days,omitempty"`
	NotificationDaysGrantEnded *int `yaml:"notification_days_grant_ended,omitempty" json:"notification_days_grant_ended,omitempty"`
	WorkSecurityDays           *int `yaml:"work_security_days,omitempty" json:"work_security_days,omitempty"`
	ExtensionMaxDays           *int `yaml:"extension_max_days,omitempty" json:"extension_max_days,omitempty"`
	CheckinIntervalDays        *int `yaml:"checkin_interval_days,omitempty" json:"checkin_interval_days,omitempty"`
	ReferencesRequired         *int `yaml:"references_required,omitempty" json:"references_required,omitempty"`
	FirstContactDays           *int `yaml:"first_contact_days,omitempty" json:"first_contact_days,omitempty"`
	ContactIntervalDays        *int `yaml:"contact_interval_days,omitempty" json:"contact_interval_days,omitempty"`
	FollowUpMonths             *int `yaml:"follow_up_months,omitempty" json:"follow_up_months,omitempty"`
	InactivityExitDays         *int `yaml:"inactivity_exit_days,omitempty" json:"inactivity_exit_days,omitempty"`
	PostAssistanceMonths       *int `yaml:"post_assistance_months,omitempty" json:"post_assistance_months,omitempty"`
	ReviewIntervalDays         *int `yaml:"review_interval_days,omitempty" json:"review_interval_days,omitempty"`
	PlacementStartMaxDays      *int `yaml:"placement_start_max_days,omitempty" json:"placement_start_max_days,omitempty"`
	PlanDateMaxMonths          *int `yaml:"plan_date_max_months,omitempty" json:"plan_date_max_months,omitempty"`
	// ContactRequiresService: see Config.ContactRequiresService.
	ContactRequiresService *bool `yaml:"contact_requires_service,omitempty" json:"contact_requires_service,omitempty"`

	// SealedRequired: see Config.SealedRequired.
	SealedRequired *bool `yaml:"sealed_required,omitempty" json:"sealed_required,omitempty"`
}

// SealedRequired says whether every open case of the program must have
// sealed fields (pkg/sealed): its sealed_required setting, false by
// default — a store whose program reports the participants' demographics
// turns it on.
func (c *Config) SealedRequired(program string) bool {
	if c != nil {
		if p, ok := c.Programs[program]; ok && p.Settings.SealedRequired != nil {
			return *p.Settings.SealedRequired
		}
	}
	return false
}

// RuleSetting overrides one rule for the store.
type RuleSetting struct {
	Enabled  *bool  `yaml:"enabled,omitempty" json:"enabled,omitempty"`   // nil leaves the rule on
	Severity string `yaml:"severity,omitempty" json:"severity,omitempty"` // error or warning; "" keeps the rule's own
}

// RuleOff reports whether the store turns the rule id off (rules: id:
// enabled: false). c may be nil: no rule is then off.
func (c *Config) RuleOff(id string) bool {
	if c == nil {
		return false
	}
	s, ok := c.Rules[id]
	return ok && s.Enabled != nil && !*s.Enabled
}

// The program settings, as ProgramSetting takes them.
const (
	SettingNotificationDays           = "notification_days"
	SettingNotificationDaysGrantEnded = "notification_days_grant_ended"
	SettingWorkSecurityDays           = "work_security_days"
	SettingExtensionMaxDays           = "extension_max_days"
	SettingCheckinIntervalDays        = "checkin_interval_days"
	SettingReferencesRequired         = "references_required"
	SettingFirstContactDays           = "first_contact_days"
	SettingContactIntervalDays        = "contact_interval_days"
	SettingFollowUpMonths             = "follow_up_months"
	SettingInactivityExitDays         = "inactivity_exit_days"
	SettingPostAssistanceMonths       = "post_assistance_months"
	SettingReviewIntervalDays         = "review_interval_days"
	SettingPlacementStartMaxDays      = "placement_start_max_days"
	SettingPlanDateMaxMonths          = "plan_date_max_months"
	SettingContactRequiresService     = "contact_requires_service" // a yes/no: Config.ContactRequiresService
	SettingSealedRequired             = "sealed_required"          // a yes/no: Config.SealedRequired
)

// setting ties a settings key to its field and its default.
type setting struct {
	def   int
	field func(*Settings) *int
}

// settings holds the default of every program setting and where it comes
// from. The schema (schemas/caseplan.schema.json) repeats these defaults
// for editors; a test keeps the two in step.
var settings = map[string]setting{
	// "Notification Period: Ordinarily 60 days" (000).
	SettingNotificationDays: {60, func(s *Settings) *int { return s.NotificationDays }},
	// "(possibly 30 days if grant funding ends)" (000).
	SettingNotificationDaysGrantEnded: {30, func(s *Settings) *int { return s.NotificationDaysGrantEnded }},
	// "Work Security Period: Up to 90 days" (000).
	SettingWorkSecurityDays: {90, func(s *Settings) *int { return s.WorkSecurityDays }},
	// Extension "for up to three months beyond the initial three month Work
	// Security period", if the Joint Work Security Committee authorises it (000).
	SettingExtensionMaxDays: {90, func(s *Settings) *int { return s.ExtensionMaxDays }},
	// "Plan weekly meetings or check-ins with the candidate" (000).
	SettingCheckinIntervalDays: {7, func(s *Settings) *int { return s.CheckinIntervalDays }},
	// "Secure three professional references" (000).
	SettingReferencesRequired: {3, func(s *Settings) *int { return s.ReferencesRequired }},
	// Counselors "must contact them within 10 days" (002).
	SettingFirstContactDays: {10, func(s *Settings) *int { return s.FirstContactDays }},
	// Counselors "should contact the customer within 30 days" (002).
	SettingContactIntervalDays: {30, func(s *Settings) *int { return s.ContactIntervalDays }},
	// "Some programs (such as WIA Youth) require follow-up for 12 months
	// after program exit" (001).
	SettingFollowUpMonths: {12, func(s *Settings) *int { return s.FollowUpMonths }},
	// "90 consecutive days with no participation-causing service and none
	// scheduled" is a WIOA exit (TEGL 10-16, PIRL 901); none of the
	// documents 000-003 gives the number.
	SettingInactivityExitDays: {90, func(s *Settings) *int { return s.InactivityExitDays }},
	// Services "for 12 months following the loss of cash assistance" (003).
	SettingPostAssistanceMonths: {12, func(s *Settings) *int { return s.PostAssistanceMonths }},
	// IEPs are "referenced often, and updated regularly" (001) but no
	// document gives an interval; 90 days is caseplan's choice.
	SettingReviewIntervalDays: {90, func(s *Settings) *int { return s.ReviewIntervalDays }},
	// How long after an offer is recorded its job may plausibly start: no
	// document gives a bound (000 bridges the salary to a later start);
	// 180 days, the work security period and its longest extension
	// together, is caseplan's choice. A start later than that is warned of
	// as a likely typo in the year (placement-start).
	SettingPlacementStartMaxDays: {180, func(s *Settings) *int { return s.PlacementStartMaxDays }},
	// How far after today a goal's target or a milestone's due date may
	// plausibly be. Short-term goals cover the time services are given,
	// long-term goals the 9 to 12 months after exit (001); no document
	// bounds the services, so 36 months — two years of training and the
	// year after exit — is caseplan's choice. A later date is warned of as
	// a likely typo in the year (plan-date): a milestone due in 2062 for
	// 2026 never comes due on the tickler.
	SettingPlanDateMaxMonths: {36, func(s *Settings) *int { return s.PlanDateMaxMonths }},
}

// ProgramSetting returns the setting key (one of the Setting* constants) of
// the program with the given key, or its default when the store leaves it
// unset or has no such program. c may be nil. An unknown key is a
// programming error and panics.
func (c *Config) ProgramSetting(program, key string) int {
	s, ok := settings[key]
	if !ok {
		panic(fmt.Sprintf("record: unknown program setting %q", key))
	}
	if c != nil {
		if p, ok := c.Programs[program]; ok {
			if v := s.field(&p.Settings); v != nil {
				return *v
			}
		}
	}
	return s.def
}

// DefaultSetting returns the default of a program setting, and false for
// an unknown key.
func DefaultSetting(key string) (int, bool) {
	s, ok := settings[key]
	return s.def, ok
}

// StaffByID returns the roster entry with the given id.
func (c *Config) StaffByID(id string) (Staff, bool) {
	if c == nil {
		return Staff{}, false
	}
	for _, s := range c.Staff {
		if s.ID == id {
			return s, true
		}
	}
	return Staff{}, false
}

// StaffIDMeant returns the ID of the roster entry that typed names
// without being its ID — the ID in other capitals or with a slip of a
// key, the member's email address, their name, or its first or last
// words as no other member's name begins or ends (names compared as
// personname.Key compares them: accents and case aside) — or "" when
// there is none: what to suggest for an unknown ID.
func (c *Config) StaffIDMeant(typed string) string {
	if c == nil {
		return ""
	}
	typed = strings.TrimSpace(typed)
	// An ID pasted with a word processor's quotes (“mbell”) is read
	// through them, as a closed list's choice is.
	typed, _ = caseid.Unquoted(typed)
	for _, s := range c.Staff {
		if strings.EqualFold(s.ID, typed) || strings.EqualFold(s.Email, typed) {
			return s.ID
		}
	}
	// A slip of a key ("mbel" for mbell): suggested rather than left to
	// the hint of the command, which may be to add the ID typed to the
	// roster. An ID one slip from two members suggests neither.
	slipped, slips := "", 0
	for _, s := range c.Staff {
		if caseid.OneSlip(strings.ToLower(typed), strings.ToLower(s.ID)) {
			slipped = s.ID
			slips++
		}
	}
	if slips == 1 {
		return slipped
	}
	// People name a colleague as they know them, and type the name as
	// their keyboard lets them: "Ana Nunez" for Ana Núñez, "zoe" for Zoë
	// (personname.Key). Unmatched, the command's hint is to add the name
	// to the roster: a second entry for one colleague. The typed words
	// are the whole name, or its first or last words ("Ngo-Dang"); a name
	// that could be two members suggests neither.
	words := strings.Fields(personname.Key(typed))
	if len(words) == 0 {
		return ""
	}
	fullName, partName := "", ""
	fullNames, partNames := 0, 0
	for _, s := range c.Staff {
		name := strings.Fields(personname.Key(s.Name))
		if len(name) == 0 {
			continue
		}
		switch {
		case slices.Equal(name, words):
			fullName = s.ID
			fullNames++
		case len(words) < len(name) && (slices.Equal(name[:len(words)], words) || slices.Equal(name[len(name)-len(words):], words)):
			partName = s.ID
			partNames++
		}
	}
	switch {
	case fullNames == 1:
		return fullName
	case fullNames == 0 && partNames == 1:
		return partName
	}
	return ""
}

// StaffByEmail returns the roster entry with the given email address,
// compared without regard to case (as mail systems treat them, and as
// git author emails are typed).
func (c *Config) StaffByEmail(email string) (Staff, bool) {
	if c == nil {
		return Staff{}, false
	}
	email = strings.TrimSpace(email)
	for _, s := range c.Staff {
		if strings.EqualFold(s.Email, email) {
			return s, true
		}
	}
	return Staff{}, false
}
