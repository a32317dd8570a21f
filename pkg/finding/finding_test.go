package finding

import (
	"reflect"
	"strings"
	"testing"
)

func TestSince(t *testing.T) {
	a := Finding{Path: "cases/W-1/intake.yaml", Line: 3, Rule: "schema", Message: "status: not a valid choice", Severity: Error}
	moved := a
	moved.Line = 7 // lines added above it: the same finding
	b := Finding{Path: "cases/W-1/intake.yaml", Line: 9, Rule: "schema", Message: "other", Severity: Error}
	c := Finding{Path: "cases/W-2/intake.yaml", Line: 3, Rule: "schema", Message: "status: not a valid choice", Severity: Warning}
	for _, tt := range []struct {
		name      string
		base, now []Finding
		want      []Finding
	}{
		{"nothing before: everything is new", nil, []Finding{a, b}, []Finding{a, b}},
		{"a finding that moved is not new", []Finding{a}, []Finding{moved, b}, []Finding{b}},
		{"the same message in another file is new", []Finding{a}, []Finding{a, c}, []Finding{c}},
		{"a second copy of a finding is new", []Finding{a}, []Finding{a, moved}, []Finding{moved}},
		{"findings that went away are not reported", []Finding{a, b, c}, []Finding{b}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Since(tt.base, tt.now, nil); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

// An obligation's finding (sameObligation) whose message followed the
// progress made on it is the base's, once per base finding of its rule on
// its case; another case's, or one more than base had, is new.
func TestSinceSameObligation(t *testing.T) {
	refs := func(id, path, msg string) Finding {
		return Finding{Path: path, Rule: "ws-references", Case: id, Message: msg, Severity: Error}
	}
	before := refs("W-1", "cases/W-1/intake.yaml", "0 of 3 references")
	after := refs("W-1", "cases/W-1/references.yaml", "1 of 3 references")
	other := refs("W-2", "cases/W-2/intake.yaml", "0 of 3 references")
	schema := Finding{Path: "cases/W-1/intake.yaml", Rule: "schema", Case: "W-1", Message: "b", Severity: Error}
	oldSchema := schema
	oldSchema.Message = "a"
	obligation := func(rule string) bool { return rule == "ws-references" }
	for _, tt := range []struct {
		name      string
		base, now []Finding
		want      []Finding
	}{
		{"progress on an old obligation is not new", []Finding{before}, []Finding{after}, nil},
		{"another case's obligation is new", []Finding{before}, []Finding{after, other}, []Finding{other}},
		{"one more than base had is new", []Finding{before}, []Finding{after, after}, []Finding{after}},
		{"a rule that is no obligation is matched by message", []Finding{oldSchema}, []Finding{schema}, []Finding{schema}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Since(tt.base, tt.now, obligation); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

// A finding on an edited copy names the record it stands for and keeps
// the copy's position one path:line:col token an editor can jump to.
func TestStringNamesRecordAndCopy(t *testing.T) {
	f := Finding{Path: "cases/W-1/intake.yaml", Copy: "/tmp/caseplan-W-1-intake-7.yaml", Line: 3, Column: 9,
		Severity: Error, Rule: "schema", Message: "status: not one of the allowed values"}
	want := "cases/W-1/intake.yaml (your edited copy /tmp/caseplan-W-1-intake-7.yaml:3:9): error schema: status: not one of the allowed values"
	if got := f.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestStringNamesCommitOnce: a history finding about a file names its
// commit after the message, unless the message names it already (sync's
// "still in its commit: git show HASH:PATH").
func TestStringNamesCommitOnce(t *testing.T) {
	hash := "0123456789abcdef0123456789abcdef01234567"
	f := Finding{Path: "cases/W-1/intake.yaml", Line: 9, Severity: Warning, Rule: "history-note-changed", Commit: hash,
		Message: "the note was changed after it was committed"}
	if got, want := f.String(), "cases/W-1/intake.yaml:9:1: warning history-note-changed: the note was changed after it was committed (commit 0123456789ab)"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	f.Rule, f.Message = "sync-conflict", "phone was changed on both sides; this clone's is still in its commit: git show 0123456789ab:cases/W-1/intake.yaml"
	if got := f.String(); strings.Count(got, "0123456789ab") != 1 {
		t.Errorf("the commit is named more than once: %s", got)
	}
}

// MaskPaths masks the printed copy only: the findings keep the real paths
// that matching a finding to its file needs.
func TestMaskPathsCopies(t *testing.T) {
	fs := []Finding{{Path: "cases/W-001/scan-912-78-1234.txt", Copy: "/tmp/912-78-1234.yaml", Rule: "unknown-file"}}
	mask := func(s string) (string, int) {
		return strings.ReplaceAll(s, "912-78-1234", "XXX-XX-XXXX"), 1
	}
	shown := MaskPaths(fs, mask)
	if shown[0].Path != "cases/W-001/scan-XXX-XX-XXXX.txt" || shown[0].Copy != "/tmp/XXX-XX-XXXX.yaml" {
		t.Errorf("shown = %+v, want both paths masked", shown[0])
	}
	if fs[0].Path != "cases/W-001/scan-912-78-1234.txt" || fs[0].Copy != "/tmp/912-78-1234.yaml" {
		t.Errorf("the findings themselves changed: %+v", fs[0])
	}
}

// TestRedactHint: a hint names what the message names (the field to take
// out), so it is masked as the message is.
func TestRedactHint(t *testing.T) {
	mask := func(s string) (string, int) { return strings.ReplaceAll(s, "secret", "XXX"), 0 }
	fs := Redact([]Finding{{Message: `unknown field "secret"`, Hint: "take secret: out"}}, mask)
	if fs[0].Message != `unknown field "XXX"` || fs[0].Hint != "take XXX: out" {
		t.Errorf("got %q, hint %q", fs[0].Message, fs[0].Hint)
	}
}

// TestCountCases: findings are counted by the cases they are on, each
// case once, and a store-wide finding on none.
func TestCountCases(t *testing.T) {
	fs := []Finding{
		{Path: "cases/W-1/intake.yaml", Case: "W-1", Rule: "a"},
		{Path: "cases/W-1/iep.yaml", Case: "W-1", Rule: "b"},
		{Path: "cases/W-2/intake.yaml", Case: "W-2", Rule: "a"},
		{Path: "cases/caseplan.yaml", Rule: "c"},
	}
	if got := CountCases(fs); got != 2 {
		t.Errorf("CountCases = %d, want 2", got)
	}
	if got := CountCases(nil); got != 0 {
		t.Errorf("CountCases(nil) = %d, want 0", got)
	}
}
