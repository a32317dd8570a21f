package casework

import (
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/schemas"
)

// TestNoteFile: a note written by hand is read with what the command sets
// laid over it, and its problems are reported at its own lines.
func TestNoteFile(t *testing.T) {
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		file     NoteFile
		wantErr  []string // the findings, as printed; nil: the note is read
		wantNote string   // "kind/mode/content" of the note read
	}{
		{
			name:     "what caseplan fills in may be left out",
			file:     NoteFile{Name: "call.yaml", Data: []byte("kind: contact\nmode: phone\ncontent: Called\n")},
			wantNote: "contact/phone/Called",
		},
		{
			name:     "the file's own values; Set only helps the check pass",
			file:     NoteFile{Name: "call.yaml", Data: []byte("kind: chat\ncontent: Called\n"), Set: map[string]any{"kind": "contact", "mode": "phone"}},
			wantNote: "chat//Called",
		},
		{
			name:     "Fill applies where the file says nothing",
			file:     NoteFile{Name: "fix.yaml", Data: []byte("content: The date was wrong\n"), Set: map[string]any{"kind": "amendment", "amends": "2026-03-04-abcd"}, Fill: map[string]any{"mode": "none"}},
			wantNote: "//The date was wrong",
		},
		{
			name:    "a schema problem at the file's line",
			file:    NoteFile{Name: "../bad.yaml", Data: []byte("content: Called\ntwo_way: maybe\n"), Set: map[string]any{"kind": "contact", "mode": "phone"}},
			wantErr: []string{"../bad.yaml:2:10: error schema: two_way: "},
		},
		{
			name:    "a missing field the command does not fill",
			file:    NoteFile{Name: "<stdin>", Data: []byte("kind: contact\ncontent: Called\n")},
			wantErr: []string{"<stdin>:1:1: error schema: "},
		},
		{
			name:    "not YAML",
			file:    NoteFile{Name: "x.yaml", Data: []byte("kind: [contact\n")},
			wantErr: []string{"x.yaml:"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := tt.file.Note(v)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatal(err)
				}
				if got := n.Kind + "/" + n.Mode + "/" + n.Content; got != tt.wantNote {
					t.Errorf("note %q, want %q", got, tt.wantNote)
				}
				if n.ID != "" || n.Date != "" || n.Author != "" {
					t.Errorf("the stand-ins leaked into the note: %+v", n)
				}
				return
			}
			var nf *NoteFileError
			if !errors.As(err, &nf) || len(nf.Findings) != len(tt.wantErr) {
				t.Fatalf("err = %v, want a NoteFileError with %d finding(s)", err, len(tt.wantErr))
			}
			for i, want := range tt.wantErr {
				if got := nf.Findings[i].String(); !strings.HasPrefix(got, want) {
					t.Errorf("finding %q, want it to start %q", got, want)
				}
			}
			if want := tt.file.Name + " is not a valid note; nothing was written"; err.Error() != want {
				t.Errorf("error %q, want %q", err, want)
			}
		})
	}
}
