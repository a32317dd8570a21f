package casework

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
)

// handStore is a store with one WIOA case, W-001, holding a committed note,
// references and an activity week: what hand edits start from.
type handStore struct {
	dir  string
	note string // the committed note's path
}

func newHandStore(t *testing.T) handStore {
	t.Helper()
	dir, note := cached(t, "hand", func(t *testing.T, dir string) string {
		openTestCase(t, dir, "W-001")
		res, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, AddNote{Case: "W-001", Note: contactNote("2026-03-16")}.Build)
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, dir, "cases/W-001/references.yaml", "references:\n  - name: Ref One\n    relationship: supervisor\n")
		writeTestFile(t, dir, "cases/W-001/activity/2026-W12.yaml", "week: 2026-W12\n")
		gitCLI(t, dir, "add", "cases")
		gitCLI(t, dir, "commit", "-q", "-m", "W-001: references and activity\n\nCaseplan-Case: W-001\nCaseplan-Action: commit")
		return "cases/W-001/notes/" + res.Change.Output + ".yaml"
	})
	return handStore{dir: dir, note: note}
}

func TestCommitEdits(t *testing.T) {
	isolateHome(t)
	editedIntake := wioaIntake // adds a comment to the committed intake
	tests := []struct {
		name    string
		edit    func(t *testing.T, s handStore)
		message string
		author  Author
		// On success: the files the commit holds, its subject, its
		// Caseplan-Case trailers and the stray files reported.
		files   []string
		subject string
		cases   string
		skipped []string
		// On failure.
		wantErr func(error) bool
		refused []string // path and rule of each refused finding
	}{
		{
			name:    "nothing changed",
			edit:    func(t *testing.T, s handStore) {},
			wantErr: func(err error) bool { return errors.Is(err, ErrNothingToCommit) },
		},
		{
			name: "only files that are not records",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, "cases/W-001/call-log.txt", "Tue: no answer\n")
				writeTestFile(t, s.dir, "cases/notes.md", "office notes\n")
				writeTestFile(t, s.dir, "README.md", "outside cases/\n")
			},
			wantErr: func(err error) bool { return errors.Is(err, ErrNothingToCommit) },
		},
		{
			name: "an edit among stray, ignored and outside files",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, ".gitignore", "*~\n")
				writeTestFile(t, s.dir, "cases/W-001/intake.yaml~", "backup\n")
				writeTestFile(t, s.dir, "cases/W-001/intake.yaml", editedIntake)
				writeTestFile(t, s.dir, "cases/W-001/call-log.txt", "Tue: no answer\n")
				writeTestFile(t, s.dir, "README.md", "outside cases/\n")
			},
			message: "Record when to call",
			files:   []string{"cases/W-001/intake.yaml"},
			subject: "W-001: Record when to call",
			cases:   "W-001",
			skipped: []string{"cases/W-001/call-log.txt"},
		},
		{
			// A message typed as the subject will read is not given the
			// case's prefix twice.
			name:    "a message that names its case",
			edit:    func(t *testing.T, s handStore) { writeTestFile(t, s.dir, "cases/W-001/intake.yaml", editedIntake) },
			message: "W-001: notes recovered",
			files:   []string{"cases/W-001/intake.yaml"},
			subject: "W-001: notes recovered",
			cases:   "W-001",
		},
		{
			name:    "no message",
			edit:    func(t *testing.T, s handStore) { writeTestFile(t, s.dir, "cases/W-001/intake.yaml", editedIntake) },
			files:   []string{"cases/W-001/intake.yaml"},
			subject: "W-001: commit hand edits",
			cases:   "W-001",
		},
		{
			name: "a new note and a new week",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, "cases/W-001/notes/2026-03-16-hand.yaml", "id: 2026-03-16-hand\ndate: 2026-03-16\nauthor: mrivera\nkind: contact\nmode: email\n")
				writeTestFile(t, s.dir, "cases/W-001/activity/2026-W11.yaml", "week: 2026-W11\n")
			},
			message: "log by hand",
			files:   []string{"cases/W-001/activity/2026-W11.yaml", "cases/W-001/notes/2026-03-16-hand.yaml"},
			subject: "W-001: log by hand",
			cases:   "W-001",
		},
		{
			name: "a new case by hand",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, "cases/W-002/intake.yaml", strings.ReplaceAll(wioaIntake, "W-001", "W-002"))
				writeTestFile(t, s.dir, "cases/W-002/iep.yaml", "created: 2026-03-16\n")
			},
			message: "open W-002 by hand",
			files:   []string{"cases/W-002/iep.yaml", "cases/W-002/intake.yaml"},
			subject: "W-002: open W-002 by hand",
			cases:   "W-002",
		},
		{
			name: "edits in two cases",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, "cases/W-002/intake.yaml", strings.ReplaceAll(wioaIntake, "W-001", "W-002"))
				writeTestFile(t, s.dir, "cases/W-002/iep.yaml", "created: 2026-03-16\n")
				writeTestFile(t, s.dir, "cases/W-001/intake.yaml", editedIntake)
			},
			message: "two at once",
			files:   []string{"cases/W-001/intake.yaml", "cases/W-002/iep.yaml", "cases/W-002/intake.yaml"},
			subject: "caseplan: two at once",
			cases:   "W-001\nW-002",
		},
		{
			name:    "a removed record that is not a note",
			edit:    func(t *testing.T, s handStore) { removeTestFile(t, s.dir, "cases/W-001/references.yaml") },
			message: "drop the references",
			files:   []string{"cases/W-001/references.yaml"},
			subject: "W-001: drop the references",
			cases:   "W-001",
		},
		{
			// Renamed by hand to a name caseplan does not read (an
			// editor's "save as"), with CRLF line ends: the record is
			// there still, and committing would take it out of the case.
			name: "a record renamed to a name that is no record",
			edit: func(t *testing.T, s handStore) {
				refs := readTestFile(t, s.dir, "cases/W-001/references.yaml")
				removeTestFile(t, s.dir, "cases/W-001/references.yaml")
				writeTestFile(t, s.dir, "cases/W-001/refs.yaml", strings.ReplaceAll(refs, "\n", "\r\n"))
			},
			wantErr: refusedErr,
			refused: []string{"cases/W-001/refs.yaml unknown-file"},
		},
		{
			name: "the settings by hand",
			edit: func(t *testing.T, s handStore) {
				cfg := readTestFile(t, s.dir, layout.ConfigPath)
				cfg = strings.Replace(cfg, "    role: admin\n", "    role: admin\n  - id: dpatel\n    name: Dev Patel\n    email: dpatel@example.org\n", 1)
				writeTestFile(t, s.dir, layout.ConfigPath, cfg)
			},
			message: "add Dev",
			files:   []string{layout.ConfigPath},
			subject: "caseplan: add Dev",
			cases:   "-",
		},
		{
			name: "a tracked record git would ignore is still committed",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, ".git/info/exclude", "references.yaml\n")
				writeTestFile(t, s.dir, "cases/W-001/references.yaml", "references: []\n")
			},
			files:   []string{"cases/W-001/references.yaml"},
			subject: "W-001: commit hand edits",
			cases:   "W-001",
		},
		{
			name: "an untracked record git ignores",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, ".git/info/exclude", "cases/*/notes/*-wip.yaml\n")
				writeTestFile(t, s.dir, "cases/W-001/notes/2026-03-16-wip.yaml", "id: draft\n")
			},
			wantErr: func(err error) bool { return errors.Is(err, ErrNothingToCommit) },
		},
		{
			name: "an untracked directory git ignores",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, "cases/.gitignore", "drafts/\n")
				writeTestFile(t, s.dir, "cases/drafts/intake.yaml", "id: [\n")
				writeTestFile(t, s.dir, "cases/W-001/intake.yaml", editedIntake)
			},
			files:   []string{"cases/W-001/intake.yaml"},
			subject: "W-001: commit hand edits",
			cases:   "W-001",
			skipped: []string{"cases/.gitignore"},
		},
		{
			// git keeps tracking files in a directory that a later
			// ignore rule matches; an unchanged one is not a deletion.
			name: "unchanged tracked records in a directory git ignores",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, ".git/info/exclude", "activity/\n")
			},
			wantErr: func(err error) bool { return errors.Is(err, ErrNothingToCommit) },
		},
		{
			name:    "a changed note",
			edit:    func(t *testing.T, s handStore) { appendTestFile(t, s.dir, s.note, "results: changed later\n") },
			wantErr: refusedErr,
			refused: []string{"note note-changed"},
		},
		{
			name:    "a removed note",
			edit:    func(t *testing.T, s handStore) { removeTestFile(t, s.dir, s.note) },
			wantErr: refusedErr,
			refused: []string{"note note-removed"},
		},
		{
			name: "a removed case with its notes",
			edit: func(t *testing.T, s handStore) {
				if err := os.RemoveAll(filepath.Join(s.dir, "cases", "W-001")); err != nil {
					t.Fatal(err)
				}
			},
			wantErr: refusedErr,
			refused: []string{"note note-removed"},
		},
		{
			name: "an edit that breaks the schema",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, "cases/W-001/intake.yaml", strings.Replace(wioaIntake, "status: open", "status: pending", 1))
				writeTestFile(t, s.dir, "cases/W-001/references.yaml", "references: []\n")
			},
			wantErr: refusedErr,
			refused: []string{"cases/W-001/intake.yaml schema"},
		},
		{
			name: "an edit that breaks the case's consistency",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, "cases/W-001/intake.yaml", strings.Replace(wioaIntake, "manager: mrivera", "manager: nobody", 1))
			},
			wantErr: refusedErr,
			refused: []string{"cases/W-001/intake.yaml unknown-staff"},
		},
		{
			// Left over from a sealed.age removed by hand: no re-sealing
			// work a write leaves to validate, but a store CI would fail.
			name: "a recipients list without sealed fields",
			edit: func(t *testing.T, s handStore) {
				writeTestFile(t, s.dir, "cases/W-001/sealed.recipients", "# Who can read sealed.age.\nmrivera age1fingerprint\n")
			},
			wantErr: refusedErr,
			refused: []string{"cases/W-001/sealed.age sealed-recipients"},
		},
		{
			name:    "an author not on the roster",
			edit:    func(t *testing.T, s handStore) { writeTestFile(t, s.dir, "cases/W-001/intake.yaml", editedIntake) },
			author:  eve,
			wantErr: func(err error) bool { var e *NotOnRosterError; return errors.As(err, &e) },
		},
	}
	newHandStore(t) // build the shared store before the subtests run in parallel
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newHandStore(t)
			tt.edit(t, s)
			before := captureState(t, s.dir)
			author := tt.author
			if author == (Author{}) {
				author = maria
			}
			res, err := openWorkspace(t, s.dir, author).CommitEdits(tt.message)
			if tt.wantErr != nil {
				if err == nil || !tt.wantErr(err) {
					t.Fatalf("CommitEdits = %+v, %v (%T)", res, err, err)
				}
				var refused *RefusedError
				if errors.As(err, &refused) {
					var got []string
					for _, f := range refused.Findings {
						p := f.Path
						if strings.Contains(p, "/notes/") {
							p = "note"
						}
						got = append(got, p+" "+f.Rule)
					}
					if !slices.Equal(got, tt.refused) {
						t.Errorf("refused for %v, want %v", got, tt.refused)
					}
					// The edits stay in the files: the message must
					// not say "nothing was written".
					if msg := refused.Error(); !strings.Contains(msg, "nothing was committed, and your edits are still in the files") || strings.Contains(msg, "nothing was written") {
						t.Errorf("refusal reads %q, want it to say the edits are still in the files", msg)
					}
				}
				assertSameState(t, before, captureState(t, s.dir))
				return
			}
			if err != nil {
				t.Fatalf("CommitEdits: %v", err)
			}
			// One git call for the commit: hash, parent, subject, trailers
			// (a line each), then the files it changed.
			show := gitCLI(t, s.dir, "show", "--name-only", "--format=%H%n%P%n%s%n%(trailers:key=Caseplan-Case,valueonly)%(trailers:key=Caseplan-Action,valueonly)", "HEAD")
			want := strings.Join([]string{res.Commit, before.Head, tt.subject, tt.cases, "commit", "", ""}, "\n") + "\n" + strings.Join(tt.files, "\n")
			if show != want {
				t.Errorf("the commit:\n%s\nwant:\n%s", show, want)
			}
			if !slices.Equal(res.Skipped, tt.skipped) {
				t.Errorf("Skipped = %v, want %v", res.Skipped, tt.skipped)
			}
			// What was committed is clean; everything else is as it was.
			status := gitCLI(t, s.dir, "status", "--porcelain", "--untracked-files=all")
			for _, p := range tt.files {
				if strings.Contains(status, p) {
					t.Errorf("%s is still not clean:\n%s", p, status)
				}
			}
			for _, p := range append(slices.Clone(tt.skipped), "README.md", ".gitignore") {
				if _, ok := before.Files[p]; ok && !strings.Contains(status, "?? "+p) {
					t.Errorf("%s should be left untracked:\n%s", p, status)
				}
			}
		})
	}
}

func refusedErr(err error) bool {
	var e *RefusedError
	return errors.As(err, &e)
}

// TestCommitEditsSkippedIsPerCommit: the stray files a commit reports are
// the ones it left out, once each, however often the workspace is used.
func TestCommitEditsSkippedIsPerCommit(t *testing.T) {
	isolateHome(t)
	s := newHandStore(t)
	ws := openWorkspace(t, s.dir, maria)
	writeTestFile(t, s.dir, "cases/W-001/call-log.txt", "Tue: no answer\n")
	writeTestFile(t, s.dir, "cases/W-001/intake.yaml", wioaIntake)
	res, err := ws.CommitEdits("first")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"cases/W-001/call-log.txt"}; !slices.Equal(res.Skipped, want) {
		t.Fatalf("first commit: Skipped = %v, want %v", res.Skipped, want)
	}
	writeTestFile(t, s.dir, "cases/W-001/references.yaml", "references: []\n")
	res, err = ws.CommitEdits("second")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"cases/W-001/call-log.txt"}; !slices.Equal(res.Skipped, want) {
		t.Errorf("second commit: Skipped = %v, want %v", res.Skipped, want)
	}
}

// TestCommitEditsFirstCommit: hand-made records in a repository with no
// commit yet are committed as its first commit.
func TestCommitEditsFirstCommit(t *testing.T) {
	isolateHome(t)
	dir := t.TempDir()
	repo, err := gitstore.Init(dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	repo.Close()
	writeTestFile(t, dir, layout.ConfigPath, "organization: Hand Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n  wioa:\n    kind: wioa\n")
	writeTestFile(t, dir, "cases/W-001/intake.yaml", wioaIntake)
	writeTestFile(t, dir, "cases/W-001/iep.yaml", "created: 2026-03-16\n")
	writeTestFile(t, dir, "cases/W-001/scan.pdf", "%PDF")

	res, err := openWorkspace(t, dir, maria).CommitEdits("start the store")
	if err != nil {
		t.Fatal(err)
	}
	if got := gitCLI(t, dir, "rev-list", "--count", "HEAD"); got != "1" {
		t.Errorf("%s commits, want 1", got)
	}
	got := gitCLI(t, dir, "ls-tree", "-r", "--name-only", "HEAD")
	if want := "cases/W-001/iep.yaml\ncases/W-001/intake.yaml\ncases/caseplan.yaml"; got != want {
		t.Errorf("the first commit holds\n%s\nwant\n%s", got, want)
	}
	if !slices.Equal(res.Skipped, []string{"cases/W-001/scan.pdf"}) {
		t.Errorf("Skipped = %v", res.Skipped)
	}
	// The roster comes from the records being committed: someone not on it
	// cannot start a store in another's name.
	writeTestFile(t, dir, "cases/W-001/references.yaml", "references: []\n")
	_, err = openWorkspace(t, dir, eve).CommitEdits("")
	var roster *NotOnRosterError
	if !errors.As(err, &roster) {
		t.Errorf("CommitEdits by someone not on the roster: %v", err)
	}
}

func removeTestFile(t testing.TB, dir, rel string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
		t.Fatal(err)
	}
}

func appendTestFile(t testing.TB, dir, rel, text string) {
	t.Helper()
	writeTestFile(t, dir, rel, readTestFile(t, dir, rel)+text)
}

// TestCommitEmptiedRecord: a record emptied by hand (or commented out) is
// refused with the git command that brings back the committed one, which
// is whole; a record the commit adds empty has nothing to bring back.
func TestCommitEmptiedRecord(t *testing.T) {
	isolateHome(t)
	for _, tc := range []struct{ name, path, content, hint string }{
		{"emptied", "cases/W-001/intake.yaml", "", "the committed cases/W-001/intake.yaml is whole: bring it back with git checkout -- cases/W-001/intake.yaml (or git restore cases/W-001/intake.yaml), then make your edit again"},
		{"commented out", "cases/W-001/references.yaml", "# references:\n#   - name: Ref One\n", "the committed cases/W-001/references.yaml is whole: bring it back with git checkout -- cases/W-001/references.yaml (or git restore cases/W-001/references.yaml), then make your edit again"},
		{"new and empty", "cases/W-001/services.yaml", "\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newHandStore(t)
			writeTestFile(t, s.dir, tc.path, tc.content)
			_, err := openWorkspace(t, s.dir, maria).CommitEdits("emptied")
			var refused *RefusedError
			if !errors.As(err, &refused) {
				t.Fatalf("err = %v, want a refusal", err)
			}
			found := false
			for _, f := range refused.Findings {
				if f.Path == tc.path && f.Rule == "yaml-shape" {
					found = true
					if f.Hint != tc.hint {
						t.Errorf("hint %q, want %q", f.Hint, tc.hint)
					}
				}
			}
			if !found {
				t.Errorf("no yaml-shape finding on %s in %v", tc.path, refused.Findings)
			}
		})
	}
}

// TestCommitCopiedNote: a note copied from one case into another and
// committed by hand is refused (note-copied), naming the committed note
// it copies, with the rm that takes it out; a note of the same name with
// its own text is a note of its own, and a group session's notes, written
// by one commit, are taken.
func TestCommitCopiedNote(t *testing.T) {
	isolateHome(t)
	s := newHandStore(t)
	openTestCase(t, s.dir, "W-002")
	copied := strings.Replace(s.note, "W-001", "W-002", 1)
	writeTestFile(t, s.dir, copied, readTestFile(t, s.dir, s.note))
	_, err := openWorkspace(t, s.dir, maria).CommitEdits("copy")
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if len(refused.Findings) != 1 || refused.Findings[0].Rule != "note-copied" || refused.Findings[0].Path != copied ||
		!strings.Contains(refused.Findings[0].Message, "copy of "+s.note) || !strings.Contains(refused.Findings[0].Hint, "rm "+copied) {
		t.Fatalf("findings %v, want one note-copied on %s", refused.Findings, copied)
	}

	// The same name, its own words: a note of its own.
	writeTestFile(t, s.dir, copied, strings.Replace(readTestFile(t, s.dir, s.note), "Reviewed the week's applications", "Talked through the interview", 1))
	if _, err := openWorkspace(t, s.dir, maria).CommitEdits("own note"); err != nil {
		t.Fatalf("a note of its own under the same name: %v", err)
	}

	// A group session: the same note in both cases, by one commit.
	if _, err := openWorkspace(t, s.dir, maria).Apply([]string{"W-001", "W-002"}, AddGroupNote{Cases: []string{"W-001", "W-002"}, Note: contactNote("2026-03-16")}.Build); err != nil {
		t.Fatalf("group note: %v", err)
	}
}
