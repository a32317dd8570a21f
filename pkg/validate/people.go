package validate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/rosterimport"
)

// RuleDuplicatePerson is the rule that finds one person with two open
// cases in one program.
const RuleDuplicatePerson = "duplicate-person"

// personRules are checked across cases, like periodRules: from each case's
// Person, kept with its Period in the results cache, so a whole-store
// validate compares every open case without reading one again. A write
// reads no other case for it, so it never blocks a write; it is a
// completeness rule for that reason and so that a supervisor can waive it
// on a case whose participant only shares a name with another's.
var personRules = []*Rule{
	{
		ID: RuleDuplicatePerson, Severity: finding.Warning, Source: "TEGL 10-16", Completeness: true,
		Summary: "no two open cases of one program are for the same person — the same name and phone or email (as case import recognises a person), or the same name with no phone or email that tells them apart: one person is one participant with one period of participation at a time, and a second case counts them twice in every report",
	},
}

// Person is what duplicate-person needs of an open case. The results
// cache keeps it (with the case's Period), and the cache must never hold a
// participant's name or contact in plain text: each key is a SHA-256 of
// the normalised key (personHash), which compares equal for equal keys
// and says nothing of the name to a reader of the cache. (A name guessed
// can be hashed and compared; the cache sits in the store's .git, beside
// the records that hold the name in plain text.)
type Person struct {
	// Name is the hash of the program and the name as rosterimport.NameKey
	// normalises it; Phone and Email those of rosterimport.PersonKeys of
	// the name with the phone, with the email ("" when the case gives
	// none).
	Name  string `json:"name"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
	// Where the case's intake.yaml (layout.Intake) has participant.name,
	// for the findings.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// Waivers are the case's waivers of duplicate-person, decided on the
	// day validate judges (record.Intake.WaiverOn).
	Waivers []record.Waiver `json:"waivers,omitempty"`
}

// personOf returns c's Person: nil when the case is closed or has exited
// (a return after an exit is a new period, wioa-returning-from), when its
// program is not one the store has, or when it has no name. An intake
// whose id is not its directory's (id-mismatch) is not compared either:
// it is most often a copy of another case's, which that error reports.
func personOf(c *casefile.Case, program string) *Person {
	in := c.Intake
	if in == nil || program == "" || in.Status == "closed" || in.Exited != "" || in.ID != c.ID {
		return nil
	}
	name := rosterimport.NameKey(in.Participant.Name)
	if name == "" {
		return nil
	}
	p := &Person{Name: personHash(program+"\x00"+name, 12)}
	if k := rosterimport.PersonKeys(in.Participant.Name, in.Participant.Phone, ""); len(k) == 1 {
		p.Phone = personHash(k[0], 6)
	}
	if k := rosterimport.PersonKeys(in.Participant.Name, "", in.Participant.Email); len(k) == 1 {
		p.Email = personHash(k[0], 6)
	}
	if d := c.Doc(c.File(layout.KindIntake)); d != nil {
		p.Line, p.Column = d.Position(Path("participant.name"))
	}
	for _, w := range in.Waivers {
		if w.Rule == RuleDuplicatePerson {
			p.Waivers = append(p.Waivers, w)
		}
	}
	return p
}

// personHash is the keyed hash a Person keeps in place of key: SHA-256 of
// the rule's name and the key, its first n bytes in hex. It is short, as
// the cache keeps up to three for each open case: 12 bytes for the name,
// which every case is compared by, so that two names of one store never
// share one by chance; 6 for a phone or email, compared only between
// cases whose names are the same.
func personHash(key string, n int) string {
	sum := sha256.Sum256([]byte("caseplan " + RuleDuplicatePerson + "\x00" + key))
	return hex.EncodeToString(sum[:n])
}

// samePerson reports whether two open cases look like one person, and
// what they share: the same name in the same program, with a phone or an
// email in common, or with none that tells them apart (both cases give
// one and they differ).
func samePerson(a, b *Person) (string, bool) {
	if a.Name != b.Name {
		return "", false
	}
	switch {
	case a.Phone != "" && a.Phone == b.Phone:
		return "the same name and phone", true
	case a.Email != "" && a.Email == b.Email:
		return "the same name and email", true
	case a.Phone != "" && b.Phone != "" || a.Email != "" && b.Email != "":
		return "", false
	}
	return "the same name, and no phone or email that tells them apart", true
}

// PersonFindings reports, of the open cases among check, each that looks
// like the same person as a case that opened before it (opensBefore): on
// the later case's participant.name, naming the earlier case's. A case
// waived of the rule (on today) keeps its finding as a waived warning,
// and is nobody's earlier case: its waiver says it is another person.
// Only the cases in check are compared (validate of the whole store
// compares them all).
func PersonFindings(check []*Period, today time.Time) []finding.Finding {
	day := dayOf(today)
	var open []*Period
	for _, p := range check {
		if p != nil && p.Person != nil {
			open = append(open, p)
		}
	}
	sort.Slice(open, func(i, j int) bool { return opensBefore(open[i], open[j]) })
	waiver := func(p *Period) (record.Waiver, bool) {
		in := record.Intake{Waivers: p.Person.Waivers}
		return in.WaiverOn(RuleDuplicatePerson, day)
	}
	byName := map[string][]*Period{}
	var out []finding.Finding
	for _, p := range open {
		earlier := byName[p.Person.Name]
		w, waived := waiver(p)
		if !waived {
			byName[p.Person.Name] = append(earlier, p)
		}
		for _, e := range earlier {
			how, same := samePerson(p.Person, e.Person)
			if !same {
				continue
			}
			f := finding.Finding{
				Path: layout.Intake(p.Case), Line: p.Person.Line, Column: p.Person.Column, Severity: personRules[0].Severity,
				Rule: RuleDuplicatePerson, Case: p.Case,
				Message: fmt.Sprintf("participant.name: case %s (%s:%d), opened %s in the same program %s, is for a participant with %s; one person is one participant, with one period of participation at a time (TEGL 10-16), and two open cases count them twice: if it is one person, keep one case and close the other (caseplan case close %s --date DATE --reason other --notes 'opened twice; kept %s') — a return after an exit is a new period, which caseplan case new --returning-from %s opens once %s's exit is recorded; if they are two people, waive this warning (caseplan waiver add %s --rule %s --reason TEXT)",
					e.Case, layout.Intake(e.Case), e.Person.Line, orUnknown(e.Opened), e.Program, how, p.Case, e.Case, e.Case, e.Case, p.Case, RuleDuplicatePerson),
			}
			if waived {
				f.Severity = finding.Warning
				f.Message += fmt.Sprintf(" (waived by %s on %s: %s)", w.By, w.Date, w.Reason)
				f.Waived = true
				f.WaiverReason = w.Reason
			}
			out = append(out, f)
			break
		}
	}
	return out
}
