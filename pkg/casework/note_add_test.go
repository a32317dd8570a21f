package casework

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// A note's ID is its date and four characters drawn from the State's
// random source, one byte each; a suffix already taken that day is drawn
// again.
func TestNoteIDFromTheRandomSource(t *testing.T) {
	s := workTreeState(t, "W-001", map[string]string{
		"cases/W-001/notes/2026-03-16-jvog.yaml": "id: 2026-03-16-jvog\ndate: 2026-03-16\nauthor: mrivera\nkind: contact\nmode: phone\n",
	})
	// j v o g (taken), then 2 7 a a: bytes past 31 wrap around, as in
	// crypto/rand.Text.
	s.Rand = bytes.NewReader([]byte{9, 21, 14, 6, 26, 63, 0, 224})
	ch, err := AddNote{Case: "W-001", Note: record.Note{Kind: "contact", Mode: "phone"}}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Output != "2026-03-16-27aa" {
		t.Errorf("note ID %q, want 2026-03-16-27aa", ch.Output)
	}
	if _, ok := ch.Files["cases/W-001/notes/2026-03-16-27aa.yaml"]; !ok {
		t.Errorf("files written: %v", ch.Files)
	}

	// A source that runs dry is an error, not a short or repeated ID.
	s.Rand = bytes.NewReader([]byte{1, 2})
	if _, err := (AddNote{Case: "W-001", Note: record.Note{Kind: "contact", Mode: "phone"}}).Build(s); err == nil {
		t.Error("a random source with two bytes made a note ID")
	}

	// Without a source of its own, the State draws from crypto/rand, in the
	// same alphabet.
	s.Rand = nil
	ch, err = AddNote{Case: "W-001", Note: record.Note{Kind: "contact", Mode: "phone"}}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^2026-03-16-[a-z2-7]{4}$`).MatchString(ch.Output) {
		t.Errorf("note ID %q", ch.Output)
	}
}
