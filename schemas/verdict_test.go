package schemas

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/load"
)

// demoDocs returns every record of the demo store by kind, read as the
// loader reads them.
func demoDocs(t *testing.T) map[string][]any {
	t.Helper()
	out := map[string][]any{}
	err := filepath.WalkDir("../cases", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		kind := strings.TrimSuffix(filepath.Base(p), ".yaml")
		switch filepath.Base(filepath.Dir(p)) {
		case "notes":
			kind = "note"
		case "activity":
			kind = "activity"
		case "cohorts":
			kind = "cohort"
		case "import-rules":
			kind = "import-rules"
		}
		if !slices.Contains(Kinds, kind) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[kind] = append(out[kind], doc(t, string(data)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestQuickAgrees holds the quick verdict to the library's on the demo
// store's records and on many broken copies of them: quick may leave a
// value to the library, never say valid where the library finds a problem
// (a record would pass unchecked) or invalid where it finds none.
func TestQuickAgrees(t *testing.T) {
	v := compile(t)
	docs := demoDocs(t)
	if len(docs) < 8 {
		t.Fatalf("read %d kinds of record from the demo store, want 8 or more", len(docs))
	}
	for k, m := range minimal {
		docs[k] = append(docs[k], doc(t, m))
	}
	rng := rand.New(rand.NewPCG(12, 1))
	decided, validSeen, invalidSeen, total := 0, 0, 0, 0
	for kind, list := range docs {
		q, lib := v.quick[kind], v.schemas[kind]
		for _, d := range list {
			// An unbroken record the library passes must be passed
			// quickly: the whole point.
			if lib.Validate(d) == nil && q.check(d, 0) != valid {
				t.Errorf("%s: a valid record (%.80v) is left to the library", kind, d)
			}
			if data, err := yaml.Marshal(d); err == nil && lib.Validate(d) == nil {
				var doc yaml.Node
				var scan nodeScan
				if yaml.Unmarshal(data, &doc) != nil || q.checkNode(doc.Content[0], 0, &scan) != valid {
					t.Errorf("%s: a valid record is left to the library on its nodes:\n%s", kind, data)
				}
			}
			for range 300 {
				m := deepCopy(d)
				for range 1 + rng.IntN(3) {
					m = mutate(rng, m)
				}
				want := lib.Validate(m) == nil
				got := q.check(m, 0)
				total++
				checkNodeAgrees(t, v, kind, m)
				switch {
				case got == unknown:
					continue
				case got == valid && !want:
					t.Fatalf("%s: quick says valid, the library does not: %#v", kind, m)
				case got == invalid && want:
					t.Fatalf("%s: quick says invalid, the library does not: %#v", kind, m)
				}
				decided++
				if want {
					validSeen++
				} else {
					invalidSeen++
				}
			}
		}
	}
	t.Logf("%d broken copies: quick decided %d (%d valid, %d invalid)", total, decided, validSeen, invalidSeen)
	if validSeen < total/20 || invalidSeen < total/4 {
		t.Errorf("the mutations made %d valid and %d invalid records of %d: too few of one to test both verdicts", validSeen, invalidSeen, total)
	}
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = deepCopy(e)
		}
		return s
	}
	return v
}

// odd values a mutation puts in a record: of every JSON type, and strings
// that are nearly dates, IDs, emails or enum words.
var odd = []any{
	nil, true, false, int64(0), int64(-1), int64(3), int64(40), int64(1 << 40), 2.5, -0.5, 3.0, "",
	" ", "x", "2026-03-02", "2026-02-30", "2026-13-01", "2026-3-2", "20260302", "jdoe", "J Doe",
	"2024-02-29", "2023-02-29", "0000-01-01", "2026-00-10", "2026-04-31", "call 123 45 6789 today", "1234-56-789",
	"ws", "wioa-dw", "taa", "a@b.example", "not an email", "@b.example", "open", "closed", "phone",
	"in-person", "G1", "G1-O1", "S-3K9QX", "123-45-6789", "2026-W10", "short", "long", "employed",
	[]any{}, []any{"x"}, []any{int64(1)}, map[string]any{}, map[string]any{"id": "G9"},
}

func oddValue(rng *rand.Rand) any { return deepCopy(odd[rng.IntN(len(odd))]) }

// mutate changes one place in v: a value replaced, a field removed or
// added, a list item dropped or repeated.
func mutate(rng *rand.Rand, v any) any {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		switch r := rng.IntN(10); {
		case r == 0 || len(keys) == 0:
			x[[]string{"extra", "notes", "id", "date", "status"}[rng.IntN(5)]] = oddValue(rng)
		case r == 1:
			delete(x, keys[rng.IntN(len(keys))])
		case r < 4:
			x[keys[rng.IntN(len(keys))]] = oddValue(rng)
		default:
			k := keys[rng.IntN(len(keys))]
			x[k] = mutate(rng, x[k])
		}
		return x
	case []any:
		switch r := rng.IntN(6); {
		case len(x) == 0 || r == 0:
			return append(x, oddValue(rng))
		case r == 1:
			i := rng.IntN(len(x))
			return slices.Delete(x, i, i+1)
		case r == 2:
			return append(x, deepCopy(x[rng.IntN(len(x))]))
		default:
			i := rng.IntN(len(x))
			x[i] = mutate(rng, x[i])
			return x
		}
	}
	if rng.IntN(2) == 0 {
		return oddValue(rng)
	}
	return v
}

// TestQuickLeavesToLibrary checks that what quick does not follow —
// keywords caseplan's schemas do not use, numbers in an enum, Go types the
// loader does not produce, nesting past its bound — is left to the
// library, and only that.
func TestQuickLeavesToLibrary(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	schema := map[string]any{
		"type": "object",
		"properties": map[string]any{
			"any":    map[string]any{"anyOf": []any{map[string]any{"type": "string"}, map[string]any{"type": "integer"}}},
			"unique": map[string]any{"type": "array", "uniqueItems": true},
			"level":  map[string]any{"enum": []any{1.0, 2.0, "three"}},
			"name":   map[string]any{"type": "string", "minLength": 1.0},
			"tree":   map[string]any{"$ref": "#"},
			"open":   map[string]any{"type": "object"},
			"free":   map[string]any{"type": "object", "additionalProperties": true},
			"list":   map[string]any{"type": "array"},
		},
	}
	if err := c.AddResource("https://example.test/s.json", schema); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("https://example.test/s.json")
	if err != nil {
		t.Fatal(err)
	}
	q := compileQuick(s, map[*jsonschema.Schema]*quick{})
	deep := map[string]any{"name": "x"}
	for range maxQuickDepth + 2 {
		deep = map[string]any{"tree": deep}
	}
	for _, tc := range []struct {
		doc  any
		want verdict
	}{
		{map[string]any{"name": "x"}, valid},
		{map[string]any{"name": ""}, invalid},
		{map[string]any{"name": 7}, unknown}, // an int, not the loader's int64
		{map[string]any{"any": "x"}, unknown},
		{map[string]any{"unique": []any{"a", "a"}}, unknown},
		{map[string]any{"level": "three"}, valid},
		{map[string]any{"level": int64(2)}, unknown},
		{map[string]any{"level": "four"}, unknown}, // the numbers in the enum: only the library compares them
		{map[string]any{"tree": map[string]any{"tree": map[string]any{"name": ""}}}, invalid},
		{deep, unknown},
	} {
		if got := q.check(tc.doc, 0); got != tc.want {
			t.Errorf("%v: verdict %d, want %d", tc.doc, got, tc.want)
		}
	}
	// On nodes, a string no schema describes is still looked at for an
	// SSN's shape, which noFullSSN refuses.
	for _, src := range []string{"open: {x: 123-45-6789}\n", "free: {x: [a, 123 45 6789]}\n", "list: [{a: 123.45.6789}]\n", "tree: {open: {b: 123-45-6789}}\n"} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(err)
		}
		var scan nodeScan
		if got := q.checkNode(doc.Content[0], 0, &scan); got != valid || !scan.ssn {
			t.Errorf("%q: verdict %d, SSN seen %v; want valid, seen", src, got, scan.ssn)
		}
	}
}

// checkNodeAgrees holds ValidateNode to Validate on m written as YAML and
// read back as the loader reads it, and the quick verdict on its nodes to
// the library's on its values.
func checkNodeAgrees(t *testing.T, v *Validator, kind string, m any) {
	t.Helper()
	data, err := yaml.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		t.Fatalf("%v\n%s", err, data)
	}
	root := doc.Content[0]
	value := jsonLike(t, root)
	got, want := v.ValidateNode(kind, root, func() any { return value }), v.Validate(kind, value)
	if !slices.EqualFunc(got, want, func(a, b Error) bool { return a.Message == b.Message && slices.Equal(a.Path, b.Path) }) {
		t.Fatalf("%s: ValidateNode %v, Validate %v, on\n%s", kind, got, want, data)
	}
	libValid := v.schemas[kind].Validate(value) == nil
	var scan nodeScan
	switch v.quick[kind].checkNode(root, 0, &scan) {
	case valid:
		if !libValid {
			t.Fatalf("%s: quick says valid on the nodes, the library does not:\n%s", kind, data)
		}
		if scan.ssn != anySSN(value) {
			t.Fatalf("%s: the nodes' scan finds an SSN %v, the values' %v:\n%s", kind, scan.ssn, anySSN(value), data)
		}
	case invalid:
		if libValid {
			t.Fatalf("%s: quick says invalid on the nodes, the library does not:\n%s", kind, data)
		}
	}
}

// TestPlainDate holds load.PlainDate to time.Parse, the library's date format,
// on every day of four years (a leap one, a century, 2000, year 0) and on
// near misses.
func TestPlainDate(t *testing.T) {
	var inputs []string
	for _, y := range []string{"0000", "1900", "2000", "2023", "2024"} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				inputs = append(inputs, fmt.Sprintf("%s-%02d-%02d", y, m, d))
			}
		}
	}
	inputs = append(inputs, "2026-3-02", "2026-03-2", "2026/03/02", "2026-03-02 ", " 2026-03-02", "20260-3-02", "+026-03-02", "2026-0a-02", "")
	for _, in := range inputs {
		_, err := time.Parse("2006-01-02", in)
		if load.PlainDate(in) && err != nil {
			t.Errorf("PlainDate(%q) passes what time.Parse refuses: %v", in, err)
		}
		if !load.PlainDate(in) && err == nil && len(in) == 10 {
			t.Errorf("PlainDate(%q) leaves to the library a date time.Parse reads", in)
		}
	}
}
