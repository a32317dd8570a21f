package calendar

import (
	"time"

	"github.com/caseplan/caseplan/pkg/record"
)

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
