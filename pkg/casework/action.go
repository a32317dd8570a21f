package casework

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

// ActionStatuses are the ways a note's action item is closed, as the iep
// schema lists them for the plan's action_items.
var ActionStatuses = schemas.Enum("iep", "action_items", "[]", "status")

// ParseActionItem splits an action item's reference, as case show and the
// tickler print it — the note's ID, '#' and the item's number in the note
// from 1 (2026-03-12-ab12#2) — into the note's ID and the number.
func ParseActionItem(ref string) (note string, item int, ok bool) {
	note, num, found := strings.Cut(strings.TrimSpace(ref), "#")
	if !found || note == "" {
		return "", 0, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 {
		return "", 0, false
	}
	return strings.ToLower(note), n, true
}

// CloseActionItem records a note's action item done or dropped. A note is
// never edited after it is committed (DESIGN.md §3), so the item's
// closing is a change of its own: an entry in the plan's action_items
// (iep.yaml), which the tickler reads (casestate) — until then the item
// stays due, whatever later contacts there were.
type CloseActionItem struct {
	Case   string
	Note   string      // the note's ID
	Item   int         // the item's number in the note, from 1
	Status string      // done or dropped
	Date   record.Date // when; empty: today
	Reason string      // why it was dropped, or what came of it; required to drop one
}

// Build returns the change that appends the action_items entry. It
// refuses an unknown note or item number, an amendment's items (an
// amendment corrects another note; its items are the corrected note's),
// an item already closed — done in its note, in an amendment or in the
// plan — and a date before the note or after today.
func (a CloseActionItem) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	if err := checkPlanChoice("status", &a.Status, ActionStatuses...); err != nil {
		return nil, err
	}
	reason := strings.TrimSpace(a.Reason)
	if a.Status == "dropped" && reason == "" {
		return nil, inputErrorf("say why with --reason", "dropping an action item needs a reason")
	}
	ref := casestate.ActionRef(a.Note, a.Item)
	n := p.c.NoteByID(a.Note)
	switch {
	case n == nil:
		return nil, inputErrorf(NoteHint(p.c, a.Note, "caseplan note list "+a.Case+" lists the notes; caseplan case show "+a.Case+" the open action items"),
			"case %s has no note %s", a.Case, a.Note)
	case n.Kind == "amendment":
		return nil, inputErrorf("close the item by its own note's reference, "+n.Amends+"#N",
			"note %s is an amendment of note %s; its action items are that note's", n.ID, n.Amends)
	case p.c.VoidedBy(n) != nil:
		return nil, inputErrorf("caseplan note show "+a.Case+" "+p.c.VoidedBy(n).ID+" shows why; an action item that still stands goes on a new note",
			"note %s was voided, by amendment %s: its action items count for nothing", n.ID, p.c.VoidedBy(n).ID)
	case a.Item > len(n.Actions):
		return nil, inputErrorf("caseplan note show "+a.Case+" "+n.ID+" shows the note",
			"note %s has %s, so no item %d", n.ID, countItems(len(n.Actions)), a.Item)
	}
	item := n.Actions[a.Item-1]
	if how, on := casestate.ActionClosuresOf(p.c).How(n, a.Item); how != "" {
		return nil, inputErrorf("", "action %s %s is already %s, on %s", ref, planQuote(item.Text), how, on)
	}
	when, flag := dateGiven(a.Date, s.Today)
	if err := p.checkDoneDate(fmt.Sprintf("action %s %s date", ref, a.Status), flag, when); err != nil {
		return nil, err
	}
	if when < n.Date {
		return nil, inputErrorf("", "action %s %s date %s is before its note (%s)", ref, a.Status, when, n.Date)
	}
	entry := record.ActionItem{Note: n.ID, Item: a.Item, Status: a.Status, Date: when, Reason: reason}
	verb := "mark"
	if a.Status == "dropped" {
		verb = "drop"
	}
	summary := fmt.Sprintf("%s action %s %s", verb, ref, planQuote(item.Text))
	if a.Status == "done" {
		summary += " done"
	}
	action := "action.done"
	if a.Status == "dropped" {
		action = "action.drop"
	}
	return p.change(action, summary, "", planAppend([]string{"action_items"}, entry))
}

// countItems writes a count of action items: "no action items", "1
// action item", "3 action items".
func countItems(n int) string {
	switch n {
	case 0:
		return "no action items"
	case 1:
		return "1 action item"
	}
	return strconv.Itoa(n) + " action items"
}
