package casework

import (
	"fmt"
	"io"
	"strings"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// AddNote describes a case note to add. Note carries the note's fields;
// its ID is assigned here and its author defaults to the acting staff member.
type AddNote struct {
	Case string
	Note record.Note
}

// Build returns the change that writes the note as notes/<id>.yaml: one note
// per file, so notes added in two clones never touch the same file.
func (a AddNote) Build(s *State) (*Change, error) {
	c := s.Snapshot.Case(a.Case)
	if c == nil {
		return nil, &store.UnknownCaseError{ID: a.Case}
	}
	n := a.Note
	if n.Amends != "" && c.NoteByID(n.Amends) == nil {
		return nil, inputErrorf(NoteHint(c, n.Amends, "caseplan note list "+a.Case+" lists its notes"), "case %s has no note %q to amend", a.Case, n.Amends)
	}
	if n.Voids {
		if err := s.checkVoid(c, n); err != nil {
			return nil, err
		}
	}
	if err := checkNoteTexts(&n); err != nil {
		return nil, err
	}
	if n.Date == "" {
		n.Date = date(s.Today)
	}
	if _, ok := n.Date.Time(); !ok {
		return nil, inputErrorf("", "note date %q is not a date; use YYYY-MM-DD", n.Date)
	}
	if err := s.authorNote(&n); err != nil {
		return nil, err
	}
	id, err := NewNoteID(n.Date, s.random(), func(id string) bool { return s.Exists(notePath(a.Case, id)) })
	if err != nil {
		return nil, err
	}
	n.ID = id
	p := notePath(a.Case, n.ID)
	data, err := record.Marshal(p, &n)
	if err != nil {
		return nil, err
	}
	summary := fmt.Sprintf("add %s note (%s", n.Kind, n.Mode)
	if n.TwoWay {
		summary += ", two-way"
	}
	summary += ")"
	action := audit.ActionNoteAdd
	if n.Kind == "amendment" && n.Amends != "" {
		summary, action = "amend note "+n.Amends, audit.ActionNoteAmend
		if n.Voids {
			summary = "void note " + n.Amends
		}
	}
	return &Change{
		Cases:   []string{a.Case},
		Action:  action,
		Summary: summary,
		Files:   map[string][]byte{p: data},
		Output:  n.ID,
	}, nil
}

// checkVoid refuses a voiding amendment n of case c that would void
// nothing, or undo a correction: a note already voided, or an amendment;
// and one by someone who may not void the note (access.MayVoid).
func (s *State) checkVoid(c *casefile.Case, n record.Note) error {
	t := c.NoteByID(n.Amends)
	if !access.MayVoid(s.Snapshot.Config, s.Staff, t.Author) {
		msg, hint := access.VoidDenied(s.Snapshot.Config, s.Staff, n.Amends, t.Author)
		return inputErrorf(hint, "%s", msg)
	}
	if t.Kind == record.NoteAmendment {
		return inputErrorf("void the note it amends ("+t.Amends+"), or amend "+n.Amends+" without --void",
			"note %s is an amendment: an amendment corrects a note, and only a note that is not one can be voided", n.Amends)
	}
	if by := c.VoidedBy(t); by != nil {
		return inputErrorf("caseplan note show "+c.ID+" "+by.ID+" shows why", "note %s was voided already, by amendment %s", n.Amends, by.ID)
	}
	return nil
}

// authorNote makes the acting staff member the note's author, and refuses
// a note that brings an ID of its own, or names someone else where the
// acting member may not record for others (access.MayRecordFor): the
// audit trail would let anyone record a note in a colleague's name.
func (s *State) authorNote(n *record.Note) error {
	if n.ID != "" {
		// Never silently replaced: the ID is made here, free in the case
		// and unlikely to meet one made in another clone the same day.
		return inputErrorf("leave id out of the note: a note is given its ID as it is recorded", "the note gives the ID %q", n.ID)
	}
	switch {
	case n.Author == "":
		n.Author = s.Staff.ID
	case n.Author == s.Staff.ID, access.MayRecordFor(s.Snapshot.Config, s.Staff):
	default:
		return inputErrorf("leave author out of the note: it is whoever records it", "the note's author is %q, but you are %s: a note is recorded in its author's own name", n.Author, s.Staff.ID)
	}
	return nil
}

// checkNoteTexts refuses a note whose texts cannot be what was meant.
// A note is never edited once committed, so what it says stays as
// written: a text of spaces only (a stray quote, a variable of blanks)
// would look written and say nothing, an amendment with neither a
// text nor an action item corrects nothing, and a void without a text
// never says why the note was recorded in error; none could be taken
// back. A text left out, or given as "", is not written at all, and
// stays allowed: a note may record only that a contact happened.
func checkNoteTexts(n *record.Note) error {
	for _, t := range n.Texts() {
		if t.Text != "" && strings.TrimSpace(t.Text) == "" {
			return spacesOnly(t.Field, t.Text, fmt.Sprintf("write the %s, or leave --%s out", t.Field, t.Field))
		}
	}
	if n.Voids && !n.SaysSomething() {
		// A void corrects nothing: it takes the note out of the record, and
		// its text is the only place the reason is ever written (an action
		// item is not a reason).
		return inputErrorf(`say why the note was recorded in error, e.g. --content "Entered on the wrong case"`,
			"the void of note %s gives no reason: it needs why the note was recorded in error, in --content or another of the note's texts", n.Amends)
	}
	if n.Kind == "amendment" && !n.SaysSomething() && len(n.Actions) == 0 {
		return inputErrorf(`say what it corrects, e.g. --content "The interview is on March 12, not March 21 as noted"`,
			"the amendment of note %s says nothing: it needs the correction, in --content or another of the note's texts, or its action items", n.Amends)
	}
	return nil
}

func notePath(caseID, noteID string) string {
	return layout.Note(caseID, noteID)
}

// NewNoteID draws the ID of a note of the given date: the date, a hyphen
// and four random characters (noteSuffix), drawn again while taken says
// the ID is in use. note add draws one this way from crypto/rand, and sync
// when it gives a note made in two clones at once a new ID (teamsync).
func NewNoteID(day record.Date, random io.Reader, taken func(id string) bool) (string, error) {
	for tries := 0; ; tries++ {
		suffix, err := noteSuffix(random)
		if err != nil {
			return "", err
		}
		id := string(day) + "-" + suffix
		if !taken(id) {
			return id, nil
		}
		if tries > 20 {
			return "", fmt.Errorf("could not find a free note ID")
		}
	}
}

// NoteSuffixAlphabet is the alphabet of a note ID's suffix: the standard
// base32 alphabet in lower case, the characters of crypto/rand.Text.
const NoteSuffixAlphabet = "abcdefghijklmnopqrstuvwxyz234567"

// noteSuffix is four random characters (20 bits): enough that two people
// adding a note to one case on one day in two clones do not collide. Each
// byte read from random picks one character, NoteSuffixAlphabet[b%32], as
// crypto/rand.Text picks them (256 is a multiple of 32, so every character
// is equally likely).
func noteSuffix(random io.Reader) (string, error) {
	var b [4]byte
	if _, err := io.ReadFull(random, b[:]); err != nil {
		return "", fmt.Errorf("making a note ID: %w", err)
	}
	for i := range b {
		b[i] = NoteSuffixAlphabet[b[i]%32]
	}
	return string(b[:]), nil
}

// NoteHint is the hint of an error naming a note case c lacks: the notes
// typed was probably meant to be, then how to list them (rest).
func NoteHint(c *casefile.Case, typed, rest string) string {
	if meant := c.NotesMeant(typed); len(meant) > 0 {
		return "did you mean " + strings.Join(meant, " or ") + "? " + rest
	}
	return rest
}
