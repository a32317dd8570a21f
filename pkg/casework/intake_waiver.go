package casework

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

// AddWaiver records a supervisor's waiver of an obligation for one case
// (DESIGN.md §4): the finding of a completeness rule — something due or
// missing, such as a first contact or three references by the layoff date
// — stays visible, as a warning that says who waived it, when and why, and
// no longer fails CI. Only a supervisor or an admin on the roster (the
// acting staff member) may record one, and only a waivable rule
// (validate.Rule.CanWaive) can be waived: a rule that says the records
// contradict themselves, or one whose fix is a command (a retired
// manager, sealed fields), is mended, not waived. The waiver rule of validate checks both again on every run.
type AddWaiver struct {
	Case   string
	Rule   string
	Reason string
	Date   record.Date // empty: today
}

// Build returns the change that appends the waiver to intake.yaml, by the
// acting staff member, with an ID of its own (WV-K7QX2): the command's
// output.
func (a AddWaiver) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	if !s.Staff.Supervises() {
		return nil, inputErrorf(access.AskSupervisor(s.Snapshot.Config, "to record it", fmt.Sprintf("caseplan waiver add %s --rule %s --reason TEXT", a.Case, strings.TrimSpace(a.Rule))),
			"only a supervisor or an admin on the staff roster may waive an obligation; %s's role is %s", s.Staff.ID, s.Staff.RoleName())
	}
	id := strings.TrimSpace(a.Rule)
	r := validate.RuleByID(id)
	cfg := s.Snapshot.Config
	// Each refusal lists what this case can have waived, so the
	// supervisor need not search caseplan rules for it.
	canWaive := "caseplan rules lists every rule"
	ids := validate.Waivable(lc.programKind(), cfg)
	if len(ids) > 0 {
		canWaive = fmt.Sprintf("the obligations case %s (program %s) can have waived: %s; %s", a.Case, lc.intake.Program, strings.Join(ids, ", "), canWaive)
	}
	switch {
	case r == nil && id == validate.RuleSchema:
		// Schema findings carry a rule ID of their own but are no rule
		// of the table: a record that does not match its schema.
		return nil, inputErrorf(canWaive,
			"rule schema says a record does not match its schema; it cannot be waived: correct the record (the finding names its file, line and field)")
	case r == nil:
		// A rule typed in capitals or one slip off is named, as a flag
		// value of a closed list is (caseid.ChoiceMeant), before the list.
		hint := canWaive
		if meant := caseid.ChoiceMeant(ids, id); meant != "" {
			hint = "did you mean --rule " + meant + "? " + canWaive
		}
		return nil, inputErrorf(hint, "no rule %q", id)
	case r.Completeness && r.Unwaivable:
		return nil, inputErrorf("mend it with "+validate.RemedyFor(id, a.Case)+"; "+canWaive,
			"rule %s cannot be waived: what it reports is not an obligation that may not apply to a case but something to mend, by a command", id)
	case id == validate.RuleChecksWaiting:
		// Not an obligation, nor records that contradict themselves:
		// a fact about the check, which ends when the file reads.
		return nil, inputErrorf(canWaive,
			"rule %s cannot be waived: it says the case's rules wait for a file of the case that cannot be read; fix that file as its finding says and the warning ends", id)
	case !r.Completeness:
		// Not only contradictions: a plausibility warning (a notice period
		// shorter than the program's, a date decades away) may be true of
		// the case, and the supervisor who asks to waive it needs to hear
		// that a warning, left as it is, fails nothing.
		hint := canWaive
		if sev, _ := validate.Setting(cfg, id, r.Severity); sev == finding.Warning {
			hint = "if the records are right, leave the warning as it is: a warning does not fail validate or CI; " + canWaive
		}
		return nil, inputErrorf(hint,
			"rule %s checks the records themselves (a value that contradicts another or looks mistyped), not an obligation; only an obligation (something due or missing) can be waived", id)
	case r.Program != "" && lc.programKind() != r.Program:
		return nil, inputErrorf(canWaive, "rule %s applies to %s cases; case %s is in program %s", id, r.Program, a.Case, lc.intake.Program)
	case cfg.RuleOff(id):
		// A rule turned off applies to no case (validate and the tickler
		// leave it out): a waiver of it would waive nothing.
		return nil, inputErrorf(canWaive,
			"rule %s is turned off for every case in cases/caseplan.yaml (rules: %s: enabled: false); there is nothing to waive", id, id)
	}
	reason := strings.TrimSpace(a.Reason)
	if reason == "" {
		return nil, inputErrorf("say why with --reason", "a waiver needs a reason")
	}
	when := a.Date
	if when == "" {
		when = date(s.Today)
	}
	if err := lc.checkHappened("waiver date", when); err != nil {
		return nil, err
	}
	for _, w := range lc.intake.Waivers {
		if w.Rule == id {
			return nil, inputErrorf(fmt.Sprintf("it stands as it is; to change its date or reason, take it back with caseplan waiver remove %s --rule %s and record it again", a.Case, id),
				"case %s already has a waiver of %s (by %s on %s: %s)", a.Case, id, w.By, w.Date, w.Reason)
		}
	}
	if err := checkWaiverReason(reason); err != nil {
		return nil, err
	}
	w := record.Waiver{Rule: id, Reason: reason, By: s.Staff.ID, Date: when}
	if w.ID, err = s.newItemID(lc.c, record.PrefixWaiver); err != nil {
		return nil, err
	}
	// A waiver counts from its date on (record.Intake.WaiverOn): one dated
	// back says so in the history, as caseplan log shows it.
	summary := fmt.Sprintf("waive %s: %s", id, planQuote(reason))
	if when != date(s.Today) {
		summary = fmt.Sprintf("waive %s from %s: %s", id, when, planQuote(reason))
	}
	return lc.intakeChange("waiver.add", summary, w.ID,
		intakeAppend([]string{"waivers"}, w))
}

// RemoveWaiver takes back a waiver: the obligation applies to the case
// again, and its findings count as before. Like recording one, only a
// supervisor or an admin may. The entry's lines are removed from
// intake.yaml; git keeps who waived what, when and why, and the commit
// says who took it back.
type RemoveWaiver struct {
	Case, Rule string // the rule waived, or the waiver's ID (WV-K7QX2); empty: refused, naming the case's waivers
}

// Build returns the change that removes the case's waiver of the rule.
func (a RemoveWaiver) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	if !s.Staff.Supervises() {
		return nil, inputErrorf(access.AskSupervisor(s.Snapshot.Config, "to take it back", ""),
			"only a supervisor or an admin on the staff roster may take back a waiver; %s's role is %s", s.Staff.ID, s.Staff.RoleName())
	}
	id := strings.TrimSpace(a.Rule)
	var have []string
	for i, w := range lc.intake.Waivers {
		if id != "" && (w.Rule == id || (w.ID != "" && w.ID == itemID(id))) {
			return lc.intakeChange("waiver.remove", fmt.Sprintf("take back the waiver of %s (by %s on %s)", w.Rule, w.By, w.Date), "",
				removeItem([]string{"waivers"}, i, len(lc.intake.Waivers)))
		}
		// Named as waiver add printed it, with what it waives: either
		// one takes it back.
		if w.ID != "" {
			have = append(have, w.ID+" ("+w.Rule+")")
		} else {
			have = append(have, w.Rule)
		}
	}
	// case show lists a case's waivers (who waived what, when and why),
	// so each refusal points there rather than into intake.yaml.
	show := "caseplan case show " + a.Case
	switch {
	case len(have) == 0:
		// Perhaps another case was meant, or the waiver is yet to be
		// recorded: say where a case's waivers are shown, and how one
		// is added.
		return nil, inputErrorf(fmt.Sprintf("%s lists the waivers a case has, and caseplan validate %s marks the warnings they waive; a supervisor records one with caseplan waiver add %s --rule RULE --reason TEXT", show, a.Case, a.Case),
			"case %s has no waivers", a.Case)
	case id == "":
		return nil, inputErrorf(fmt.Sprintf("the case's waivers: %s; %s shows who waived each, when and why", strings.Join(have, ", "), show),
			"waiver remove needs the waiver: its ID, as waiver add printed it, or --rule RULE")
	}
	return nil, inputErrorf(fmt.Sprintf("%s shows who waived each, when and why; take one back with caseplan waiver remove %s ID", show, a.Case),
		"case %s has no waiver of %s; its waivers: %s", a.Case, id, strings.Join(have, ", "))
}

// A waiver's reason is the only record of why an obligation did not apply
// to a case: DESIGN §4, "a supervisor may record a waiver with a reason",
// and the reason is what a monitor or an auditor reads in case show, the
// case file and validate's waived warnings. "x", "ok" or "n/a" says
// nothing, so a reason takes at least waiverReasonLetters letters
// (decided: "In hospital", "Moved away", "Hospitalized" pass; "x", "n/a",
// "per sup", "waived" do not). A character of a script written without
// spaces between words, where one character is about a word (Han, kana),
// counts as two letters: "住院三周" passes.
const waiverReasonLetters = 8

// checkWaiverReason refuses a reason too short to say why, naming the
// flag, with an example of one that does.
func checkWaiverReason(reason string) error {
	letters := 0
	for _, r := range reason {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			letters += 2
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters >= waiverReasonLetters {
		return nil
	}
	return inputErrorf("say what about the case makes the obligation not apply, such as --reason 'In hospital for three weeks after opening'",
		"--reason %q says too little for a waiver: it is the record of why the obligation does not apply (an auditor reads it); write at least %d letters",
		reason, waiverReasonLetters)
}
