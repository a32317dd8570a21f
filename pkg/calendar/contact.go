package calendar

import (
	"sort"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
)

// Contact is what a program counts as a contact with the participant
// (DESIGN.md §4). Every program asks for a two-way exchange (002: case
// management "is indeed a two-way contact"; 000: "regular contact"); WIOA
// also asks that it record a recognised service and a detailed note:
// "Contact is defined as providing a recognized MOSES service and a
// detailed Note of said service" (002). The program setting
// contact_requires_service says which (record.Config.ContactRequiresService).
// Amendments correct a note and are never a contact, nor is a letter or a
// note of no mode, whatever its two_way says: neither is an exchange (002
// names a contact "person-to-person, email back and forth ... or a
// two-way telephone conversation"; for the letters of 003, see
// ReachesOut).
type Contact struct {
	RequiresService bool
	services        map[string]record.ServiceCode
}

// ContactOf returns what the program with the given key counts as a
// contact in the store cfg (which may be nil).
func ContactOf(cfg *record.Config, program string) Contact {
	return Contact{RequiresService: cfg.ContactRequiresService(program), services: cfg.ServiceCodes()}
}

// ContactFor returns what case c's program counts as a contact.
func ContactFor(c *casefile.Case, cfg *record.Config) Contact {
	program := ""
	if c.Intake != nil {
		program = c.Intake.Program
	}
	return ContactOf(cfg, program)
}

// Key names the rule k applies, for a cache of what it counted: whether
// it asks for a recognised service and, when it does, which codes are
// recognised.
func (k Contact) Key() string {
	if !k.RequiresService {
		return "two-way"
	}
	codes := make([]string, 0, len(k.services))
	for code := range k.services {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	return "two-way and a service of " + strings.Join(codes, " ")
}

// Is reports whether note n is a contact.
func (k Contact) Is(n *record.Note) bool { return k.WhyNot(n) == "" }

// WhyNot says why note n is not a contact, in words for the person who
// wrote it; "" when it is one.
func (k Contact) WhyNot(n *record.Note) string {
	switch {
	case n.Kind == "amendment":
		return "an amendment corrects a note and is never a contact"
	case n.Mode == "letter":
		return "a letter is no exchange: the participant's answer is the contact (002: person-to-person, email back and forth, or a two-way telephone conversation; 003 sends letters and postcards to keep in touch)"
	case n.Mode == "none":
		return "a note of mode none records no exchange"
	case !n.TwoWay:
		return "it is not marked two-way (--two-way): every program counts only a two-way contact"
	case !k.RequiresService:
		return ""
	}
	recognised := false
	for _, code := range n.Services {
		if _, ok := k.services[code]; ok {
			recognised = true
		}
	}
	switch {
	case !recognised:
		return "the program counts a contact only when it records a recognised service (--service CODE; 002)"
	case !n.SaysSomething():
		return "the program counts a contact only with a detailed note (002): say what happened, e.g. with --content"
	}
	return ""
}

// ReachesOut reports whether note n is no contact by its mode alone, a
// letter (a handwritten note, a postcard, an official letter): it reaches
// out to the participant, and nothing else recorded on it would make it
// an exchange. 003 lists letters among the ways of "establishing ongoing
// contact" (item 5) for the monitoring and re-assessment the plan asks
// for (item 1), which only the participant's answer gives: a letter
// counted as a contact would keep quiet the participant who stopped
// answering, whom the contact interval is there to find. So the letter
// stays on record, and the contact is the answer when it comes.
func (k Contact) ReachesOut(n *record.Note) bool {
	return n.Kind != "amendment" && n.Mode == "letter"
}

// Last returns the date of the latest contact among notes.
func (k Contact) Last(notes []*record.Note) (time.Time, bool) {
	var last time.Time
	found := false
	for _, n := range notes {
		if t, ok := n.Date.Time(); ok && k.Is(n) && (!found || t.After(last)) {
			last, found = t, true
		}
	}
	return last, found
}

// Count returns the number of contacts among notes.
func (k Contact) Count(notes []*record.Note) int {
	n := 0
	for _, note := range notes {
		if k.Is(note) {
			n++
		}
	}
	return n
}
