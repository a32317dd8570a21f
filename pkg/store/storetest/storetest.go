// Package storetest is for tests of the packages that read a store: a store
// held in memory, written as a map literal of the files it holds, and the
// helpers that load such fixtures. No command imports it.
package storetest

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/store"
)

// MemStore is a store.Source held in memory: repository-relative path ->
// file content. Directories are implied by the paths below them.
type MemStore map[string]string

// ReadFile returns name's content, or fs.ErrNotExist.
func (m MemStore) ReadFile(name string) ([]byte, error) {
	if s, ok := m[name]; ok {
		return []byte(s), nil
	}
	return nil, fs.ErrNotExist
}

// List lists dir's entries sorted by name: the files directly in it and
// the directories the deeper paths imply. A missing dir lists nothing.
func (m MemStore) List(dir string) ([]store.Entry, error) {
	seen := map[string]store.Entry{}
	for p, s := range m {
		rest, ok := strings.CutPrefix(p, dir+"/")
		if !ok {
			continue
		}
		name, _, isDir := strings.Cut(rest, "/")
		e := store.Entry{Name: name, IsDir: isDir}
		if !isDir {
			e.Size = int64(len(s))
		}
		seen[name] = e
	}
	var out []store.Entry
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Load loads src and fails the test if it cannot, or if any record does
// not load cleanly: a fixture that is not what it claims proves nothing.
func Load(t testing.TB, src store.Source) *casefile.Snapshot {
	t.Helper()
	snap, loaded, err := store.Load(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range loaded {
		t.Fatalf("fixture does not load: %s", f)
	}
	return snap
}

// Day is the date s (YYYY-MM-DD) at midnight UTC. It panics on anything
// else: fixtures' dates are constants, and a typo must not pass as a date.
func Day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Edit replaces the first old in the file at p with new, and panics when
// the file does not hold old: a fixture edit that misses proves nothing.
func (m MemStore) Edit(p, old, new string) {
	if !strings.Contains(m[p], old) {
		panic(fmt.Sprintf("%s does not contain %q", p, old))
	}
	m[p] = strings.Replace(m[p], old, new, 1)
}

const threeProgramsConfig = `organization: Test Board
staff:
  - id: mrivera
    name: Maria Rivera
    email: mrivera@example.org
  - id: aadmin
    name: Ada Admin
    email: aadmin@example.org
    role: admin
programs:
  ws:
    kind: work-security
  wioa:
    kind: wioa
  pe:
    kind: post-employment
`

// ThreePrograms returns a store with one valid case of each program kind
// as of 2026-03-16: WS1 (work security, layoff 2026-05-01), W1 (WIOA, a
// plan with a goal, objective, milestone and service) and P1
// (post-employment, a self-sufficiency plan with its contingencies). It
// is the shared base of the rule and calendar tests.
func ThreePrograms() MemStore {
	return MemStore{
		"cases/caseplan.yaml": threeProgramsConfig,
		"cases/WS1/intake.yaml": `id: WS1
opened: 2026-03-02
program: ws
status: open
manager: mrivera
participant:
  name: Sam Sample
layoff:
  notice_date: 2026-03-02
  layoff_date: 2026-05-01
`,
		"cases/WS1/iep.yaml": "created: 2026-03-02\n",
		"cases/WS1/notes/2026-03-03-in01.yaml": `id: 2026-03-03-in01
date: 2026-03-03
author: mrivera
kind: intake
mode: in-person
two_way: true
services: [assessment]
content: Intake meeting; agreed weekly check-ins
`,
		"cases/WS1/notes/2026-03-12-ck01.yaml": `id: 2026-03-12-ck01
date: 2026-03-12
author: mrivera
kind: contact
mode: phone
two_way: true
services: [job-search]
content: Weekly check-in
`,
		"cases/WS1/activity/2026-W11.yaml": `week: 2026-W11
applications:
  - date: 2026-03-10
    organization: Facilities
    position: Office coordinator
    status: applied
`,
		"cases/W1/intake.yaml": `id: W1
opened: 2026-03-02
program: wioa
status: open
manager: mrivera
participant:
  name: Ana Example
`,
		"cases/W1/iep.yaml": `created: 2026-03-02
goals:
  - id: G1
    term: short
    text: Certified nursing assistant
    objectives:
      - id: O1
        text: Earn the CNA certificate
        services: [S1]
    milestones:
      - id: M1
        text: Enrol in CNA training
        due: 2026-04-01
services:
  - id: S1
    name: CNA training
    code: training
    start: 2026-04-01
    end: 2026-06-30
`,
		"cases/W1/notes/2026-03-05-ab12.yaml": `id: 2026-03-05-ab12
date: 2026-03-05
author: mrivera
kind: contact
mode: phone
two_way: true
services: [career-counseling]
content: Discussed training options
`,
		"cases/P1/intake.yaml": `id: P1
opened: 2026-03-02
program: pe
status: open
manager: mrivera
participant:
  name: Lee Example
`,
		"cases/P1/iep.yaml": `created: 2026-03-02
self_sufficiency:
  plan: Keep the job and move to full time
  contingency:
    child_care: Grandmother covers sick days
    transportation: Bus pass; a co-worker as backup ride
    crisis: Call the navigator; emergency fund referral
`,
	}
}
