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

// The way back names what was added or changed by hand: the file, and the
// recipients list pasted or changed beside it.
func TestSealedHandEditNamesTheList(t *testing.T) {
	for _, tc := range []struct {
		edit SealedEdit
		hint string
	}{
		{SealedEdit{Added: true}, "remove the file (rm cases/W-002/sealed.age), then set the fields with caseplan case sealed set W-002"},
		{SealedEdit{Added: true, List: true}, "remove the files (rm cases/W-002/sealed.age cases/W-002/sealed.recipients), then set the fields with caseplan case sealed set W-002, which writes both"},
		{SealedEdit{List: true}, "put the files back as committed (git checkout -- cases/W-002/sealed.age cases/W-002/sealed.recipients, or git restore cases/W-002/sealed.age cases/W-002/sealed.recipients), then"},
	} {
		tc.edit.Path = "cases/W-002/sealed.age"
		if f := SealedHandEdit(tc.edit); !strings.HasPrefix(f.Hint, tc.hint) {
			t.Errorf("%+v: hint %q, want %q", tc.edit, f.Hint, tc.hint)
		}
	}
}
