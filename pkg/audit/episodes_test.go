package audit

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

func TestRemovedEpisodes(t *testing.T) {
	closed := &record.Outcome{
		Placements: []record.Placement{{ID: "PL-AAAAA", Start: "2026-06-19"}},
		FollowUps:  []record.FollowUp{{ID: "FU-AAAAA", Due: "2026-09-30"}},
		Exclusions: []record.Exclusion{{ID: "EX-AAAAA", Kind: "deceased", Date: "2026-06-25"}},
		Closures:   []record.Closure{{ID: "CL-AAAAA", Date: "2026-06-20", Reason: "placed"}},
	}
	legacy := &record.Outcome{
		Closure:    &record.Closure{Date: "2026-06-20", Reason: "placed"},
		Reopenings: []record.Reopening{{Date: "2026-07-01"}},
	}
	twice := &record.Outcome{Closures: []record.Closure{{ID: "CL-AAAAA", Date: "2026-12-07", Reason: "moved"}, {ID: "CL-BBBBB", Date: "2026-12-08", Reason: "withdrew"}}}
	twiceReopened := &record.Outcome{Closures: twice.Closures, Reopenings: []record.Reopening{{ID: "RO-AAAAA", Date: "2026-12-10"}}}
	for _, tc := range []struct {
		name          string
		before, after *record.Outcome
		want          []string
	}{
		{"closure taken out", closed, &record.Outcome{Placements: closed.Placements, FollowUps: closed.FollowUps, Exclusions: closed.Exclusions}, []string{"closure CL-AAAAA of 2026-06-20"}},
		{"outcome deleted", closed, nil, []string{"placement PL-AAAAA of 2026-06-19", "follow-up FU-AAAAA of 2026-09-30", "exclusion EX-AAAAA of 2026-06-25", "closure CL-AAAAA of 2026-06-20"}},
		{"exclusion redated in place", closed, &record.Outcome{Placements: closed.Placements, FollowUps: closed.FollowUps, Exclusions: []record.Exclusion{{ID: "EX-AAAAA", Kind: "deceased", Date: "2026-06-24"}}, Closures: closed.Closures}, nil},
		{"follow-up completed", closed, &record.Outcome{Placements: closed.Placements, FollowUps: []record.FollowUp{{ID: "FU-AAAAA", Due: "2026-09-30", Done: "2026-09-29"}}, Exclusions: closed.Exclusions, Closures: closed.Closures}, nil},
		{"ID changed", closed, &record.Outcome{Placements: []record.Placement{{ID: "PL-BBBBB", Start: "2026-06-19"}}, FollowUps: closed.FollowUps, Exclusions: closed.Exclusions, Closures: closed.Closures}, []string{"placement PL-AAAAA of 2026-06-19"}},
		{"episode added", closed, &record.Outcome{Placements: closed.Placements, FollowUps: closed.FollowUps, Exclusions: closed.Exclusions, Closures: closed.Closures, Reopenings: []record.Reopening{{ID: "RO-AAAAA", Date: "2026-07-01"}}}, nil},
		{"legacy closure moved into the list with an ID", legacy, &record.Outcome{Closures: []record.Closure{{ID: "CL-CCCCC", Date: "2026-06-20"}}, Reopenings: legacy.Reopenings}, nil},
		{"legacy reopening redated", legacy, &record.Outcome{Closure: legacy.Closure, Reopenings: []record.Reopening{{Date: "2026-07-02"}}}, nil},
		{"legacy reopening removed", legacy, &record.Outcome{Closure: legacy.Closure}, []string{"reopening of 2026-07-01"}},
		{"legacy closure removed", legacy, &record.Outcome{Reopenings: legacy.Reopenings}, []string{"closure of 2026-06-20"}},
		{"ID dropped by hand, the item kept", closed, &record.Outcome{Placements: closed.Placements, FollowUps: []record.FollowUp{{Due: "2026-09-30"}}, Exclusions: closed.Exclusions, Closures: closed.Closures}, nil},
		{"nothing before", nil, closed, nil},
		// One episode closed twice (two clones, before sync kept one
		// closure per episode): taking out either closure mends it.
		{"a closure of two in a row taken out", twice, &record.Outcome{Closures: twice.Closures[1:]}, nil},
		{"the other of two in a row taken out", twice, &record.Outcome{Closures: twice.Closures[:1]}, nil},
		{"both of two in a row taken out", twice, &record.Outcome{}, []string{"closure CL-AAAAA of 2026-12-07", "closure CL-BBBBB of 2026-12-08"}},
		{"a closure of two in a row taken out, a reopening too", twiceReopened, &record.Outcome{Closures: twice.Closures[1:]}, []string{"reopening RO-AAAAA of 2026-12-10"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range RemovedEpisodes(tc.before, tc.after) {
				got = append(got, e.Words())
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("RemovedEpisodes = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestEpisodeFinding(t *testing.T) {
	e := Episode{Kind: EpisodeClosure, ID: "CL-AAAAA", Date: "2026-06-20"}
	f := EpisodeFinding(EpisodeRemoval{Case: "W-001", Episode: e})
	if f.Rule != RuleEpisodeRemoved || f.Path != "cases/W-001/outcome.yaml" || f.Case != "W-001" || f.Commit != "" {
		t.Errorf("finding = %+v", f)
	}
	if !strings.Contains(f.Message, "closure CL-AAAAA of 2026-06-20 is in HEAD") || !strings.Contains(f.Hint, "caseplan case reopen W-001") {
		t.Errorf("committing finding = %q / hint %q", f.Message, f.Hint)
	}
	f = EpisodeFinding(EpisodeRemoval{Case: "W-001", Episode: e, Commit: "0123456789abcdef0123", CaseGone: true})
	if f.Commit == "" || !strings.Contains(f.Message, "removed in commit 0123456789ab (the case directory cases/W-001 is gone with it)") || !strings.Contains(f.Message, "caseplan case reopen W-001") || f.Hint != "" {
		t.Errorf("history finding = %+v", f)
	}
}
