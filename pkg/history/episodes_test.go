package history

import (
	"strings"
	"testing"
)

const outcomePath = "cases/2026-AAAAA/outcome.yaml"

func outcomeYAML(items ...string) string {
	return strings.Join(items, "")
}

const (
	closureA   = "closures:\n  - id: CL-AAAAA\n    date: 2026-06-20\n    reason: placed\n"
	closureA2  = "closures:\n  - id: CL-AAAAA\n    date: 2026-06-20\n    reason: withdrew\n"
	reopenings = "reopenings:\n  - date: 2026-07-01\n    reason: by mistake\n"
	followUpB  = "follow_ups:\n  - id: FU-BBBBB\n    due: 2026-09-30\n"
	followUpC  = "follow_ups:\n  - id: FU-CCCCC\n    due: 2026-10-30\n"
	followUpBC = "follow_ups:\n  - id: FU-BBBBB\n    due: 2026-09-30\n  - id: FU-CCCCC\n    due: 2026-10-30\n"
)

// An outcome's episodes are added, never removed: a closure taken out by
// hand is reported at its commit, a field changed in place is not, and a
// merge answers only for an outcome.yaml of its own making.
func TestVerifyEpisodeRemoved(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.write(outcomePath, outcomeYAML(closureA, reopenings))
	s.caseplanCommit(alice, "2026-AAAAA", "case.close", "close")
	s.write(outcomePath, outcomeYAML(closureA2, reopenings))
	s.caseplanCommit(alice, "2026-AAAAA", "edit", "correct the reason in place")
	s.write(outcomePath, outcomeYAML(reopenings))
	dropped := s.caseplanCommit(alice, "2026-AAAAA", "commit", "take the closure out")
	fs, _ := verify(t, s, "")
	expect(t, fs, "episode-removed "+outcomePath+" "+dropped)
	if len(fs) == 1 && (fs[0].Case != "2026-AAAAA" || !strings.Contains(fs[0].Message, "the closure CL-AAAAA of 2026-06-20 was removed in commit "+dropped[:12])) {
		t.Errorf("finding = %+v", fs[0])
	}

	// Put back: no new finding; the removal stays reported.
	s.write(outcomePath, outcomeYAML(followUpB, closureA2, reopenings))
	s.caseplanCommit(alice, "2026-AAAAA", "commit", "put it back")

	// A side removes the legacy reopening (reported there), main adds a
	// follow-up; the merge writes outcome.yaml itself, taking the side's
	// removal over: not reported again.
	s.git("", "checkout", "-q", "-b", "side")
	s.write(outcomePath, outcomeYAML(followUpB, closureA2))
	sideDrop := s.caseplanCommit(alice, "2026-AAAAA", "commit", "take the reopening out")
	s.git("", "checkout", "-q", "main")
	s.write(outcomePath, outcomeYAML(followUpBC, closureA2, reopenings))
	s.caseplanCommit(alice, "2026-AAAAA", "followup.add", "add a follow-up")
	s.git(alice, "merge", "-q", "-s", "ours", "--no-ff", "--no-commit", "side")
	s.write(outcomePath, outcomeYAML(followUpBC, closureA2))
	s.git("", "add", "-A")
	s.tick++
	s.git(alice, "commit", "-q", "-m", "Merge branch 'side'\n\nCaseplan-Case: 2026-AAAAA\nCaseplan-Action: commit\n")
	fs, _ = verify(t, s, "")
	expect(t, fs, "episode-removed "+outcomePath+" "+dropped, "episode-removed "+outcomePath+" "+sideDrop)

	// A merge that drops what one side added is reported at the merge.
	s.git("", "checkout", "-q", "-b", "side2")
	s.write(outcomePath, outcomeYAML(followUpBC, closureA2, "exclusions:\n  - id: EX-AAAAA\n    kind: deceased\n    date: 2026-08-01\n"))
	s.caseplanCommit(alice, "2026-AAAAA", "exclusion.add", "add an exclusion")
	s.git("", "checkout", "-q", "main")
	s.write(outcomePath, outcomeYAML(followUpBC, closureA2, "credentials:\n  - id: CR-AAAAA\n    kind: diploma\n    date: 2026-08-02\n"))
	s.caseplanCommit(alice, "2026-AAAAA", "credential.add", "add a credential")
	s.git(alice, "merge", "-q", "-s", "ours", "--no-ff", "--no-commit", "side2")
	s.write(outcomePath, outcomeYAML(followUpC, closureA2, "credentials:\n  - id: CR-AAAAA\n    kind: diploma\n    date: 2026-08-02\n"))
	s.git("", "add", "-A")
	s.tick++
	s.git(alice, "commit", "-q", "-m", "Merge branch 'side2'\n\nCaseplan-Case: 2026-AAAAA\nCaseplan-Action: commit\n")
	merge := s.head()
	fs, _ = verify(t, s, "")
	var got []string
	for _, f := range fs {
		if f.Rule == RuleEpisodeRemoved && f.Commit == merge {
			got = append(got, f.Message[:strings.Index(f.Message, " was removed")])
		}
	}
	if strings.Join(got, "|") != "the follow-up FU-BBBBB of 2026-09-30|the exclusion EX-AAAAA of 2026-08-01" {
		t.Errorf("merge's removals = %q", got)
	}
}

// A whole case directory deleted takes its episodes with it.
func TestVerifyEpisodesCaseRemoved(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.write(outcomePath, outcomeYAML(closureA))
	s.caseplanCommit(alice, "2026-AAAAA", "case.close", "close")
	s.git("", "rm", "-q", "-r", "cases/2026-AAAAA")
	gone := s.caseplanCommit(alice, "2026-AAAAA", "case.delete", "delete case")
	fs, _ := verify(t, s, "")
	expect(t, fs, "episode-removed "+outcomePath+" "+gone)
	if len(fs) == 1 && !strings.Contains(fs[0].Message, "the case directory cases/2026-AAAAA is gone with it") {
		t.Errorf("message = %q", fs[0].Message)
	}
}
