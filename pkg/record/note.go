package record

import "strings"

// NoteKindMockInterview is the kind of a note recording a mock interview
// the case manager held (000: "Conduct mock interviews").
const NoteKindMockInterview = "mock-interview"

// Note is one case note, cases/<id>/notes/<date>-<suffix>.yaml. A note is
// never edited once committed; a correction is a new note of kind
// "amendment" whose Amends names the note it corrects.
type Note struct {
	ID     string `yaml:"id" json:"id"` // <date>-<suffix>, the file name without .yaml
	Date   Date   `yaml:"date" json:"date"`
	Author string `yaml:"author" json:"author"` // staff id
	Kind   string `yaml:"kind" json:"kind"`     // intake, contact, case-conference, ..., amendment, ...
	Mode   string `yaml:"mode" json:"mode"`     // in-person, phone, email, ..., none
	// TwoWay marks a two-way exchange; only a two-way note counts as a
	// contact, and for WIOA only one that also records a recognised
	// service (calendar.Contact says which). Absent means false.
	TwoWay   bool     `yaml:"two_way,omitempty" json:"two_way,omitempty"`
	Services []string `yaml:"services,omitempty" json:"services,omitempty"` // service codes
	// The seven elements of a good case note (001).
	Background   string   `yaml:"background,omitempty" json:"background,omitempty"`
	Reason       string   `yaml:"reason,omitempty" json:"reason,omitempty"`
	Observations string   `yaml:"observations,omitempty" json:"observations,omitempty"`
	Content      string   `yaml:"content,omitempty" json:"content,omitempty"`
	Results      string   `yaml:"results,omitempty" json:"results,omitempty"`
	Impressions  string   `yaml:"impressions,omitempty" json:"impressions,omitempty"`
	Plan         string   `yaml:"plan,omitempty" json:"plan,omitempty"`
	Actions      []Action `yaml:"actions,omitempty" json:"actions,omitempty"`
	Amends       string   `yaml:"amends,omitempty" json:"amends,omitempty"` // note id; set exactly when Kind is "amendment"
	// Voids, on an amendment, says the note it amends was recorded in
	// error — on the wrong case, with the wrong date, or for something that
	// did not happen — and counts for nothing: no contact, no service, no
	// action item (casefile.Case.Voided). The note stays in its file, as
	// every committed note does (001).
	Voids bool `yaml:"voids,omitempty" json:"voids,omitempty"`
}

// NoteAmendment is the kind of a note that corrects an earlier one (001).
const NoteAmendment = "amendment"

// Action is an action item of a note, for the participant, the manager or
// someone else (001).
type Action struct {
	Owner string `yaml:"owner" json:"owner"` // participant, manager or other
	Text  string `yaml:"text" json:"text"`
	Due   Date   `yaml:"due,omitempty" json:"due,omitempty"`
	Done  Date   `yaml:"done,omitempty" json:"done,omitempty"`
}

// NoteText is one of a note's seven elements (001): the field's name, as
// the record and note add's flags spell it, and what it says.
type NoteText struct {
	Field, Text string
}

// Texts returns the seven elements of a good case note (001) in the
// document's order: background, reason, observations, content, results,
// impressions and plan.
func (n *Note) Texts() [7]NoteText {
	return [7]NoteText{
		{"background", n.Background}, {"reason", n.Reason}, {"observations", n.Observations},
		{"content", n.Content}, {"results", n.Results}, {"impressions", n.Impressions}, {"plan", n.Plan},
	}
}

// SaysSomething reports whether one of the note's seven elements is
// written: holds a character that is not a space.
func (n *Note) SaysSomething() bool {
	for _, t := range n.Texts() {
		if strings.TrimSpace(t.Text) != "" {
			return true
		}
	}
	return false
}
