package merge

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
)

const planPath = "cases/2026-T3ST1/iep.yaml"

// TestRandomPlans merges random concurrent edits of a generated iep.yaml:
// from one base, each side makes a random sequence of the changes the
// iep commands make (goals, objectives, plan services, milestones, next
// steps, reviews, job targets; done dates, rewordings, removals). The
// merge must
//
//   - be a record file with no schema error its inputs lack, in the
//     canonical form (checkResult), and obey the merge laws (checkLaws);
//   - hold every item theirs added, and every item ours added unless it
//     was inside an item theirs removed, when it is in that conflict's Ours;
//   - drop an item either side removed, unless the other side changed it,
//     when theirs' version stands (and the conflict is reported);
//   - give each goal's and next step's fields the three-way result: the
//     side that changed it, or theirs and a conflict when both did;
//   - find the same conflicts with the sides swapped, and the same record
//     when theirs has hand comments.
//
// New items get IDs unique to their side, as the random IDs of issue 10
// item 3 will be (G1001... for ours, G2001... for theirs).
func TestRandomPlans(t *testing.T) {
	runs := 150
	if testing.Short() {
		runs = 20
	}
	for seed := range uint64(runs) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 0x6d65726765))
			base := randomPlan(rng)
			ours, theirs := clonePlan(base), clonePlan(base)
			oe := &editSide{rng: rng, plan: ours, prefix: 1, staff: "alucero"}
			te := &editSide{rng: rng, plan: theirs, prefix: 2, staff: "mbell"}
			for range rng.IntN(10) + 1 {
				oe.randomEdit()
			}
			for range rng.IntN(10) + 1 {
				te.randomEdit()
			}
			b, o, th := marshalPlan(t, base), marshalPlan(t, ours), marshalPlan(t, theirs)
			got, err := Record(planPath, b, o, th)
			if err != nil {
				t.Fatalf("Record: %v\nours edits: %s\ntheirs edits: %s", err, oe.log, te.log)
			}
			defer func() {
				if t.Failed() {
					t.Logf("ours edits: %s\ntheirs edits: %s\nmerged:\n%s", oe.log, te.log, got.Data)
				}
			}()
			checkResult(t, planPath, got.Data, b, o, th)
			checkLaws(t, planPath, b, o, th)
			merged := decodePlan(t, got.Data)
			checkAdded(t, merged, got.Conflicts, oe, te)
			checkRemoved(t, base, ours, theirs, merged)
			checkFields(t, base, ours, theirs, merged, got.Conflicts)

			swapped, err := Record(planPath, b, th, o)
			if err != nil {
				t.Fatalf("Record with the sides swapped: %v", err)
			}
			if a, b := conflictPaths(got.Conflicts), conflictPaths(swapped.Conflicts); !slices.Equal(a, b) {
				t.Errorf("conflicts at %q, but with the sides swapped at %q", a, b)
			}

			commented := commentPlan(th)
			hand, err := Record(planPath, b, o, commented)
			if err != nil {
				t.Fatalf("Record with theirs commented: %v", err)
			}
			if !sameRecord(t, planPath, hand.Data, got.Data) || !slices.Equal(conflictPaths(hand.Conflicts), conflictPaths(got.Conflicts)) {
				t.Errorf("with theirs commented the merge is\n%s\nwant the record\n%s", hand.Data, got.Data)
			}
			for _, c := range []string{"# Plan agreed at intake.", "# the day it was written"} {
				if !bytes.Contains(hand.Data, []byte(c)) {
					t.Errorf("theirs' comment %q is gone:\n%s", c, hand.Data)
				}
			}
		})
	}
}

func randomPlan(rng *rand.Rand) *record.IEP {
	p := &record.IEP{Created: "2026-01-14", Vision: "Keep a budget role at Northfield"}
	for i := range rng.IntN(4) {
		p.Services = append(p.Services, record.PlanService{ID: fmt.Sprintf("S%d", i+1), Name: pick(rng, serviceNames), Code: "job-search"})
	}
	for i := range rng.IntN(4) + 1 {
		g := record.Goal{ID: fmt.Sprintf("G%d", i+1), Term: pick(rng, []string{"short", "long"}), Text: pick(rng, goalTexts), Status: "active"}
		for j := range rng.IntN(3) {
			g.Milestones = append(g.Milestones, record.Milestone{ID: fmt.Sprintf("M%d%d", i+1, j+1), Text: pick(rng, milestoneTexts), Due: randomDate(rng)})
		}
		for j := range rng.IntN(2) {
			o := record.Objective{ID: fmt.Sprintf("O%d%d", i+1, j+1), Text: pick(rng, objectiveTexts)}
			for _, s := range p.Services {
				if rng.IntN(2) == 0 {
					o.Services = append(o.Services, s.ID)
				}
			}
			g.Objectives = append(g.Objectives, o)
		}
		p.Goals = append(p.Goals, g)
	}
	for i := range rng.IntN(4) {
		p.NextSteps = append(p.NextSteps, record.NextStep{ID: fmt.Sprintf("N%d", i+1), Owner: "participant", Text: pick(rng, stepTexts), Due: randomDate(rng)})
	}
	for range rng.IntN(3) {
		p.Reviews = append(p.Reviews, record.Review{Date: randomDate(rng), By: "tvance", Summary: pick(rng, reviewTexts)})
	}
	return p
}

var (
	goalTexts      = []string{"Be placed by the end of the work security period", "Move into a finance manager role", "Finish a reporting certificate", "Keep the new job through probation"}
	milestoneTexts = []string{"Final resume reviewed", "Three references briefed", "First internal interview", "Certificate exam passed"}
	objectiveTexts = []string{"Finish the toolbox", "Apply to every relevant posting each week", "Interview with confidence"}
	stepTexts      = []string{"Send the updated resume", "Ask HR for the position history", "Book the case conference", "Call the union representative"}
	reviewTexts    = []string{"Plan kept", "Two interviews so far", "Targets widened to external postings"}
	serviceNames   = []string{"Toolbox review", "Mock interviews", "Job development", "Excel for Financial Reporting"}
	jobTitles      = []string{"Department Administrator", "Financial Associate", "Grants Specialist", "Payroll Coordinator"}
)

func pick(rng *rand.Rand, from []string) string { return from[rng.IntN(len(from))] }

func randomDate(rng *rand.Rand) record.Date {
	return record.Date(fmt.Sprintf("2026-%02d-%02d", rng.IntN(12)+1, rng.IntN(28)+1))
}

func clonePlan(p *record.IEP) *record.IEP {
	var c record.IEP
	data, _ := record.Marshal(planPath, p)
	doc, _ := load.Parse(planPath, data)
	if err := doc.Decode(&c); err != nil {
		panic(err)
	}
	return &c
}

func marshalPlan(t *testing.T, p *record.IEP) []byte {
	t.Helper()
	data, err := record.Marshal(planPath, p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func decodePlan(t *testing.T, data []byte) *record.IEP {
	t.Helper()
	doc, fs := load.Parse(planPath, data)
	if len(fs) > 0 {
		t.Fatalf("%v", fs)
	}
	var p record.IEP
	if err := doc.Decode(&p); err != nil {
		t.Fatal(err)
	}
	return &p
}

// commentPlan is data with comments a person might add by hand.
func commentPlan(data []byte) []byte {
	s := strings.Replace(string(data), "\ncreated: ", "\n# Plan agreed at intake.\ncreated: ", 1)
	s = strings.Replace(s, "created: 2026-01-14\n", "created: 2026-01-14 # the day it was written\n", 1)
	return []byte(s)
}

// editSide makes random edits to one side's plan and remembers what it
// added.
type editSide struct {
	rng    *rand.Rand
	plan   *record.IEP
	prefix int // 1 for ours, 2 for theirs: the first digit of new IDs
	staff  string
	n      int
	log    []string

	addedIDs     []string // goals, objectives, milestones, services, next steps
	addedReviews []record.Review
	addedTargets []string
}

func (e *editSide) newID(letter string) string {
	e.n++
	id := fmt.Sprintf("%s%d%03d", letter, e.prefix, e.n)
	e.addedIDs = append(e.addedIDs, id)
	return id
}

func (e *editSide) randomEdit() {
	p, rng := e.plan, e.rng
	goal := func() *record.Goal {
		if len(p.Goals) == 0 {
			return nil
		}
		return &p.Goals[rng.IntN(len(p.Goals))]
	}
	switch rng.IntN(14) {
	case 0:
		g := record.Goal{ID: e.newID("G"), Term: "long", Text: pick(rng, goalTexts), Status: "active"}
		p.Goals = append(p.Goals, g)
		e.log = append(e.log, "add goal "+g.ID)
	case 1:
		if g := goal(); g != nil {
			g.Text = pick(rng, goalTexts) + fmt.Sprintf(" (side %d)", e.prefix)
			e.log = append(e.log, "reword goal "+g.ID)
		}
	case 2:
		if g := goal(); g != nil {
			g.Target = randomDate(rng)
			e.log = append(e.log, "move goal "+g.ID)
		}
	case 3:
		if g := goal(); g != nil {
			g.Status = pick(rng, []string{"achieved", "dropped"})
			e.log = append(e.log, "goal "+g.ID+" "+g.Status)
		}
	case 4:
		if len(p.Goals) > 0 {
			i := rng.IntN(len(p.Goals))
			e.log = append(e.log, "remove goal "+p.Goals[i].ID)
			p.Goals = slices.Delete(p.Goals, i, i+1)
		}
	case 5:
		if g := goal(); g != nil {
			m := record.Milestone{ID: e.newID("M"), Text: pick(rng, milestoneTexts), Due: randomDate(rng)}
			g.Milestones = append(g.Milestones, m)
			e.log = append(e.log, "add milestone "+m.ID+" to "+g.ID)
		}
	case 6:
		if g := goal(); g != nil && len(g.Milestones) > 0 {
			m := &g.Milestones[rng.IntN(len(g.Milestones))]
			m.Done = randomDate(rng)
			e.log = append(e.log, "milestone "+m.ID+" done")
		}
	case 7:
		s := record.NextStep{ID: e.newID("N"), Owner: pick(rng, []string{"participant", "manager"}), Text: pick(rng, stepTexts)}
		p.NextSteps = append(p.NextSteps, s)
		e.log = append(e.log, "add step "+s.ID)
	case 8:
		if len(p.NextSteps) > 0 {
			s := &p.NextSteps[rng.IntN(len(p.NextSteps))]
			s.Done = randomDate(rng)
			e.log = append(e.log, "step "+s.ID+" done")
		}
	case 9:
		if len(p.NextSteps) > 0 {
			i := rng.IntN(len(p.NextSteps))
			e.log = append(e.log, "remove step "+p.NextSteps[i].ID)
			p.NextSteps = slices.Delete(p.NextSteps, i, i+1)
		}
	case 10:
		r := record.Review{Date: randomDate(rng), By: e.staff, Summary: pick(rng, reviewTexts) + fmt.Sprintf(" (%d)", e.prefix)}
		p.Reviews = append(p.Reviews, r)
		e.addedReviews = append(e.addedReviews, r)
		e.log = append(e.log, "review "+string(r.Date))
	case 11:
		title := pick(rng, jobTitles) + fmt.Sprintf(" %d", e.prefix)
		if !slices.ContainsFunc(p.JobTargets, func(j record.JobTarget) bool { return j.Title == title }) {
			p.JobTargets = append(p.JobTargets, record.JobTarget{Title: title, Scope: "both"})
			e.addedTargets = append(e.addedTargets, title)
			e.log = append(e.log, "target "+title)
		}
	case 12:
		s := record.PlanService{ID: e.newID("S"), Name: pick(rng, serviceNames), Code: "training"}
		p.Services = append(p.Services, s)
		e.log = append(e.log, "add service "+s.ID)
		if g := goal(); g != nil && len(g.Objectives) > 0 {
			o := &g.Objectives[rng.IntN(len(g.Objectives))]
			o.Services = append(o.Services, s.ID)
			e.log = append(e.log, "link "+s.ID+" to "+o.ID)
		}
	case 13:
		if g := goal(); g != nil {
			o := record.Objective{ID: e.newID("O"), Text: pick(rng, objectiveTexts)}
			g.Objectives = append(g.Objectives, o)
			e.log = append(e.log, "add objective "+o.ID+" to "+g.ID)
		}
	}
}

// planIDs returns every ID in the plan, with what holds it.
func planIDs(p *record.IEP) map[string]bool {
	ids := map[string]bool{}
	for _, g := range p.Goals {
		ids[g.ID] = true
		for _, o := range g.Objectives {
			ids[o.ID] = true
		}
		for _, m := range g.Milestones {
			ids[m.ID] = true
		}
	}
	for _, s := range p.Services {
		ids[s.ID] = true
	}
	for _, s := range p.NextSteps {
		ids[s.ID] = true
	}
	return ids
}

func checkAdded(t *testing.T, merged *record.IEP, conflicts []Conflict, ours, theirs *editSide) {
	t.Helper()
	have := planIDs(merged)
	inOurs := func(id string) bool {
		return slices.ContainsFunc(conflicts, func(c Conflict) bool {
			// An item is quoted on one line: {id: O1002, text: ...}.
			return regexp.MustCompile(`\bid: ` + regexp.QuoteMeta(id) + `\b`).MatchString(c.Ours)
		})
	}
	for _, id := range theirs.addedIDs {
		if !have[id] && stillThere(theirs.plan, id) {
			t.Errorf("theirs added %s; the merge lost it", id)
		}
	}
	for _, id := range ours.addedIDs {
		if !have[id] && stillThere(ours.plan, id) && !inOurs(id) {
			t.Errorf("ours added %s; the merge lost it without a conflict", id)
		}
	}
	for _, side := range []*editSide{ours, theirs} {
		for _, r := range side.addedReviews {
			if !slices.Contains(merged.Reviews, r) {
				t.Errorf("review %v added by side %d is lost", r, side.prefix)
			}
		}
		for _, title := range side.addedTargets {
			if !slices.ContainsFunc(merged.JobTargets, func(j record.JobTarget) bool { return j.Title == title }) {
				t.Errorf("job target %q added by side %d is lost", title, side.prefix)
			}
		}
	}
}

// stillThere reports whether the side's final plan holds id: a side may
// remove what it added.
func stillThere(p *record.IEP, id string) bool { return planIDs(p)[id] }

// checkRemoved checks goals and next steps a side removed.
func checkRemoved(t *testing.T, base, ours, theirs, merged *record.IEP) {
	t.Helper()
	goal := func(p *record.IEP, id string) *record.Goal {
		for i := range p.Goals {
			if p.Goals[i].ID == id {
				return &p.Goals[i]
			}
		}
		return nil
	}
	step := func(p *record.IEP, id string) *record.NextStep {
		for i := range p.NextSteps {
			if p.NextSteps[i].ID == id {
				return &p.NextSteps[i]
			}
		}
		return nil
	}
	for _, bg := range base.Goals {
		og, tg, mg := goal(ours, bg.ID), goal(theirs, bg.ID), goal(merged, bg.ID)
		if og != nil && tg != nil {
			continue // checkFields
		}
		want := wantAfterRemoval(&bg, tg)
		if (want == nil) != (mg == nil) || want != nil && !reflect.DeepEqual(*want, *mg) {
			t.Errorf("goal %s: merged %+v, want %+v", bg.ID, mg, want)
		}
	}
	for _, bs := range base.NextSteps {
		os, ts, ms := step(ours, bs.ID), step(theirs, bs.ID), step(merged, bs.ID)
		if os != nil && ts != nil {
			continue // checkFields
		}
		want := wantAfterRemoval(&bs, ts)
		if (want == nil) != (ms == nil) || want != nil && !reflect.DeepEqual(*want, *ms) {
			t.Errorf("next step %s: merged %+v, want %+v", bs.ID, ms, want)
		}
	}
}

// wantAfterRemoval is what the merge holds of an item base has (b) and a
// side removed, given theirs' version (t, nil if theirs removed it):
// nothing if theirs removed it or left it alone, theirs' version if ours
// removed it and theirs changed it.
func wantAfterRemoval[T any](b, t *T) *T {
	if t == nil || reflect.DeepEqual(*b, *t) {
		return nil
	}
	return t
}

// checkFields checks the fields of the goals and next steps all three
// versions have.
func checkFields(t *testing.T, base, ours, theirs, merged *record.IEP, conflicts []Conflict) {
	t.Helper()
	conflict := func(path ...string) bool {
		return slices.ContainsFunc(conflicts, func(c Conflict) bool { return slices.Equal(c.Path, path) })
	}
	want3 := func(what string, path []string, b, o, th, m any) {
		var want any
		switch {
		case reflect.DeepEqual(o, th), reflect.DeepEqual(b, o):
			want = th
		case reflect.DeepEqual(b, th):
			want = o
		default:
			want = th
			if !conflict(path...) {
				t.Errorf("%s: changed on both sides (%v, %v) with no conflict at %q", what, o, th, path)
			}
		}
		if !reflect.DeepEqual(m, want) {
			t.Errorf("%s = %v, want %v (base %v, ours %v, theirs %v)", what, m, want, b, o, th)
		}
	}
	index := func(p *record.IEP) (map[string]record.Goal, map[string]record.NextStep) {
		gs, ss := map[string]record.Goal{}, map[string]record.NextStep{}
		for _, g := range p.Goals {
			gs[g.ID] = g
		}
		for _, s := range p.NextSteps {
			ss[s.ID] = s
		}
		return gs, ss
	}
	bg, bs := index(base)
	og, os := index(ours)
	tg, ts := index(theirs)
	mg, ms := index(merged)
	for id, b := range bg {
		o, ok1 := og[id]
		th, ok2 := tg[id]
		m, ok3 := mg[id]
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		want3("goal "+id+" text", []string{"goals", id, "text"}, b.Text, o.Text, th.Text, m.Text)
		want3("goal "+id+" target", []string{"goals", id, "target"}, b.Target, o.Target, th.Target, m.Target)
		want3("goal "+id+" status", []string{"goals", id, "status"}, b.Status, o.Status, th.Status, m.Status)
	}
	for id, b := range bs {
		o, ok1 := os[id]
		th, ok2 := ts[id]
		m, ok3 := ms[id]
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		want3("next step "+id+" done", []string{"next_steps", id, "done"}, b.Done, o.Done, th.Done, m.Done)
	}
}
