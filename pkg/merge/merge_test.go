package merge

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

var update = flag.Bool("update", false, "rewrite the merged and conflicts sections of testdata/*.txtar")

// TestFixtures merges each testdata/*.txtar: a comment whose first line is
// "path: <the record file's path>" and a description, then the files base
// (absent when both sides created the file), ours and theirs, and the
// expected merged file and conflicts. Every result is also checked by
// checkResult, and the merge laws by checkLaws.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			path, _, _ := strings.Cut(string(ar.Comment), "\n")
			path, ok := strings.CutPrefix(path, "path: ")
			if !ok {
				t.Fatalf("%s: the comment does not start with path:", file)
			}
			sec := sections(ar)
			base, ours, theirs := sec["base"], sec["ours"], sec["theirs"]
			if ours == nil || theirs == nil {
				t.Fatalf("%s: no ours or theirs", file)
			}
			got, err := Record(path, base, ours, theirs)
			if err != nil {
				t.Fatalf("Record: %v", err)
			}
			conflicts := conflictText(got.Conflicts)
			if *update {
				setSection(ar, "merged", got.Data)
				setSection(ar, "conflicts", conflicts)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				if want := sec["merged"]; !bytes.Equal(got.Data, want) {
					t.Errorf("merged:\n%s\nwant:\n%s", got.Data, want)
				}
				if want := sec["conflicts"]; !bytes.Equal(conflicts, want) {
					t.Errorf("conflicts:\n%s\nwant:\n%s", conflicts, want)
				}
			}
			checkResult(t, path, got.Data, base, ours, theirs)
			checkLaws(t, path, base, ours, theirs)

			// With the sides swapped the merge is just as sound, and finds
			// the same conflicts, each the other way round.
			swapped, err := Record(path, base, theirs, ours)
			if err != nil {
				t.Fatalf("Record with the sides swapped: %v", err)
			}
			checkResult(t, path, swapped.Data, base, ours, theirs)
			if a, b := conflictPaths(got.Conflicts), conflictPaths(swapped.Conflicts); !slices.Equal(a, b) {
				t.Errorf("conflicts at %q, but with the sides swapped at %q", a, b)
			}
		})
	}
}

func sections(ar *txtar.Archive) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range ar.Files {
		out[f.Name] = f.Data
	}
	return out
}

func setSection(ar *txtar.Archive, name string, data []byte) {
	for i, f := range ar.Files {
		if f.Name == name {
			ar.Files[i].Data = data
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: data})
}

// conflictText renders conflicts for a golden file.
func conflictText(cs []Conflict) []byte {
	if len(cs) == 0 {
		return nil
	}
	type c struct {
		Path   string `yaml:"path"`
		Ours   string `yaml:"ours"`
		Theirs string `yaml:"theirs"`
	}
	var out []c
	for _, x := range cs {
		out = append(out, c{strings.Join(x.Path, " / "), x.Ours, x.Theirs})
	}
	b, err := yaml.Marshal(out)
	if err != nil {
		panic(err)
	}
	return b
}

func conflictPaths(cs []Conflict) []string {
	var out []string
	for _, c := range cs {
		out = append(out, strings.Join(c.Path, " / "))
	}
	slices.Sort(out)
	return out
}

var validator = sync.OnceValues(schemas.Compile)

// checkResult fails when merged, the merge of inputs, is not a record file
// pkg/load reads, has a schema error none of the inputs has, or is not in
// the canonical form when every input is.
func checkResult(t *testing.T, path string, merged []byte, inputs ...[]byte) {
	t.Helper()
	kind, _ := layout.KindOf(path)
	doc, fs := load.Parse(path, merged)
	if len(fs) > 0 {
		t.Fatalf("the merged file does not parse: %v\n%s", fs, merged)
	}
	had := map[string]bool{}
	for _, in := range inputs {
		for _, e := range schemaErrors(t, kind, path, in) {
			had[e] = true
		}
	}
	for _, e := range schemaErrors(t, kind, path, merged) {
		if !had[e] {
			t.Errorf("the merge made a schema error: %s\n%s", e, merged)
		}
	}
	canonical := true
	for _, in := range inputs {
		canonical = canonical && (in == nil || isCanonical(t, path, in))
	}
	if canonical && !isCanonical(t, path, merged) {
		want, _ := canonicalForm(path, doc)
		t.Errorf("every input is canonical, but the merge is not:\n%s\nwant:\n%s", merged, want)
	}
}

var itemN = regexp.MustCompile(`item [0-9]+`)

// schemaErrors returns data's schema errors with list positions left out,
// so that an error an input has is recognised where the merge moved it.
func schemaErrors(t *testing.T, kind, path string, data []byte) []string {
	t.Helper()
	v, err := validator()
	if err != nil {
		t.Fatal(err)
	}
	doc, fs := load.Parse(path, data)
	if len(fs) > 0 {
		return nil
	}
	var out []string
	for _, e := range v.Validate(kind, doc.Value()) {
		var at []string
		for _, p := range e.Path {
			if _, err := strconv.Atoi(p); err != nil {
				at = append(at, p)
			}
		}
		out = append(out, strings.Join(at, ".")+": "+itemN.ReplaceAllString(e.Message, "item"))
	}
	return out
}

func isCanonical(t *testing.T, path string, data []byte) bool {
	t.Helper()
	doc, fs := load.Parse(path, data)
	if len(fs) > 0 {
		return false
	}
	want, err := canonicalForm(path, doc)
	return err == nil && bytes.Equal(want, data)
}

// canonicalForm is record.Marshal's encoding of doc.
func canonicalForm(path string, doc *load.Document) ([]byte, error) {
	kind, _ := layout.KindOf(path)
	rec := record.New(kind)
	if err := doc.Decode(rec); err != nil {
		return nil, err
	}
	return record.Marshal(path, rec)
}

// checkLaws checks that merging a change with itself or with no change
// gives that change: merge(base, x, x) and merge(base, base, x) are x, and
// merge(base, x, base) is x, byte for byte (theirs has nothing of its own
// to keep). With theirs only reformatted — base with a comment of theirs —
// merge(base, x, theirs) is x's record in theirs' layout: the same record
// as x, with theirs' comment.
func checkLaws(t *testing.T, path string, base, ours, theirs []byte) {
	t.Helper()
	for _, x := range [][]byte{ours, theirs} {
		for _, c := range []struct {
			name        string
			ours, their []byte
		}{{"merge(base, x, x)", x, x}, {"merge(base, base, x)", base, x}, {"merge(base, x, base)", x, base}} {
			if c.ours == nil || c.their == nil {
				continue // no base
			}
			got, err := Record(path, base, c.ours, c.their)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if !bytes.Equal(got.Data, x) || len(got.Conflicts) > 0 {
				t.Errorf("%s =\n%s\n%v\nwant x:\n%s", c.name, got.Data, got.Conflicts, x)
			}
		}
		if base == nil {
			continue
		}
		reformatted := append(bytes.Clone(base), "# checked by the supervisor\n"...)
		got, err := Record(path, base, x, reformatted)
		if err != nil {
			t.Fatalf("merge(base, x, base reformatted): %v", err)
		}
		if !sameRecord(t, path, got.Data, x) || !bytes.Contains(got.Data, []byte("# checked by the supervisor")) || len(got.Conflicts) > 0 {
			t.Errorf("merge(base, x, base reformatted) =\n%s\nwant the record\n%s\nwith theirs' comment", got.Data, x)
		}
	}
}

// sameRecord reports whether a and b hold the same record, however written.
func sameRecord(t *testing.T, path string, a, b []byte) bool {
	t.Helper()
	da, fa := load.Parse(path, a)
	db, fb := load.Parse(path, b)
	if len(fa) > 0 || len(fb) > 0 {
		t.Fatalf("not records: %v %v", fa, fb)
	}
	return equal(da.Root, db.Root)
}

func TestNotesAreNeverMerged(t *testing.T) {
	const path = "cases/2026-T3ST1/notes/2026-03-02-k7qx.yaml"
	note := func(content string) []byte {
		return []byte("# yaml-language-server: $schema=../../../schemas/note.schema.json\n" +
			"id: 2026-03-02-k7qx\ndate: 2026-03-02\nauthor: alucero\nkind: contact\nmode: phone\ncontent: " + content + "\n")
	}
	a, b, c := note("called"), note("called back"), note("left a message")
	for _, tt := range []struct {
		name               string
		base, ours, theirs []byte
		want               []byte
		wantErr            error
	}{
		{"a new note on one side", nil, a, a, a, nil},
		{"unchanged", a, a, a, a, nil},
		{"changed by ours only", a, b, a, b, nil},
		{"changed by theirs only", a, a, b, b, nil},
		{"changed on both sides alike", a, b, b, b, nil},
		{"changed on both sides", a, b, c, nil, ErrNoteChanged},
		{"created on both sides differently", nil, b, c, nil, ErrNoteChanged},
	} {
		got, err := Record(path, tt.base, tt.ours, tt.theirs)
		if !errors.Is(err, tt.wantErr) || !bytes.Equal(got.Data, tt.want) {
			t.Errorf("%s: got %q, %v; want %q, %v", tt.name, got.Data, err, tt.want, tt.wantErr)
		}
	}
}

func TestBadInput(t *testing.T) {
	const path = "cases/2026-T3ST1/services.yaml"
	good := []byte("# yaml-language-server: $schema=../../schemas/services.schema.json\nreferrals:\n  - id: R1\n    service: Bus pass\n    provider: Riverside Transit\n    referred: 2026-03-02\n    status: referred\n")
	broken := []byte("# yaml-language-server: $schema=../../schemas/services.schema.json\nreferrals:\n  - id: R1\n    service: [Bus pass\n")
	for _, tt := range []struct {
		side               string
		base, ours, theirs []byte
	}{
		{"base", broken, good, good},
		{"ours", good, broken, good},
		{"theirs", good, good, broken},
	} {
		_, err := Record(path, tt.base, tt.ours, tt.theirs)
		_, fs := load.Parse(path, broken) // pkg/load says where a syntax error is
		want := tt.side + " version of " + path + ", line " + strconv.Itoa(fs[0].Line) + ": "
		var ie *InputError
		if !errors.As(err, &ie) || ie.Side != tt.side || fs[0].Line < 2 || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s broken: err = %v, want an InputError starting %q", tt.side, err, want)
		}
	}
	if _, err := Record("README.md", good, good, good); err == nil {
		t.Error("a file that is no record merged")
	}
}

// TestCRLF: theirs written with CRLF line ends (a Windows editor) merges
// to the same record as with LF, its lines keeping their CRLF.
func TestCRLF(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/iep-comments.txtar")
	if err != nil {
		t.Fatal(err)
	}
	const path = "cases/2026-T3ST1/iep.yaml"
	sec := sections(ar)
	crlf := bytes.ReplaceAll(sec["theirs"], []byte("\n"), []byte("\r\n"))
	got, err := Record(path, sec["base"], sec["ours"], crlf)
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, path, got.Data, sec["base"], sec["ours"], crlf)
	if !sameRecord(t, path, got.Data, sec["merged"]) {
		t.Errorf("with theirs in CRLF the merge is\n%s\nwant the record\n%s", got.Data, sec["merged"])
	}
	if !bytes.Contains(got.Data, []byte("# Plan agreed with Rosa at intake; see the note of 2026-01-14.\r\n")) {
		t.Errorf("theirs' CRLF lines changed:\n%q", got.Data)
	}
}
