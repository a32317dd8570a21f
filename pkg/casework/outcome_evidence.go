package casework

import (
	"time"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

// ExtensionEvidence is what a case's records show for the two criteria
// document 000 sets for extending the work security period: "Each
// candidate must be in regular contact with his/her case manager and must
// apply for all relevant positions at the University throughout the work
// security time period." caseplan reads "regular" as weekly, the rhythm
// 000 asks of case managers ("plan weekly meetings or check-ins"), and
// weighs both criteria week by week (ISO weeks, Monday to Sunday).
type ExtensionEvidence struct {
	From, To     time.Time // the part of the work security period weighed
	Weeks        []EvidenceWeek
	Contact      Criterion // regular contact: a contact (002) every week
	Applications Criterion // applications every week (the activity tracker)
}

// EvidenceWeek is one ISO week of the period. From and To are the days of
// the week inside the period; a week the period covers only in part (the
// week of the layoff, the week still under way) is Partial.
type EvidenceWeek struct {
	Week         string // 2026-W19
	From, To     time.Time
	Partial      bool
	Contacts     int // two-way contacts recording a service (validate.IsContact)
	Applications int // job applications in the activity tracker
}

// Criterion is one criterion weighed over the complete weeks of the period.
// A partial week counts what it holds but is never held against the
// candidate: the layoff may fall on a Friday, and the current week is not
// over. Met needs at least one complete week.
type Criterion struct {
	Met           bool
	CompleteWeeks int
	WeeksWithout  []string // complete weeks with none
	Total         int      // over the whole period, partial weeks included
}

// WeighExtension weighs the extension criteria over the days from..to
// (inclusive) from a case's notes and activity weeks.
func WeighExtension(notes []*record.Note, activity []*record.ActivityWeek, from, to time.Time) ExtensionEvidence {
	ev := ExtensionEvidence{From: from, To: to}
	if to.Before(from) {
		return ev
	}
	in := func(d record.Date) (string, bool) {
		t, ok := d.Time()
		if !ok || t.Before(from) || t.After(to) {
			return "", false
		}
		return validate.ISOWeek(t), true
	}
	contacts := map[string]int{}
	for _, n := range notes {
		if w, ok := in(n.Date); ok && validate.IsContact(n) {
			contacts[w]++
		}
	}
	applications := map[string]int{}
	for _, week := range activity {
		for _, a := range week.Applications {
			if w, ok := in(a.Date); ok {
				applications[w]++
			}
		}
	}
	// Monday of the week the period starts in.
	monday := from.AddDate(0, 0, -((int(from.Weekday()) + 6) % 7))
	for ; !monday.After(to); monday = monday.AddDate(0, 0, 7) {
		sunday := monday.AddDate(0, 0, 6)
		w := EvidenceWeek{Week: validate.ISOWeek(monday), From: monday, To: sunday}
		if w.From.Before(from) {
			w.From, w.Partial = from, true
		}
		if w.To.After(to) {
			w.To, w.Partial = to, true
		}
		w.Contacts, w.Applications = contacts[w.Week], applications[w.Week]
		ev.Weeks = append(ev.Weeks, w)
		ev.Contact.add(w, w.Contacts)
		ev.Applications.add(w, w.Applications)
	}
	ev.Contact.Met = ev.Contact.CompleteWeeks > 0 && len(ev.Contact.WeeksWithout) == 0
	ev.Applications.Met = ev.Applications.CompleteWeeks > 0 && len(ev.Applications.WeeksWithout) == 0
	return ev
}

func (c *Criterion) add(w EvidenceWeek, n int) {
	c.Total += n
	if w.Partial {
		return
	}
	c.CompleteWeeks++
	if n == 0 {
		c.WeeksWithout = append(c.WeeksWithout, w.Week)
	}
}
