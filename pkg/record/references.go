package record

import "strconv"

// References is a case's professional references,
// cases/<id>/references.yaml; work security asks for three (000).
type References struct {
	References []Reference `yaml:"references,omitempty" json:"references,omitempty"`
}

// Reference is one professional reference.
type Reference struct {
	ID           string `yaml:"id,omitempty" json:"id,omitempty"` // RF-7QX2K; older references have none
	Name         string `yaml:"name" json:"name"`
	Title        string `yaml:"title,omitempty" json:"title,omitempty"`
	Organization string `yaml:"organization,omitempty" json:"organization,omitempty"`
	Relationship string `yaml:"relationship" json:"relationship"`
	Phone        string `yaml:"phone,omitempty" json:"phone,omitempty"`
	Email        string `yaml:"email,omitempty" json:"email,omitempty"`
	Permission   Date   `yaml:"permission,omitempty" json:"permission,omitempty"` // they agreed to be named (000)
	Briefed      Date   `yaml:"briefed,omitempty" json:"briefed,omitempty"`       // the candidate pre-planned with them (000)
	Withdrawn    Date   `yaml:"withdrawn,omitempty" json:"withdrawn,omitempty"`   // they withdrew permission
}

// Handle names reference r, the i-th (from 0) of its file, as caseplan ref
// update and ref withdraw take it: its ID (RF-7QX2K), or, for a reference
// written before references had IDs, its number in the list (1 for the
// first), as ref list shows it.
func (r Reference) Handle(i int) string {
	if r.ID != "" {
		return r.ID
	}
	return strconv.Itoa(i + 1)
}
