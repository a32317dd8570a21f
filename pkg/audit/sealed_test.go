package audit

import (
	"strings"
	"testing"
)

func TestSealedHandEdit(t *testing.T) {
	f := SealedHandEdit(SealedEdit{Path: "cases/W-001/sealed.age"})
	if f.Rule != RuleSealedHandEdit || f.Case != "W-001" || !strings.Contains(f.Hint, "git checkout -- cases/W-001/sealed.age") || !strings.Contains(f.Message, "caseplan case sealed set W-001") {
		t.Errorf("work tree finding = %+v", f)
	}
	f = SealedHandEdit(SealedEdit{Path: "cases/W-001/sealed.age", Commit: "1591bc2d2dae0000", Action: "commit"})
	if f.Commit == "" || !strings.Contains(f.Message, "(action commit) changed") || !strings.HasSuffix(f.Message, "caseplan case sealed set W-001 --from 1591bc2d2dae^") {
		t.Errorf("history finding = %+v", f)
	}
	for _, a := range []string{ActionSealedSet, ActionSealedReseal} {
		if !IsSealingAction(a) {
			t.Errorf("IsSealingAction(%q) = false", a)
		}
	}
	if IsSealingAction("commit") {
		t.Error("IsSealingAction(commit) = true")
	}
}
