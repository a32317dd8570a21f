package casework

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/personname"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// InputError is a value given by the user that cannot be used (an unknown
// program, a manager not on the roster, an ID already taken).
type InputError struct {
	Msg  string
	Hint string

	spaces bool // spacesOnly's refusal
}

func (e *InputError) Error() string { return e.Msg }

func inputErrorf(hint, format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// staffHint is the hint for a staff ID the roster does not have: the ID
// meant, when the typed one is a member's ID in other capitals or their
// email address, else otherwise.
func staffHint(cfg *record.Config, typed, otherwise string) string {
	return staffFlagHint(cfg, "", typed, otherwise)
}

// staffFlagHint is staffHint for a staff ID typed as flag's value (--to,
// --manager): the ID meant is given with the flag, as it is to be typed.
func staffFlagHint(cfg *record.Config, flag, typed, otherwise string) string {
	if id := cfg.StaffIDMeant(typed); id != "" {
		if flag != "" {
			id = flag + " " + id
		}
		return fmt.Sprintf("did you mean %s? staff are named by their roster ID, as caseplan staff list shows it", id)
	}
	return otherwise
}

// NewCase describes a case to open.
type NewCase struct {
	ID         string // empty: a new random ID
	Program    string // with ReturningFrom, empty: the earlier case's
	Name       string // the participant's name; with ReturningFrom, empty: the earlier case's
	Manager    string // staff id; empty: the acting staff member
	Center     string
	Opened     time.Time // zero: today
	NoticeDate time.Time // work security: the layoff notice
	LayoffDate time.Time
	GrantEnded bool // work security: grant funding ended (30-day notification, 000)
	// ReturningFrom is the case of the participant's earlier period of
	// participation, for one who exited and came back (TEGL 10-16): the
	// new case names it (intake returning_from) and starts with its name
	// (unless Name is set) and plain contact details. validate's wioa-returning-from holds it to a WIOA
	// case that exited before the new one opened.
	ReturningFrom string
	// Phone and Email are how to reach the participant, written as case
	// set --phone and --email write them (flagText): nil, not given; with
	// ReturningFrom, nil keeps the earlier case's and "" leaves it out.
	// Given at once, they are in the first commit that validate's
	// duplicate-person and case import compare (name with phone or
	// email), so a namesake with another phone is not taken for the
	// participant in between.
	Phone, Email *string
}

// Build returns the change that opens the case: intake.yaml and an empty
// plan (iep.yaml), so that every case has its IEP from the start (002).
func (n NewCase) Build(s *State) (*Change, error) {
	cfg := s.Snapshot.Config
	// The name as case import writes a roster's: ends trimmed, accents
	// composed, a run of spaces one space (personname.AsTyped).
	var notes []string
	if n.Name != "" {
		var note string
		n.Name, note = typedName("name", n.Name)
		notes = appendIf(notes, note)
	}
	var earlier *record.Intake
	if n.ReturningFrom != "" {
		var err error
		if earlier, err = s.earlierPeriod(n.ReturningFrom); err != nil {
			return nil, err
		}
		// A new period of participation is the earlier one's program
		// (TEGL 10-16): --program may be left out, as --name may.
		if n.Program == "" {
			n.Program = earlier.Program
		}
	}
	prog, ok := cfg.Programs[n.Program]
	if !ok {
		return nil, inputErrorf("the programs are set in cases/caseplan.yaml", "unknown program %q (this store has: %s)", n.Program, joinKeys(cfg.Programs))
	}
	manager := n.Manager
	if manager == "" {
		manager = s.Staff.ID
	}
	staff, ok := cfg.StaffByID(manager)
	if !ok {
		// Only --manager can name someone off the roster (the acting
		// staff member is on it), and the flag is named, as case
		// transfer names --to: the ID alone does not say which value
		// was wrong.
		return nil, inputErrorf(staffFlagHint(cfg, "--manager", manager, "add them first with caseplan staff add --name NAME --email EMAIL"), "--manager %q is not on the staff roster", manager)
	}
	if !staff.MayManage() {
		// As case transfer --to refuses one: a new case for someone who
		// has left would open with manager-retired's warning, and a
		// WIOA case without its designated counselor.
		return nil, inputErrorf("caseplan staff list shows the roster", "--manager %s is no longer active on the staff roster", manager)
	}
	opened := n.Opened
	if opened.IsZero() {
		opened = s.Today
	}

	id := n.ID
	if id != "" {
		if err := caseid.Check(id); err != nil {
			return nil, &InputError{Msg: err.Error()}
		}
		switch other, err := s.caseLike(id); {
		case err != nil:
			return nil, err
		case other == id:
			return nil, inputErrorf("", "case %s already exists", id)
		case other != "":
			return nil, inputErrorf("case IDs that differ only in capitals would be one directory on macOS and Windows", "case %s already exists as %s", id, other)
		}
	} else {
		for tries := 0; ; tries++ {
			var err error
			if id, err = caseid.New(opened.Year(), s.random()); err != nil {
				return nil, err
			}
			other, err := s.caseLike(id)
			if err != nil {
				return nil, err
			}
			if other == "" {
				break
			}
			if tries > 20 {
				return nil, fmt.Errorf("could not find a free case ID")
			}
		}
	}

	// A center off the store's list would file the case where case list
	// --center and the reports by center never look, as staff add and
	// case transfer refuse it.
	if err := checkCenter(cfg, n.Center); err != nil {
		return nil, err
	}
	center := n.Center
	if center == "" {
		center = staff.Center
	}
	in := record.Intake{
		ID:            id,
		Opened:        date(opened),
		Program:       n.Program,
		Status:        "open",
		Manager:       manager,
		Center:        center,
		Participant:   record.Participant{Name: n.Name},
		ReturningFrom: n.ReturningFrom,
	}
	if earlier != nil {
		// The contact details are plain in the intake; the sealed fields
		// (sealed.age) stay where they are, sealed to the earlier case's
		// team, and are never copied out in plain text.
		in.Participant = earlier.Participant
		if n.Name != "" { // a name that changed; else the earlier case's
			in.Participant.Name = n.Name
		}
	}
	for _, c := range []struct {
		flag string
		v    *string
		to   *string
	}{{"phone", n.Phone, &in.Participant.Phone}, {"email", n.Email, &in.Participant.Email}} {
		if c.v == nil {
			continue
		}
		// '' is no value: for a returning participant, none of the
		// earlier case's; for a new one, the same as leaving the flag out.
		hint := "give the value as it should read, or leave --" + c.flag + " out"
		if earlier != nil {
			hint = "give the value as it should read, or --" + c.flag + " '' to leave out the earlier case's"
		}
		v, err := flagText(c.flag, *c.v, hint)
		if err != nil {
			return nil, err
		}
		*c.to = v
	}
	if prog.Kind == "work-security" || !n.NoticeDate.IsZero() || !n.LayoffDate.IsZero() {
		if n.NoticeDate.IsZero() || n.LayoffDate.IsZero() {
			return nil, inputErrorf("work security needs --notice-date and --layoff-date (document 000)", "program %s: the notice date and the layoff date are required", n.Program)
		}
		in.Layoff = &record.Layoff{NoticeDate: date(n.NoticeDate), LayoffDate: date(n.LayoffDate), GrantFundingEnded: n.GrantEnded}
	}
	dir := layout.CasesDir + "/" + id
	intake, err := record.Marshal(dir+"/intake.yaml", &in)
	if err != nil {
		return nil, err
	}
	iep, err := record.Marshal(dir+"/iep.yaml", &record.IEP{Created: date(opened)})
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{id},
		Action:  "case.new",
		Summary: fmt.Sprintf("open case (%s, manager %s)", n.Program, manager),
		Files:   map[string][]byte{dir + "/intake.yaml": intake, dir + "/iep.yaml": iep},
		Output:  id,
		Notes:   notes,
	}, nil
}

// typedName is a name given to --flag as caseplan writes it
// (personname.AsTyped), and what the command says when that is not as
// it was typed: a run of spaces in it made one. The trimmed ends and
// the composed accents are not said, as case import does not say them:
// no one sees them.
func typedName(flag, typed string) (name, note string) {
	name, collapsed := personname.AsTyped(typed)
	if collapsed {
		note = fmt.Sprintf("--%s written as %q: a run of spaces between two words is one space", flag, name)
	}
	return name, note
}

func appendIf(notes []string, note string) []string {
	if note == "" {
		return notes
	}
	return append(notes, note)
}

// earlierPeriod reads the intake of the case a returning participant's
// new case names.
func (s *State) earlierPeriod(id string) (*record.Intake, error) {
	hint := "name the case of the participant's earlier period of participation; caseplan case list shows the cases"
	if caseid.Check(id) != nil {
		return nil, inputErrorf(hint, "--returning-from %q: no such case", id)
	}
	snap, _, err := store.Load(s.source, []string{id})
	var unknown *store.UnknownCaseError
	switch {
	case errors.As(err, &unknown):
		return nil, inputErrorf(hint, "--returning-from %s: no such case", id)
	case err != nil:
		return nil, err
	}
	c := snap.Case(id)
	if c == nil || c.Intake == nil {
		return nil, inputErrorf("caseplan validate "+id+" says why", "--returning-from %s: the case's intake cannot be read", id)
	}
	return c.Intake, nil
}

func date(t time.Time) record.Date { return record.Date(t.Format(time.DateOnly)) }

func joinKeys[V any](m map[string]V) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) == 0 {
		return "none"
	}
	out := keys[0]
	for _, k := range keys[1:] {
		out += ", " + k
	}
	return out
}

// caseLike returns the directory under cases/ that a case with ID id would
// share (caseid.Key): id itself, the same ID in other capitals, or "".
func (s *State) caseLike(id string) (string, error) {
	entries, err := s.source.List(layout.CasesDir)
	if err != nil {
		return "", err
	}
	key := caseid.Key(id)
	for _, e := range entries {
		if e.Name == id {
			return id, nil
		}
	}
	for _, e := range entries {
		if caseid.Key(e.Name) == key {
			return e.Name, nil
		}
	}
	return "", nil
}
