package casework

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/record"
)

// Every item a command adds to a list of a case's records gets an ID of its
// own, made here: its list's prefix (record.ListRules has them all), a
// hyphen and five random characters from the State's random source, e.g.
// G-K7QX2. Two clones adding an item to one file at once then add two
// items with two IDs, and caseplan sync keeps both.

// newItemID returns a new ID with prefix for an item added to case c. It
// is drawn again in the rare case that c already has it, or that this
// change already made it for another item, so an ID names one item of the
// case wherever it is used.
func (s *State) newItemID(c *casefile.Case, prefix string) (string, error) {
	if s.issued == nil {
		s.issued = map[string]bool{}
	}
	var taken map[string]bool
	for tries := 0; ; tries++ {
		id, err := caseid.NewItem(prefix, s.random())
		if err != nil {
			return "", err
		}
		if !s.issued[id] {
			if taken == nil {
				taken = caseItemIDs(c)
			}
			if !taken[id] {
				s.issued[id] = true
				return id, nil
			}
		}
		if tries > 20 {
			return "", fmt.Errorf("could not find a free %s- ID in case %s", prefix, c.ID)
		}
	}
}

// caseItemIDs returns every item ID of case c's records.
func caseItemIDs(c *casefile.Case) map[string]bool {
	ids := map[string]bool{}
	add := func(_ record.ListRule, _ []string, id string) { ids[id] = true }
	for _, rec := range []any{c.Intake, c.IEP, c.References, c.Services, c.Outcome} {
		record.EachItemID(rec, add)
	}
	for _, w := range c.Activity {
		record.EachItemID(w, add)
	}
	if o := c.Outcome; o != nil {
		// The placement and closure of older files are no list items.
		if o.Placement != nil && o.Placement.ID != "" {
			ids[o.Placement.ID] = true
		}
		if o.Closure != nil && o.Closure.ID != "" {
			ids[o.Closure.ID] = true
		}
	}
	return ids
}

// itemID is an item ID as typed on the command line, in its canonical
// form: g-k7qx2 is G-K7QX2, as m1 is M1.
func itemID(id string) string { return strings.ToUpper(strings.TrimSpace(id)) }
