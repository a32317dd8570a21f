package cli

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/store/storetest"
)

// generatedStore writes a store of n cases across the three program kinds,
// made from a fixed seed so that every run is the same store. It is made
// for the agreement test: its cases are in every phase over 2026 and the
// first half of 2027 — notified, in work security, extended, placed,
// separated; assessed, planned, exited into follow-up; active and after
// cash assistance; closed with follow-ups still planned — and hold every
// kind of thing that can fall due, among them milestones of goals that were
// achieved or dropped and so are not due any more, action items closed in
// the plan and references whose permission was withdrawn.
func generatedStore(n int) storetest.MemStore {
	r := rand.New(rand.NewPCG(7, 2026))
	m := storetest.MemStore{"cases/caseplan.yaml": generatedConfig}
	for i := range n {
		genCase(m, r, i)
	}
	return m
}

const generatedConfig = `organization: Generated Workforce Board
staff:
  - id: mbell
    name: Marcus Bell
    email: mbell@example.org
  - id: alucero
    name: Ana Lucero
    email: alucero@example.org
  - id: dshah
    name: Devika Shah
    email: dshah@example.org
programs:
  work-security:
    kind: work-security
  wioa:
    kind: wioa
  post-employment:
    kind: post-employment
`

// genDay is the generator's day zero; every date it writes is a number of
// days from it.
var genDay = time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)

func gd(days int) string { return genDay.AddDate(0, 0, days).Format(time.DateOnly) }

// genCase writes case number i.
func genCase(m storetest.MemStore, r *rand.Rand, i int) {
	id := fmt.Sprintf("G-%03d", i)
	dir := "cases/" + id + "/"
	program := []string{"work-security", "wioa", "post-employment"}[i%3]
	opened := r.IntN(480) // 2025-10-01 to early 2027
	manager := []string{"mbell", "alucero", "dshah"}[r.IntN(3)]
	closed := i%7 == 3
	closedOn := opened + 60 + r.IntN(200)

	var in strings.Builder
	fmt.Fprintf(&in, "id: %s\nopened: %s\nprogram: %s\nstatus: %s\nmanager: %s\nparticipant:\n  name: Person %d\n",
		id, gd(opened), program, map[bool]string{true: "closed", false: "open"}[closed], manager, i)
	var out strings.Builder
	placed, exited := false, 0
	switch program {
	case "work-security":
		notice := opened - r.IntN(5)
		layoff := notice + 30 + r.IntN(45)
		fmt.Fprintf(&in, "layoff:\n  notice_date: %s\n  layoff_date: %s\n", gd(notice), gd(layoff))
		switch r.IntN(4) {
		case 0: // extended past the work security period
			fmt.Fprintf(&out, "extensions:\n  - requested: %s\n    decided: %s\n    decision: approved\n    by: Joint committee\n    until: %s\n",
				gd(layoff+80), gd(layoff+85), gd(layoff+90+r.IntN(80)))
		case 1: // placed
			placed = true
			start := layoff + r.IntN(100)
			fmt.Fprintf(&out, "placement:\n  employer: Employer %d\n  position: Clerk\n  start: %s\n", i, gd(start))
			fmt.Fprintf(&out, "follow_ups:\n  - due: %s\n", gd(start+30))
			if r.IntN(2) == 0 {
				fmt.Fprintf(&out, "    done: %s\n    employed: true\n", gd(start+31))
			}
			fmt.Fprintf(&out, "  - due: %s\n", gd(start+90))
		}
		var refs strings.Builder
		for k := range r.IntN(4) {
			fmt.Fprintf(&refs, "  - name: Reference %d\n    relationship: former supervisor\n", k)
			if r.IntN(3) > 0 {
				fmt.Fprintf(&refs, "    permission: %s\n", gd(opened+k*5))
				if r.IntN(4) == 0 {
					fmt.Fprintf(&refs, "    withdrawn: %s\n", gd(opened+k*5+20+r.IntN(60)))
				}
			}
		}
		if refs.Len() > 0 {
			m[dir+"references.yaml"] = "references:\n" + refs.String()
		}
	case "wioa":
		if r.IntN(4) > 0 {
			fmt.Fprintf(&in, "assessments:\n  - tool: Interest profiler\n    date: %s\n", gd(opened+3))
		}
		if r.IntN(3) == 0 {
			exited = opened + 60 + r.IntN(200)
			fmt.Fprintf(&in, "exited: %s\n", gd(exited))
			if r.IntN(2) == 0 { // one quarter's follow-up planned, one not
				fmt.Fprintf(&out, "follow_ups:\n  - due: %s\n", gd(exited+200))
			}
		}
	case "post-employment":
		if r.IntN(2) == 0 {
			fmt.Fprintf(&in, "cash_assistance_ended: %s\n", gd(opened+r.IntN(120)))
		}
	}
	if closed {
		if !strings.Contains(out.String(), "follow_ups:") {
			// a closed case with a follow-up still planned after it
			fmt.Fprintf(&out, "follow_ups:\n  - due: %s\n", gd(closedOn+45))
			if r.IntN(3) == 0 {
				fmt.Fprintf(&out, "  - due: %s\n    done: %s\n", gd(closedOn+20), gd(closedOn+21))
			}
		}
		reason := "withdrew"
		if placed {
			reason = "placed"
		}
		fmt.Fprintf(&out, "closure:\n  date: %s\n  reason: %s\n", gd(closedOn), reason)
	}
	m[dir+"intake.yaml"] = in.String()
	if out.Len() > 0 {
		m[dir+"outcome.yaml"] = out.String()
	}
	actions := genNotes(m, r, dir, opened, manager)
	m[dir+"iep.yaml"] = genPlan(r, i, program, opened, actions)
	if r.IntN(3) == 0 {
		m[dir+"services.yaml"] = fmt.Sprintf("referrals:\n  - id: R1\n    service: Child care\n    provider: Resource Center\n    referred: %s\n    status: %s\n",
			gd(opened+10), []string{"referred", "accepted", "in-progress", "completed"}[r.IntN(4)])
	}
}

// genPlan writes a plan with goals of every status, their milestones, the
// plan's services, next steps, reviews, some of the notes' action items
// marked done or dropped and, for post-employment, benefits.
func genPlan(r *rand.Rand, i int, program string, opened int, actions []noteAction) string {
	var p strings.Builder
	fmt.Fprintf(&p, "created: %s\n", gd(opened))
	if r.IntN(5) == 0 {
		return p.String() // an empty plan, as case new writes it
	}
	ms, steps := 0, 0
	p.WriteString("goals:\n")
	for g := range 1 + r.IntN(3) {
		status := []string{"active", "active", "achieved", "dropped"}[r.IntN(4)]
		if g == 1 && i%4 == 1 {
			status = "dropped" // a dropped goal with open milestones: not due
		}
		fmt.Fprintf(&p, "  - id: G%d\n    term: short\n    text: Goal %d\n    status: %s\n", g+1, g+1, status)
		fmt.Fprintf(&p, "    objectives:\n      - id: O%d\n        text: Objective\n        services: [S1]\n", g+1)
		p.WriteString("    milestones:\n")
		for range 1 + r.IntN(3) {
			ms++
			fmt.Fprintf(&p, "      - id: M%d\n        text: Milestone %d\n        due: %s\n", ms, ms, gd(opened+10+r.IntN(300)))
			if r.IntN(3) == 0 {
				fmt.Fprintf(&p, "        done: %s\n", gd(opened+5+r.IntN(200)))
			}
		}
	}
	fmt.Fprintf(&p, "services:\n  - id: S1\n    name: Job search\n    code: job-search\n    start: %s\n", gd(opened+5))
	if r.IntN(2) == 0 {
		fmt.Fprintf(&p, "    end: %s\n", gd(opened+60+r.IntN(200)))
	}
	p.WriteString("next_steps:\n")
	for range 1 + r.IntN(3) {
		steps++
		fmt.Fprintf(&p, "  - id: N%d\n    owner: %s\n    text: Step %d\n", steps, []string{"participant", "manager"}[r.IntN(2)], steps)
		if r.IntN(4) > 0 {
			fmt.Fprintf(&p, "    due: %s\n", gd(opened+5+r.IntN(250)))
		}
		if r.IntN(3) == 0 {
			fmt.Fprintf(&p, "    done: %s\n", gd(opened+5+r.IntN(100)))
		}
	}
	if r.IntN(2) == 0 {
		fmt.Fprintf(&p, "reviews:\n  - date: %s\n    by: mbell\n", gd(opened+30+r.IntN(150)))
	}
	var closed strings.Builder
	for _, a := range actions {
		if r.IntN(3) == 0 {
			fmt.Fprintf(&closed, "  - note: %s\n    item: 1\n    status: %s\n    date: %s\n", a.note, []string{"done", "dropped"}[r.IntN(2)], gd(a.day+r.IntN(40)))
		}
	}
	if closed.Len() > 0 {
		p.WriteString("action_items:\n" + closed.String())
	}
	if program == "post-employment" {
		p.WriteString("self_sufficiency:\n  plan: Keep the job\n  benefits:\n")
		for b := range 1 + r.IntN(3) {
			fmt.Fprintf(&p, "    - name: Benefit %d\n      renewal: %s\n      status: %s\n", b+1, gd(opened+30+r.IntN(400)),
				[]string{"active", "active", "pending", "lapsed", "ended"}[r.IntN(5)])
		}
	}
	return p.String()
}

// noteAction is a note's first action item, which the plan may close.
type noteAction struct {
	note string
	day  int
}

// genNotes writes notes: contacts and one-way notes, some with an action
// item, which the note itself or an amendment may close (or the plan:
// genNotes returns them).
func genNotes(m storetest.MemStore, r *rand.Rand, dir string, opened int, author string) []noteAction {
	var actions []noteAction
	day := opened
	for k := range r.IntN(8) {
		day += 1 + r.IntN(40)
		id := fmt.Sprintf("%s-n%03d", gd(day), k)
		var n strings.Builder
		fmt.Fprintf(&n, "id: %s\ndate: %s\nauthor: %s\n", id, gd(day), author)
		if r.IntN(3) > 0 {
			n.WriteString("kind: contact\nmode: phone\ntwo_way: true\nservices: [job-search]\n")
		} else {
			n.WriteString("kind: other\nmode: email\n")
		}
		n.WriteString("content: Talked\n")
		hasAction := r.IntN(2) == 0
		if hasAction {
			fmt.Fprintf(&n, "actions:\n  - owner: participant\n    text: Apply to two postings\n    due: %s\n", gd(day+3+r.IntN(30)))
			if r.IntN(5) == 0 {
				fmt.Fprintf(&n, "    done: %s\n", gd(day+2))
			}
		}
		m[dir+"notes/"+id+".yaml"] = n.String()
		if hasAction {
			actions = append(actions, noteAction{id, day})
		}
		if hasAction && r.IntN(4) == 0 {
			aid := fmt.Sprintf("%s-a%03d", gd(day+1), k)
			m[dir+"notes/"+aid+".yaml"] = fmt.Sprintf("id: %s\ndate: %s\nauthor: %s\nkind: amendment\nmode: none\namends: %s\nactions:\n  - owner: participant\n    text: Apply to two postings\n    done: %s\n",
				aid, gd(day+1), author, id, gd(day+1))
		}
	}
	return actions
}
