package merge

import "testing"

// TestEdit: Edit puts a record's values into another version's text in
// place, keeping that text's layout byte for byte where values are the
// same, and says so when it cannot.
func TestEdit(t *testing.T) {
	const path = "cases/W-001/intake.yaml"
	for _, tc := range []struct {
		name, text, values, want string
		ok                       bool
	}{
		{
			name:   "a value replaced where it stands; quoting and dates kept",
			text:   "id: W-001\nopened: 2026-03-02\nparticipant:\n  name: Ana Example\n  preferred_name: \"0123\"\n  phone: \"555-0100\" # mobile\n  email: ana@example.com\n",
			values: "id: W-001\nopened: 2026-03-02\nparticipant:\n  name: Ana Example\n  preferred_name: '0123'\n  phone: 555-0100\n  email: ana2@example.com\n",
			want:   "id: W-001\nopened: 2026-03-02\nparticipant:\n  name: Ana Example\n  preferred_name: \"0123\"\n  phone: \"555-0100\" # mobile\n  email: ana2@example.com\n",
			ok:     true,
		},
		{
			name:   "a field added where the record's order puts it, one removed",
			text:   "id: W-001\nparticipant:\n  name: Ana Example\n  email: ana@example.com\n",
			values: "id: W-001\nparticipant:\n  name: Ana Example\n  phone: 555-0100\n",
			want:   "id: W-001\nparticipant:\n  name: Ana Example\n  phone: 555-0100\n",
			ok:     true,
		},
		{
			name:   "same values: the text as it is",
			text:   "participant: {name: Ana Example}\nid: W-001\n",
			values: "id: W-001\nparticipant:\n  name: Ana Example\n",
			want:   "participant: {name: Ana Example}\nid: W-001\n",
			ok:     true,
		},
		{name: "not YAML", text: "id: W-001\n", values: "id: [\n"},
	} {
		got, ok := Edit(path, []byte(tc.text), []byte(tc.values))
		if ok != tc.ok || string(got) != tc.want {
			t.Errorf("%s: got %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
	if _, ok := Edit("cases/W-001/notes.txt", []byte("a"), []byte("b")); ok {
		t.Error("Edit of a file that is not a record: ok")
	}
}
