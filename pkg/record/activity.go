package record

import "github.com/caseplan/caseplan/schemas"

// ActivityWeek is one week of the candidate activity tracker (000),
// cases/<id>/activity/<yyyy>-W<ww>.yaml.
type ActivityWeek struct {
	Week                    string                   `yaml:"week" json:"week"` // 2026-W09, the file name without .yaml
	Applications            []Application            `yaml:"applications,omitempty" json:"applications,omitempty"`
	InformationalInterviews []InformationalInterview `yaml:"informational_interviews,omitempty" json:"informational_interviews,omitempty"`
	Interviews              []Interview              `yaml:"interviews,omitempty" json:"interviews,omitempty"`
	Courses                 []ActivityCourse         `yaml:"courses,omitempty" json:"courses,omitempty"`
	Networking              []NetworkingEvent        `yaml:"networking,omitempty" json:"networking,omitempty"`
}

// ApplicationStatuses are an application's statuses in the order a
// search goes through them: the order schemas/activity.schema.json lists
// them in, which owns them.
var ApplicationStatuses = schemas.Enum("activity", "applications", "[]", "status")

// Application is one job application.
type Application struct {
	ID           string `yaml:"id,omitempty" json:"id,omitempty"` // AP-7QX2K; none on items written before they had IDs
	Date         Date   `yaml:"date" json:"date"`
	Organization string `yaml:"organization" json:"organization"`
	Position     string `yaml:"position" json:"position"`
	Internal     *bool  `yaml:"internal,omitempty" json:"internal,omitempty"`
	Grade        string `yaml:"grade,omitempty" json:"grade,omitempty"`
	Status       string `yaml:"status" json:"status"` // applied, interview, offer, hired, rejected or withdrawn
	Feedback     string `yaml:"feedback,omitempty" json:"feedback,omitempty"`
}

// InformationalInterview is one informational interview.
type InformationalInterview struct {
	ID           string `yaml:"id,omitempty" json:"id,omitempty"` // II-7QX2K; none on items written before they had IDs
	Date         Date   `yaml:"date" json:"date"`
	Organization string `yaml:"organization" json:"organization"`
	Contact      string `yaml:"contact,omitempty" json:"contact,omitempty"`
	Notes        string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Interview is one job interview.
type Interview struct {
	ID           string `yaml:"id,omitempty" json:"id,omitempty"` // IV-7QX2K; none on items written before they had IDs
	Date         Date   `yaml:"date" json:"date"`
	Organization string `yaml:"organization" json:"organization"`
	Position     string `yaml:"position,omitempty" json:"position,omitempty"`
	Kind         string `yaml:"kind,omitempty" json:"kind,omitempty"` // screening, hiring-manager, panel, mock or other
	Feedback     string `yaml:"feedback,omitempty" json:"feedback,omitempty"`
}

// Mock reports whether the interview was a mock interview: practice with
// the case manager (000: "Conduct mock interviews"), not a job interview.
func (iv Interview) Mock() bool { return iv.Kind == "mock" }

// ActivityCourse is a course taken during the week.
type ActivityCourse struct {
	ID       string `yaml:"id,omitempty" json:"id,omitempty"` // AC-7QX2K; none on items written before they had IDs
	Date     Date   `yaml:"date" json:"date"`
	Title    string `yaml:"title" json:"title"`
	Provider string `yaml:"provider,omitempty" json:"provider,omitempty"`
	Status   string `yaml:"status,omitempty" json:"status,omitempty"` // enrolled, completed or dropped
}

// NetworkingEvent is one networking event.
type NetworkingEvent struct {
	ID       string `yaml:"id,omitempty" json:"id,omitempty"` // NW-7QX2K; none on items written before they had IDs
	Date     Date   `yaml:"date" json:"date"`
	Event    string `yaml:"event" json:"event"`
	Contacts *int   `yaml:"contacts,omitempty" json:"contacts,omitempty"` // new contacts made
	Notes    string `yaml:"notes,omitempty" json:"notes,omitempty"`
}
