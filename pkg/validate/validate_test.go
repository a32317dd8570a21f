package validate

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/store/storetest"
	"github.com/caseplan/caseplan/schemas"
)

// memStore is storetest.MemStore with this package's fixture edits (edit,
// drop) as methods, which periods_test.go uses too.
type memStore storetest.MemStore

func (m memStore) ReadFile(name string) ([]byte, error) { return storetest.MemStore(m).ReadFile(name) }

func (m memStore) List(dir string) ([]store.Entry, error) { return storetest.MemStore(m).List(dir) }

// base returns a store with one valid case of each program kind, as of
// 2026-03-16 (see today), and the copies of the schemas init writes.
func base() memStore {
	m := memStore(storetest.ThreePrograms())
	for _, kind := range schemas.Kinds {
		b, _ := schemas.Bytes(kind)
		m[layout.SchemaFile(kind)] = string(b)
	}
	return m
}

// config is the fixture store's settings.
var config = storetest.ThreePrograms()["cases/caseplan.yaml"]

var today = time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)

// fixtureKey is an SSH public key made for the tests; nobody holds its
// private half.
const fixtureKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA3sZa3U8EAVot4Fea2DijwhBUBwFMZ5Rfv1RtOX1ydn fixture"

func run(t *testing.T, m memStore, on time.Time) []finding.Finding {
	t.Helper()
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	snap, loaded, err := store.Load(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	// What validate reports: the store-wide checks of files that are not
	// records (the schema copies) with the rest.
	loaded = append(loaded, SchemaCopyFindings(m, snap.Config)...)
	return Run(snap, loaded, Options{Schemas: v, Today: on})
}

func TestBaseIsClean(t *testing.T) {
	if fs := run(t, base(), today); len(fs) > 0 {
		for _, f := range fs {
			t.Error(f)
		}
	}
}

// ruleTest breaks one rule: change turns the clean base store into one
// that breaks the rule as of on, and the rule (and no other rule's error)
// must fire once, at want. keep, when set, is a near miss of the same
// fixture that keeps the rule — the boundary the rule must not cross.
type ruleTest struct {
	rule   string
	on     time.Time
	change func(m memStore)
	want   string // path:line:col prefix of the finding
	msg    string
	keep   func(m memStore)
	// also is the rule of another error that change brings by design
	// (the loader's, of the file checks-waiting waits for).
	also string
}

var day = storetest.Day

// edit replaces old with new in the file at p, and fails loudly when old is
// not there (a fixture that silently changes nothing proves nothing).
func (m memStore) edit(p, old, new string) {
	if !strings.Contains(m[p], old) {
		panic(fmt.Sprintf("%s does not contain %q", p, old))
	}
	m[p] = strings.Replace(m[p], old, new, 1)
}

// drop removes cases from the store, for fixtures dated long after the
// base date where the other cases would rightly report their own errors.
func (m memStore) drop(ids ...string) {
	for p := range m {
		for _, id := range ids {
			if strings.HasPrefix(p, "cases/"+id+"/") {
				delete(m, p)
			}
		}
	}
}

// wsComplete gives WS1 what work security asks by the layoff date, so that
// fixtures dated after it report only what they break.
func wsComplete(m memStore) {
	m["cases/WS1/references.yaml"] = "references:\n" + strings.Repeat("  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n", 3)
	m["cases/WS1/iep.yaml"] = "created: 2026-03-02\njob_targets:\n  - title: Office coordinator\nskill_plan:\n  - course: Excel\n"
}

// wsClosed closes WS1 on 2026-04-10, before its layoff date: it owed
// nothing of the layoff date yet. A check-in on 2026-03-09 keeps the
// weekly count from the intake meeting to the base's check-in.
func wsClosed(m memStore) {
	m.drop("W1", "P1")
	m["cases/WS1/notes/2026-03-09-ck01.yaml"] = strings.ReplaceAll(m["cases/WS1/notes/2026-03-12-ck01.yaml"], "2026-03-12", "2026-03-09")
	m.edit("cases/WS1/intake.yaml", "status: open", "status: closed")
	m["cases/WS1/outcome.yaml"] = "closures:\n  - date: 2026-04-10\n    reason: withdrew\n"
}

// returning gives the store Ana's second period of participation: W1
// exits on exited ("": no exit recorded) and W2, opened on opened, names
// it as the earlier period, with an intake service the day it opened.
// The other programs' cases are dropped: the fixtures are dated months
// after the base date.
func returning(m memStore, exited, opened string) {
	m.drop("WS1", "P1")
	if exited != "" {
		m.edit("cases/W1/intake.yaml", "participant:", "exited: "+exited+"\nparticipant:")
	}
	m["cases/P1/intake.yaml"] = "id: P1\nopened: 2026-03-02\nprogram: pe\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Lee Example\n"
	m["cases/W2/intake.yaml"] = "id: W2\nopened: " + opened + "\nprogram: wioa\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Ana Example\nreturning_from: W1\n"
	m["cases/W2/iep.yaml"] = "created: " + opened + "\n"
	m["cases/W2/notes/"+opened+"-rt01.yaml"] = "id: " + opened + "-rt01\ndate: " + opened + "\nauthor: mrivera\nkind: intake\nmode: in-person\ntwo_way: true\nservices: [career-counseling]\ncontent: Back after losing the job; a new period of participation\n"
}

// peClosed closes P1, the post-employment case, on 2026-03-13.
func peClosed(m memStore) {
	m.edit("cases/P1/intake.yaml", "status: open", "status: closed")
	m["cases/P1/outcome.yaml"] = "closures:\n  - date: 2026-03-13\n    reason: withdrew\n"
}

// twice opens a second WIOA case, W2, a week after W1, for a participant
// whose name is W1's written another way: the same person opened twice,
// or two people of one name. extra is added to W2's participant.
func twice(m memStore, extra string) {
	m["cases/W2/intake.yaml"] = "id: W2\nopened: 2026-03-09\nprogram: wioa\nstatus: open\nmanager: mrivera\nparticipant:\n  name: ana  EXAMPLE\n" + extra
	m["cases/W2/iep.yaml"] = "created: 2026-03-09\n"
}

func contact(id, kind, mode string) string {
	return "id: " + id + "\ndate: " + id[:10] + "\nauthor: mrivera\nkind: " + kind + "\nmode: " + mode + "\ntwo_way: true\nservices: [job-search]\ncontent: Check-in\n"
}

func ruleTests() []ruleTest {
	const note = "cases/W1/notes/2026-03-05-ab12.yaml"
	said := func(what string) func(m memStore) {
		return func(m memStore) {
			m.edit(note, "content: Discussed training options", "content: Discussed training options; "+what)
		}
	}
	return []ruleTest{
		// The leak guard: the match's own column, and a message that
		// never repeats what it found.
		{rule: "pii-ssn", on: today, change: said("SSN 123456789 given"), want: note + ":8:42",
			msg: "content: holds a number shaped like a Social Security number; a full SSN is never stored", keep: said("order 123456789 placed")},
		{rule: "pii-dob", on: today, change: said("DOB 4/5/1980"), want: note + ":8:42",
			msg: "content: holds what looks like a date of birth", keep: said("next call 4/5/2026")},
		{rule: "pii-term", on: today, change: said("recently diagnosed"), want: note + ":8:47",
			msg: `content: mentions "diagnosed", a sensitive term`, keep: said("recently diagrammed")},
		// A health or disability barrier's detail is health information:
		// told once at the detail (the sensitive term in it not again),
		// never repeated; the kind alone, or another kind's detail, is
		// not told.
		{rule: "pii-term", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] += "barriers:\n  - kind: transportation\n    detail: no car\n  - kind: health\n    detail: recently diagnosed; no lifting\n"
		}, want: "cases/W1/intake.yaml:12:13",
			msg: "barriers.1.detail: the detail of a health barrier is health information, sensitive PII (TEGL 39-11): keep it in the case's sealed fields (caseplan case sealed set W1 --health TEXT) and the barrier without its detail (caseplan edit W1 intake)",
			keep: func(m memStore) {
				m["cases/W1/intake.yaml"] += "barriers:\n  - kind: disability\n  - kind: transportation\n    detail: no car\n"
			}},
		{rule: "pii-settings", on: today, change: func(m memStore) {
			m["cases/caseplan.yaml"] = config + "pii:\n  ssn:\n    - '(unclosed'\n"
		}, want: fmt.Sprintf("cases/caseplan.yaml:%d:7", strings.Count(config, "\n")+3), msg: "pii.ssn item 1 is not a valid regular expression"},
		{rule: "schema-copy", on: today, change: func(m memStore) {
			m["schemas/note.schema.json"] = `{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}`
		}, want: "schemas/note.schema.json", msg: fmt.Sprintf("the store's copy of the note schema is version 0, older than this caseplan's (%d)", noteSchemaVersion()),
			keep: func(m memStore) {
				m["schemas/note.schema.json"] = strings.ReplaceAll(m["schemas/note.schema.json"], "\n", "\r\n")
			}},
		{rule: "schema-copy", on: today, change: func(m memStore) { delete(m, "schemas/cohort.schema.json") },
			want: "schemas/cohort.schema.json", msg: "the store has no copy of the cohort schema",
			keep: func(m memStore) { // a store that keeps no copies at all
				for _, kind := range schemas.Kinds {
					delete(m, layout.SchemaFile(kind))
				}
			}},
		{rule: "unknown-rule", on: today, change: func(m memStore) {
			m["cases/caseplan.yaml"] = config + "rules:\n  ws-referencs:\n    enabled: false\n"
		}, want: fmt.Sprintf("cases/caseplan.yaml:%d:3", strings.Count(config, "\n")+2), msg: `rules: "ws-referencs" names no rule, so this setting does nothing (did you mean "ws-references"?)`,
			keep: func(m memStore) {
				m["cases/caseplan.yaml"] = config + "rules:\n  ws-references:\n    enabled: false\n  unknown-file:\n    enabled: false\n"
			}},
		{rule: "roster-admin", on: today, change: func(m memStore) {
			m.edit("cases/caseplan.yaml", "    role: admin\n", "    role: supervisor\n")
		}, want: "cases/caseplan.yaml:2:1", msg: "no one on the staff roster is an active admin, so roles do not apply",
			keep: func(m memStore) {
				m.edit("cases/caseplan.yaml", "    role: admin\n", "    role: admin\n    active: true\n")
			}},
		// A name git would write into an author line as a second address,
		// or over two lines (the roster is edited by hand too).
		{rule: "roster-name", on: today, change: func(m memStore) {
			m.edit("cases/caseplan.yaml", "    name: Ada Admin\n", "    name: Ada <ada@example.net>\n")
		}, want: "cases/caseplan.yaml:7:11", msg: `staff member aadmin: name "Ada <ada@example.net>": a name cannot hold '<' or '>'`},
		{rule: "roster-name", on: today, change: func(m memStore) {
			m.edit("cases/caseplan.yaml", "    name: Maria Rivera\n", "    name: \"Maria\\nRivera\"\n")
		}, want: "cases/caseplan.yaml:4:11", msg: `name "Maria\nRivera": a name cannot hold a control character`},
		{rule: "roster-keys", on: today, change: func(m memStore) {
			m.edit("cases/caseplan.yaml", "    role: admin\n", "    role: admin\n    signing_key: ssh-ed25519 AAAAnotakey\n")
		}, want: "cases/caseplan.yaml:10:18", msg: "aadmin's signing key is not an SSH public key",
			keep: func(m memStore) {
				m.edit("cases/caseplan.yaml", "    role: admin\n", "    role: admin\n    signing_key: "+fixtureKey+"\n")
			}},
		{rule: "roster-signing-key", on: today, change: func(m memStore) {
			m.edit("cases/caseplan.yaml", "    role: admin\n", "    role: admin\n    signing_key: "+fixtureKey+"\n")
			m["cases/caseplan.yaml"] += "access:\n  require_signatures: true\n"
		}, want: "cases/caseplan.yaml:3:5", msg: "mrivera has no signing key, and the store requires signed commits",
			keep: func(m memStore) {
				m.edit("cases/caseplan.yaml", "    role: admin\n", "    role: admin\n    signing_key: "+fixtureKey+"\n")
				m["cases/caseplan.yaml"] += "access:\n  require_signatures: false\n"
			}},
		// A supervisor reads every case, but nothing is sealed to one with
		// no age recipient: said where the store keeps sealed fields, and
		// only there.
		{rule: "roster-age-recipient", on: today, change: func(m memStore) {
			m.edit("cases/caseplan.yaml", "    email: mrivera@example.org\n", "    email: mrivera@example.org\n    role: supervisor\n")
			m.edit("cases/caseplan.yaml", "  pe:\n    kind: post-employment\n", "  pe:\n    kind: post-employment\n  demo:\n    kind: wioa\n    settings:\n      sealed_required: true\n")
		}, want: "cases/caseplan.yaml:3:5", msg: "mrivera is a supervisor with no age recipient, and the store keeps sealed fields",
			keep: func(m memStore) {
				m.edit("cases/caseplan.yaml", "    email: mrivera@example.org\n", "    email: mrivera@example.org\n    role: supervisor\n")
			}},
		{rule: "sealed-recipients", on: today, change: func(m memStore) {
			sealW1(m, "aadmin") // not on W1's team: its manager mrivera is left out
		}, want: "cases/W1/sealed.age", msg: "the sealed fields are not encrypted to the case's team as the roster stands: aadmin can still read them but is no longer on the case's team; mrivera cannot read them yet; one who can read them now (aadmin) re-seals them with caseplan case sealed reseal W1",
			keep: func(m memStore) { sealW1(m, "mrivera") }},
		{rule: "sealed-missing", on: today, change: func(m memStore) {
			withRecipients(m)
			m.edit("cases/caseplan.yaml", "  wioa:\n    kind: wioa\n", "  wioa:\n    kind: wioa\n    settings:\n      sealed_required: true\n")
		}, want: "cases/W1/intake.yaml:3:10", msg: "program wioa needs sealed fields (sealed_required) and case W1 has none",
			keep: func(m memStore) {
				sealW1(m, "mrivera")
				m.edit("cases/caseplan.yaml", "  wioa:\n    kind: wioa\n", "  wioa:\n    kind: wioa\n    settings:\n      sealed_required: true\n")
			}},
		{rule: "id-mismatch", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "id: W1", "id: W2", 1)
		}, want: "cases/W1/intake.yaml:1:5", msg: `differs from the case directory "W1"`},
		{rule: "unknown-program", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "program: wioa", "program: wia", 1)
		}, want: "cases/W1/intake.yaml:3:10", msg: `program "wia" is not defined`},
		// Pasted from a word processor with its quotes: the quotes are
		// part of the value, and seen through for the "did you mean".
		{rule: "unknown-program", on: today, also: "schema", change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "program: wioa", "program: ‘wioa’", 1)
		}, want: "cases/W1/intake.yaml:3:10", msg: `program "‘wioa’" is not defined in cases/caseplan.yaml (defined: pe, wioa, ws); did you mean wioa?`},
		{rule: "unknown-staff", on: today, change: func(m memStore) {
			m["cases/W1/notes/2026-03-05-ab12.yaml"] = strings.Replace(m["cases/W1/notes/2026-03-05-ab12.yaml"], "author: mrivera", "author: nobody", 1)
		}, want: "cases/W1/notes/2026-03-05-ab12.yaml:3:9", msg: `author "nobody" is not on the staff roster`},
		// A note that does not parse: the case's other rules wait for
		// it, and one warning per case says so (TestUnreadCase).
		{rule: RuleChecksWaiting, on: today, also: "yaml-syntax", change: func(m memStore) {
			m.edit(note, "mode: phone", " mode: phone")
		}, want: "cases/W1", msg: "warning checks-waiting: the program rules and the rules across the case's files (contacts, closures, references, ...) wait until " + note + " reads"},
		{rule: "note-id", on: today, change: func(m memStore) {
			m["cases/W1/notes/2026-03-06-ab12.yaml"] = m["cases/W1/notes/2026-03-05-ab12.yaml"]
			delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
		}, want: "cases/W1/notes/2026-03-06-ab12.yaml:1:5", msg: "differs from the file name"},
		{rule: "activity-week", on: today, change: func(m memStore) {
			m["cases/W1/activity/2026-W11.yaml"] = "week: 2026-W11\napplications:\n  - date: 2026-03-20\n    organization: Clinic\n    position: CNA\n    status: applied\n"
		}, want: "cases/W1/activity/2026-W11.yaml:3:11", msg: "is not in week 2026-W11 (2026-03-09 to 2026-03-15)"},
		// A week file copied to the next week's name passed every check and
		// doubled the week's applications in the reports (issue 9 item 4).
		{rule: "activity-week", on: today, change: func(m memStore) {
			m["cases/WS1/activity/2026-W12.yaml"] = m["cases/WS1/activity/2026-W11.yaml"]
		}, want: "cases/WS1/activity/2026-W12.yaml:1:7", msg: "week 2026-W11 differs from the file name 2026-W12.yaml"},
		{rule: "duplicate-id", on: today, change: func(m memStore) {
			m["cases/W1/iep.yaml"] = strings.Replace(m["cases/W1/iep.yaml"], "services:\n  - id: S1", "services:\n  - id: S1\n    name: Again\n  - id: S1", 1)
		}, want: "cases/W1/iep.yaml:17:9", msg: "service ID S1 is used twice (first at services.0.id)"},
		// An application's ID names it across the weeks: activity update
		// finds it by the ID alone.
		{rule: "duplicate-id", on: today, change: func(m memStore) {
			m.edit("cases/WS1/activity/2026-W11.yaml", "  - date: 2026-03-10\n", "  - id: AP-7QX2K\n    date: 2026-03-10\n")
			m["cases/WS1/activity/2026-W12.yaml"] = "week: 2026-W12\napplications:\n  - id: AP-7QX2K\n    date: 2026-03-16\n    organization: Clinic\n    position: Clerk\n    status: applied\n"
		}, want: "cases/WS1/activity/2026-W12.yaml:3:9", msg: "application ID AP-7QX2K is used twice (first in cases/WS1/activity/2026-W11.yaml at applications.0.id)"},
		{rule: "unresolved-ref", on: today, change: func(m memStore) {
			m["cases/W1/iep.yaml"] = strings.Replace(m["cases/W1/iep.yaml"], "services: [S1]", "services: [S2]", 1)
		}, want: "cases/W1/iep.yaml:9:20", msg: "names service S2, which is not in the plan"},
		{rule: "unresolved-ref", on: today, change: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-03-31\n    done: 2026-03-10\n    employed: true\n    evidence: self-attestation\n    evidence_note: 2026-03-09-zz99\nplacements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-09\n    recorded: 2026-03-09\n"
		}, want: "cases/W1/outcome.yaml:6:20", msg: "the follow-up's evidence is in note 2026-03-09-zz99, which is not a note of this case"},
		{rule: "date-order", on: today, change: func(m memStore) {
			m["cases/WS1/intake.yaml"] = strings.Replace(m["cases/WS1/intake.yaml"], "notice_date: 2026-03-02", "notice_date: 2026-06-01", 1)
		}, want: "cases/WS1/intake.yaml:10:16", msg: "layoff date 2026-05-01 is before the notice date 2026-06-01"},
		{rule: "date-order", on: today, change: func(m memStore) {
			m["cases/W1/iep.yaml"] = strings.Replace(m["cases/W1/iep.yaml"], "        due: 2026-04-01\n", "        due: 2026-04-01\n        done: 2026-02-20\n", 1)
		}, want: "cases/W1/iep.yaml:14:15", msg: "milestone M1 is marked done on 2026-02-20, before the case opened (2026-03-02)"},
		{rule: "date-order", on: day("2026-03-25"), change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open\n", "status: open\nexited: 2026-03-20\n", 1)
			m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-03-24\n    done: 2026-03-24\n    quarter: 4\n"
		}, want: "cases/W1/outcome.yaml:4:14", msg: "the follow-up done 2026-03-24 reports on the 4th quarter after exit, 2027-Q1, which begins 2027-01-01"},
		// A supervisor's decision on a case cannot come before the case
		// existed: a waiver dated before it opened is a typed year.
		{rule: "date-order", on: today, change: func(m memStore) {
			m["cases/caseplan.yaml"] = strings.Replace(config, "email: mrivera@example.org", "email: mrivera@example.org\n    role: supervisor", 1)
			m["cases/W1/intake.yaml"] += "waivers:\n  - rule: wioa-first-contact\n    reason: the customer was in hospital\n    by: mrivera\n    date: 2025-03-10\n"
		}, want: "cases/W1/intake.yaml:12:11", msg: "waiver of wioa-first-contact dated 2025-03-10, before the case opened (2026-03-02)"},
		{rule: "date-order", on: today, change: func(m memStore) {
			m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-02-20\n    decision: pending\n"
		}, want: "cases/WS1/outcome.yaml:2:16", msg: "extension requested on 2026-02-20, before the case opened (2026-03-02)"},
		// A credential or skill gain dated before enrolment counts for
		// nothing in the indicators (TEGL 10-16): said, not left silent.
		{rule: "date-order", on: today, change: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "credentials:\n  - id: CR-7QX2K\n    kind: occupational-certificate\n    name: CNA\n    date: 2025-03-06\n"
		}, want: "cases/W1/outcome.yaml:5:11", msg: `credential CR-7QX2K ("CNA") attained on 2025-03-06, before the case opened (2026-03-02): credential attainment counts one attained during participation`,
			keep: func(m memStore) {
				m["cases/W1/outcome.yaml"] = "credentials:\n  - id: CR-7QX2K\n    kind: occupational-certificate\n    name: CNA\n    date: 2026-03-06\n"
			}},
		{rule: "date-order", on: today, change: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "skill_gains:\n  - id: SG-7QX2K\n    kind: training-milestone\n    date: 2026-02-27\n"
		}, want: "cases/W1/outcome.yaml:4:11", msg: "skill gain training-milestone documented on 2026-02-27, before the case opened (2026-03-02): measurable skill gains count one made during participation",
			keep: func(m memStore) {
				m["cases/W1/outcome.yaml"] = "skill_gains:\n  - id: SG-7QX2K\n    kind: training-milestone\n    date: 2026-03-06\n"
			}},
		{rule: "case-status", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
		}, want: "cases/W1/intake.yaml:4:9", msg: "status is closed but outcome.yaml records no closure in effect; if the case was closed, record the closure with caseplan case close W1 --date DATE --reason REASON; if it is open, set status: open with caseplan edit W1 intake"},
		// A case closed as placed without its placement is one no report
		// counts as placed; with the placement on record it is fine.
		{rule: "closed-placed", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-13\n    reason: placed\n"
		}, want: "cases/W1/outcome.yaml:3:13", msg: "closed as placed on 2026-03-13, but outcome.yaml records no placement",
			keep: func(m memStore) {
				m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
				m["cases/W1/outcome.yaml"] = "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-12\n    recorded: 2026-03-12\nclosures:\n  - date: 2026-03-13\n    reason: placed\n"
			}},
		// A placement starting after the closure does not make the case
		// placed on it (record.PlacedOn): the finding names the closure's
		// date. One recorded after a closure dated back, starting before
		// it, does.
		{rule: "closed-placed", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
			m["cases/W1/outcome.yaml"] = "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-04-06\n    recorded: 2026-03-12\nclosures:\n  - date: 2026-03-13\n    reason: placed\n"
		}, want: "cases/W1/outcome.yaml:8:11", msg: "closed as placed on 2026-03-13, but its placement at Clinic starts on 2026-04-06, after it",
			keep: func(m memStore) {
				m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
				m["cases/W1/outcome.yaml"] = "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-09\n    recorded: 2026-03-16\nclosures:\n  - date: 2026-03-13\n    reason: placed\n"
			}},
		// A correction that moves the start past the closure makes it one
		// no placement backs; a later job after a reopening does not.
		{rule: "closed-placed", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
			m["cases/W1/outcome.yaml"] = "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-09\n    recorded: 2026-03-09\n  - id: PL-8QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-30\n    recorded: 2026-03-14\n    supersedes: PL-7QX2K\nclosures:\n  - date: 2026-03-10\n    reason: placed\n"
		}, want: "cases/W1/outcome.yaml:14:11", msg: "closed as placed on 2026-03-10, but its placement at Clinic starts on 2026-03-30, after it",
			keep: func(m memStore) {
				m["cases/W1/outcome.yaml"] = "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-09\n    recorded: 2026-03-09\n  - id: PL-8QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-30\n    recorded: 2026-03-14\n    supersedes: PL-7QX2K\nclosures:\n  - date: 2026-03-10\n    reason: placed\nreopenings:\n  - date: 2026-03-12\n    reason: The job ended\n"
			}},
		// A closure's reason that case close refuses for the program's
		// kind, written by hand: separated is work security's, completed
		// post-employment's; withdrew fits every program.
		{rule: "closure-reason", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-13\n    reason: separated\n"
		}, want: "cases/W1/outcome.yaml:3:13", msg: "the case, a wioa case, was closed on 2026-03-13 as separated: separated is for a work-security candidate who separated at the end of the work security period (000); correct the reason to one of placed, withdrew, moved, other with caseplan edit W1 outcome",
			keep: func(m memStore) {
				m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-13\n    reason: withdrew\n"
			}},
		{rule: "closure-reason", on: today, change: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "closure:\n  date: 2026-03-13\n  reason: completed\nreopenings:\n  - date: 2026-03-16\n    reason: Back in touch\n"
		}, want: "cases/W1/outcome.yaml:3:11", msg: "was closed on 2026-03-13 as completed: completed is for a post-employment case"},
		// One episode closed twice (two clones each closed the case) is
		// reported at the later closure; closed, reopened and closed
		// again is the record's order.
		{rule: "episode-order", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-13\n    reason: withdrew\n  - date: 2026-03-12\n    reason: moved\n"
		}, want: "cases/W1/outcome.yaml:2:11", msg: "the case was closed on 2026-03-12 (moved) and again on 2026-03-13 (withdrew) with no reopening between: one episode has one closure, and the reports count the later; if the case was reopened between them, record it with caseplan case reopen W1 --date DATE --reason TEXT; else take out the closure that is wrong with caseplan edit W1 outcome (the one removal of an episode taken: git keeps it)",
			keep: func(m memStore) {
				m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-13\n    reason: withdrew\n  - date: 2026-03-12\n    reason: moved\nreopenings:\n  - date: 2026-03-12\n    reason: returned\n"
			}},
		{rule: "episode-order", on: today, change: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "closure:\n  date: 2026-03-10\n  reason: moved\nreopenings:\n  - date: 2026-03-11\n    reason: Back\n  - date: 2026-03-12\n    reason: Back again\n"
		}, want: "cases/W1/outcome.yaml:7:11", msg: "the case was reopened on 2026-03-11 and again on 2026-03-12 with no closure between"},
		// Plan work dated after the closing of a case still closed is
		// what the write commands refuse; on the closing day it is a late
		// entry.
		{rule: "closed-case-work", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-10\n    reason: withdrew\n"
			m["cases/W1/activity/2026-W11.yaml"] = "week: 2026-W11\napplications:\n  - date: 2026-03-12\n    organization: Clinic\n    position: CNA\n    status: applied\n"
		}, want: "cases/W1/activity/2026-W11.yaml:3:11", msg: "application on 2026-03-12, after the case was closed on 2026-03-10 (reason withdrew) and not reopened",
			keep: func(m memStore) {
				m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-10\n    reason: withdrew\n"
				m["cases/W1/activity/2026-W11.yaml"] = "week: 2026-W11\napplications:\n  - date: 2026-03-10\n    organization: Clinic\n    position: CNA\n    status: applied\n"
			}},
		// A referral made again after the closing is work; a provider's
		// answer (completed, declined ...) is what became of it.
		{rule: "closed-case-work", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-10\n    reason: withdrew\n"
			m["cases/W1/services.yaml"] = "referrals:\n  - id: R-3MZ8Q\n    service: Child care\n    provider: Example Child Care\n    category: supportive\n    referred: 2026-03-05\n    status: referred\n    updated: 2026-03-12\n"
		}, want: "cases/W1/services.yaml:8:14", msg: "referral R-3MZ8Q updated on 2026-03-12, after the case was closed on 2026-03-10 (reason withdrew) and not reopened",
			keep: func(m memStore) {
				m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-10\n    reason: withdrew\n"
				m["cases/W1/services.yaml"] = "referrals:\n  - id: R-3MZ8Q\n    service: Child care\n    provider: Example Child Care\n    category: supportive\n    referred: 2026-03-05\n    status: completed\n    updated: 2026-03-12\n"
			}},
		// Reopened and closed again: the closure in force on the work's
		// date decides.
		{rule: "closed-case-work", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-10\n    reason: withdrew\n  - date: 2026-03-14\n    reason: moved\nreopenings:\n  - date: 2026-03-13\n    reason: Back\n"
			m["cases/W1/activity/2026-W11.yaml"] = "week: 2026-W11\napplications:\n  - date: 2026-03-12\n    organization: Clinic\n    position: CNA\n    status: applied\n"
		}, want: "cases/W1/activity/2026-W11.yaml:3:11", msg: "application on 2026-03-12, while the case was closed (from 2026-03-10, reason withdrew, until it was reopened on 2026-03-13)",
			keep: func(m memStore) {
				m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-10\n    reason: withdrew\n  - date: 2026-03-14\n    reason: moved\nreopenings:\n  - date: 2026-03-13\n    reason: Back\n"
				m["cases/W1/activity/2026-W11.yaml"] = "week: 2026-W11\napplications:\n  - date: 2026-03-13\n    organization: Clinic\n    position: CNA\n    status: applied\n"
			}},
		{rule: "future-date", on: day("2026-03-10"), change: nil, want: "cases/WS1/notes/2026-03-12-ck01.yaml:2:7", msg: "note date 2026-03-12 is after today (2026-03-10)"},
		// Every date that records something that has happened, not only a
		// note's; a planned date (a due date, a placement's start) may be
		// after today.
		{rule: "future-date", on: today, change: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-03-31\n    done: 2026-03-20\nplacements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-09\n    recorded: 2026-03-09\n"
		}, want: "cases/W1/outcome.yaml:3:11", msg: "follow-up done 2026-03-20 is after today (2026-03-16)",
			keep: func(m memStore) {
				m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-03-31\nplacements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-04-06\n    recorded: 2026-03-16\n"
			}},
		{rule: "future-date", on: today, change: func(m memStore) {
			m.edit("cases/W1/iep.yaml", "        due: 2026-04-01\n", "        due: 2026-04-01\n        done: 2026-03-17\n")
		}, want: "cases/W1/iep.yaml:14:15", msg: "milestone M1 done 2026-03-17 is after today (2026-03-16)"},
		{rule: "unknown-cohort", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] += "cohort: 2026-ACME\n"
		}, want: "cases/W1/intake.yaml:8:9", msg: `cohort "2026-ACME" has no record cases/cohorts/2026-ACME.yaml`, keep: func(m memStore) {
			m["cases/W1/intake.yaml"] += "cohort: 2026-ACME\n"
			m["cases/cohorts/2026-ACME.yaml"] = "id: 2026-ACME\nemployer: Acme Example Works\nnotice_date: 2026-03-02\nlayoff_dates: [2026-05-01]\n"
		}},
		// A follow-up comes after placement or exit (001): one done
		// before the placement starts, on an open case, is an error; on
		// the start's day it is a follow-up.
		{rule: "follow-up-early", on: today, change: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-03-12\n    done: 2026-03-12\n    employed: true\nplacements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-13\n    recorded: 2026-03-10\n"
		}, want: "cases/W1/outcome.yaml:3:11", msg: "follow-up done on 2026-03-12, before the placement at Clinic started on 2026-03-13: a follow-up comes after placement or exit (001)",
			keep: func(m memStore) {
				m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-03-13\n    done: 2026-03-13\n    employed: true\nplacements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-13\n    recorded: 2026-03-10\n"
			}},
		// With nothing to follow, the finding says what to record first; a
		// closure (the case's services ended) is something to follow.
		{rule: "follow-up-early", on: today, change: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-03-12\n    done: 2026-03-12\n"
		}, want: "cases/W1/outcome.yaml:3:11", msg: "follow-up done on 2026-03-12, but the case has no placement, exit or closure on record: a follow-up comes after placement or exit (001); record the job first (caseplan placement set W1 ...) or the exit (caseplan case exit W1), or correct the date",
			keep: func(m memStore) {
				m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
				m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-03-12\n    done: 2026-03-12\nclosures:\n  - date: 2026-03-11\n    reason: other\n"
			}},
		// An offer that fell through started no job: a follow-up after its
		// planned start follows nothing. A follow-up only planned (due,
		// not done) is not checked.
		{rule: "follow-up-early", on: today, change: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-03-14\n    done: 2026-03-14\nplacements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-12\n    recorded: 2026-03-09\n    fell_through: 2026-03-11\n    fell_through_reason: The employer withdrew the offer\n"
		}, want: "cases/W1/outcome.yaml:3:11", msg: "follow-up done on 2026-03-14, but the case has no placement, exit or closure on record",
			keep: func(m memStore) {
				m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-03-14\nplacements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-03-12\n    recorded: 2026-03-09\n    fell_through: 2026-03-11\n    fell_through_reason: The employer withdrew the offer\n"
			}},
		{rule: "placement-start", on: today, change: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2027-04-06\n    recorded: 2026-03-16\n"
		}, want: "cases/W1/outcome.yaml:5:12", msg: "starts on 2027-04-06, 386 days after it was recorded on 2026-03-16 (more than placement_start_max_days, 180)", keep: func(m memStore) {
			m["cases/W1/outcome.yaml"] = "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2027-04-06\n    recorded: 2026-03-16\n  - id: PL-8QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-04-06\n    recorded: 2026-03-16\n    supersedes: PL-7QX2K\n"
		}},
		// A goal's target or a milestone's due date decades away is a year
		// typed wrong (2062 for 2026); the bound itself, 36 months after
		// today, is not reported, nor a milestone already done.
		{rule: "plan-date", on: today, change: func(m memStore) {
			m.edit("cases/W1/iep.yaml", "    text: Certified nursing assistant\n", "    text: Certified nursing assistant\n    target: 2062-06-30\n")
		}, want: "cases/W1/iep.yaml:6:13", msg: "goal G1's target, 2062-06-30, is more than plan_date_max_months (36) after today, 2026-03-16: a typo in the year? Correct it with caseplan iep goal update W1 G1 --target DATE", keep: func(m memStore) {
			m.edit("cases/W1/iep.yaml", "    text: Certified nursing assistant\n", "    text: Certified nursing assistant\n    target: 2029-03-16\n")
		}},
		{rule: "plan-date", on: today, change: func(m memStore) {
			m.edit("cases/W1/iep.yaml", "        due: 2026-04-01\n", "        due: 2062-04-01\n")
		}, want: "cases/W1/iep.yaml:13:14", msg: "milestone M1's due date, 2062-04-01, is more than plan_date_max_months (36) after today, 2026-03-16: a typo in the year? Correct it with caseplan iep milestone update W1 M1 --due DATE", keep: func(m memStore) {
			m.edit("cases/W1/iep.yaml", "        due: 2026-04-01\n", "        due: 2062-04-01\n        done: 2026-03-10\n")
		}},
		{rule: "cohort-dates", on: today, change: func(m memStore) {
			m["cases/WS2/intake.yaml"] = "id: WS2\nopened: 2026-03-12\nprogram: ws\nstatus: open\nmanager: mrivera\ncohort: 2026-ACME\nparticipant:\n  name: Kim Example\nlayoff:\n  notice_date: 2026-03-02\n  layoff_date: 2026-05-01\n"
			m["cases/cohorts/2026-ACME.yaml"] = "id: 2026-ACME\nemployer: Acme Example Works\nnotice_date: 2026-03-03\nlayoff_dates: [2026-05-01]\n"
		}, want: "cases/WS2/intake.yaml:10:16", msg: "the notice date 2026-03-02 is not cohort 2026-ACME's notice_date 2026-03-03 (cases/cohorts/2026-ACME.yaml)", keep: func(m memStore) {
			m["cases/WS2/intake.yaml"] = "id: WS2\nopened: 2026-03-12\nprogram: ws\nstatus: open\nmanager: mrivera\ncohort: 2026-ACME\nparticipant:\n  name: Kim Example\nlayoff:\n  notice_date: 2026-03-02\n  layoff_date: 2026-05-01\n"
			m["cases/cohorts/2026-ACME.yaml"] = "id: 2026-ACME\nemployer: Acme Example Works\nnotice_date: 2026-03-02\nlayoff_dates: [2026-05-01]\n"
		}},
		{rule: "cohort-dates", on: today, change: func(m memStore) {
			m["cases/WS2/intake.yaml"] = "id: WS2\nopened: 2026-03-12\nprogram: ws\nstatus: open\nmanager: mrivera\ncohort: 2026-ACME\nparticipant:\n  name: Kim Example\nlayoff:\n  notice_date: 2026-03-02\n  layoff_date: 2026-05-01\n"
			m["cases/cohorts/2026-ACME.yaml"] = "id: 2026-ACME\nemployer: Acme Example Works\nnotice_date: 2026-03-02\nlayoff_dates: [2026-05-08]\n"
		}, want: "cases/WS2/intake.yaml:11:16", msg: "the layoff date 2026-05-01 is not one of cohort 2026-ACME's layoff_dates (2026-05-08 in cases/cohorts/2026-ACME.yaml): correct whichever is wrong — the cohort's record (a layoff date moved or added: no command changes it, so edit cases/cohorts/2026-ACME.yaml by hand, then caseplan commit -m MESSAGE), or this case's layoff.layoff_date (caseplan edit WS2)"},
		{rule: "ws-layoff", on: today, change: func(m memStore) {
			s := m["cases/WS1/intake.yaml"]
			m["cases/WS1/intake.yaml"] = s[:strings.Index(s, "layoff:")]
		}, want: "cases/WS1/intake.yaml:1:1", msg: "no layoff section"},
		{rule: "ws-notice-period", on: today, change: func(m memStore) {
			m["cases/WS1/intake.yaml"] = strings.Replace(m["cases/WS1/intake.yaml"], "layoff_date: 2026-05-01", "layoff_date: 2026-04-01", 1)
		}, want: "cases/WS1/intake.yaml:10:16", msg: "notification period is 30 days, shorter than the 60 days"},
		// Due by the layoff date (2026-05-01): missed the day after.
		// The toolbox is to be final by the layoff date (000): from the
		// day after, what is not is named, with the flags that record it.
		{rule: "ws-toolbox", on: day("2026-05-02"), change: func(m memStore) {
			wsComplete(m)
			m["cases/WS1/intake.yaml"] += "toolbox:\n  resume: final\n  cover_letter: draft\n"
		}, want: "cases/WS1/intake.yaml:11:1", msg: "the toolbox is to be final by the layoff date (2026-05-01): cover letter draft, thank-you letter not recorded; finish it and record it with caseplan case toolbox WS1 --cover-letter final --thank-you-letter final",
			keep: func(m memStore) {
				wsComplete(m)
				m["cases/WS1/intake.yaml"] += "toolbox:\n  resume: final\n  cover_letter: final\n  thank_you_letter: final\n"
			}},
		{rule: "ws-references", on: day("2026-05-02"), change: func(m memStore) {
			m["cases/WS1/iep.yaml"] = "created: 2026-03-02\njob_targets:\n  - title: Office coordinator\nskill_plan:\n  - course: Excel\n"
			m["cases/WS1/references.yaml"] = "references:\n  - name: Pat Example\n    relationship: former supervisor\n    phone: 555-0100\n    permission: 2026-03-10\n  - name: Lou Example\n    relationship: colleague\n"
		}, want: "cases/WS1/references.yaml:1:1", msg: "1 of 3 references with permission (1 by the layoff date, 2026-05-01); secure the rest with caseplan ref add WS1 --name NAME --relationship TEXT --phone PHONE --permission DATE"},
		// A reference who agreed but cannot be reached does not count
		// (000: an employer checks a reference by calling it): the
		// finding names it and the command, whole, that makes it count.
		{rule: "ws-references", on: day("2026-05-02"), change: func(m memStore) {
			wsComplete(m)
			m["cases/WS1/references.yaml"] = "references:\n" + strings.Repeat("  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n", 2) + "  - id: RF-K7QX3\n    name: Lou Example\n    relationship: colleague\n    permission: 2026-03-10\n"
		}, want: "cases/WS1/references.yaml:1:1", msg: "2 of 3 references with permission (2 by the layoff date, 2026-05-01); reference RF-K7QX3 agreed to be named but has neither a phone nor an email, so no employer can check it and it does not count: add one with caseplan ref update WS1 RF-K7QX3 --phone PHONE (or --email EMAIL)",
			keep: func(m memStore) {
				wsComplete(m)
				m["cases/WS1/references.yaml"] = "references:\n" + strings.Repeat("  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n", 2) + "  - id: RF-K7QX3\n    name: Lou Example\n    relationship: colleague\n    email: lou@example.org\n    permission: 2026-03-10\n"
			}},
		// References who agreed after the layoff date do not count toward
		// three by the layoff date (defect 11): an open obligation while
		// fewer than three have agreed at all...
		{rule: "ws-references", on: day("2026-05-10"), change: func(m memStore) {
			m["cases/WS1/iep.yaml"] = "created: 2026-03-02\njob_targets:\n  - title: Office coordinator\nskill_plan:\n  - course: Excel\n"
			m["cases/WS1/references.yaml"] = "references:\n  - name: Pat Example\n    relationship: former supervisor\n    phone: 555-0100\n    permission: 2026-03-10\n  - name: Lou Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-05-05\n  - name: Kim Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-12\n    withdrawn: 2026-04-01\n"
		}, want: "cases/WS1/references.yaml:1:1", msg: "2 of 3 references with permission (1 by the layoff date, 2026-05-01)"},
		// ...and a deadline met late once they have: a warning that never
		// fails CI, naming the days late (defect 7).
		{rule: "ws-references-late", on: day("2026-05-10"), change: func(m memStore) {
			m["cases/WS1/iep.yaml"] = "created: 2026-03-02\njob_targets:\n  - title: Office coordinator\nskill_plan:\n  - course: Excel\n"
			m["cases/WS1/references.yaml"] = "references:\n" + strings.Repeat("  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n", 2) + "  - name: Lou Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-05-04\n"
		}, want: "cases/WS1/references.yaml:1:1", msg: "the 3rd reference agreed on 2026-05-04, 3 day(s) after the layoff date (2026-05-01): met late",
			keep: func(m memStore) {
				wsComplete(m)
			}},
		// ...and a deadline never met is history too once the search is
		// over (the candidate separated after the period, 2026-07-30):
		// ws-references asks for nothing then (casestate.LayoffItemsOwed).
		{rule: "ws-references-late", on: day("2026-08-20"), change: func(m memStore) {
			m["cases/WS1/references.yaml"] = "references:\n  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n"
		}, want: "cases/WS1/references.yaml:1:1", msg: "1 of 3 references with permission (1 by the layoff date, 2026-05-01), and the candidate was separated: the job search is over, and the deadline was missed",
			keep: func(m memStore) {
				wsComplete(m)
			}},
		// A case closed after the layoff date missed it; one closed
		// before it owed nothing yet.
		{rule: "ws-references-late", on: day("2026-06-10"), change: func(m memStore) {
			m["cases/WS1/references.yaml"] = "references:\n  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n"
			m.edit("cases/WS1/intake.yaml", "status: open", "status: closed")
			m["cases/WS1/outcome.yaml"] = "closures:\n  - date: 2026-06-01\n    reason: withdrew\n"
		}, want: "cases/WS1/references.yaml:1:1", msg: "and the case was closed on 2026-06-01: the job search is over, and the deadline was missed",
			keep: func(m memStore) {
				m["cases/WS1/references.yaml"] = "references:\n  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n"
				m.edit("cases/WS1/intake.yaml", "status: open", "status: closed")
				m["cases/WS1/outcome.yaml"] = "closures:\n  - date: 2026-04-20\n    reason: withdrew\n"
			}},
		// The toolbox and the plans due by the layoff date are history
		// too once the search is over (searchEndedAfter, as for
		// references): a toolbox never final when the candidate was
		// separated warns. One final now may have been made final after
		// the layoff date; the record cannot tell, and nothing is said.
		{rule: "ws-toolbox-late", on: day("2026-08-20"), change: func(m memStore) {
			wsComplete(m)
			m["cases/WS1/intake.yaml"] += "toolbox:\n  resume: final\n  cover_letter: draft\n"
		}, want: "cases/WS1/intake.yaml:11:1", msg: "the toolbox was to be final by the layoff date (2026-05-01): cover letter draft, thank-you letter not recorded, and the candidate was separated: the job search is over, and the deadline was missed",
			keep: func(m memStore) {
				wsComplete(m)
				m["cases/WS1/intake.yaml"] += "toolbox:\n  resume: final\n  cover_letter: final\n  thank_you_letter: final\n"
			}},
		// Placed from after the layoff date, it was missed; placed from
		// before it, nothing was owed yet.
		{rule: "ws-toolbox-late", on: day("2026-06-10"), change: func(m memStore) {
			wsComplete(m)
			m["cases/WS1/outcome.yaml"] = "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-05-20\n    recorded: 2026-05-10\n"
		}, want: "cases/WS1/intake.yaml:1:1", msg: "the toolbox was to be final by the layoff date (2026-05-01): resume not recorded, cover letter not recorded, thank-you letter not recorded, and the candidate was placed from 2026-05-20: the job search is over",
			keep: func(m memStore) {
				wsComplete(m)
				m["cases/WS1/outcome.yaml"] = "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: 2026-04-20\n    recorded: 2026-04-10\n"
			}},
		{rule: "ws-iep-plan-late", on: day("2026-08-20"), change: func(m memStore) {
			wsComplete(m)
			m["cases/WS1/iep.yaml"] = "created: 2026-03-02\nskill_plan:\n  - course: Excel\n"
		}, want: "cases/WS1/iep.yaml:1:1", msg: "the plan had no job_targets (the job search plan) by the layoff date (2026-05-01), and the candidate was separated: the job search is over, and the deadline was missed",
			keep: func(m memStore) {
				wsComplete(m)
			}},
		// A case closed after the layoff date without a plan missed it;
		// one closed before it owed nothing yet.
		{rule: "ws-iep-plan-late", on: day("2026-06-10"), change: func(m memStore) {
			wsComplete(m)
			delete(m, "cases/WS1/iep.yaml")
			m.edit("cases/WS1/intake.yaml", "status: open", "status: closed")
			m["cases/WS1/outcome.yaml"] = "closures:\n  - date: 2026-06-01\n    reason: withdrew\n"
		}, want: "cases/WS1/intake.yaml:1:1", msg: "no iep.yaml, with its job search plan and skill plan, by the layoff date (2026-05-01), and the case was closed on 2026-06-01: the job search is over, and the deadline was missed",
			keep: func(m memStore) {
				wsComplete(m)
				delete(m, "cases/WS1/iep.yaml")
				m.edit("cases/WS1/intake.yaml", "status: open", "status: closed")
				m["cases/WS1/outcome.yaml"] = "closures:\n  - date: 2026-04-20\n    reason: withdrew\n"
			}},
		{rule: "ws-iep-plan", on: time.Date(2026, 5, 2, 0, 0, 0, 0, time.UTC), change: func(m memStore) {
			m["cases/WS1/references.yaml"] = "references:\n" + strings.Repeat("  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n", 3)
			m["cases/WS1/iep.yaml"] = "created: 2026-03-02\nskill_plan:\n  - course: Excel\n"
		}, want: "cases/WS1/iep.yaml:1:1", msg: "no job_targets by the layoff date"},
		{rule: "ws-extension", on: today, change: func(m memStore) {
			m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-03-10\n    decided: 2026-03-12\n    decision: approved\n    by: Joint committee\n    until: 2026-12-31\n"
		}, want: "cases/WS1/outcome.yaml:6:12", msg: "past the longest possible extension (2026-10-28)"},
		{rule: "wioa-iep", on: today, change: func(m memStore) { delete(m, "cases/W1/iep.yaml") }, want: "cases/W1/intake.yaml:1:1", msg: "has no iep.yaml"},
		// The participant's agreement to a plan with goals or services is
		// on record within 30 days of its creation (001, 002): day 31
		// without one warns; one agreement, however early, is enough.
		{rule: "wioa-iep-agreed", on: day("2026-04-02"), change: nil, want: "cases/W1/iep.yaml:1:10",
			msg:  "the plan was created 31 days ago (2026-03-02) and has goals or services, but no agreement of the participant's to it is on record (more than 30 days); record how and when they agreed with caseplan iep agree W1 --date DATE --how signed|verbal|electronic",
			keep: func(m memStore) { m["cases/W1/iep.yaml"] += "agreements:\n  - date: 2026-03-02\n    how: verbal\n" }},
		// A review after the last agreement changed what was agreed (001:
		// updated regularly): 30 days after it, the participant has not
		// agreed again. An agreement after the review keeps it.
		{rule: "wioa-iep-reagreed", on: day("2026-04-20"), change: func(m memStore) {
			m["cases/W1/iep.yaml"] += "reviews:\n  - date: 2026-03-10\n    by: mrivera\nagreements:\n  - date: 2026-03-05\n    how: signed\n"
		}, want: "cases/W1/iep.yaml:21:11",
			msg: "the plan was reviewed on 2026-03-10, 41 days ago, after the participant last agreed to it (2026-03-05, signed), and they have not agreed to it since (more than 30 days); when they agree to the plan as reviewed, record it with caseplan iep agree W1 --date DATE --how signed|verbal|electronic",
			keep: func(m memStore) {
				m["cases/W1/iep.yaml"] += "reviews:\n  - date: 2026-03-10\n    by: mrivera\nagreements:\n  - date: 2026-03-05\n    how: signed\n  - date: 2026-03-12\n    how: electronic\n"
			}},
		{rule: "date-order", on: today, change: func(m memStore) {
			m["cases/W1/iep.yaml"] = strings.Replace(m["cases/W1/iep.yaml"], "created: 2026-03-02", "created: 2026-03-09", 1) + "agreements:\n  - date: 2026-03-05\n    how: signed\n"
		}, want: "cases/W1/iep.yaml:21:11", msg: "the participant's agreement to the plan is dated 2026-03-05, before the plan was created (2026-03-09)"},
		{rule: "wioa-first-contact", on: today, change: func(m memStore) {
			m["cases/W1/notes/2026-03-05-ab12.yaml"] = strings.Replace(m["cases/W1/notes/2026-03-05-ab12.yaml"], "two_way: true", "two_way: false", 1)
		}, want: "cases/W1/intake.yaml:2:9", msg: "no contact yet: the first was due within 10 days of opening (by 2026-03-12); contact the customer and record it with caseplan note add W1 --kind contact --mode MODE --two-way --service CODE --content TEXT"},
		// A first contact made on day 12 is history, not an open
		// obligation: a warning naming the days late (defect 7).
		{rule: "wioa-first-contact-late", on: today, change: func(m memStore) {
			delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
			m["cases/W1/notes/2026-03-14-ab12.yaml"] = contact("2026-03-14-ab12", "contact", "phone")
		}, want: "cases/W1/intake.yaml:2:9", msg: "the first contact was on 2026-03-14, day 12 after opening: 2 day(s) later than the 10 days (by 2026-03-12); met late"},
		// A case closed before anyone contacted the customer, then
		// reopened, owes the first contact within 10 days of the
		// reopening (002), as the tickler asks it
		// (casestate.FirstContactOf): overdue on day 16 after it, not
		// yet on day 8.
		{rule: "wioa-first-contact", on: day("2026-05-20"), change: func(m memStore) {
			m.drop("WS1")
			delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: moved\nreopenings:\n  - date: 2026-05-04\n    reason: moved back\n"
		}, want: "cases/W1/outcome.yaml:5:11", msg: "no contact yet: the case was reopened on 2026-05-04 before any contact, and the first was due within 10 days of the reopening (by 2026-05-14); contact the customer and record it with caseplan note add W1",
			keep: func(m memStore) {
				m.drop("WS1")
				delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: moved\nreopenings:\n  - date: 2026-05-12\n    reason: moved back\n"
			}},
		// ... and a first contact after the reopening is late, or in
		// time, by the reopening's 10 days, not the opening's.
		{rule: "wioa-first-contact-late", on: day("2026-05-20"), change: func(m memStore) {
			m.drop("WS1")
			delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
			m["cases/W1/notes/2026-05-17-ab13.yaml"] = contact("2026-05-17-ab13", "contact", "phone")
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: moved\nreopenings:\n  - date: 2026-05-04\n    reason: moved back\n"
		}, want: "cases/W1/outcome.yaml:5:11", msg: "the first contact was on 2026-05-17, day 13 after the reopening on 2026-05-04: 3 day(s) later than the 10 days (by 2026-05-14); met late",
			keep: func(m memStore) {
				m.drop("WS1")
				delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
				m["cases/W1/notes/2026-05-10-ab13.yaml"] = contact("2026-05-10-ab13", "contact", "phone")
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: moved\nreopenings:\n  - date: 2026-05-04\n    reason: moved back\n"
			}},
		// A first contact missed before the case was closed stays on
		// record after a reopening starts a new count: closed on day
		// 18 with no contact, reopened, contacted in time after it. A
		// case closed within the 10 days owed none yet.
		{rule: "wioa-first-contact-late", on: day("2026-05-20"), change: func(m memStore) {
			m.drop("WS1")
			delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
			m["cases/W1/notes/2026-05-06-ab13.yaml"] = contact("2026-05-06-ab13", "contact", "phone")
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-20\n    reason: moved\nreopenings:\n  - date: 2026-05-04\n    reason: moved back\n"
		}, want: "cases/W1/outcome.yaml:2:11", msg: "no contact in the 10 days after the opening on 2026-03-02 (by 2026-03-12), and none before the case was closed on 2026-03-20: the first contact was missed",
			keep: func(m memStore) {
				m.drop("WS1")
				delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
				m["cases/W1/notes/2026-05-06-ab13.yaml"] = contact("2026-05-06-ab13", "contact", "phone")
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: moved\nreopenings:\n  - date: 2026-05-04\n    reason: moved back\n"
			}},
		// ... and so does one missed by a case closed still: a closed
		// case asks for no contact (the tickler lists none), so the
		// miss is no error of wioa-first-contact's, which TestRules
		// would count as an unexpected other finding.
		{rule: "wioa-first-contact-late", on: day("2026-05-20"), change: func(m memStore) {
			m.drop("WS1")
			delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
			m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-20\n    reason: moved\n"
		}, want: "cases/W1/outcome.yaml:2:11", msg: "none before the case was closed on 2026-03-20: the first contact was missed",
			keep: func(m memStore) {
				m.drop("WS1")
				delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
				m["cases/W1/intake.yaml"] = strings.Replace(m["cases/W1/intake.yaml"], "status: open", "status: closed", 1)
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: moved\n"
			}},
		{rule: "wioa-contact-interval", on: time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC), change: nil, want: "cases/W1/intake.yaml:5:10", msg: "last contact was 36 days ago (2026-03-05), more than 30"},
		// A case reopened since its last contact counts from the
		// reopening: no one was in contact while it was closed.
		{rule: "wioa-contact-interval", on: day("2026-05-10"), change: func(m memStore) {
			m.drop("WS1")
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: moved\nreopenings:\n  - date: 2026-04-08\n    reason: moved back\n"
		}, want: "cases/W1/outcome.yaml:5:11", msg: "no contact in the 32 days since the case was reopened (2026-04-08), more than 30",
			keep: func(m memStore) {
				m.drop("WS1")
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: moved\nreopenings:\n  - date: 2026-04-20\n    reason: moved back\n"
			}},
		// Never contacted, with the first contact waived: the contact
		// every 30 days counts from a reopening, not from the opening,
		// as the tickler's next contact does (casestate.NextContactOf).
		{rule: "wioa-contact-interval", on: day("2026-05-10"), change: func(m memStore) {
			m.drop("WS1")
			delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
			m["cases/W1/intake.yaml"] += "waivers:\n  - rule: wioa-first-contact\n    reason: the customer was in hospital\n    by: mrivera\n    date: 2026-03-03\n"
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: moved\nreopenings:\n  - date: 2026-04-08\n    reason: moved back\n"
		}, want: "cases/W1/outcome.yaml:5:11", msg: "no contact in the 32 days since the case was reopened (2026-04-08), more than 30",
			keep: func(m memStore) {
				m.drop("WS1")
				delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
				m["cases/W1/intake.yaml"] += "waivers:\n  - rule: wioa-first-contact\n    reason: the customer was in hospital\n    by: mrivera\n    date: 2026-03-03\n"
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: moved\nreopenings:\n  - date: 2026-04-20\n    reason: moved back\n"
			}},
		{rule: "date-order", on: today, change: func(m memStore) {
			m["cases/P1/intake.yaml"] += "consents:\n  - kind: job-site-visit\n    given: 2026-03-10\n    withdrawn: 2026-03-01\n"
		}, want: "cases/P1/intake.yaml:11:16", msg: "permission withdrawn (2026-03-01) before it was given (2026-03-10)"},
		{rule: "ws-intake-meeting", on: today, change: func(m memStore) {
			m.edit("cases/WS1/notes/2026-03-03-in01.yaml", "kind: intake", "kind: contact")
		}, want: "cases/WS1/intake.yaml:2:9", // The hint is the command itself, with the case and the flags
			// note add requires: run as written on a cohort of cases (000).
			msg: "no intake meeting note 14 days after the case opened (2026-03-02); hold the intake meeting as soon as possible and record it with caseplan note add WS1 --kind intake --mode MODE --two-way",
			keep: func(m memStore) {
				// Opened six days ago: the first check-in interval (7) has not passed.
				delete(m, "cases/WS1/notes/2026-03-03-in01.yaml")
				m.edit("cases/WS1/intake.yaml", "opened: 2026-03-02", "opened: 2026-03-10")
			}},
		// The warning begins the day after the tickler's intake-meeting
		// item is due (casestate.IntakeMeetingOf, the one count): opened
		// 2026-03-02, due 2026-03-09, warned of from 2026-03-10.
		{rule: "ws-intake-meeting", on: day("2026-03-10"), change: func(m memStore) {
			m.edit("cases/WS1/notes/2026-03-03-in01.yaml", "kind: intake", "kind: contact")
		}, want: "cases/WS1/intake.yaml:2:9", msg: "no intake meeting note 8 days after the case opened (2026-03-02)",
			keep: func(m memStore) {
				m.edit("cases/WS1/notes/2026-03-03-in01.yaml", "kind: intake", "kind: contact")
				m.edit("cases/WS1/intake.yaml", "opened: 2026-03-02", "opened: 2026-03-03")
			}},
		// Monthly check-ins cannot keep work security's weekly ones (000);
		// fortnightly contacts keep WIOA's 30 days (002).
		{rule: RuleContactSchedule, on: day("2026-03-20"), change: func(m memStore) {
			m["cases/WS1/iep.yaml"] += "contact_schedule:\n  every: monthly\n  day_of_month: 15\n  agreed: 2026-03-05\n"
		}, want: "cases/WS1/iep.yaml:3:10", msg: "the contact schedule agreed (the 15th of each month) leaves at least 28 days between contacts, more than the program's 7 (checkin_interval_days)",
			keep: func(m memStore) {
				m["cases/WS1/iep.yaml"] += "contact_schedule:\n  every: weekly\n  day: friday\n  agreed: 2026-03-05\n"
				m["cases/W1/iep.yaml"] += "contact_schedule:\n  every: fortnightly\n  day: friday\n  agreed: 2026-03-05\n"
			}},
		{rule: "ws-checkin", on: day("2026-03-20"), change: nil,
			want: "cases/WS1/intake.yaml:5:10", msg: "last check-in was 8 days ago (2026-03-12), more than 7; plan weekly meetings or check-ins with the candidate and record them with caseplan note add WS1 --kind contact --mode MODE --two-way",
			keep: func(m memStore) {
				m["cases/WS1/notes/2026-03-13-ck02.yaml"] = contact("2026-03-13-ck02", "contact", "video")
			}},
		{rule: "ws-checkin", on: day("2026-03-20"), change: func(m memStore) {
			m.drop("WS1")
			m["cases/WS2/intake.yaml"] = "id: WS2\nopened: 2026-03-12\nprogram: ws\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Kim Example\nlayoff:\n  notice_date: 2026-03-02\n  layoff_date: 2026-05-01\n"
		}, want: "cases/WS2/intake.yaml:5:10", msg: "no check-in in the 8 days since the case opened (2026-03-12)"},
		{rule: "ws-checkin", on: day("2026-03-30"), change: func(m memStore) {
			m["cases/WS1/outcome.yaml"] = "closures:\n  - date: 2026-03-13\n    reason: withdrew\nreopenings:\n  - date: 2026-03-20\n    reason: came back\n"
		}, want: "cases/WS1/outcome.yaml:5:11", msg: "no check-in in the 10 days since the case was reopened (2026-03-20)",
			keep: func(m memStore) {
				m["cases/WS1/outcome.yaml"] = "closures:\n  - date: 2026-03-13\n    reason: withdrew\nreopenings:\n  - date: 2026-03-25\n    reason: came back\n"
			}},
		{rule: "ws-checkin", on: day("2026-03-20"), change: func(m memStore) {
			// A one-way letter is not a check-in.
			m["cases/WS1/notes/2026-03-13-lt01.yaml"] = strings.Replace(contact("2026-03-13-lt01", "contact", "letter"), "two_way: true\n", "", 1)
		}, want: "cases/WS1/intake.yaml:5:10", msg: "last check-in was 8 days ago (2026-03-12)",
			keep: func(m memStore) {
				// Once placed, the job search and its check-ins are over.
				m["cases/WS1/outcome.yaml"] = "placement:\n  employer: Facilities\n  position: Office coordinator\n  start: 2026-03-16\n"
			}},
		{rule: "ws-activity-tracker", on: day("2026-03-23"), change: nil,
			want: "cases/WS1/intake.yaml:1:1", msg: "the weekly activity tracker has no entry for 2026-W12; log that week's applications, interviews and networking with caseplan activity add WS1 --date DATE --kind KIND",
			keep: func(m memStore) { m["cases/WS1/activity/2026-W12.yaml"] = "week: 2026-W12\n" }},
		// Every complete week counts, not only the last one, and each
		// missing week is named (defect 10).
		{rule: "ws-activity-tracker", on: day("2026-04-06"), change: func(m memStore) {
			m["cases/WS1/activity/2026-W13.yaml"] = "week: 2026-W13\n"
		}, want: "cases/WS1/intake.yaml:1:1", msg: "no entry for 2 complete weeks: 2026-W12, 2026-W14; log each week's applications, interviews and networking with caseplan activity add WS1 --date DATE --kind KIND",
			keep: func(m memStore) {
				for _, w := range []string{"2026-W12", "2026-W13", "2026-W14"} {
					m["cases/WS1/activity/"+w+".yaml"] = "week: " + w + "\n"
				}
			}},
		{rule: "ws-activity-tracker", on: today, change: func(m memStore) {
			delete(m, "cases/WS1/activity/2026-W11.yaml")
		}, want: "cases/WS1/intake.yaml:1:1", msg: "the weekly activity tracker has no entry for 2026-W11",
			keep: func(m memStore) {
				// Opened in the last complete week: no whole week to log yet.
				delete(m, "cases/WS1/activity/2026-W11.yaml")
				m.edit("cases/WS1/intake.yaml", "opened: 2026-03-02", "opened: 2026-03-09")
			}},
		// A reopened case counts its weeks from the reopening: the weeks
		// it was closed asked for none (closed 03-20, reopened 04-06:
		// only 2026-W16 is a complete week since).
		{rule: "ws-activity-tracker", on: day("2026-04-20"), change: func(m memStore) {
			m["cases/WS1/outcome.yaml"] = "closures:\n  - date: 2026-03-20\n    reason: withdrew\nreopenings:\n  - date: 2026-04-06\n    reason: came back to the search\n"
		}, want: "cases/WS1/intake.yaml:1:1", msg: "the weekly activity tracker has no entry for 2026-W16; log",
			keep: func(m memStore) {
				m["cases/WS1/outcome.yaml"] = "closures:\n  - date: 2026-03-20\n    reason: withdrew\nreopenings:\n  - date: 2026-04-06\n    reason: came back to the search\n"
				m["cases/WS1/activity/2026-W16.yaml"] = "week: 2026-W16\n"
			}},
		// Once the search is over, the weeks it went without are history:
		// one warning per case (searchgaps.go). WS1 was closed before
		// the layoff date, its last check-in on 2026-03-12.
		{rule: "ws-checkin-late", on: day("2026-04-20"), change: func(m memStore) {
			wsClosed(m)
		}, want: "cases/WS1/intake.yaml:5:10", msg: "4 check-in(s) missed while the job search lasted, one due every 7 days, in 1 gap(s); the longest: no check-in from the check-in of 2026-03-12 to the end of the search (2026-04-09), 28 days; and the case was closed on 2026-04-10: the job search is over, and the check-ins were missed",
			keep: func(m memStore) {
				wsClosed(m)
				for _, d := range []string{"2026-03-19", "2026-03-26", "2026-04-02", "2026-04-09"} {
					m["cases/WS1/notes/"+d+"-ck01.yaml"] = strings.ReplaceAll(m["cases/WS1/notes/2026-03-12-ck01.yaml"], "2026-03-12", d)
				}
			}},
		{rule: "ws-activity-tracker-late", on: day("2026-04-20"), change: func(m memStore) {
			wsClosed(m)
		}, want: "cases/WS1/intake.yaml:1:1", msg: "the weekly activity tracker had no entry for 3 of the 4 complete week(s) of the job search; the longest gap: 2026-W12 to 2026-W14 (2026-03-16 to 2026-04-05, 3 weeks); and the case was closed on 2026-04-10: the job search is over, and the weeks were not logged",
			keep: func(m memStore) {
				wsClosed(m)
				for _, w := range []string{"2026-W12", "2026-W13", "2026-W14"} {
					m["cases/WS1/activity/"+w+".yaml"] = "week: " + w + "\n"
				}
			}},
		{rule: "ws-separated", on: day("2026-07-31"), change: wsComplete,
			want: "cases/WS1/intake.yaml:4:9", msg: "the work security period ended on 2026-07-30 without a placement: the candidate is separated",
			keep: func(m memStore) {
				wsComplete(m)
				m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-07-20\n    decided: 2026-07-28\n    decision: approved\n    by: Joint committee\n    until: 2026-09-30\n"
			}},
		{rule: "ws-separated", on: day("2026-10-01"), change: func(m memStore) {
			wsComplete(m)
			m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-07-20\n    decided: 2026-07-28\n    decision: approved\n    by: Joint committee\n    until: 2026-09-30\n"
		}, want: "cases/WS1/intake.yaml:4:9", msg: "the extension of the work security period ended on 2026-09-30",
			keep: func(m memStore) {
				// The committee has not decided a second request yet.
				wsComplete(m)
				m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-07-20\n    decided: 2026-07-28\n    decision: approved\n    by: Joint committee\n    until: 2026-09-30\n  - requested: 2026-09-25\n    decision: pending\n"
			}},
		// Past the period with the request undecided: neither extended nor
		// separated (ws-separated keeps quiet), the decision to record.
		{rule: "ws-extension-pending", on: day("2026-08-05"), change: func(m memStore) {
			wsComplete(m)
			m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-07-20\n    decided: 2026-08-10\n    decision: denied\n    by: Joint committee\n"
		}, want: "cases/WS1/outcome.yaml:2:5", msg: "the work security period ended on 2026-07-30 with the extension request of 2026-07-20 undecided: the candidate is neither extended nor separated; record the joint committee's decision with caseplan extension decide WS1",
			keep: func(m memStore) {
				// The committee decided it in the period.
				wsComplete(m)
				m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-07-20\n    decided: 2026-07-28\n    decision: denied\n    by: Joint committee\n"
			}},
		// A request made after the period ended (taken: 000 sets no
		// deadline) did not let the period end undecided: it says so.
		{rule: "ws-extension-pending", on: day("2026-08-05"), change: func(m memStore) {
			wsComplete(m)
			m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-08-04\n    decided: 2026-08-10\n    decision: denied\n    by: Joint committee\n"
		}, want: "cases/WS1/outcome.yaml:2:5", msg: "the extension request of 2026-08-04, made after the work security period ended on 2026-07-30, is undecided: the candidate is neither extended nor separated; record the joint committee's decision with caseplan extension decide WS1",
			keep: func(m memStore) {
				wsComplete(m)
				m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-07-20\n    decided: 2026-07-28\n    decision: denied\n    by: Joint committee\n"
			}},
		{rule: "ws-extension-criteria", on: today, change: func(m memStore) {
			m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-05-18\n    decision: pending\n"
		}, want: "cases/WS1/outcome.yaml:2:5", msg: "no contact in 2026-W19, 2026-W20, no applications in 2026-W19, 2026-W20 of the 2 complete weeks from 2026-05-01 to 2026-05-18",
			keep: func(m memStore) {
				m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-05-18\n    decision: pending\n"
				m["cases/WS1/notes/2026-05-05-ck03.yaml"] = contact("2026-05-05-ck03", "contact", "phone")
				m["cases/WS1/notes/2026-05-17-ck04.yaml"] = contact("2026-05-17-ck04", "contact", "phone")
				m["cases/WS1/activity/2026-W19.yaml"] = "week: 2026-W19\napplications:\n  - date: 2026-05-08\n    organization: Library\n    position: Clerk\n    status: applied\n"
				m["cases/WS1/activity/2026-W20.yaml"] = "week: 2026-W20\napplications:\n  - date: 2026-05-11\n    organization: Museum\n    position: Clerk\n    status: applied\n"
			}},
		{rule: "ws-extension-criteria", on: today, change: func(m memStore) {
			m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-05-18\n    decided: 2026-05-20\n    decision: approved\n    by: Joint committee\n    until: 2026-09-30\n"
			m["cases/WS1/notes/2026-05-05-ck03.yaml"] = contact("2026-05-05-ck03", "contact", "phone")
			m["cases/WS1/activity/2026-W19.yaml"] = "week: 2026-W19\napplications:\n  - date: 2026-05-08\n    organization: Library\n    position: Clerk\n    status: applied\n"
		}, want: "cases/WS1/outcome.yaml:2:5", msg: "no contact in 2026-W20, no applications in 2026-W20 of the 2 complete weeks",
			keep: func(m memStore) {
				// The committee turned it down: nothing to weigh.
				m["cases/WS1/outcome.yaml"] = "extensions:\n  - requested: 2026-05-18\n    decided: 2026-05-20\n    decision: denied\n    by: Joint committee\n"
			}},
		// Every other program is told of an open case left with a
		// retired manager too, as a warning that blocks no write.
		{rule: "manager-retired", on: today, change: func(m memStore) {
			m["cases/caseplan.yaml"] = strings.Replace(config, "programs:", "  - id: jlee\n    name: Jo Lee\n    email: jlee@example.org\n    active: false\nprograms:", 1)
			m.edit("cases/WS1/intake.yaml", "manager: mrivera", "manager: jlee")
		}, want: "cases/WS1/intake.yaml:5:10", msg: "the manager jlee is retired from the staff roster (active: false), and the case is open; hand it to an active manager with caseplan case transfer WS1 --to STAFF",
			keep: func(m memStore) {
				m["cases/caseplan.yaml"] = strings.Replace(config, "programs:", "  - id: jlee\n    name: Jo Lee\n    email: jlee@example.org\nprograms:", 1)
				m.edit("cases/WS1/intake.yaml", "manager: mrivera", "manager: jlee")
			}},
		// A retired member still on an open case's team, by email.
		{rule: "team-retired", on: today, change: func(m memStore) {
			m["cases/caseplan.yaml"] = strings.Replace(config, "programs:", "  - id: jlee\n    name: Jo Lee\n    email: jlee@example.org\n    active: false\nprograms:", 1)
			m.edit("cases/WS1/intake.yaml", "participant:", "team:\n  - name: Jo Lee\n    role: counselor\n    email: JLee@example.org\nparticipant:")
		}, want: "cases/WS1/intake.yaml:9:12", msg: "Jo Lee (jlee) on the case's team is retired from the staff roster (active: false): take them off the team with caseplan case team remove WS1 'Jo Lee'",
			keep: func(m memStore) {
				m["cases/caseplan.yaml"] = strings.Replace(config, "programs:", "  - id: jlee\n    name: Jo Lee\n    email: jlee@example.org\nprograms:", 1)
				m.edit("cases/WS1/intake.yaml", "participant:", "team:\n  - name: Jo Lee\n    role: counselor\n    email: JLee@example.org\nparticipant:")
			}},
		{rule: "wioa-counselor", on: today, change: func(m memStore) {
			m["cases/caseplan.yaml"] = strings.Replace(config, "programs:", "  - id: jlee\n    name: Jo Lee\n    email: jlee@example.org\n    active: false\nprograms:", 1)
			m.edit("cases/W1/intake.yaml", "manager: mrivera", "manager: jlee")
		}, want: "cases/W1/intake.yaml:5:10", msg: "the designated counselor jlee is no longer active on the staff roster; transfer the case and its IEP to an active counselor with caseplan case transfer W1 --to STAFF --reason TEXT",
			keep: func(m memStore) {
				// Staff who left may stay the manager of a closed case.
				m["cases/caseplan.yaml"] = strings.Replace(config, "programs:", "  - id: jlee\n    name: Jo Lee\n    email: jlee@example.org\n    active: false\nprograms:", 1)
				m.edit("cases/W1/intake.yaml", "manager: mrivera", "manager: jlee")
				m.edit("cases/W1/intake.yaml", "status: open", "status: closed")
				m["cases/W1/outcome.yaml"] = "closure:\n  date: 2026-03-13\n  reason: moved\n"
			}},
		{rule: "wioa-counselor", on: today, change: func(m memStore) {
			m["cases/caseplan.yaml"] = strings.Replace(config, "programs:", "  - id: jlee\n    name: Jo Lee\n    email: jlee@example.org\nprograms:", 1)
			m["cases/W1/intake.yaml"] += "transfers:\n  - date: 2026-03-04\n    from: jlee\n    to: mrivera\n    reason: caseload\n  - date: 2026-03-10\n    from: mrivera\n    to: jlee\n    reason: moved to Eastgate\n"
		}, want: "cases/W1/intake.yaml:15:9", msg: "the last transfer (2026-03-10) made jlee the designated counselor, but the manager is mrivera; change counselors with caseplan case transfer W1 --to STAFF --reason TEXT",
			keep: func(m memStore) {
				m["cases/caseplan.yaml"] = strings.Replace(config, "programs:", "  - id: jlee\n    name: Jo Lee\n    email: jlee@example.org\nprograms:", 1)
				m.edit("cases/W1/intake.yaml", "manager: mrivera", "manager: jlee")
				m["cases/W1/intake.yaml"] += "transfers:\n  - date: 2026-03-04\n    from: jlee\n    to: mrivera\n    reason: caseload\n  - date: 2026-03-10\n    from: mrivera\n    to: jlee\n    reason: moved to Eastgate\n"
			}},
		{rule: "wioa-follow-up", on: day("2027-01-01"), change: func(m memStore) {
			m.drop("WS1", "P1")
			m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
			m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-09-30\n    done: 2026-09-29\n  - due: 2026-12-30\n"
		}, want: "cases/W1/intake.yaml:8:9", msg: "no follow-up recorded in the 2nd quarter after exit, 2026-Q4 (2026-10-01 to 2026-12-31); follow up with the customer and record it with caseplan followup add W1 --date DATE --quarter 2 (the quarter has ended",
			keep: func(m memStore) {
				// Made late, but made: the follow-up due in the quarter
				// counts, and wioa-follow-up-late says it was late.
				m.drop("WS1", "P1")
				m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
				m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-12-30\n    done: 2027-01-04\n"
			}},
		// Closing the case after the exit does not end the follow-up the
		// counselor "must ... conduct" (002): it is still owed.
		{rule: "wioa-follow-up", on: day("2027-01-01"), change: func(m memStore) {
			m.drop("WS1", "P1")
			m.edit("cases/W1/intake.yaml", "status: open\n", "status: closed\n")
			m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-07-15\n    reason: placed\n"
		}, want: "cases/W1/intake.yaml:8:9", msg: "no follow-up recorded in the 2nd quarter after exit, 2026-Q4 (2026-10-01 to 2026-12-31)",
			keep: func(m memStore) {
				m.drop("WS1", "P1")
				m.edit("cases/W1/intake.yaml", "status: open\n", "status: closed\n")
				m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
				m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-07-15\n    reason: placed\nfollow_ups:\n  - due: 2026-11-15\n    done: 2026-11-10\n"
			}},
		// A reason to exclude the participant (PIRL 923) dated before the
		// exit, with services after it, lifts no follow-up; one dated
		// from the exit does.
		{rule: "wioa-follow-up", on: day("2027-03-01"), change: func(m memStore) {
			m.drop("WS1", "P1")
			m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
			m["cases/W1/outcome.yaml"] = "exclusions:\n  - kind: health-medical\n    date: 2026-04-01\n"
		}, want: "cases/W1/intake.yaml:8:9", msg: "no follow-up recorded in the 2nd quarter after exit, 2026-Q4",
			keep: func(m memStore) {
				m.drop("WS1", "P1")
				m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
				m["cases/W1/outcome.yaml"] = "exclusions:\n  - kind: health-medical\n    date: 2026-06-30\n"
			}},
		// A reason to exclude the participant (PIRL 923) dated by the
		// quarter's end lifts its follow-up; one dated later does not.
		{rule: "wioa-follow-up", on: day("2027-03-01"), change: func(m memStore) {
			m.drop("WS1", "P1")
			m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
			m["cases/W1/outcome.yaml"] = "exclusions:\n  - kind: deceased\n    date: 2027-02-01\n"
		}, want: "cases/W1/intake.yaml:8:9", msg: "no follow-up recorded in the 2nd quarter after exit, 2026-Q4",
			keep: func(m memStore) {
				m.drop("WS1", "P1")
				m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
				m["cases/W1/outcome.yaml"] = "exclusions:\n  - kind: deceased\n    date: 2026-12-01\n"
			}},
		{rule: "wioa-follow-up-late", on: day("2027-01-05"), change: func(m memStore) {
			m.drop("WS1", "P1")
			m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
			m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-12-30\n    done: 2027-01-04\n"
		}, want: "cases/W1/outcome.yaml:1:1", msg: "the follow-up for the 2nd quarter after exit, 2026-Q4, was made on 2027-01-04, 4 day(s) after the quarter ended (2026-12-31); met late",
			keep: func(m memStore) {
				m.drop("WS1", "P1")
				m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
				m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-12-30\n    done: 2026-12-29\n"
			}},
		// Earnings recorded on a follow-up done before its quarter ended
		// may be part of the quarter's total: a warning; done on the
		// quarter's last day or after, none.
		{rule: RuleWIOAEarningsEarly, on: day("2026-11-20"), change: func(m memStore) {
			m.drop("WS1", "P1")
			m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
			m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-11-15\n    done: 2026-11-15\n    employed: true\n    earnings: 4200.5\n"
		}, want: "cases/W1/outcome.yaml:5:15", msg: "follow-up done on 2026-11-15 records earnings of 4200.5 for the 2nd quarter after exit, 2026-Q4, which ends on 2026-12-31: the quarter's total earnings (reported as its wages, PIRL 1703-1706) are not known before it ends, so these may be only part of them; once it has ended, record its total with caseplan followup add W1 --date DATE --quarter 2 --earnings N --evidence KIND, or correct these with caseplan edit W1 outcome",
			keep: func(m memStore) {
				m.drop("WS1", "P1")
				m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
				// Done on the quarter's last day; and an early one whose
				// total a follow-up after the quarter recorded.
				m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-12-31\n    done: 2026-12-31\n    employed: true\n    earnings: 8400\n  - due: 2026-11-15\n    done: 2026-11-15\n    employed: true\n    earnings: 4200\n  - due: 2026-12-31\n    done: 2027-01-10\n    quarter: 2\n    employed: true\n    earnings: 8400\n"
			}},
		{rule: "wioa-follow-up", on: day("2027-07-01"), change: func(m memStore) {
			m.drop("WS1", "P1")
			m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
			m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-12-30\n    done: 2026-12-15\n"
		}, want: "cases/W1/intake.yaml:8:9", msg: "no follow-up recorded in the 4th quarter after exit, 2027-Q2 (2027-04-01 to 2027-06-30)",
			keep: func(m memStore) {
				// A store with 6 months of follow-up has no 4th quarter.
				m.drop("WS1", "P1")
				m["cases/caseplan.yaml"] = strings.Replace(config, "kind: wioa\n", "kind: wioa\n    settings:\n      follow_up_months: 6\n", 1)
				m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
				m["cases/W1/outcome.yaml"] = "follow_ups:\n  - due: 2026-12-30\n    done: 2026-12-15\n"
			}},
		// WIOA's exit (TEGL 10-16): 90 days with no participation-causing
		// service and none scheduled, dated at the last such service (the
		// CNA training, which ended on 2026-06-30). A letter with a job
		// referral is a staff-assisted service; supportive services alone
		// are not.
		{rule: "wioa-potential-exit", on: day("2026-10-15"), change: func(m memStore) { m.drop("WS1") },
			want: "cases/W1/intake.yaml:4:9", msg: "90 days without a participation-causing service since 2026-06-30 (to 2026-09-28) and none scheduled: the participant has exited by WIOA's definition (TEGL 10-16), with exit date 2026-06-30",
			keep: func(m memStore) {
				m.drop("WS1")
				m["cases/W1/notes/2026-08-01-lt01.yaml"] = "id: 2026-08-01-lt01\ndate: 2026-08-01\nauthor: mrivera\nkind: contact\nmode: letter\nservices: [job-referral]\ncontent: Sent two job leads\n"
			}},
		// The first day the exit is known (calendar.Participation.ExitKnown,
		// the tickler's potential-exit day) is the 91st since the service:
		// the finding counts the definition's 90 days, as the tickler and
		// the rule's summary do, not the days since the service.
		{rule: "wioa-potential-exit", on: day("2026-09-29"), change: func(m memStore) { m.drop("WS1") },
			want: "cases/W1/intake.yaml:4:9", msg: "90 days without a participation-causing service since 2026-06-30 (to 2026-09-28) and none scheduled",
			keep: func(m memStore) {
				m.drop("WS1")
				m["cases/W1/notes/2026-09-28-lt01.yaml"] = "id: 2026-09-28-lt01\ndate: 2026-09-28\nauthor: mrivera\nkind: contact\nmode: letter\nservices: [job-referral]\ncontent: Sent two job leads\n"
			}},
		{rule: "wioa-potential-exit", on: day("2026-10-15"), change: func(m memStore) {
			m.drop("WS1")
			m["cases/W1/services.yaml"] = "referrals:\n  - id: R1\n    service: Child care\n    provider: County\n    referred: 2026-07-01\n    status: in-progress\n    updated: 2026-07-20\n"
			m["cases/W1/notes/2026-08-01-ss01.yaml"] = "id: 2026-08-01-ss01\ndate: 2026-08-01\nauthor: mrivera\nkind: contact\nmode: phone\ntwo_way: true\nservices: [supportive-services]\ncontent: Child care voucher\n"
		}, want: "cases/W1/intake.yaml:4:9", msg: "with exit date 2026-06-30",
			keep: func(m memStore) {
				// A training scheduled to start later: not an exit.
				m.drop("WS1")
				m.edit("cases/W1/iep.yaml", "    end: 2026-06-30\n", "    end: 2026-06-30\n  - id: S2\n    name: Phlebotomy course\n    code: training\n    start: 2026-11-02\n")
			}},
		// A service 107 days after the CNA training ended hides the exit
		// from wioa-potential-exit; the participant exited all the same
		// (TEGL 10-16), and the performance report counts only recorded
		// exits. One finding, on the intake's status line.
		{rule: RuleWIOAUnrecordedExit, on: day("2026-10-20"), change: func(m memStore) {
			m.drop("WS1")
			m["cases/W1/notes/2026-10-15-js01.yaml"] = "id: 2026-10-15-js01\ndate: 2026-10-15\nauthor: mrivera\nkind: contact\nmode: phone\ntwo_way: true\nservices: [job-search]\ncontent: Back to look for work\n"
		}, want: "cases/W1/intake.yaml:4:9", msg: "the participation-causing service on 2026-10-15 came more than 90 days after the one on 2026-06-30, with none between and none scheduled: the participant exited on 2026-06-30 by WIOA's definition (TEGL 10-16, PIRL 901), and that service began a new period of participation; record the exit with caseplan case exit W1 --date 2026-06-30 and open the new period with caseplan case new --returning-from W1 --opened 2026-10-15",
			keep: func(m memStore) {
				// Served on the 90th day: no exit.
				m.drop("WS1")
				m["cases/W1/notes/2026-09-28-js01.yaml"] = "id: 2026-09-28-js01\ndate: 2026-09-28\nauthor: mrivera\nkind: contact\nmode: phone\ntwo_way: true\nservices: [job-search]\ncontent: Back to look for work\n"
			}},
		// The exit recorded on the later service's day is the new
		// period's: case exit refuses a second exit, so the finding says
		// to correct the one recorded and record it on the new case.
		{rule: RuleWIOAUnrecordedExit, on: day("2026-10-20"), change: func(m memStore) {
			m.drop("WS1")
			m.edit("cases/W1/intake.yaml", "participant:", "exited: 2026-10-15\nparticipant:")
			m["cases/W1/notes/2026-10-15-js01.yaml"] = "id: 2026-10-15-js01\ndate: 2026-10-15\nauthor: mrivera\nkind: contact\nmode: phone\ntwo_way: true\nservices: [job-search]\ncontent: Back to look for work\n"
		}, want: "cases/W1/intake.yaml:4:9", msg: "began a new period of participation; the exit recorded on 2026-10-15 ends the new period: correct exited to 2026-06-30 with caseplan edit W1 intake, open the new period with caseplan case new --returning-from W1 --opened 2026-10-15, record there the services from 2026-10-15 and its exit with caseplan case exit NEW-CASE --date 2026-10-15, and void the notes"},
		// W1's last participation-causing service is its CNA training,
		// which ended on 2026-06-30: the exit date (PIRL 901).
		{rule: "wioa-exit-date", on: day("2026-10-15"), change: func(m memStore) {
			m.drop("WS1")
			m.edit("cases/W1/intake.yaml", "participant:", "exited: 2026-07-15\nparticipant:")
		}, want: "cases/W1/intake.yaml:6:9", msg: "the exit recorded on 2026-07-15 is later than the last participation-causing service, on 2026-06-30; WIOA's exit date is that service's date (PIRL 901, TEGL 10-16): correct exited to 2026-06-30 with caseplan edit W1 intake",
			keep: func(m memStore) {
				m.drop("WS1")
				m.edit("cases/W1/intake.yaml", "participant:", "exited: 2026-06-30\nparticipant:")
			}},
		// A plan service with no end recorded counts as given every day:
		// the finding names it and its end, not "a service on" today.
		{rule: "wioa-exit-date", on: day("2026-10-15"), change: func(m memStore) {
			m.drop("WS1")
			m.edit("cases/W1/intake.yaml", "participant:", "exited: 2026-06-30\nparticipant:")
			m.edit("cases/W1/iep.yaml", "    end: 2026-06-30\n", "    end: 2026-06-30\n  - id: S2\n    name: Job club\n    code: job-search\n    start: 2026-06-01\n")
		}, want: "cases/W1/intake.yaml:6:9", msg: "plan service S2, started on 2026-06-01, has no end recorded, so it counts as given every day and runs past the exit recorded on 2026-06-30; record the day it ended with caseplan iep service end W1 S2 --date DATE (the exit is that day when it was the last participation-causing service, PIRL 901); if it went on after the exit, the participant had not exited: correct exited with caseplan edit W1 intake",
			keep: func(m memStore) {
				m.drop("WS1")
				m.edit("cases/W1/intake.yaml", "participant:", "exited: 2026-06-30\nparticipant:")
				m.edit("cases/W1/iep.yaml", "    end: 2026-06-30\n", "    end: 2026-06-30\n  - id: S2\n    name: Job club\n    code: job-search\n    start: 2026-06-01\n    end: 2026-06-30\n")
			}},
		{rule: "wioa-exit-date", on: day("2026-10-15"), change: func(m memStore) {
			m.drop("WS1")
			m.edit("cases/W1/intake.yaml", "participant:", "exited: 2026-06-30\nparticipant:")
			m["cases/W1/notes/2026-09-01-rt01.yaml"] = "id: 2026-09-01-rt01\ndate: 2026-09-01\nauthor: mrivera\nkind: contact\nmode: in-person\ntwo_way: true\nservices: [career-counseling]\ncontent: Back after losing the job\n"
		}, want: "cases/W1/intake.yaml:6:9", msg: "a participation-causing service on 2026-09-01 comes after the exit recorded on 2026-06-30; if the participant had not exited, correct exited with caseplan edit W1 intake; if they came back after the exit, that service starts a new period of participation (TEGL 10-16): open a case for it with caseplan case new --returning-from W1 --opened DATE and record the service there, and void a note recorded here for it with caseplan note amend W1 NOTE --void --content TEXT",
			keep: func(m memStore) {
				// A follow-up after exit is not a participation-causing service.
				m.drop("WS1")
				m.edit("cases/W1/intake.yaml", "participant:", "exited: 2026-06-30\nparticipant:")
				m["cases/W1/notes/2026-09-01-fu01.yaml"] = "id: 2026-09-01-fu01\ndate: 2026-09-01\nauthor: mrivera\nkind: follow-up\nmode: phone\ntwo_way: true\ncontent: Still employed\n"
			}},
		// A returning participant (TEGL 10-16): W2 is Ana's second period
		// of participation, after W1's exit on 2026-06-30.
		{rule: "wioa-returning-from", on: day("2026-10-15"), change: func(m memStore) {
			returning(m, "2026-06-30", "2026-09-01")
			m.edit("cases/W2/intake.yaml", "returning_from: W1", "returning_from: W9")
		}, want: "cases/W2/intake.yaml:8:17", msg: "returning_from W9: the store has no case W9 (or its intake cannot be read); name the case of the participant's earlier period with caseplan edit W2 intake",
			keep: func(m memStore) { returning(m, "2026-06-30", "2026-09-01") }},
		{rule: "wioa-returning-from", on: day("2026-10-15"), change: func(m memStore) {
			returning(m, "2026-06-30", "2026-09-01")
			m.edit("cases/W2/intake.yaml", "returning_from: W1", "returning_from: P1")
		}, want: "cases/W2/intake.yaml:8:17", msg: "returning_from P1: that case's program pe is not a WIOA program"},
		{rule: "wioa-returning-from", on: day("2026-10-15"), change: func(m memStore) {
			returning(m, "", "2026-09-01")
		}, want: "cases/W2/intake.yaml:8:17", msg: "returning_from W1: that case has no exit recorded, so its period of participation has not ended (TEGL 10-16); record its exit with caseplan case exit W1"},
		{rule: "wioa-returning-from", on: day("2026-10-15"), change: func(m memStore) {
			returning(m, "2026-06-30", "2026-06-30")
		}, want: "cases/W2/intake.yaml:2:9", msg: "returning_from W1: that case's exit, 2026-06-30, is not before this case opened, 2026-06-30; a new period of participation begins after the exit (TEGL 10-16): correct the dates with caseplan edit W2 intake, or record the services on W1 itself",
			keep: func(m memStore) { returning(m, "2026-06-30", "2026-07-01") }},
		// The same job seeker opened twice (duplicate-person): by name
		// alone when neither case has a phone or email that tells them
		// apart; two phones that differ do.
		{rule: RuleDuplicatePerson, on: today, change: func(m memStore) {
			twice(m, "")
		}, want: "cases/W2/intake.yaml:7:9", msg: "participant.name: case W1 (cases/W1/intake.yaml:7), opened 2026-03-02 in the same program wioa, is for a participant with the same name, and no phone or email that tells them apart; one person is one participant",
			keep: func(m memStore) {
				m.edit("cases/W1/intake.yaml", "  name: Ana Example\n", "  name: Ana Example\n  phone: 555-0101\n")
				twice(m, "  phone: 555-0102\n")
			}},
		// By name and phone, as case import recognises a person, though
		// the emails differ; a case that has exited is not compared (a
		// return is a new period, wioa-returning-from).
		{rule: RuleDuplicatePerson, on: today, change: func(m memStore) {
			m.edit("cases/W1/intake.yaml", "  name: Ana Example\n", "  name: Ana Example\n  phone: (555) 010-1234\n  email: ana@example.org\n")
			twice(m, "  phone: 1-555-010-1234\n  email: ana.example@example.net\n")
		}, want: "cases/W2/intake.yaml:7:9", msg: "is for a participant with the same name and phone; ",
			keep: func(m memStore) {
				m.edit("cases/W1/intake.yaml", "participant:", "exited: 2026-03-05\nparticipant:")
				twice(m, "")
			}},
		{rule: "unknown-service", on: today, change: func(m memStore) {
			m.edit("cases/WS1/notes/2026-03-03-in01.yaml", "services: [assessment]", "services: [asessment]")
		}, want: "cases/WS1/notes/2026-03-03-in01.yaml:7:12", msg: `service code "asessment" is not in the store's catalogue`,
			keep: func(m memStore) {
				// A store's own catalogue replaces the built-in one.
				m["cases/caseplan.yaml"] = config + "services:\n  asessment:\n    category: individualized-career\n  career-counseling:\n    category: individualized-career\n  job-search:\n    category: basic-career\n  training:\n    category: training\n"
				m.edit("cases/WS1/notes/2026-03-03-in01.yaml", "services: [assessment]", "services: [asessment]")
			}},
		{rule: "waiver", on: today, change: func(m memStore) {
			m["cases/caseplan.yaml"] = strings.Replace(config, "email: mrivera@example.org", "email: mrivera@example.org\n    role: supervisor", 1)
			m["cases/W1/intake.yaml"] += "waivers:\n  - rule: date-order\n    reason: typed wrong\n    by: mrivera\n    date: 2026-03-10\n"
		}, want: "cases/W1/intake.yaml:9:11", msg: "waiver of date-order: only an obligation",
			keep: func(m memStore) {
				m["cases/caseplan.yaml"] = strings.Replace(config, "email: mrivera@example.org", "email: mrivera@example.org\n    role: supervisor", 1)
				m["cases/W1/intake.yaml"] += "waivers:\n  - rule: wioa-first-contact\n    reason: the customer was in hospital\n    by: mrivera\n    date: 2026-03-10\n"
			}},
		// checks-waiting ends when the file reads; no waiver sets it aside.
		{rule: "waiver", on: today, change: func(m memStore) {
			m["cases/caseplan.yaml"] = strings.Replace(config, "email: mrivera@example.org", "email: mrivera@example.org\n    role: supervisor", 1)
			m["cases/W1/intake.yaml"] += "waivers:\n  - rule: checks-waiting\n    reason: note being fixed\n    by: mrivera\n    date: 2026-03-10\n"
		}, want: "cases/W1/intake.yaml:9:11", msg: "waiver of checks-waiting: the rule cannot be waived"},
		// Whoever granted it must be on the roster; their role is judged
		// when the waiver is recorded (waiver add, caseplan commit, verify's
		// supervisor-only), so a supervisor who steps down later leaves it
		// standing: mrivera is a case manager in this store's roster.
		{rule: "waiver", on: today, change: func(m memStore) {
			m["cases/W1/intake.yaml"] += "waivers:\n  - rule: wioa-first-contact\n    reason: the customer was in hospital\n    by: nobody\n    date: 2026-03-10\n"
		}, want: "cases/W1/intake.yaml:11:9", msg: `waiver by "nobody": not on the staff roster`,
			keep: func(m memStore) {
				m["cases/W1/intake.yaml"] += "waivers:\n  - rule: wioa-first-contact\n    reason: the customer was in hospital\n    by: mrivera\n    date: 2026-03-10\n"
			}},
		// Ongoing contact (003 item 5), judged as the tickler counts the
		// next contact (casestate.NextContactOf): from the last contact,
		// 30 days by default; on the 30th day it is still in time.
		{rule: casestate.RulePEContact, on: day("2026-04-10"), change: func(m memStore) {
			m["cases/P1/notes/2026-03-05-pe01.yaml"] = contact("2026-03-05-pe01", "contact", "phone")
		}, want: "cases/P1/intake.yaml:5:10", msg: "last contact was 36 days ago (2026-03-05), more than 30; contact the participant",
			keep: func(m memStore) {
				m["cases/P1/notes/2026-03-11-pe01.yaml"] = contact("2026-03-11-pe01", "contact", "phone")
			}},
		// Never contacted: from the opening. A closed case's services
		// are over: nothing is asked of it.
		{rule: casestate.RulePEContact, on: day("2026-04-10"), change: nil,
			want: "cases/P1/intake.yaml:2:9", msg: "no contact in the 39 days since the case opened (2026-03-02), more than 30",
			keep: peClosed},
		// Reopened since the last contact: from the reopening, as for
		// WIOA. A contact after it counts from that contact.
		{rule: casestate.RulePEContact, on: day("2026-04-10"), change: func(m memStore) {
			m["cases/P1/notes/2026-03-05-pe01.yaml"] = contact("2026-03-05-pe01", "contact", "phone")
			m["cases/P1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: withdrew\nreopenings:\n  - date: 2026-03-09\n    reason: came back\n"
		}, want: "cases/P1/outcome.yaml:5:11", msg: "no contact in the 32 days since the case was reopened (2026-03-09), more than 30",
			keep: func(m memStore) {
				m["cases/P1/notes/2026-03-05-pe01.yaml"] = contact("2026-03-05-pe01", "contact", "phone")
				m["cases/P1/notes/2026-03-12-pe02.yaml"] = contact("2026-03-12-pe02", "contact", "phone")
				m["cases/P1/outcome.yaml"] = "closures:\n  - date: 2026-03-06\n    reason: withdrew\nreopenings:\n  - date: 2026-03-09\n    reason: came back\n"
			}},
		// An agreed schedule puts the contact on earlier days on the
		// tickler, but the office is judged by the interval: a missed
		// weekly evening call 29 days after the last contact is no
		// finding yet.
		{rule: casestate.RulePEContact, on: day("2026-04-10"), change: func(m memStore) {
			m["cases/P1/notes/2026-03-05-pe01.yaml"] = contact("2026-03-05-pe01", "contact", "phone")
			m["cases/P1/iep.yaml"] += "contact_schedule:\n  every: weekly\n  day: tuesday\n  time: \"18:00\"\n  mode: phone\n  agreed: 2026-03-05\n"
		}, want: "cases/P1/intake.yaml:5:10", msg: "last contact was 36 days ago (2026-03-05), more than 30",
			keep: func(m memStore) {
				m["cases/P1/notes/2026-03-12-pe01.yaml"] = contact("2026-03-12-pe01", "contact", "phone")
				m["cases/P1/iep.yaml"] += "contact_schedule:\n  every: weekly\n  day: tuesday\n  time: \"18:00\"\n  mode: phone\n  agreed: 2026-03-05\n"
			}},
		{rule: "pe-self-sufficiency", on: today, change: func(m memStore) {
			m.edit("cases/P1/iep.yaml", "  plan: Keep the job and move to full time\n", "")
		}, want: "cases/P1/iep.yaml:1:1", msg: "no self-sufficiency plan; post-employment services start with one (self_sufficiency.plan): write it with caseplan iep self-sufficiency P1 --plan TEXT",
			keep: func(m memStore) {
				// A closed case's services are over: nothing left to plan.
				m.edit("cases/P1/iep.yaml", "  plan: Keep the job and move to full time\n", "")
				peClosed(m)
			}},
		{rule: "pe-contingency", on: today, change: func(m memStore) {
			m.edit("cases/P1/iep.yaml", "    crisis: Call the navigator; emergency fund referral\n", "")
		}, want: "cases/P1/iep.yaml:2:1", msg: "no contingency plan for crisis (self_sufficiency.contingency.crisis): write it with caseplan iep self-sufficiency P1 --crisis TEXT",
			keep: func(m memStore) {
				m.edit("cases/P1/iep.yaml", "    crisis: Call the navigator; emergency fund referral\n", "")
				peClosed(m)
			}},
		{rule: "pe-benefit-renewal", on: today, change: func(m memStore) {
			m["cases/P1/iep.yaml"] += "  benefits:\n    - name: SNAP\n      renewal: 2026-03-15\n      status: active\n"
		}, want: "cases/P1/iep.yaml:10:16", msg: "the renewal date 2026-03-15 of SNAP has passed; record the next renewal date, or the status pending, lapsed or ended: caseplan iep benefit renew P1 'SNAP' --renewal DATE [--status STATUS]",
			keep: func(m memStore) {
				m["cases/P1/iep.yaml"] += "  benefits:\n    - name: SNAP\n      renewal: 2026-03-16\n      status: active\n    - name: Child care subsidy\n      renewal: 2026-03-16\n      status: pending\n"
			}},
		// A renewal submitted is not done: once its date is past, the
		// decision is to be recorded (003: maintain eligibility).
		{rule: "pe-benefit-renewal", on: today, change: func(m memStore) {
			m["cases/P1/iep.yaml"] += "  benefits:\n    - id: BN-K7QX2\n      name: Child care subsidy\n      renewal: 2026-03-15\n      status: pending\n"
		}, want: "cases/P1/iep.yaml:11:16", msg: "the renewal of Child care subsidy was submitted (pending) and its date 2026-03-15 has passed; find out the decision and record it: approved, the next renewal date with caseplan iep benefit renew P1 BN-K7QX2 --renewal DATE --status active; refused or not made in time, caseplan iep benefit renew P1 BN-K7QX2 --renewal 2026-03-15 --status lapsed",
			keep: func(m memStore) {
				m["cases/P1/iep.yaml"] += "  benefits:\n    - id: BN-K7QX2\n      name: Child care subsidy\n      renewal: 2026-03-16\n      status: pending\n"
			}},
		{rule: "pe-benefit-renewal", on: today, change: func(m memStore) {
			m["cases/P1/iep.yaml"] += "  benefits:\n    - name: Child care subsidy\n      renewal: 2026-04-01\n      status: lapsed\n"
		}, want: "cases/P1/iep.yaml:11:15", msg: "Child care subsidy has lapsed; help the participant restore their eligibility, then record it with caseplan iep benefit renew P1 'Child care subsidy' --renewal DATE --status active",
			keep: func(m memStore) {
				m["cases/P1/iep.yaml"] += "  benefits:\n    - name: Child care subsidy\n      renewal: 2026-03-01\n      status: ended\n"
			}},
		// A benefit kept, or a renewal submitted, with no date on record
		// is one nothing reminds anyone to renew (003: maintain
		// eligibility); an ended one needs none.
		{rule: "pe-benefit-renewal", on: today, change: func(m memStore) {
			m["cases/P1/iep.yaml"] += "  benefits:\n    - id: BN-K7QX2\n      name: Earned income credit\n      status: active\n"
		}, want: "cases/P1/iep.yaml:9:7", msg: "Earned income credit has no renewal date on record, so nothing reminds anyone to renew it before it lapses; find out when its eligibility must next be renewed and record it: caseplan iep benefit renew P1 BN-K7QX2 --renewal DATE",
			keep: func(m memStore) {
				m["cases/P1/iep.yaml"] += "  benefits:\n    - id: BN-K7QX2\n      name: Earned income credit\n      status: ended\n"
			}},
		{rule: "pe-benefit-renewal", on: today, change: func(m memStore) {
			m["cases/P1/iep.yaml"] += "  benefits:\n    - id: BN-K7QX2\n      name: Child care subsidy\n      status: pending\n"
		}, want: "cases/P1/iep.yaml:9:7", msg: "the renewal of Child care subsidy was submitted (pending) and has no date on record; record the day it was due, by which the decision is expected: caseplan iep benefit renew P1 BN-K7QX2 --renewal DATE --status pending",
			keep: func(m memStore) {
				m["cases/P1/iep.yaml"] += "  benefits:\n    - id: BN-K7QX2\n      name: Child care subsidy\n      renewal: 2026-04-01\n      status: pending\n"
			}},
		{rule: "pe-job-site-permission", on: today, change: func(m memStore) {
			m["cases/P1/notes/2026-03-10-js01.yaml"] = contact("2026-03-10-js01", "contact", "job-site")
		}, want: "cases/P1/notes/2026-03-10-js01.yaml:5:7", msg: "job-site visit on 2026-03-10 without the participant's permission on record",
			keep: func(m memStore) {
				m["cases/P1/notes/2026-03-10-js01.yaml"] = contact("2026-03-10-js01", "contact", "job-site")
				m["cases/P1/intake.yaml"] += "consents:\n  - kind: job-site-visit\n    given: 2026-03-10\n"
			}},
		{rule: "pe-job-site-permission", on: today, change: func(m memStore) {
			m["cases/P1/notes/2026-03-10-js01.yaml"] = contact("2026-03-10-js01", "contact", "job-site")
			m["cases/P1/intake.yaml"] += "consents:\n  - kind: job-site-visit\n    given: 2026-03-02\n    withdrawn: 2026-03-09\n"
		}, want: "cases/P1/notes/2026-03-10-js01.yaml:5:7", msg: "job-site visit on 2026-03-10 without"},
		// 003 item 9: education and training while on cash assistance
		// and for 12 months after; the months ended on 2026-03-01.
		{rule: "pe-training-referral", on: today, change: func(m memStore) {
			m["cases/P1/intake.yaml"] += "cash_assistance_ended: 2025-03-01\n"
			m["cases/P1/services.yaml"] = "referrals:\n  - id: R-K7QX2\n    service: Bus pass\n    provider: Transit office\n    category: supportive\n    referred: 2026-03-10\n    status: referred\n  - id: R-4K7QX\n    service: GED classes\n    provider: Example Adult School\n    category: education\n    referred: 2026-03-02\n    status: referred\n"
		}, want: "cases/P1/services.yaml:12:15", msg: "referral R-4K7QX to education (GED classes) on 2026-03-02, after the 12 months of post-employment services after cash assistance ended (2025-03-01) were over on 2026-03-01: 003 refers to education and training while cash assistance is received and for 12 months after; if the date is wrong, correct it with caseplan edit P1 services; if the referral was made under another program, a supervisor may waive it: caseplan waiver add P1 --rule pe-training-referral --reason TEXT",
			keep: func(m memStore) {
				// On the months' last day, it is within them.
				m["cases/P1/intake.yaml"] += "cash_assistance_ended: 2025-03-01\n"
				m["cases/P1/services.yaml"] = "referrals:\n  - id: R-4K7QX\n    service: Welding course\n    provider: Example College\n    category: training\n    referred: 2026-03-01\n    status: referred\n"
			}},
		{rule: "pe-post-assistance", on: today, change: func(m memStore) {
			m["cases/P1/intake.yaml"] += "cash_assistance_ended: 2025-03-15\n"
		}, want: "cases/P1/intake.yaml:8:24", msg: "the 12 months of post-employment services after cash assistance ended (2025-03-15) were over on 2026-03-15; close the case with caseplan case close P1 --date DATE --reason completed",
			keep: func(m memStore) { m["cases/P1/intake.yaml"] += "cash_assistance_ended: 2025-03-16\n" }},
	}
}

// TestRules breaks each rule in turn on the clean base store and checks that
// the rule (and no other rule's error) fires, where it should; and that the
// rule stays quiet on the clean store and on the near miss that keeps it.
func TestRules(t *testing.T) {
	for _, tt := range ruleTests() {
		t.Run(tt.rule, func(t *testing.T) {
			if RuleByID(tt.rule) == nil {
				t.Fatalf("no rule %s", tt.rule)
			}
			m := base()
			if tt.change != nil {
				tt.change(m)
			}
			var got []finding.Finding
			for _, f := range run(t, m, tt.on) {
				if f.Rule == tt.rule {
					got = append(got, f)
				} else if f.Severity == finding.Error && f.Rule != tt.also {
					t.Errorf("unexpected other finding: %s", f)
				}
			}
			if len(got) != 1 {
				t.Fatalf("want one %s finding, got %v", tt.rule, got)
			}
			if s := got[0].String(); !strings.HasPrefix(s, tt.want+": ") || !strings.Contains(s, tt.msg) {
				t.Errorf("got  %s\nwant %s: ... %s", s, tt.want, tt.msg)
			}
			// The clean base store keeps every rule (TestBaseIsClean).
			for _, f := range run(t, base(), today) {
				if f.Rule == tt.rule {
					t.Errorf("%s fires on the clean store: %s", tt.rule, f)
				}
			}
			if tt.keep == nil {
				return
			}
			m = base()
			tt.keep(m)
			for _, f := range run(t, m, tt.on) {
				if f.Rule == tt.rule {
					t.Errorf("%s fires on the fixture that keeps it: %s", tt.rule, f)
				} else if f.Severity == finding.Error {
					t.Errorf("keep: unexpected other finding: %s", f)
				}
			}
		})
	}
}

// TestTodayIsADate: the findings on a day are the same whatever the time
// of day Options.Today carries. The contact rules count a contact overdue
// once its last day is before today (casestate.NextContact.OverdueOn), so
// a time past midnight made them warn a day early: the fixture's WIOA
// case, last contacted 2026-03-05, is in time on 2026-04-04 all day.
func TestTodayIsADate(t *testing.T) {
	for d := day("2026-04-01"); !d.After(day("2026-04-08")); d = d.AddDate(0, 0, 1) {
		midnight, evening := run(t, base(), d), run(t, base(), d.Add(23*time.Hour+59*time.Minute))
		if fmt.Sprint(midnight) != fmt.Sprint(evening) {
			t.Errorf("%s: at midnight\n%v\nat 23:59\n%v", d.Format(time.DateOnly), midnight, evening)
		}
	}
}

// TestEveryRuleTested holds the table above to every rule caseplan has.
func TestEveryRuleTested(t *testing.T) {
	tested := map[string]bool{}
	for _, tt := range ruleTests() {
		tested[tt.rule] = true
	}
	for _, r := range Rules {
		if !tested[r.ID] {
			t.Errorf("rule %s has no case in ruleTests", r.ID)
		}
	}
}

// TestRulesDocumented checks what caseplan rules lists: every rule has a
// summary, a program rule names its source document, and the settings a
// rule names exist.
func TestRulesDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %s is defined twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || strings.Contains(r.Summary, "\n") {
			t.Errorf("rule %s: want a one-line summary", r.ID)
		}
		if r.Severity != finding.Error && r.Severity != finding.Warning {
			t.Errorf("rule %s: severity %q", r.ID, r.Severity)
		}
		if r.Program != "" && !slices.Contains([]string{"000", "001", "002", "003", "TEGL 10-16"}, r.Source) {
			t.Errorf("rule %s: program rule with source %q; name the document it comes from", r.ID, r.Source)
		}
		if r.Setting != "" {
			for _, s := range strings.Split(r.Setting, ", ") {
				if _, ok := record.DefaultSetting(s); !ok {
					t.Errorf("rule %s: unknown setting %q", r.ID, s)
				}
			}
		}
	}
}

// TestLayoffDateDeadlines: references and the job search and skill plans
// are due "by the layoff date" (000), and a reference who agrees on it
// counts in time, so on the layoff date itself nothing is missed yet (the
// tickler lists them as due today); the day after, both are errors.
func TestLayoffDateDeadlines(t *testing.T) {
	m := base()
	m.drop("W1", "P1")
	m["cases/WS1/references.yaml"] = "references:\n  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n"
	m["cases/WS1/iep.yaml"] = "created: 2026-03-02\n"
	for _, tc := range []struct {
		on   time.Time
		want int
	}{{day("2026-04-30"), 0}, {day("2026-05-01"), 0}, {day("2026-05-02"), 1}} {
		got := map[string]int{}
		for _, f := range run(t, m, tc.on) {
			got[f.Rule]++
		}
		if got["ws-references"] != tc.want || min(got["ws-iep-plan"], 1) != tc.want {
			t.Errorf("on %s: ws-references %d, ws-iep-plan %d finding(s); want %d of each", tc.on.Format(time.DateOnly), got["ws-references"], got["ws-iep-plan"], tc.want)
		}
	}
}

// TestLayoffDeadlinesEndWithSearch: what was due by the layoff date
// (000) is owed while the search lasts, an offer bridged to its start
// included; once the candidate is placed or separated a deadline missed
// is history, and ws-references, ws-iep-plan and ws-toolbox fall silent
// as the tickler does (casestate.LayoffItemsOwed, the one answer), while
// ws-references-late, ws-iep-plan-late and ws-toolbox-late take them up.
func TestLayoffDeadlinesEndWithSearch(t *testing.T) {
	placement := func(start, recorded string) string {
		return "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: " + start + "\n    recorded: " + recorded + "\n"
	}
	for _, tc := range []struct {
		name    string
		on      time.Time
		outcome string
		want    bool
	}{
		{"searching", day("2026-05-10"), "", true},
		{"placed", day("2026-05-10"), placement("2026-05-05", "2026-05-04"), false},
		{"offer bridged to its start", day("2026-08-05"), placement("2026-08-17", "2026-07-25"), true},
		{"placed from the start", day("2026-08-20"), placement("2026-08-17", "2026-07-25"), false},
		{"separated", day("2026-08-15"), "", false},
	} {
		m := base()
		m.drop("W1", "P1")
		m["cases/WS1/references.yaml"] = "references:\n  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n"
		m["cases/WS1/iep.yaml"] = "created: 2026-03-02\n"
		if tc.outcome != "" {
			m["cases/WS1/outcome.yaml"] = tc.outcome
		}
		got := map[string]int{}
		for _, f := range run(t, m, tc.on) {
			got[f.Rule]++
		}
		for _, rule := range []string{"ws-references", "ws-iep-plan", "ws-toolbox"} {
			if (got[rule] > 0) != tc.want {
				t.Errorf("%s, on %s: %s %d finding(s); want some: %v", tc.name, tc.on.Format(time.DateOnly), rule, got[rule], tc.want)
			}
			// ...and the day they fall silent, each deadline missed is
			// history: its -late warning, never both at once.
			if late := rule + "-late"; (got[late] > 0) == tc.want {
				t.Errorf("%s, on %s: %s %d finding(s); want some: %v", tc.name, tc.on.Format(time.DateOnly), late, got[late], !tc.want)
			}
		}
	}
}

func TestRuleSettings(t *testing.T) {
	m := base()
	m["cases/WS1/intake.yaml"] = strings.Replace(m["cases/WS1/intake.yaml"], "layoff_date: 2026-05-01", "layoff_date: 2026-04-01", 1)
	m["cases/caseplan.yaml"] = config + "rules:\n  ws-notice-period: {severity: error}\n  wioa-contact-interval: {enabled: false}\n"
	fs := run(t, m, time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC))
	var sev finding.Severity
	for _, f := range fs {
		if f.Rule == "wioa-contact-interval" {
			t.Errorf("disabled rule fired: %s", f)
		}
		if f.Rule == "ws-notice-period" {
			sev = f.Severity
		}
	}
	if sev != finding.Error {
		t.Errorf("ws-notice-period severity = %q, want error", sev)
	}
}

// A supervisor's waiver turns an open obligation into a warning that says
// who waived it and why, so it no longer fails CI (defect 7 of "Rules that
// are right"); validate still shows it.
func TestWaiverWaives(t *testing.T) {
	m := base()
	m["cases/caseplan.yaml"] = strings.Replace(config, "email: mrivera@example.org", "email: mrivera@example.org\n    role: supervisor", 1)
	m.edit("cases/W1/notes/2026-03-05-ab12.yaml", "two_way: true", "two_way: false")
	m["cases/W1/intake.yaml"] += "waivers:\n  - rule: wioa-first-contact\n    reason: the customer was in hospital\n    by: mrivera\n    date: 2026-03-10\n"
	var got []finding.Finding
	for _, f := range run(t, m, today) {
		if f.Rule == "wioa-first-contact" {
			got = append(got, f)
		}
		if f.Severity == finding.Error {
			t.Errorf("an error remains: %s", f)
		}
	}
	if len(got) != 1 || got[0].Severity != finding.Warning || !got[0].Waived ||
		!strings.HasSuffix(got[0].Message, "(waived by mrivera on 2026-03-10: the customer was in hospital)") {
		t.Errorf("waived finding: %v", got)
	}
}

// A waiver of a rule whose fix is a command (a retired manager, sealed
// fields) waives nothing: its finding stands, and the waiver rule says to
// remove the waiver and names the command.
func TestUnwaivableRuleNotWaived(t *testing.T) {
	m := base()
	cfg := strings.Replace(config, "email: mrivera@example.org", "email: mrivera@example.org\n    role: supervisor", 1)
	m["cases/caseplan.yaml"] = strings.Replace(cfg, "programs:", "  - id: jlee\n    name: Jo Lee\n    email: jlee@example.org\n    active: false\nprograms:", 1)
	m.edit("cases/WS1/intake.yaml", "manager: mrivera", "manager: jlee")
	m["cases/WS1/intake.yaml"] += "waivers:\n  - rule: manager-retired\n    reason: she will be back\n    by: mrivera\n    date: 2026-03-10\n"
	var retired, waiver int
	for _, f := range run(t, m, today) {
		switch f.Rule {
		case RuleManagerRetired:
			retired++
			if f.Waived || strings.Contains(f.Message, "waived by") {
				t.Errorf("manager-retired was waived: %s", f)
			}
		case "waiver":
			waiver++
			if !strings.Contains(f.Message, "waiver of manager-retired: the rule cannot be waived") || !strings.Contains(f.Message, "caseplan case transfer WS1 --to STAFF") {
				t.Errorf("waiver finding: %s", f)
			}
		}
	}
	if retired != 1 || waiver != 1 {
		t.Errorf("got %d manager-retired and %d waiver finding(s), want 1 and 1", retired, waiver)
	}
	for _, id := range []string{RuleManagerRetired, RuleSealedRecipients, RuleSealedMissing} {
		if IsWaivable(id) || RuleByID(id).Remedy == "" {
			t.Errorf("%s: waivable %v, remedy %q; want not waivable, with a remedy", id, IsWaivable(id), RuleByID(id).Remedy)
		}
	}
}

// The tickler leaves out an item whose rule the case has waived
// (casestate.RuleOf): each rule it names must be one a waiver can name.
func TestDueRulesAreObligations(t *testing.T) {
	for _, id := range casestate.DueRules {
		if !IsWaivable(id) {
			t.Errorf("casestate names rule %q for tickler items, which is not a waivable rule of validate", id)
		}
	}
}

// noteSchemaVersion is the version of this caseplan's note schema.
func noteSchemaVersion() int {
	data, err := schemas.Bytes("note")
	if err != nil {
		panic(err)
	}
	v, err := schemas.Version(data)
	if err != nil {
		panic(err)
	}
	return v
}

// TestUnreadCase: while a file of a case does not parse, the rules that
// would judge the case by what is missing from what was read wait (W1's
// only contact is in the broken note: wioa-first-contact would say there
// is none), with a warning that says so; the rules about each value read —
// the leak guard, the roster, the schema — still run on the files that
// did parse.
func TestUnreadCase(t *testing.T) {
	const broken = "cases/W1/notes/2026-03-05-ab12.yaml"
	const other = "cases/W1/notes/2026-03-06-cd34.yaml"
	m := base()
	m.edit(broken, "mode: phone", " mode: phone")
	m[other] = "id: 2026-03-06-cd34\ndate: 2026-03-06\nauthor: nobody\nkind: contact\nmode: loud\ntwo_way: true\ncontent: SSN 123456789 given\n"
	got := map[string][]finding.Finding{}
	for _, f := range run(t, m, today) {
		if f.Case == "W1" {
			got[f.Rule] = append(got[f.Rule], f)
		}
	}
	for _, want := range []struct{ rule, at string }{
		{"yaml-syntax", broken + ":5:"},
		{RuleSchema, other + ":5:"},
		{RulePIISSN, other + ":7:"},
		{"unknown-staff", other + ":3:"},
		{RuleChecksWaiting, "cases/W1: warning checks-waiting: "},
	} {
		if fs := got[want.rule]; len(fs) != 1 || !strings.HasPrefix(fs[0].String(), want.at) {
			t.Errorf("%s: want one finding at %s, got %v", want.rule, want.at, fs)
		}
	}
	for rule, fs := range got {
		if r := RuleByID(rule); r != nil && !r.Local && rule != RuleChecksWaiting {
			t.Errorf("rule %s, which waits for the unread note, ran: %v", rule, fs)
		}
	}
	if fs := got[RuleChecksWaiting]; len(fs) == 1 && (fs[0].Severity != finding.Warning || !strings.Contains(fs[0].Message, broken)) {
		t.Errorf("the warning is %s", fs[0])
	}
	// The note intact, the case is judged whole, and nothing waits.
	m = base()
	for _, f := range run(t, m, today) {
		if f.Rule == RuleChecksWaiting {
			t.Errorf("a case whose files all read: %s", f)
		}
	}
}

// An entry dated in another week is refused with the commands that move
// it: activity add with the entry's own values, which starts the week
// when the case has none (edit does not), and the edit that takes it out.
func TestActivityWeekHintMovesEntry(t *testing.T) {
	m := base()
	m["cases/W1/activity/2026-W11.yaml"] = "week: 2026-W11\napplications:\n  - id: AP-7QX2K\n    date: 2026-03-20\n    organization: Example Clinic\n    position: CNA\n    internal: false\n    status: rejected\n    feedback: \"Position filled; reposted in May\"\n"
	var got []finding.Finding
	for _, f := range run(t, m, today) {
		if f.Rule == "activity-week" {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("want one activity-week finding, got %v", got)
	}
	want := "move it: caseplan activity add W1 --date 2026-03-20 --kind application --org 'Example Clinic' --position CNA --internal=false --status rejected --feedback 'Position filled; reposted in May' logs it in 2026-W12 (with an ID of its own), then take it out of 2026-W11: caseplan edit W1 activity/2026-W11"
	if got[0].Hint != want {
		t.Errorf("hint:\ngot  %s\nwant %s", got[0].Hint, want)
	}
}

// A number where text belongs — a grade typed 054, a skill typed 42 — is
// refused with the hint to quote it as it was typed: the value read (54)
// has lost the leading zero the person typed.
func TestQuoteTextAsTyped(t *testing.T) {
	m := base()
	m["cases/WS1/intake.yaml"] += "  grade: 054\nskills:\n  - typing\n  - 0042\n"
	want := map[string]string{
		"layoff, grade": `put the value in quotes, as typed, to keep it as text: grade: "054"`,
		"skills item 2": `put the value in quotes, as typed, to keep it as text: - "0042"`,
	}
	for _, f := range run(t, m, today) {
		if f.Rule != RuleSchema {
			continue
		}
		field, _, _ := strings.Cut(f.Message, ": must be text")
		if hint, ok := want[field]; ok {
			if f.Hint != hint {
				t.Errorf("%s: hint\ngot  %s\nwant %s", f.Message, f.Hint, hint)
			}
			delete(want, field)
		}
	}
	for field := range want {
		t.Errorf("no schema finding for %s", field)
	}
}
