package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// nameStore is a store of fictional participants whose names are typed
// as case managers type them: W-02 on a Mac (José as e and a combining
// accent), W-05 with a Cyrillic а (U+0430) in a Latin name, W-04 opened
// after the day the tests run on (2026-03-16), when it was no case yet.
func nameStore(t *testing.T) (dir string, at func(now string, args ...string) (int, string, string)) {
	t.Helper()
	dir = initCLIStore(t)
	author := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>"}
	at = func(now string, args ...string) (int, string, string) {
		t.Helper()
		day, _ := time.Parse(time.DateOnly, now)
		var out, errb bytes.Buffer
		code := Main(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Getenv: func(k string) string { return author[k] },
			Now:    func() time.Time { return day.Add(10 * time.Hour) }, Dir: dir})
		return code, out.String(), errb.String()
	}
	for _, c := range []struct{ id, name, opened string }{
		{"W-01", "Ana Souza", "2026-03-16"},
		{"W-02", "Jose\u0301 Pen\u0303a", "2026-03-16"},
		{"W-03", "Anabel Lima", "2026-03-16"},
		{"W-05", "Jord\u0430n Sample", "2026-03-16"},
		{"W-04", "Ana Souza Lima", "2026-03-20"},
	} {
		if code, _, stderr := at(c.opened, "case", "new", "--id", c.id, "--program", "wioa", "--name", c.name, "--opened", c.opened); code != 0 {
			t.Fatal(stderr)
		}
	}
	return dir, at
}

// TestCaseListName: case list --name finds a participant by words of
// their name however it was typed (accents, capitals, order, a word
// begun, a look-alike letter), with the other filters, and the count on
// stderr as the list says it; a case not opened yet on the day is no
// more found than listed.
func TestCaseListName(t *testing.T) {
	_, at := nameStore(t)
	ids := func(stdout string) string {
		var out []string
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
			if line != "" {
				out = append(out, strings.SplitN(line, "\t", 2)[0])
			}
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		args  []string
		want  string
		count string
	}{
		{[]string{"--name", "souza"}, "W-01", "1 case of 5 (1 case opened after 2026-03-16, left out)"},
		{[]string{"--name", "Souza Ana"}, "W-01", "1 case of 5 (1 case opened after 2026-03-16, left out)"},
		{[]string{"--name", "ANA  SOU"}, "W-01", "1 case of 5 (1 case opened after 2026-03-16, left out)"},
		{[]string{"--name", "an"}, "W-01 W-03", "2 cases of 5 (1 case opened after 2026-03-16, left out)"},
		{[]string{"--name", "jose pena"}, "W-02", "1 case of 5 (1 case opened after 2026-03-16, left out)"},
		{[]string{"--name", "Peña"}, "W-02", "1 case of 5 (1 case opened after 2026-03-16, left out)"},
		{[]string{"--name", "jordan"}, "W-05", "1 case of 5 (1 case opened after 2026-03-16, left out)"},
		{[]string{"--name", "ana", "--status", "closed"}, "", "0 cases of 5 (1 case opened after 2026-03-16, left out)"},
		{[]string{"--name", "lima", "--today", "2026-03-20"}, "W-03 W-04", "2 cases of 5"},
	} {
		code, stdout, stderr := at("2026-03-16", append([]string{"case", "list"}, c.args...)...)
		if code != 0 || ids(stdout) != c.want || stderr != "caseplan: "+c.count+"\n" {
			t.Errorf("case list %q: exit %d, listed %q, stderr %q; want %q, %q", c.args, code, ids(stdout), stderr, c.want, c.count)
		}
	}
	// -o json is the list's, of the cases found.
	code, stdout, _ := at("2026-03-16", "case", "list", "--name", "an", "-o", "json")
	var items []caseItem
	if err := json.Unmarshal([]byte(stdout), &items); code != 0 || err != nil || len(items) != 2 || items[0].ID != "W-01" || items[1].Participant != "Anabel Lima" {
		t.Errorf("case list --name an -o json: exit %d, %v\n%s", code, err, stdout)
	}
	// A search with no letter or digit would find every name: refused.
	code, stdout, stderr := at("2026-03-16", "case", "list", "--name", " - ")
	if code != 2 || stdout != "" || !strings.Contains(stderr, `caseplan: --name " - " has no letter or digit to search names by`) || !strings.Contains(stderr, "caseplan: hint: ") {
		t.Errorf("case list --name ' - ': exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestUnknownCaseNameHint: a name given where a case's ID goes is
// refused as an unknown case, and the hint gives the case list --name
// command that finds it, counting the cases it lists (the ones the list
// shows on the day) and naming none: stderr can end up in a CI log.
func TestUnknownCaseNameHint(t *testing.T) {
	_, at := nameStore(t)
	for _, c := range []struct {
		args []string
		hint string
	}{
		{[]string{"case", "show", "Ana Souza"}, "caseplan: hint: a case is named by its ID: caseplan case list --name 'Ana Souza' shows the ID of the 1 case whose participant's name matches\n"},
		{[]string{"case", "show", "Ana", "Souza"}, "caseplan: hint: a case is named by its ID: caseplan case list --name 'Ana Souza' shows the ID of the 1 case whose participant's name matches\n"},
		{[]string{"case", "show", "an"}, "caseplan: hint: a case is named by its ID: caseplan case list --name an lists the 2 cases whose participant's name matches, with their IDs\n"},
		{[]string{"case", "show", "José"}, "caseplan: hint: a case is named by its ID: caseplan case list --name 'José' shows the ID of the 1 case whose participant's name matches\n"},
		{[]string{"note", "add", "jordan sample", "--kind", "contact", "--mode", "phone", "--two-way", "--service", "job-search", "--content", "Called"}, "caseplan: hint: a case is named by its ID: caseplan case list --name 'jordan sample' shows the ID of the 1 case whose participant's name matches\n"},
		{[]string{"case", "show", "Zed Nobody"}, "caseplan: hint: no case ID and no participant's name in this clone matches \"Zed Nobody\": caseplan case list --name 'Zed Nobody' searches the names (one word of a name finds more), caseplan case list lists the cases; a case a colleague opened since your last sync comes with caseplan sync\n"},
		// A name unquoted: for a command of one case at most (log), and
		// for one of several cases when no participant has the name.
		{[]string{"log", "Ana", "Souza"}, "caseplan: hint: a case is named by its ID: caseplan case list --name 'Ana Souza' shows the ID of the 1 case whose participant's name matches\n"},
		{[]string{"log", "Zed", "Nobody"}, "caseplan: hint: no case ID and no participant's name in this clone matches \"Zed Nobody\": caseplan case list --name 'Zed Nobody' searches the names (one word of a name finds more), caseplan case list lists the cases; a case a colleague opened since your last sync comes with caseplan sync\n"},
		{[]string{"case", "show", "Zed", "Nobody"}, "caseplan: hint: no case ID and no participant's name in this clone matches \"Zed Nobody\": caseplan case list --name 'Zed Nobody' searches the names (one word of a name finds more), caseplan case list lists the cases; a case a colleague opened since your last sync comes with caseplan sync\n"},
		{[]string{"note", "add", "Zed", "Nobody", "--kind", "contact", "--mode", "phone", "--content", "Called"}, "caseplan: hint: no case ID and no participant's name in this clone matches \"Zed Nobody\": caseplan case list --name 'Zed Nobody' searches the names (one word of a name finds more), caseplan case list lists the cases; a case a colleague opened since your last sync comes with caseplan sync\n"},
		// A name and a note's text, both unquoted: each hinted, the
		// text's words not taken for the name's.
		{[]string{"note", "add", "Ana", "Souza", "--kind", "contact", "--mode", "phone", "--content", "Called", "about", "it"}, "caseplan: hint: a case is named by its ID: caseplan case list --name 'Ana Souza' shows the ID of the 1 case whose participant's name matches; note add takes several cases, so each word of a name typed without quotes was read as a case: quotes keep a name together; a value of several words goes in quotes: --content 'Called about it'\n"},
		// A case of the store typed among the words is the case.
		{[]string{"note", "add", "--content", "Called", "W-01", "about", "it", "--kind", "contact", "--mode", "phone"}, "caseplan: hint: \"about\" is a word of the value of --content: a value of several words goes in quotes: --content 'Called about it'\n"},
	} {
		code, stdout, stderr := at("2026-03-16", c.args...)
		if code != 2 || stdout != "" || !strings.HasSuffix(stderr, c.hint) {
			t.Errorf("%q: exit %d\n%s%s\nwant the hint %s", c.args, code, stdout, stderr, c.hint)
		}
		for _, name := range []string{"Souza", "Lima", "Peña", "Pen\u0303a", "Sample"} {
			if strings.Contains(stderr, name) && !strings.Contains(strings.Join(c.args, " "), name) {
				t.Errorf("%q: stderr names a participant (%s):\n%s", c.args, name, stderr)
			}
		}
	}
	// A slip of a case ID is still the ID meant, not a search.
	if code, _, stderr := at("2026-03-16", "case", "show", "W-011"); code != 2 || !strings.Contains(stderr, "did you mean W-01?") {
		t.Errorf("case show W-011: exit %d\n%s", code, stderr)
	}
}

// TestCaseListPreferredName: a caller gives the name they go by, the
// intake's preferred name: case list --name finds it, alone or with the
// words of their name, and says in a last column (and the JSON) that the
// case was found by it; a case found by its name has "-" there. The
// hint of a name given for a case counts what the list finds.
func TestCaseListPreferredName(t *testing.T) {
	_, at := nameStore(t)
	if code, _, stderr := at("2026-03-16", "case", "set", "W-01", "--preferred-name", "Nia"); code != 0 {
		t.Fatal(stderr)
	}
	for _, c := range []struct {
		name string
		want string // the lines' first and last columns
	}{
		{"nia", "W-01 Nia"},
		{"Nia Souza", "W-01 Nia"},
		{"souza", "W-01 -"},
		{"ana", "W-01 -|W-03 -"},
	} {
		code, stdout, stderr := at("2026-03-16", "case", "list", "--name", c.name)
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
			cells := strings.Split(line, "\t")
			if len(cells) != 7 {
				t.Errorf("case list --name %q: %d columns, want 7: %q", c.name, len(cells), line)
			}
			got = append(got, cells[0]+" "+cells[len(cells)-1])
		}
		if code != 0 || strings.Join(got, "|") != c.want {
			t.Errorf("case list --name %q: exit %d, listed %q, want %q\n%s", c.name, code, got, c.want, stderr)
		}
	}
	// Without --name, no such column.
	if _, stdout, _ := at("2026-03-16", "case", "list"); strings.Count(strings.SplitN(stdout, "\n", 2)[0], "\t") != 5 {
		t.Errorf("case list: want 6 columns without --name:\n%s", stdout)
	}
	code, stdout, _ := at("2026-03-16", "case", "list", "--name", "nia", "-o", "json")
	var items []caseItem
	if err := json.Unmarshal([]byte(stdout), &items); code != 0 || err != nil || len(items) != 1 || items[0].ID != "W-01" || items[0].MatchedPreferredName != "Nia" {
		t.Errorf("case list --name nia -o json: exit %d, %v\n%s", code, err, stdout)
	}
	code, stdout, _ = at("2026-03-16", "case", "list", "--name", "souza", "-o", "json")
	if code != 0 || strings.Contains(stdout, "matched_preferred_name") {
		t.Errorf("case list --name souza -o json: found by the name, yet says a preferred name:\n%s", stdout)
	}
	code, _, stderr := at("2026-03-16", "case", "show", "Nia")
	if want := "caseplan: hint: a case is named by its ID: caseplan case list --name Nia shows the ID of the 1 case whose participant's name matches\n"; code != 2 || !strings.HasSuffix(stderr, want) {
		t.Errorf("case show Nia: exit %d\n%s\nwant the hint %s", code, stderr, want)
	}
}

// TestSeveralCasesNameHint: a command that takes several cases reads a
// name typed without quotes as one case a word. When none of the words
// is a case or shaped like one, the hint searches them together as the
// name they are, and says that quotes keep a name together; every such
// command alike (nameCase, and case transfer's list of refusals).
func TestSeveralCasesNameHint(t *testing.T) {
	_, at := nameStore(t)
	const together = "caseplan: hint: a case is named by its ID: caseplan case list --name 'Ana Souza' shows the ID of the 1 case whose participant's name matches; %s takes several cases, so each word of a name typed without quotes was read as a case: quotes keep a name together\n"
	for _, c := range []struct {
		args []string
		hint string
	}{
		{[]string{"note", "add", "Ana", "Souza", "--kind", "contact", "--mode", "phone", "--two-way", "--service", "job-search", "--content", "Called"}, fmt.Sprintf(together, "note add")},
		{[]string{"case", "transfer", "Ana", "Souza", "--to", "mrivera", "--reason", "caseload"}, fmt.Sprintf(together, "case transfer")},
		{[]string{"case", "sealed", "reseal", "Ana", "Souza"}, fmt.Sprintf(together, "case sealed reseal")},
		{[]string{"report", "search", "Ana", "Souza"}, fmt.Sprintf(together, "report search")},
		{[]string{"validate", "Ana", "Souza"}, fmt.Sprintf(together, "validate")},
		// One word is a case: the other is what is unknown, searched alone.
		{[]string{"note", "add", "W-01", "Souza", "--kind", "contact", "--mode", "phone", "--two-way", "--service", "job-search", "--content", "Called"},
			"caseplan: hint: a case is named by its ID: caseplan case list --name Souza shows the ID of the 1 case whose participant's name matches\n"},
	} {
		code, stdout, stderr := at("2026-03-16", c.args...)
		if code != 2 || stdout != "" || !strings.HasSuffix(stderr, c.hint) {
			t.Errorf("%q: exit %d\n%s%s\nwant the hint %s", c.args, code, stdout, stderr, c.hint)
		}
	}
	// Words shaped like case IDs are slips of IDs, not a name.
	if code, _, stderr := at("2026-03-16", "report", "search", "W-011", "W-09"); code != 2 || strings.Contains(stderr, "--name") {
		t.Errorf("report search W-011 W-09: exit %d, a name searched:\n%s", code, stderr)
	}
}

// TestNameHintToday: the hint's count is of the cases open by --today,
// so the command it gives carries --today and lists the same cases.
func TestNameHintToday(t *testing.T) {
	_, at := nameStore(t)
	for _, c := range []struct {
		args []string
		hint string
	}{
		{[]string{"case", "show", "Ana Souza", "--today", "2026-03-20"}, "caseplan: hint: a case is named by its ID: caseplan case list --name 'Ana Souza' --today 2026-03-20 lists the 2 cases whose participant's name matches, with their IDs\n"},
		{[]string{"case", "show", "Ana", "Souza", "--today", "2026-03-20"}, "caseplan: hint: a case is named by its ID: caseplan case list --name 'Ana Souza' --today 2026-03-20 lists the 2 cases whose participant's name matches, with their IDs\n"},
		{[]string{"note", "add", "Ana", "Souza", "--today", "2026-03-16", "--kind", "contact", "--mode", "phone", "--two-way", "--service", "job-search", "--content", "Called"}, "caseplan: hint: a case is named by its ID: caseplan case list --name 'Ana Souza' --today 2026-03-16 shows the ID of the 1 case whose participant's name matches; note add takes several cases, so each word of a name typed without quotes was read as a case: quotes keep a name together\n"},
	} {
		code, stdout, stderr := at("2026-03-20", c.args...)
		if code != 2 || stdout != "" || !strings.HasSuffix(stderr, c.hint) {
			t.Errorf("%q: exit %d\n%s%s\nwant the hint %s", c.args, code, stdout, stderr, c.hint)
		}
	}
	// The command given lists what the hint counted.
	if code, stdout, _ := at("2026-03-20", "case", "list", "--name", "Ana Souza", "--today", "2026-03-16"); code != 0 || strings.Count(stdout, "\n") != 1 {
		t.Errorf("case list --name 'Ana Souza' --today 2026-03-16: exit %d\n%s", code, stdout)
	}
}

// TestCaseListNameMissHint: a --name that finds nothing says what would:
// a caller's name typed as heard ("Ana Sousa") finds nothing as a whole
// but one word alone, or a word's first letters ("Anabela"), finds a
// case; a phone number or an ID is no name. The hint counts and gives the
// --name to type, never a participant's name (stderr can end up in a CI
// log), and counts under the other filters. A list that finds something
// has no hint.
func TestCaseListNameMissHint(t *testing.T) {
	_, at := nameStore(t)
	for _, c := range []struct {
		args []string
		hint string
	}{
		{[]string{"--name", "Ana Sousa"}, `no name has a word beginning with each word given; --name Ana alone finds 2 cases: another word may be spelt otherwise, as heard or as recorded`},
		{[]string{"--name", "Ana Sousa", "--status", "closed"}, ``},
		{[]string{"--name", "Anabela"}, `--name Ana, the first letters of "Anabela", finds 2 cases: a word is found by its beginning, so type only as much of a name as you are sure of`},
		{[]string{"--name", "555-0142"}, `--name searches participants' names only, not phone numbers or IDs: ask the caller's name, or, for a case ID, caseplan case show ID`},
		{[]string{"--name", "Zed Nobody"}, ``},
		{[]string{"--name", "souza"}, ``},
	} {
		code, stdout, stderr := at("2026-03-16", append([]string{"case", "list"}, c.args...)...)
		_, hint, _ := strings.Cut(stderr, "caseplan: hint: ")
		if code != 0 || strings.TrimSuffix(hint, "\n") != c.hint {
			t.Errorf("case list %q: exit %d\n%s%s\nwant the hint %q", c.args, code, stdout, stderr, c.hint)
		}
		for _, name := range []string{"Souza", "Lima", "Anabel "} {
			if strings.Contains(hint, name) {
				t.Errorf("case list %q: the hint names a participant (%s):\n%s", c.args, name, hint)
			}
		}
	}
}
