package record

import (
	"fmt"
	"strings"
)

// Config is the store settings file, cases/caseplan.yaml.
type Config struct {
	Organization string                 `yaml:"organization" json:"organization"`
	Centers      []string               `yaml:"centers,omitempty" json:"centers,omitempty"` // offices
	Staff        []Staff                `yaml:"staff" json:"staff"`
	Programs     map[string]Program     `yaml:"programs" json:"programs"`               // by program key
	Rules        map[string]RuleSetting `yaml:"rules,omitempty" json:"rules,omitempty"` // by rule ID
}

// Staff is one member of the roster.
type Staff struct {
	ID     string `yaml:"id" json:"id"`
	Name   string `yaml:"name" json:"name"`
	Email  string `yaml:"email" json:"email"`
	Role   string `yaml:"role,omitempty" json:"role,omitempty"` // case-manager (the default), coordinator, supervisor, navigator, admin
	Center string `yaml:"center,omitempty" json:"center,omitempty"`
	Active *bool  `yaml:"active,omitempty" json:"active,omitempty"` // nil means active
}

// IsActive reports whether the staff member is still active: only an
// explicit "active: false" retires someone.
func (s Staff) IsActive() bool { return s.Active == nil || *s.Active }

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
}

// RuleSetting overrides one rule for the store.
type RuleSetting struct {
	Enabled  *bool  `yaml:"enabled,omitempty" json:"enabled,omitempty"`   // nil leaves the rule on
	Severity string `yaml:"severity,omitempty" json:"severity,omitempty"` // error or warning; "" keeps the rule's own
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
	// A case with no service for 90 days is a potential exit (DESIGN.md §4).
	// None of the documents 000-003 gives this number; it is the usual WIOA
	// exit convention, so it is a setting.
	SettingInactivityExitDays: {90, func(s *Settings) *int { return s.InactivityExitDays }},
	// Services "for 12 months following the loss of cash assistance" (003).
	SettingPostAssistanceMonths: {12, func(s *Settings) *int { return s.PostAssistanceMonths }},
	// IEPs are "referenced often, and updated regularly" (001) but no
	// document gives an interval; 90 days is caseplan's choice.
	SettingReviewIntervalDays: {90, func(s *Settings) *int { return s.ReviewIntervalDays }},
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
