package cli

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

// An --action's due date typed without its year gets the same hint as a
// date flag (yearlessDate), given as the whole --action to type again.
func TestParseActionYearlessDue(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in, msg, hint string
	}{
		{"participant|11/24|Apply to the two postings",
			`--action "participant|11/24|Apply to the two postings": the due date "11/24": not a date; use YYYY-MM-DD`,
			`did you mean --action "participant|2026-11-24|Apply to the two postings"?`},
		// Late December typed in November is this December, not last.
		{"manager|30.12|call the employer",
			`--action "manager|30.12|call the employer": the due date "30.12": not a date; use YYYY-MM-DD`,
			`did you mean --action "manager|2026-12-30|call the employer"?`},
		{"manager|12/07|call the employer",
			`--action "manager|12/07|call the employer": the due date "12/07": not a date; use YYYY-MM-DD`,
			`write the year first: --action "manager|2026-12-07|call the employer" for December 7, --action "manager|2026-07-12|call the employer" for 12 July`},
		// A date with its year keeps parseDate's reading.
		{"participant|11/24/2026|Apply",
			`--action "participant|11/24/2026|Apply": the due date "11/24/2026": not a date; use YYYY-MM-DD`,
			`did you mean --action "participant|2026-11-24|Apply"?`},
	}
	for _, tt := range tests {
		_, err := parseAction(tt.in, today)
		var u *UsageError
		if !errors.As(err, &u) {
			t.Fatalf("parseAction(%q) = %v, want a usage error", tt.in, err)
		}
		if u.Msg != tt.msg || u.Hint != tt.hint {
			t.Errorf("parseAction(%q):\n got %s\n hint %s\nwant %s\n hint %s", tt.in, u.Msg, u.Hint, tt.msg, tt.hint)
		}
	}
	a, err := parseAction("participant|2026-11-24|Apply", today)
	if err != nil || a.Due != "2026-11-24" {
		t.Errorf("parseAction of a whole date = %+v, %v", a, err)
	}
}

// A note meant as a contact — kind contact, or the intake meeting, which
// case new asks for as the first contact — that its program does not count
// is warned of; a WIOA intake without a service was once committed without
// a word, leaving the first contact owed (002).
func TestNotContactWhy(t *testing.T) {
	cfg := &record.Config{Programs: map[string]record.Program{
		"wioa": {Kind: record.ProgramWIOA},
		"ws":   {Kind: record.ProgramWorkSecurity},
	}}
	wioa := &casefile.Case{ID: "W-001", Intake: &record.Intake{Program: "wioa"}}
	ws := &casefile.Case{ID: "WS-001", Intake: &record.Intake{Program: "ws"}}
	for _, tc := range []struct {
		c    *casefile.Case
		note record.Note
		warn bool
	}{
		{wioa, record.Note{Kind: "intake", Mode: "in-person", TwoWay: true, Content: "Intake meeting"}, true},
		{wioa, record.Note{Kind: "intake", Mode: "in-person", TwoWay: true, Services: []string{"assessment"}, Content: "Intake meeting"}, false},
		{wioa, record.Note{Kind: "contact", Mode: "phone", TwoWay: true, Content: "Called"}, true},
		{ws, record.Note{Kind: "intake", Mode: "in-person", Content: "Intake meeting"}, true},
		{ws, record.Note{Kind: "intake", Mode: "in-person", TwoWay: true, Content: "Intake meeting"}, false},
		// Not meant as a contact: nothing to say.
		{wioa, record.Note{Kind: "case-conference", Mode: "in-person", Content: "Staffing"}, false},
	} {
		why := notContactWhy(tc.c, cfg, &tc.note)
		if (why != "") != tc.warn {
			t.Errorf("%s note %+v: notContactWhy = %q, want a warning: %v", tc.c.ID, tc.note, why, tc.warn)
		}
	}
	if why := notContactWhy(wioa, cfg, nil); why != "" {
		t.Errorf("no note: %q", why)
	}
}

// A WIOA service recorded after an exit is said at the write whether the
// exit was recorded (wioa-exit-date) or only happened by the definition
// (wioa-unrecorded-exit): the note cannot be taken back, and the second
// is the one nothing else would say, since the note hides the exit from
// wioa-potential-exit.
func TestNoteWarningsSayEveryExit(t *testing.T) {
	for _, rule := range []string{validate.RuleWIOAExitDate, validate.RuleWIOAUnrecordedExit} {
		if !slices.Contains(noteWarnings, rule) {
			t.Errorf("note add does not say rule %s", rule)
		}
	}
}

// Every refusal of an --action's shape or owner has a hint, and the
// --action the hint gives is one parseAction takes once its placeholder
// (TEXT), if any, is filled: a new case manager's "Send the resume", with
// no bars, or "me" as the owner, used to get the rule and no way on.
func TestParseActionHints(t *testing.T) {
	today := time.Date(2026, 12, 21, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in, hint string
	}{
		{"Send 3 applications by Friday",
			`who does it, when it is due, then what: --action "participant||Send 3 applications by Friday"; the owner is participant, manager or other, and a due date (YYYY-MM-DD) between the bars keeps it on the tickler`},
		{"participant|2026-12-30",
			`say what is to be done after a second bar: --action "participant|2026-12-30|TEXT"`},
		{"manager|Call the employer",
			`the due date goes between the bars, or nothing for none: --action "manager||Call the employer"`},
		{"2026-12-30|Call the employer",
			`who does it comes first: --action "participant|2026-12-30|Call the employer"; the owner is participant, manager or other, and a due date (YYYY-MM-DD) between the bars keeps it on the tickler`},
		{"me|2026-12-30|Call the employer",
			`did you mean --action "manager|2026-12-30|Call the employer"?`},
		{"Participant||Apply",
			`did you mean --action "participant||Apply"?`},
		{"boss|2026-12-30|Sign the form",
			`the owner is who does it: participant, manager (the case manager) or other (anyone else), e.g. --action "other|2026-12-30|Sign the form"`},
		{"participant|2026-12-30| ",
			`say what is to be done after the second bar: --action "participant|2026-12-30|TEXT"`},
	}
	for _, tt := range tests {
		_, err := parseAction(tt.in, today)
		var u *UsageError
		if !errors.As(err, &u) {
			t.Fatalf("parseAction(%q) = %v, want a usage error", tt.in, err)
		}
		if u.Hint != tt.hint {
			t.Errorf("parseAction(%q) hint:\n got %s\nwant %s", tt.in, u.Hint, tt.hint)
		}
		m := hintAction.FindStringSubmatch(u.Hint)
		if m == nil {
			continue
		}
		typed, err := strconv.Unquote(m[1])
		if err != nil {
			t.Fatalf("hint %s: %v", u.Hint, err)
		}
		typed = strings.Replace(typed, "|TEXT", "|Apply", 1)
		if _, err := parseAction(typed, today); err != nil {
			t.Errorf("the hint's --action %q is refused: %v", typed, err)
		}
	}
}

// hintAction is the first --action a hint gives, quoted as typed.
var hintAction = regexp.MustCompile(`--action ("(?:[^"\\]|\\.)*")`)
