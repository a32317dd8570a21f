// Package casefile holds a case's records together: the Case aggregate (one
// case's parsed, typed records and the documents they came from) and the
// Snapshot of a whole store read at one moment. It is what every stage
// after reading works on — validation, the case state, the tickler and the
// reports — whichever source (the work tree, a commit's tree) the files
// came from; pkg/store fills it.
package casefile

import (
	"slices"
	"sort"
	"strings"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// Snapshot is a store's records as read from one source.
type Snapshot struct {
	Config    *record.Config
	ConfigDoc *load.Document
	Cases     []*Case // sorted by ID
	Files     int     // record files read
	// StoreDocs are the store-level record files (cohorts, import rules),
	// parsed, in path order.
	StoreDocs []*load.Document
	// Cohorts are the layoff cohorts by ID, their file's name; a cohort
	// whose record cannot be read is nil (the findings say why).
	Cohorts map[string]*record.Cohort
}

// Case returns the case with the given ID, or nil.
func (s *Snapshot) Case(id string) *Case {
	i := sort.Search(len(s.Cases), func(i int) bool { return s.Cases[i].ID >= id })
	if i < len(s.Cases) && s.Cases[i].ID == id {
		return s.Cases[i]
	}
	return nil
}

// SortCases orders the cases by ID, as Case expects.
func (s *Snapshot) SortCases() {
	sort.Slice(s.Cases, func(i, j int) bool { return s.Cases[i].ID < s.Cases[j].ID })
}

// Case is one case's records. A record that is absent or could not be read
// is nil; the findings say why.
type Case struct {
	ID         string
	Dir        string // repository-relative, e.g. cases/2026-K7QX2
	Intake     *record.Intake
	IEP        *record.IEP
	References *record.References
	Services   *record.Services
	Outcome    *record.Outcome
	// Notes are the case's notes that count, sorted by date, then ID:
	// every rule, the tickler and the reports read them. A note an
	// amendment voided is in Voided instead.
	Notes []*record.Note
	// Voided are the notes an amendment voided (voids: true): recorded in
	// error, on the wrong case or with the wrong date. They stay in their
	// files, as every committed note does (001), and count for nothing;
	// what reads every note of the case as written (its files, note list)
	// reads AllNotes.
	Voided   []*record.Note
	Activity []*record.ActivityWeek // sorted by week
	Docs     []*load.Document       // every parsed file of the case, in path order
	// Unread are the case's record files that could not be read (broken
	// YAML, a value of the wrong type, ...: the loader says why). The
	// case's rules are not checked while there are any: a rule would
	// judge the case by a record that is missing only from what was read
	// (a closure in an outcome.yaml with a typo, a contact in a note).
	Unread []string
	// Sealed is what the store holds of the case's sealed fields, read
	// without decrypting them; nil when it has none.
	Sealed *Sealed

	notePath     map[*record.Note]string
	activityPath map[*record.ActivityWeek]string
}

// Sealed describes a case's sealed fields (pkg/sealed) as validate sees
// them: whether the ciphertext and its recipients list are there, how many
// people the ciphertext's header says it is encrypted to, and whom the list
// names.
type Sealed struct {
	Ciphertext bool // sealed.age is there
	Stanzas    int  // recipients in its header
	Listed     bool // sealed.recipients is there
	Recipients []sealed.Recipient
	// Problem says why one of the files could not be read ("" when both
	// could): a ciphertext that is not an age file, a list that does not
	// parse.
	Problem string
}

// New returns an empty case with the given ID.
func New(id string) *Case {
	return &Case{ID: id, Dir: layout.CaseDir(id), notePath: map[*record.Note]string{}, activityPath: map[*record.ActivityWeek]string{}}
}

// AddNote adds a note read from the file at p. Call SortNotes when all
// are added.
func (c *Case) AddNote(n *record.Note, p string) {
	c.Notes = append(c.Notes, n)
	c.notePath[n] = p
}

// SortNotes orders the notes by date, then ID, and moves those an
// amendment voided to Voided. Call it once all notes are added.
func (c *Case) SortNotes() {
	c.Notes = append(c.Notes, c.Voided...)
	c.Voided = nil
	sortNotes(c.Notes)
	var voided map[string]bool
	for _, n := range c.Notes {
		if n.Kind == record.NoteAmendment && n.Voids && n.Amends != "" {
			if voided == nil {
				voided = map[string]bool{}
			}
			voided[n.Amends] = true
		}
	}
	if voided == nil {
		return
	}
	// An amendment is not voided: it records a correction, and counts for
	// nothing itself (validate reports one that voids an amendment).
	kept := c.Notes[:0]
	for _, n := range c.Notes {
		if voided[n.ID] && n.Kind != record.NoteAmendment {
			c.Voided = append(c.Voided, n)
		} else {
			kept = append(kept, n)
		}
	}
	c.Notes = kept
}

func sortNotes(notes []*record.Note) {
	sort.SliceStable(notes, func(i, j int) bool {
		a, b := notes[i], notes[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return a.ID < b.ID
	})
}

// AllNotes returns every note of the case, voided ones included, sorted by
// date, then ID: the notes as the files have them.
func (c *Case) AllNotes() []*record.Note {
	if len(c.Voided) == 0 {
		return c.Notes
	}
	all := append(slices.Clone(c.Notes), c.Voided...)
	sortNotes(all)
	return all
}

// VoidedBy returns the amendment that voided note n, or nil.
func (c *Case) VoidedBy(n *record.Note) *record.Note {
	if !slices.Contains(c.Voided, n) {
		return nil
	}
	for _, a := range c.Notes {
		if a.Kind == record.NoteAmendment && a.Voids && a.Amends == n.ID {
			return a
		}
	}
	return nil
}

// AddActivity adds an activity week read from the file at p.
func (c *Case) AddActivity(w *record.ActivityWeek, p string) {
	c.Activity = append(c.Activity, w)
	if c.activityPath == nil {
		c.activityPath = map[*record.ActivityWeek]string{}
	}
	c.activityPath[w] = p
}

// ActivityPath returns the repository-relative path of an activity week of
// this case: the file it was read from, whatever week it says it is.
func (c *Case) ActivityPath(w *record.ActivityWeek) string {
	if p, ok := c.activityPath[w]; ok {
		return p
	}
	return layout.ActivityWeek(c.ID, w.Week)
}

// NoteByID returns the note with the given ID, or nil.
func (c *Case) NoteByID(id string) *record.Note {
	for _, n := range c.AllNotes() {
		if n.ID == id {
			return n
		}
	}
	return nil
}

// NotesMeant returns the IDs of the case's notes that typed, naming none,
// was probably meant to be: the same but for capitals, one slip of a key
// away, or the ID's last part alone ("gkn3" for 2026-03-02-gkn3).
func (c *Case) NotesMeant(typed string) []string {
	t := strings.ToLower(strings.TrimSpace(typed))
	var out []string
	for _, n := range c.AllNotes() {
		id := strings.ToLower(n.ID)
		if id == t || caseid.OneSlip(t, id) || (len(t) >= 3 && strings.HasSuffix(id, "-"+t)) {
			out = append(out, n.ID)
		}
	}
	return out
}

// Amendments returns the notes that correct note id (kind amendment,
// amends id), in the notes' order.
func (c *Case) Amendments(id string) []*record.Note {
	var out []*record.Note
	for _, n := range c.Notes {
		if n.Amends == id {
			out = append(out, n)
		}
	}
	return out
}

// NotePath returns the repository-relative path of a note of this case.
func (c *Case) NotePath(n *record.Note) string { return c.notePath[n] }

// File returns the repository-relative path of the case's single-record
// file of kind (layout.KindIntake, ...), whether or not it exists.
func (c *Case) File(kind string) string { return layout.File(c.ID, kind) }

// Doc returns the parsed document at path, or nil.
func (c *Case) Doc(p string) *load.Document {
	for _, d := range c.Docs {
		if d.Path == p {
			return d
		}
	}
	return nil
}

// Has reports whether the case has a parsed document of kind.
func (c *Case) Has(kind string) bool { return c.Doc(c.File(kind)) != nil }
