package casework

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/yamledit"
)

// The intake commands (caseplan case set, toolbox, assessment add, ...)
// each edit one case's intake.yaml in place: what the intake meeting and
// the case's later steps learn about the participant (DESIGN.md §3). They
// refuse what the records cannot hold with an InputError and leave value
// checks the schema makes (an email address, an FTE between 0 and 1, a
// barrier's kind) to the validation every write runs, which refuses the
// change with the schema's finding at its line.

// intakeSet returns an Edit that sets the value at path in intake.yaml,
// a missing key going to its place in record.Intake's field order.
func intakeSet(path []string, v any) Edit { return setInOrder(record.Intake{}, path, v) }

// intakeAppend returns an Edit that appends v to the list at path in
// intake.yaml, creating the list in its place when it is absent.
func intakeAppend(path []string, v any) Edit { return appendInOrder(record.Intake{}, path, v) }

// intakeDelete returns an Edit that removes the key at path.
func intakeDelete(path []string) Edit {
	return func(data []byte) ([]byte, error) { return yamledit.Delete(data, path) }
}

// intakeChange applies edits to the case's intake.yaml and describes the
// commit; output is what the command prints (the ID of what it added).
func (lc *lifecycleCase) intakeChange(action, summary, output string, edits ...Edit) (*Change, error) {
	data, err := lc.s.EditRecord(lc.intakePath(), nil, edits...)
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{lc.c.ID},
		Action:  action,
		Summary: summary,
		Files:   map[string][]byte{lc.intakePath(): data},
		Output:  output,
	}, nil
}

// checkHappened checks the date of something that has happened: a date,
// and not after today.
func (lc *lifecycleCase) checkHappened(what string, d record.Date) error {
	if _, ok := d.Time(); !ok {
		return inputErrorf("", "%s %q is not a date; use YYYY-MM-DD", what, d)
	}
	return notAfterToday(what, d, lc.s.Today)
}

// notAfterToday refuses the date d of something that has happened when it
// lies after today: what is recorded as done must have been done.
func notAfterToday(what string, d record.Date, today time.Time) error {
	return notAfterTodayBy(what, d, "", today)
}

// notAfterTodayBy is notAfterToday naming the flag that gave d, when flag
// is not "": the flag to change, as a date before the opening names it.
func notAfterTodayBy(what string, d record.Date, flag string, today time.Time) error {
	if t := date(today); d > t {
		given := string(d)
		if flag != "" {
			given += " (" + flag + ")"
		}
		return inputErrorf("record it when it has happened, or give --today if the date is right", "%s %s is after today (%s)", what, given, t)
	}
	return nil
}

// SetIntake changes the intake record's single-valued fields: the
// participant's name (a typo corrected; it cannot be removed), how to reach
// the participant — contact details, preferred channels and the best times
// to reach them, for people unavailable in the daytime (003) — the skills
// identified, the layoff's details for work security (000) and, for
// post-employment, the day cash assistance ended, which starts the 12
// months of services after it (003). A nil field is left as it is; an
// empty text (or a list of empty texts) removes the field.
type SetIntake struct {
	Case string

	Name                                                      *string
	PreferredName, Phone, Email, Address, BestTimes, Language *string
	Channels                                                  []string // nil: unchanged
	Skills                                                    []string // nil: unchanged

	CashAssistanceEnded *record.Date // post-employment (003)

	Position, Grade, Department *string // work security: the layoff (000)
	FTE                         *float64
	GrantEnded                  *bool
	// NoticeDate and LayoffDate correct the layoff's dates as case new
	// recorded them (a typo): they cannot be removed, and the write's
	// validation holds them to each other, the program's notification
	// period and the case's cohort.
	NoticeDate, LayoffDate *record.Date
}

// intakeField is one field a SetIntake changes.
type intakeField struct {
	label string
	path  []string
	now   any  // the value in the record
	v     any  // the new value; "" or an empty list removes the field
	show  bool // the commit subject names the new value
}

// Build returns the change that sets the fields given, each where it
// stands in intake.yaml. Fields given with the value they already have are
// left out; when nothing is left to change the command is refused.
func (a SetIntake) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	in := lc.intake
	var fields []intakeField
	// A value of spaces only is refused, not taken for "" (which removes
	// the field): a stray space or a quoted variable that was never set
	// deleted the phone, or every skill, that the record held.
	var blank error
	value := func(flag, s string) (string, bool) {
		t, err := flagText(flag, s, orRemove(flag))
		if err != nil && blank == nil {
			blank = err
		}
		return t, err == nil
	}
	text := func(label string, path []string, now string, v *string) {
		if v == nil {
			return
		}
		if t, ok := value(strings.ReplaceAll(label, " ", "-"), *v); ok {
			fields = append(fields, intakeField{label: label, path: path, now: now, v: t})
		}
	}
	list := func(label, flag string, path []string, now, v []string) {
		if v == nil {
			return
		}
		var items []string
		for _, s := range v {
			t, ok := value(flag, s)
			if !ok {
				return
			}
			if t != "" {
				items = append(items, t)
			}
		}
		fields = append(fields, intakeField{label: label, path: path, now: now, v: items})
	}
	p := in.Participant
	if a.Name != nil && *a.Name != "" && strings.TrimSpace(*a.Name) == "" {
		return nil, spacesOnly("name", *a.Name, "give the name as it should read, e.g. --name 'Sam Sample'; it cannot be removed")
	}
	if a.Name != nil && *a.Name == "" {
		return nil, inputErrorf("give the name as it should read, e.g. --name 'Sam Sample'", "the participant's name cannot be removed")
	}
	// The names as case new and case import write them
	// (personname.AsTyped): accents composed, a run of spaces one space.
	var notes []string
	name := func(label, flag string, path []string, now string, v *string) {
		if v == nil || strings.TrimSpace(*v) == "" {
			text(label, path, now, v)
			return
		}
		typed, note := typedName(flag, *v)
		text(label, path, now, &typed)
		notes = appendIf(notes, note)
	}
	name("name", "name", []string{"participant", "name"}, p.Name, a.Name)
	name("preferred name", "preferred-name", []string{"participant", "preferred_name"}, p.PreferredName, a.PreferredName)
	text("phone", []string{"participant", "phone"}, p.Phone, a.Phone)
	text("email", []string{"participant", "email"}, p.Email, a.Email)
	text("address", []string{"participant", "address"}, p.Address, a.Address)
	list("channels", "channel", []string{"participant", "channels"}, p.Channels, a.Channels)
	text("best times", []string{"participant", "best_times"}, p.BestTimes, a.BestTimes)
	text("language", []string{"participant", "language"}, p.Language, a.Language)
	list("skills", "skill", []string{"skills"}, in.Skills, a.Skills)

	if a.Position != nil || a.Grade != nil || a.Department != nil || a.FTE != nil || a.GrantEnded != nil || a.NoticeDate != nil || a.LayoffDate != nil {
		l := in.Layoff
		if l == nil {
			return nil, inputErrorf("the layoff details belong to a work security case (document 000), opened with caseplan case new --notice-date DATE --layoff-date DATE",
				"case %s records no layoff", a.Case)
		}
		for _, d := range []struct {
			label, field string
			now          record.Date
			v            *record.Date
		}{{"notice date", "notice_date", l.NoticeDate, a.NoticeDate}, {"layoff date", "layoff_date", l.LayoffDate, a.LayoffDate}} {
			if d.v == nil {
				continue
			}
			if *d.v == "" {
				return nil, inputErrorf("give the date as it should read, e.g. --"+strings.ReplaceAll(d.field, "_", "-")+" 2026-03-02", "the %s of a layoff cannot be removed", d.label)
			}
			fields = append(fields, intakeField{label: d.label, path: []string{"layoff", d.field}, now: d.now, v: *d.v, show: true})
		}
		text("position", []string{"layoff", "position"}, l.Position, a.Position)
		text("grade", []string{"layoff", "grade"}, l.Grade, a.Grade)
		if a.FTE != nil {
			var now any
			if l.FTE != nil {
				now = *l.FTE
			}
			fields = append(fields, intakeField{label: "FTE", path: []string{"layoff", "fte"}, now: now, v: *a.FTE, show: true})
		}
		text("department", []string{"layoff", "department"}, l.Department, a.Department)
		if a.GrantEnded != nil {
			fields = append(fields, intakeField{label: "grant funding ended", path: []string{"layoff", "grant_funding_ended"}, now: l.GrantFundingEnded, v: *a.GrantEnded, show: true})
		}
	}
	if blank != nil {
		return nil, blank
	}
	if a.CashAssistanceEnded != nil {
		if kind := lc.programKind(); kind != record.ProgramPostEmployment {
			return nil, inputErrorf("", "case %s is in program %s; the end of cash assistance starts the 12 months of post-employment services (document 003)", a.Case, in.Program)
		}
		d := *a.CashAssistanceEnded
		if d != "" {
			if _, ok := d.Time(); !ok {
				return nil, inputErrorf("", "cash assistance end %q is not a date; use YYYY-MM-DD", d)
			}
		}
		fields = append(fields, intakeField{label: "cash assistance ended", path: []string{"cash_assistance_ended"}, now: in.CashAssistanceEnded, v: d, show: true})
	}

	var edits []Edit
	var changed []string
	for _, f := range fields {
		if same(f.now, f.v) {
			continue
		}
		if removes(f.v) {
			edits = append(edits, intakeDelete(f.path))
			changed = append(changed, f.label+" removed")
			continue
		}
		edits = append(edits, intakeSet(f.path, f.v))
		if f.show {
			changed = append(changed, fmt.Sprintf("%s %v", f.label, f.v))
		} else {
			changed = append(changed, f.label)
		}
	}
	if len(edits) == 0 {
		if len(fields) == 0 {
			return nil, inputErrorf("caseplan case set --help lists the fields", "nothing to set")
		}
		return nil, inputErrorf("caseplan case show "+a.Case+" shows the case", "nothing changes: the intake of case %s already has these values", a.Case)
	}
	ch, err := lc.intakeChange("case.set", "update the intake: "+strings.Join(changed, ", "), "", edits...)
	if err == nil {
		ch.Notes = append(ch.Notes, notes...)
	}
	return ch, err
}

// flagText is a flag's text as case set and case new write it into the
// intake: trimmed of spaces, "" for none (case set removes the field;
// case new --returning-from leaves out the earlier case's). A value of
// spaces only is refused with hint, never taken for "": a stray space, or
// a quoted shell variable that was never set, would delete the phone the
// record held.
func flagText(flag, v, hint string) (string, error) {
	t := strings.TrimSpace(v)
	if v != "" && t == "" {
		return "", spacesOnly(flag, v, hint)
	}
	return t, nil
}

// removes reports whether a new value removes its field: an empty text
// or list.
func removes(v any) bool {
	switch v := v.(type) {
	case string:
		return v == ""
	case record.Date:
		return v == ""
	case []string:
		return len(v) == 0
	}
	return false
}

// same reports whether a field's value in the record equals the new one.
func same(now, v any) bool {
	switch v := v.(type) {
	case string:
		n, _ := now.(string)
		return n == v
	case record.Date:
		n, _ := now.(record.Date)
		return n == v
	case []string:
		n, _ := now.([]string)
		return slices.Equal(n, v)
	case float64:
		n, ok := now.(float64)
		return ok && n == v
	case bool:
		n, _ := now.(bool)
		return n == v
	}
	return false
}

// SetToolbox records the state of the candidate's "Toolbox" (000): resume,
// cover letter and thank-you letter, each none, draft or final. An empty
// field is left as it is.
type SetToolbox struct {
	Case                                string
	Resume, CoverLetter, ThankYouLetter string
}

// Build returns the change that sets the toolbox's fields given, creating
// the toolbox in intake.yaml when the case has none.
func (a SetToolbox) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	now := record.Toolbox{}
	if lc.intake.Toolbox != nil {
		now = *lc.intake.Toolbox
	}
	var edits []Edit
	var changed []string
	given := false
	for _, f := range []struct{ label, key, now, v string }{
		{"resume", "resume", now.Resume, a.Resume},
		{"cover letter", "cover_letter", now.CoverLetter, a.CoverLetter},
		{"thank-you letter", "thank_you_letter", now.ThankYouLetter, a.ThankYouLetter},
	} {
		v := strings.TrimSpace(f.v)
		if v == "" {
			continue
		}
		given = true
		if v == f.now {
			continue
		}
		edits = append(edits, intakeSet([]string{"toolbox", f.key}, v))
		changed = append(changed, f.label+" "+v)
	}
	switch {
	case !given:
		return nil, inputErrorf("give --resume, --cover-letter or --thank-you-letter (none, draft or final)", "nothing to set")
	case len(edits) == 0:
		return nil, inputErrorf("", "nothing changes: the toolbox of case %s already has these values", a.Case)
	}
	return lc.intakeChange("case.toolbox", "update the toolbox: "+strings.Join(changed, ", "), "", edits...)
}
