package findingout

import (
	"bytes"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
)

var sample = []finding.Finding{
	{Path: "cases/W-001/intake.yaml", Line: 5, Column: 9, Severity: finding.Error, Rule: "schema", Message: "status: not a valid choice", Case: "W-001"},
	{Path: "cases/W-001", Severity: finding.Warning, Rule: "unknown-file", Message: "scan.pdf is not a caseplan record", Case: "W-001"},
}

var waivedSample = finding.Finding{Path: "cases/W-001/intake.yaml", Line: 3, Column: 9, Severity: finding.Warning, Rule: "wioa-first-contact", Message: "no contact yet (waived by svisor on 2026-03-16: In hospital)", Case: "W-001", Waived: true}

func write(t *testing.T, w Writer, fs []finding.Finding) {
	t.Helper()
	if err := WriteAll(w, fs); err != nil {
		t.Fatal(err)
	}
}

// TestFormats pins the bytes of each format: validate's and verify's
// outputs are contracts that scripts and CI read.
func TestFormats(t *testing.T) {
	for _, tt := range []struct {
		name   string
		writer func(b *bytes.Buffer) (Writer, error)
		fs     []finding.Finding
		want   string
	}{
		{"store text", func(b *bytes.Buffer) (Writer, error) { return ForStore(b, "text", 1, 2, "") }, sample,
			"cases/W-001/intake.yaml:5:9: error schema: status: not a valid choice\ncases/W-001: warning unknown-file: scan.pdf is not a caseplan record\n"},
		{"history text", func(b *bytes.Buffer) (Writer, error) { return ForHistory(b, "text", HistoryRun{Commits: 3}) }, sample[:1],
			"cases/W-001/intake.yaml:5:9: error schema: status: not a valid choice\n"},
		{"store json", func(b *bytes.Buffer) (Writer, error) { return ForStore(b, "json", 1, 2, "") }, sample, `{
  "valid": false,
  "cases": 1,
  "files": 2,
  "errors": 1,
  "warnings": 1,
  "waived": 0,
  "findings": [
    {
      "path": "cases/W-001/intake.yaml",
      "line": 5,
      "column": 9,
      "severity": "error",
      "rule": "schema",
      "message": "status: not a valid choice",
      "case": "W-001"
    },
    {
      "path": "cases/W-001",
      "line": 0,
      "column": 0,
      "severity": "warning",
      "rule": "unknown-file",
      "message": "scan.pdf is not a caseplan record",
      "case": "W-001"
    }
  ]
}
`},
		{"store json, nothing found", func(b *bytes.Buffer) (Writer, error) { return ForStore(b, "json", 0, 1, "") }, nil,
			"{\n  \"valid\": true,\n  \"cases\": 0,\n  \"files\": 1,\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"waived\": 0,\n  \"findings\": []\n}\n"},
		// A waived finding is a warning, counted in warnings and apart in
		// waived (a field added to the contract, nothing renamed).
		{"store json, a waived warning", func(b *bytes.Buffer) (Writer, error) { return ForStore(b, "json", 1, 2, "") }, []finding.Finding{sample[1], waivedSample},
			"{\n  \"valid\": true,\n  \"cases\": 1,\n  \"files\": 2,\n  \"errors\": 0,\n  \"warnings\": 2,\n  \"waived\": 1,\n  \"findings\": [\n    {\n      \"path\": \"cases/W-001\",\n      \"line\": 0,\n      \"column\": 0,\n      \"severity\": \"warning\",\n      \"rule\": \"unknown-file\",\n      \"message\": \"scan.pdf is not a caseplan record\",\n      \"case\": \"W-001\"\n    },\n    {\n      \"path\": \"cases/W-001/intake.yaml\",\n      \"line\": 3,\n      \"column\": 9,\n      \"severity\": \"warning\",\n      \"rule\": \"wioa-first-contact\",\n      \"message\": \"no contact yet (waived by svisor on 2026-03-16: In hospital)\",\n      \"case\": \"W-001\",\n      \"waived\": true\n    }\n  ]\n}\n"},
		{"history json, a warning is valid", func(b *bytes.Buffer) (Writer, error) { return ForHistory(b, "json", HistoryRun{Commits: 7}) }, sample[1:],
			"{\n  \"valid\": true,\n  \"commits\": 7,\n  \"findings\": [\n    {\n      \"path\": \"cases/W-001\",\n      \"line\": 0,\n      \"column\": 0,\n      \"severity\": \"warning\",\n      \"rule\": \"unknown-file\",\n      \"message\": \"scan.pdf is not a caseplan record\",\n      \"case\": \"W-001\"\n    }\n  ]\n}\n"},
		// The range checked, when it was not the whole history (fields
		// added to the contract, nothing renamed).
		{"history json, after an anchor", func(b *bytes.Buffer) (Writer, error) {
			return ForHistory(b, "json", HistoryRun{Commits: 2, Since: strings.Repeat("a", 40), Anchor: strings.Repeat("b", 40)})
		}, nil,
			"{\n  \"valid\": true,\n  \"commits\": 2,\n  \"since\": \"" + strings.Repeat("a", 40) + "\",\n  \"anchor\": \"" + strings.Repeat("b", 40) + "\",\n  \"findings\": []\n}\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			w, err := tt.writer(&b)
			if err != nil {
				t.Fatal(err)
			}
			write(t, w, tt.fs)
			if b.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
	if _, err := ForHistory(&bytes.Buffer{}, "md", HistoryRun{}); err == nil {
		t.Error("verify has no md format, but ForHistory made one")
	}
}
