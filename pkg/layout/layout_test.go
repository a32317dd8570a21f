package layout

import "testing"

func TestKindOf(t *testing.T) {
	for p, want := range map[string]string{
		"cases/caseplan.yaml":                         KindConfig,
		"cases/2026-K7QX2/intake.yaml":                KindIntake,
		"cases/2026-K7QX2/iep.yaml":                   KindIEP,
		"cases/2026-K7QX2/references.yaml":            KindReferences,
		"cases/2026-K7QX2/services.yaml":              KindServices,
		"cases/2026-K7QX2/outcome.yaml":               KindOutcome,
		"cases/2026-K7QX2/notes/2026-03-02-k7qx.yaml": KindNote,
		"cases/ext.ID_1/notes/anything.yaml":          KindNote,
		"cases/2026-K7QX2/activity/2026-W09.yaml":     KindActivity,
		"cases/2026-K7QX2/notes/a.yml":                "",
		"cases/2026-K7QX2/notes/.yaml":                "",
		"cases/2026-K7QX2/notes/.hidden.yaml":         "",
		"cases/2026-K7QX2/notes/sub/a.yaml":           "",
		"cases/2026-K7QX2/caseplan.yaml":              "",
		"cases/2026-K7QX2/README.md":                  "",
		"cases/.git/intake.yaml":                      "",
		"cases//intake.yaml":                          "",
		"cases/intake.yaml":                           "",
		"caseplan.yaml":                               "",
		"schemas/note.schema.json":                    "",
		"other/cases/caseplan.yaml":                   "",
		"/cases/caseplan.yaml":                        "",
		"":                                            "",
	} {
		got, ok := KindOf(p)
		if got != want || ok != (want != "") {
			t.Errorf("KindOf(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
}

func TestCaseOf(t *testing.T) {
	for p, want := range map[string]string{
		"cases/2026-K7QX2/intake.yaml":    "2026-K7QX2",
		"cases/2026-K7QX2/notes/a/b.yaml": "2026-K7QX2",
		"cases/2026-K7QX2":                "2026-K7QX2",
		"cases/caseplan.yaml":             "",
		"cases":                           "",
		"schemas/intake.schema.json":      "",
		"cases//intake.yaml":              "",
	} {
		got, ok := CaseOf(p)
		if got != want || ok != (want != "") {
			t.Errorf("CaseOf(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
}

func TestIsNote(t *testing.T) {
	for p, want := range map[string]bool{
		"cases/X/notes/2026-03-02-k7qx.yaml": true,
		"cases/X/notes/sub/deeper/a.yaml":    true,
		"cases/X/notes":                      false,
		"cases/X/activity/2026-W09.yaml":     false,
		"cases/notes/a.yaml":                 false,
		"cases/caseplan.yaml":                false,
	} {
		if got := IsNote(p); got != want {
			t.Errorf("IsNote(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestPaths(t *testing.T) {
	for got, want := range map[string]string{
		Intake("X"):                    "cases/X/intake.yaml",
		File("X", KindOutcome):         "cases/X/outcome.yaml",
		Note("X", "2026-03-02-abcd"):   "cases/X/notes/2026-03-02-abcd.yaml",
		ActivityWeek("X", "2026-W09"):  "cases/X/activity/2026-W09.yaml",
		InCase("cases/X/notes/a.yaml"): "notes/a.yaml",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	for _, k := range SingleKinds() {
		if kind, ok := KindOf(File("X", k)); !ok || kind != k {
			t.Errorf("KindOf(File(X, %s)) = %q, %v", k, kind, ok)
		}
	}
}

func TestWithoutModeline(t *testing.T) {
	for in, want := range map[string]string{
		"# yaml-language-server: $schema=../../../schemas/note.schema.json\nid: x\n": "id: x\n",
		"# yaml-language-server: $format.date=false\nid: x\n":                        "id: x\n",
		"# a comment a person wrote\nid: x\n":                                        "# a comment a person wrote\nid: x\n",
		"id: x\n":                                                                    "id: x\n",
		"# yaml-language-server: $schema=x.json":                                     "# yaml-language-server: $schema=x.json",
	} {
		if got := string(WithoutModeline([]byte(in))); got != want {
			t.Errorf("WithoutModeline(%q) = %q, want %q", in, got, want)
		}
	}
}

// caseplan edit swaps the modeline back in a copy an editor on Windows
// saved: with CRLF line ends, after a UTF-8 byte order mark. Missed, the
// copy's file:// URL of this clone's directory would be committed.
func TestSwapModelineWindows(t *testing.T) {
	const from, to = "# yaml-language-server: $schema=file:///s/schemas/iep.schema.json\n", "# yaml-language-server: $schema=../../schemas/iep.schema.json\n"
	for in, want := range map[string]string{
		from + "a: 1\n": to + "a: 1\n",
		"# yaml-language-server: $schema=file:///s/schemas/iep.schema.json\r\na: 1\r\n":       "# yaml-language-server: $schema=../../schemas/iep.schema.json\r\na: 1\r\n",
		"\ufeff# yaml-language-server: $schema=file:///s/schemas/iep.schema.json\r\na: 1\r\n": "\ufeff# yaml-language-server: $schema=../../schemas/iep.schema.json\r\na: 1\r\n",
		"# yaml-language-server: $schema=file:///s/schemas/iep.schema.jsonx\na: 1\n":          "# yaml-language-server: $schema=file:///s/schemas/iep.schema.jsonx\na: 1\n",
		"a: 1\n" + from: "a: 1\n" + from,
	} {
		if got := string(SwapModeline([]byte(in), from, to)); got != want {
			t.Errorf("SwapModeline(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMeantName: a record's name but for capitals or .yml is a record its
// writer thinks is kept; a backup or a stray file is meant as nothing.
func TestMeantName(t *testing.T) {
	tests := []struct {
		name  string
		top   bool
		meant string
	}{
		{"intake.yml", true, "intake.yaml"},
		{"IEP.yaml", true, "iep.yaml"},
		{"Outcome.YML", true, "outcome.yaml"},
		{"Notes", true, "notes"},
		{"ACTIVITY", true, "activity"},
		{"intake.yaml", true, ""},
		{"intake.yaml~", true, ""},
		{"notes.yaml", true, ""},
		{".DS_Store", true, ""},
		{"scan.pdf", true, ""},
		{"2026-03-03-k7qx.yml", false, "2026-03-03-k7qx.yaml"},
		{"2026-W10.YAML", false, "2026-W10.yaml"},
		{"2026-W10.yaml", false, ""},
		{"2026-03-03-k7qx.yaml~", false, ""},
		{".yml", false, ""},
		{"call-log.txt", false, ""},
	}
	for _, tt := range tests {
		got, ok := MeantName(tt.name, tt.top)
		if ok != (tt.meant != "") || got != tt.meant && ok {
			t.Errorf("MeantName(%q, %v) = %q, %v; want %q", tt.name, tt.top, got, ok, tt.meant)
		}
	}
}
