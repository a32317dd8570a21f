package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// The sealed fields' rules (pkg/sealed; README, Confidentiality). They
// read the ciphertext's header and the recipients list beside it, never
// the sealed values: validate runs in CI, which holds no key.
const (
	RuleSealedRecipients = "sealed-recipients"
	RuleSealedMissing    = "sealed-missing"
)

// sealedRules are completeness rules: what they report is work to do
// (re-sealing after a change of team or roster, which only someone who can
// read the fields can do), and a write by someone else — a coordinator's
// transfer, an admin's roster change — must not be refused for it. They
// are not waivable: who can read a case's confidential fields is not an
// obligation that may not apply, and the fix is a command (Remedy).
var sealedRules = []*Rule{
	{
		ID: RuleSealedRecipients, Severity: finding.Error, Completeness: true,
		Unwaivable: true, Remedy: "caseplan case sealed reseal CASE",
		Summary: "a case's sealed fields are encrypted to exactly its team as the roster stands — its manager, the staff on its team and the supervisors — as the recipients list beside them says, and the ciphertext to as many people as the list names",
		check:   checkSealedRecipients,
	},
	{
		ID: RuleSealedMissing, Severity: finding.Error, Completeness: true,
		Unwaivable: true, Remedy: "caseplan case sealed set CASE",
		Summary: "an open case of a program that needs sealed fields (its sealed_required setting) has them",
		check:   checkSealedMissing,
	},
}

// RecipientsWithoutSealed is the sealed-recipients finding of a case
// whose recipients list has no sealed fields beside it: only caseplan
// writes the two together, so the list is left over from a hand edit (a
// sealed.age removed or never added), which caseplan commit refuses
// rather than commit a store validate then fails.
func RecipientsWithoutSealed(id string) finding.Finding {
	p := layout.SealedRecipients(id)
	return finding.Finding{
		Path: layout.Sealed(id), Severity: finding.Error, Rule: RuleSealedRecipients, Case: id,
		Message: layout.RecipientsFile + " lists recipients but there are no sealed fields beside it; remove it",
		Hint:    "remove it (rm " + p + ", or git checkout -- " + p + " if HEAD has it), then set sealed fields, if the case should have them, with caseplan case sealed set " + id,
	}
}

func checkSealedRecipients(x *Context) {
	s, in := x.Case.Sealed, x.Case.Intake
	if s == nil || in == nil || x.Config == nil {
		return
	}
	file := layout.Sealed(x.Case.ID)
	report := func(format string, args ...any) {
		x.found = append(x.found, finding.Finding{Path: file, Severity: x.rule.Severity, Rule: x.rule.ID, Case: x.Case.ID, Message: fmt.Sprintf(format, args...)})
	}
	reseal := "a supervisor or the case's manager re-seals them with caseplan case sealed reseal " + x.Case.ID
	switch {
	case s.Problem != "":
		report("%s; %s", s.Problem, reseal)
		return
	case !s.Ciphertext:
		f := RecipientsWithoutSealed(x.Case.ID)
		report("%s", f.Message)
		return
	case !s.Listed:
		report("the sealed fields have no recipients list beside them (%s), so nobody can tell who can read them; %s", layout.RecipientsFile, reseal)
		return
	case s.Stanzas != len(s.Recipients):
		report("the sealed fields are encrypted to %d people but %s names %d: the list was changed by hand, or the file replaced; %s", s.Stanzas, layout.RecipientsFile, len(s.Recipients), reseal)
		return
	}
	team, without := sealed.Team(x.Config, in)
	want := sealed.RecipientsOf(team)
	if sealed.SameRecipients(s.Recipients, want) {
		return
	}
	has, hasStaff := map[string]bool{}, map[string]bool{}
	for _, r := range s.Recipients {
		has[r.Staff+" "+r.Fingerprint] = true
		hasStaff[r.Staff] = true
	}
	readers, former := Readers(x.Config, s.Recipients)
	wanted, wantedStaff := map[string]bool{}, map[string]bool{}
	var missing, rekeyed []string
	for _, r := range want {
		wanted[r.Staff+" "+r.Fingerprint] = true
		wantedStaff[r.Staff] = true
		switch {
		case has[r.Staff+" "+r.Fingerprint]:
		case hasStaff[r.Staff]:
			rekeyed = append(rekeyed, r.Staff) // on the team, sealed to an old key
		default:
			missing = append(missing, r.Staff)
		}
	}
	var extra []string
	for _, r := range s.Recipients {
		if !wanted[r.Staff+" "+r.Fingerprint] && !wantedStaff[r.Staff] {
			extra = append(extra, r.Staff)
		}
	}
	var parts []string
	// Why each of them should no longer read them: retired (maybe still
	// on the team: team-retired names it), gone from the roster, or off
	// the case's team.
	var offTeam, retiredReaders, gone []string
	for _, r := range slices.Compact(extra) {
		switch st, ok := x.Config.StaffByID(r); {
		case !ok:
			gone = append(gone, r)
		case !st.IsActive():
			retiredReaders = append(retiredReaders, r)
		default:
			offTeam = append(offTeam, r)
		}
	}
	if len(offTeam) > 0 {
		parts = append(parts, fmt.Sprintf("%s can still read them but %s no longer on the case's team", strings.Join(offTeam, ", "), isAre(offTeam)))
	}
	if len(retiredReaders) > 0 {
		parts = append(parts, fmt.Sprintf("%s can still read them but %s retired from the staff roster", strings.Join(retiredReaders, ", "), isAre(retiredReaders)))
	}
	if len(gone) > 0 {
		parts = append(parts, fmt.Sprintf("%s can still read them but %s no longer on the staff roster", strings.Join(gone, ", "), isAre(gone)))
	}
	if len(rekeyed) > 0 {
		parts = append(parts, fmt.Sprintf("%s %s a new age recipient on the roster, and they are sealed to the old one", strings.Join(slices.Compact(rekeyed), ", "), hasHave(rekeyed)))
	}
	if len(missing) > 0 {
		parts = append(parts, fmt.Sprintf("%s cannot read them yet", strings.Join(slices.Compact(missing), ", ")))
	}
	var names []string
	for _, st := range without {
		names = append(names, st.ID)
	}
	if len(names) > 0 {
		parts = append(parts, fmt.Sprintf("%s %s on the case's team with no age recipient on the roster, so nothing can be sealed to them: an admin puts it there (caseplan staff set %s --age-recipient age1...; caseplan key new makes one)", strings.Join(names, ", "), isAre(names), names[0]))
	}
	// Only someone who can open the fields, and whose role lets them
	// change the case, can re-seal them: name who can now, rather than
	// the case's manager, who may be the one left out. A retired member,
	// or one gone from the roster, can read but not commit; a member
	// whose role no longer covers the case (taken off it, or a supervisor
	// stepped down) can read, but is refused the re-seal until they are
	// on its team.
	can, offCase, retired := Resealers(x.Config, in, readers)
	// teamAdd is the command that puts staff member id on the case's team.
	teamAdd := func(id string) (add, remove string) {
		name := id
		if st, ok := x.Config.StaffByID(id); ok && st.Name != "" {
			name = st.Name
		}
		return fmt.Sprintf("caseplan case team add %s --staff %s --role counselor", x.Case.ID, display.ShellQuote(id)),
			fmt.Sprintf("caseplan case team remove %s %s", x.Case.ID, display.ShellQuote(name))
	}
	switch {
	case len(can) > 0:
		reseal = fmt.Sprintf("one who can read them now (%s) re-seals them with caseplan case sealed reseal %s", strings.Join(can, ", "), x.Case.ID)
		if len(former) > 0 {
			reseal += fmt.Sprintf(" (%s too, with the former age identity caseplan key new --rotate keeps, unless it was lost)", strings.Join(former, ", "))
		}
	case len(offCase) > 0:
		r := offCase[0]
		st, _ := x.Config.StaffByID(r)
		add, remove := teamAdd(r)
		reseal = fmt.Sprintf("nobody who may change the case can read them now: %s can, but a %s changes only the cases they manage or are on the team of: the case's manager, a coordinator or a supervisor puts %s on its team (%s), %s runs caseplan case sealed reseal %s, and is then taken off it (%s)", strings.Join(offCase, ", "), st.RoleName(), r, add, r, x.Case.ID, remove)
	case len(retired) > 0:
		r := retired[0]
		add, _ := teamAdd(r)
		reseal = fmt.Sprintf("nobody active on the roster can read them now (%s %s retired or gone), and a retired member cannot commit: an admin makes %s active again (caseplan staff set %s --active=true) and, if they are off the case, puts them on its team (%s), %s runs caseplan case sealed reseal %s, and the admin then takes them off and retires them again", strings.Join(retired, ", "), isAre(retired), r, r, add, r, x.Case.ID)
	case len(former) > 0:
		// A key replaced after a lost laptop: the roster's key opens
		// nothing, and the old one may be gone with the laptop.
		reseal = fmt.Sprintf("only the former age identity of %s opens them now: if %s still %s it (caseplan key new --rotate keeps it in the identity file), %s runs caseplan case sealed reseal %s; if it is lost, nobody can open them, and the case's manager seals them anew from the participant's documents, starting from none, with caseplan case sealed set %s --from FIRST^ and a flag for each field, where FIRST is the commit that first sealed them (git log --diff-filter=A --format=%%h -- %s)", strings.Join(former, ", "), strings.Join(former, ", "), hasHave(former), strings.Join(former, " or "), x.Case.ID, x.Case.ID, file)
	}
	if len(want) == 0 {
		reseal = "until then nobody on the case's team can read them, and there is nobody to re-seal them to"
	}
	report("the sealed fields are not encrypted to the case's team as the roster stands: %s; %s", strings.Join(parts, "; "), reseal)
}

// Readers splits the staff IDs a case's sealed fields are sealed to (its
// sealed.recipients) into readers, who open them with the key the roster
// (cfg) holds for them now or are off it, and former, active members who
// open them only with an age identity the roster has since replaced — a
// lost laptop's, which the member may no longer have.
func Readers(cfg *record.Config, recipients []sealed.Recipient) (readers, former []string) {
	for _, r := range recipients {
		st, ok := cfg.StaffByID(r.Staff)
		if ok && st.IsActive() && st.AgeRecipient != "" && sealed.Fingerprint(st.AgeRecipient) != r.Fingerprint {
			former = append(former, r.Staff)
			continue
		}
		readers = append(readers, r.Staff)
	}
	return readers, slices.Compact(slices.Sorted(slices.Values(former)))
}

// Resealers sorts readers, the staff IDs a case's sealed fields are
// sealed to, by whether they can re-seal them: can are active and may
// change the case (in, its intake); offCase may not change it (their role
// no longer covers it); retired are retired or gone from the roster, and
// commit nothing.
func Resealers(cfg *record.Config, in *record.Intake, readers []string) (can, offCase, retired []string) {
	for _, r := range slices.Compact(slices.Sorted(slices.Values(readers))) {
		st, ok := cfg.StaffByID(r)
		switch {
		case !ok || !st.IsActive():
			retired = append(retired, r)
		case access.MayChangeCase(cfg, st, in, in):
			can = append(can, r)
		default:
			offCase = append(offCase, r)
		}
	}
	return can, offCase, retired
}

func checkSealedMissing(x *Context) {
	in := x.Case.Intake
	if in == nil || in.Status != "open" || !x.Config.SealedRequired(in.Program) {
		return
	}
	if x.Case.Sealed != nil && x.Case.Sealed.Ciphertext {
		return
	}
	x.Report(x.File(layout.KindIntake), []string{"program"}, "program %s needs sealed fields (sealed_required) and case %s has none; record them with caseplan case sealed set %s", in.Program, x.Case.ID, x.Case.ID)
}

func isAre(s []string) string {
	if len(s) == 1 {
		return "is"
	}
	return "are"
}

func hasHave(s []string) string {
	if len(s) == 1 {
		return "has"
	}
	return "have"
}
