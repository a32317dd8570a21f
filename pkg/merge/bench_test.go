package merge

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
)

// BenchmarkLargePlan merges a plan of 200 goals (about 60 kB, far more
// than a real plan) where each side changed 20 goals and added 10.
func BenchmarkLargePlan(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	base := &record.IEP{Created: "2026-01-14"}
	for i := range 200 {
		g := record.Goal{ID: fmt.Sprintf("G%d", i+1), Term: "short", Text: pick(rng, goalTexts)}
		for j := range 3 {
			g.Milestones = append(g.Milestones, record.Milestone{ID: fmt.Sprintf("M%d%d", i+1, j+1), Text: pick(rng, milestoneTexts), Due: randomDate(rng)})
		}
		base.Goals = append(base.Goals, g)
	}
	ours, theirs := clonePlan(base), clonePlan(base)
	for i, side := range []*record.IEP{ours, theirs} {
		for range 20 {
			side.Goals[rng.IntN(200)].Milestones[rng.IntN(3)].Done = randomDate(rng)
		}
		for n := range 10 {
			side.Goals = append(side.Goals, record.Goal{ID: fmt.Sprintf("G%d%03d", i+1, n), Term: "long", Text: pick(rng, goalTexts)})
		}
	}
	bb, ob, tb := marshal(b, base), marshal(b, ours), marshal(b, theirs)
	b.SetBytes(int64(len(bb)))
	b.ResetTimer()
	for range b.N {
		if _, err := Record(planPath, bb, ob, tb); err != nil {
			b.Fatal(err)
		}
	}
}

func marshal(b *testing.B, p *record.IEP) []byte {
	data, err := record.Marshal(planPath, p)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkDemoPlan merges the demo store's largest plan where each side
// marked a milestone done, reworded a goal and added a goal and a review:
// the size of merge sync meets.
func BenchmarkDemoPlan(b *testing.B) {
	data, err := os.ReadFile("../../cases/2026-2MB7E/iep.yaml")
	if err != nil {
		b.Fatal(err)
	}
	doc, _ := load.Parse(planPath, data)
	var base record.IEP
	if err := doc.Decode(&base); err != nil {
		b.Fatal(err)
	}
	ours, theirs := clonePlan(&base), clonePlan(&base)
	ours.Goals[0].Milestones[0].Done = "2026-01-31"
	ours.Goals[1].Text = "Move into a finance manager role within two years"
	ours.Goals = append(ours.Goals, record.Goal{ID: "G1001", Term: "long", Text: "Finish a reporting certificate"})
	ours.Reviews = append(ours.Reviews, record.Review{Date: "2026-03-10", By: "alucero"})
	theirs.Goals[0].Milestones[1].Done = "2026-02-11"
	theirs.Goals[0].Status = "active"
	theirs.Goals = append(theirs.Goals, record.Goal{ID: "G2001", Term: "short", Text: "Keep the new job through probation"})
	theirs.Reviews = append(theirs.Reviews, record.Review{Date: "2026-03-11", By: "mbell"})
	bb, ob, tb := marshal(b, &base), marshal(b, ours), marshal(b, theirs)
	b.SetBytes(int64(len(bb)))
	b.ResetTimer()
	for range b.N {
		if _, err := Record(planPath, bb, ob, tb); err != nil {
			b.Fatal(err)
		}
	}
}
