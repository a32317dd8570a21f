package findingout

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/caseplan/caseplan/pkg/finding"
)

func sarifSample(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := ForStore(&b, "sarif", 1, 2, "", Tool{Version: "v1.4.0", Describe: func(id string) string {
		if id == "schema" {
			return "a record has the shape its JSON Schema gives"
		}
		return ""
	}})
	if err != nil {
		t.Fatal(err)
	}
	write(t, w, append(sample, finding.Finding{Path: "cases/W-002/intake.yaml", Line: 3, Column: 1, Severity: finding.Error, Rule: "schema", Message: "second"}))
	return b.Bytes()
}

// TestSARIFShape checks validate -o sarif's log against what SARIF 2.1.0
// requires and what GitHub code scanning reads: the version and schema,
// one run whose tool.driver names caseplan, its version and each rule
// reported once, and a result per finding with its rule (by ID and index
// into the rules), level, message and location (a file's line and column
// when there is one).
func TestSARIFShape(t *testing.T) {
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID               string `json:"id"`
						ShortDescription struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						}
						Region *struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	out := sarifSample(t)
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || log.Schema != SARIFSchema || len(log.Runs) != 1 {
		t.Fatalf("version %q, $schema %q, %d runs:\n%s", log.Version, log.Schema, len(log.Runs), out)
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "caseplan" || d.Version != "v1.4.0" || d.InformationURI == "" {
		t.Errorf("driver %+v", d)
	}
	if len(d.Rules) != 2 || d.Rules[0].ID != "schema" || d.Rules[1].ID != "unknown-file" ||
		d.Rules[0].ShortDescription.Text != "a record has the shape its JSON Schema gives" || d.Rules[1].ShortDescription.Text != "unknown-file" {
		t.Errorf("rules %+v: want schema and unknown-file, once each, described", d.Rules)
	}
	if len(run.Results) != 3 {
		t.Fatalf("%d results, want 3", len(run.Results))
	}
	for i, r := range run.Results {
		if d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %d is not %s", i, r.RuleIndex, r.RuleID)
		}
		if r.Level != "error" && r.Level != "warning" || r.Message.Text == "" || len(r.Locations) != 1 {
			t.Errorf("result %d: %+v", i, r)
		}
	}
	first, whole := run.Results[0].Locations[0].PhysicalLocation, run.Results[1].Locations[0].PhysicalLocation
	if first.ArtifactLocation.URI != "cases/W-001/intake.yaml" || first.ArtifactLocation.URIBaseID != "%SRCROOT%" || first.Region == nil || first.Region.StartLine != 5 || first.Region.StartColumn != 9 {
		t.Errorf("first location %+v", first)
	}
	// Code scanning places a result by its region's start line (GH1003):
	// a finding about a whole file is at its first line.
	if whole.Region == nil || whole.Region.StartLine != 1 || whole.Region.StartColumn != 1 || run.Results[1].Level != "warning" {
		t.Errorf("a finding about a whole file is at %+v, want line 1, column 1", whole)
	}

	var empty bytes.Buffer
	w, _ := ForStore(&empty, "sarif", 0, 0, "")
	write(t, w, nil)
	if !bytes.Contains(empty.Bytes(), []byte(`"results": []`)) || !bytes.Contains(empty.Bytes(), []byte(`"rules": []`)) {
		t.Errorf("no findings: results and rules must be empty lists:\n%s", empty.String())
	}
}

// TestSARIFSchema validates the log against the official SARIF 2.1.0 JSON
// Schema. .ci/run puts it in $CASEPLAN_TEST_TOOLS, from the npm package
// @microsoft/jest-sarif.
func TestSARIFSchema(t *testing.T) {
	path := filepath.Join(os.Getenv("CASEPLAN_TEST_TOOLS"), "sarif-2.1.0-rtm.5.json")
	if os.Getenv("CASEPLAN_TEST_TOOLS") == "" {
		t.Skip("the SARIF 2.1.0 schema is not at hand: set CASEPLAN_TEST_TOOLS to a folder holding sarif-2.1.0-rtm.5.json (.ci/run does)")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schema, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", schema); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string][]byte{"findings": sarifSample(t), "waived": sarifWaived(t), "hint": sarifHinted(t), "history": sarifHistory(t), "none": func() []byte {
		var b bytes.Buffer
		w, _ := ForStore(&b, "sarif", 0, 0, "")
		write(t, w, nil)
		return b.Bytes()
	}()} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(doc); err != nil {
			t.Errorf("%s: not valid SARIF 2.1.0: %v", name, err)
		}
	}
	// The schema has teeth: a level SARIF does not know is refused.
	bad, _ := jsonschema.UnmarshalJSON(bytes.NewReader(bytes.Replace(sarifSample(t), []byte(`"level": "error"`), []byte(`"level": "fatal"`), 1)))
	if s.Validate(bad) == nil {
		t.Error("the SARIF schema accepted a result of level fatal")
	}
}

func sarifWaived(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := ForStore(&b, "sarif", 1, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	waived := waivedSample
	waived.WaiverReason = "In hospital"
	write(t, w, []finding.Finding{sample[1], waived})
	return b.Bytes()
}

// TestSARIFWaived: a warning a supervisor waived is a suppressed result
// (SARIF 2.1.0 §3.27.23, result.suppressions), kept outside the file
// ("external") and accepted, with the waiver's reason as justification,
// so code scanning does not show it as an open warning; a plain warning
// has no suppressions.
func TestSARIFWaived(t *testing.T) {
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []map[string]string
			}
		}
	}
	out := sarifWaived(t)
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	rs := log.Runs[0].Results
	if len(rs) != 2 {
		t.Fatalf("%d results, want 2:\n%s", len(rs), out)
	}
	if rs[0].Suppressions != nil || bytes.Count(out, []byte(`"suppressions"`)) != 1 {
		t.Errorf("a plain warning is suppressed:\n%s", out)
	}
	want := map[string]string{"kind": "external", "status": "accepted", "justification": "In hospital"}
	if len(rs[1].Suppressions) != 1 || !maps.Equal(rs[1].Suppressions[0], want) {
		t.Errorf("waived result's suppressions %v, want [%v]", rs[1].Suppressions, want)
	}
}

// TestSARIFURI: a result's artifactLocation.uri is a URI reference (SARIF
// 2.1.0 §3.4.3, RFC 3986), so a file name's space, "#", "%" or "?" is
// percent-encoded — else code scanning reads "#" as the start of a
// fragment and points at another file — and it decodes back to the path.
func TestSARIFURI(t *testing.T) {
	for _, path := range []string{
		"cases/W-001/intake.yaml",
		"cases/W-001/Scan 2026#3 100%.pdf",
		"cases/W-001/notes/what?.yaml",
		"cases/W-001/notes/a,b:c\nd.yaml",
		"a:b/intake.yaml", // a first segment with a colon is no scheme
	} {
		var b bytes.Buffer
		w, _ := ForStore(&b, "sarif", 1, 0, "")
		write(t, w, []finding.Finding{{Path: path, Severity: finding.Warning, Rule: "unknown-file", Message: "m"}})
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
						}
					}
				}
			}
		}
		if err := json.Unmarshal(b.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		uri := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI
		u, err := url.Parse(uri)
		if err != nil || u.Scheme != "" || u.Fragment != "" || u.RawQuery != "" || strings.TrimPrefix(u.Path, "./") != path {
			t.Errorf("%q: uri %q is not a relative reference to it (%v)", path, uri, err)
		}
	}
}

var hintedSample = finding.Finding{Path: "cases/W-001/iep.yaml", Line: 96, Column: 8, Severity: finding.Error, Rule: "schema", Message: "contact_schedule, day: is not allowed when every is monthly", Hint: "take day: out"}

func sarifHinted(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := ForStore(&b, "sarif", 1, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	write(t, w, []finding.Finding{sample[0], hintedSample})
	return b.Bytes()
}

// TestSARIFHint: a finding's hint is in its result's message text, on a
// line labelled hint: (what code scanning shows of a result), and alone
// in the result's property bag; a finding without one has neither.
func TestSARIFHint(t *testing.T) {
	var log struct {
		Runs []struct {
			Results []struct {
				Message    struct{ Text string }
				Properties map[string]string
			}
		}
	}
	out := sarifHinted(t)
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	rs := log.Runs[0].Results
	if len(rs) != 2 {
		t.Fatalf("%d results, want 2:\n%s", len(rs), out)
	}
	if rs[0].Message.Text != sample[0].Message || rs[0].Properties != nil {
		t.Errorf("a finding without a hint: message %q, properties %v", rs[0].Message.Text, rs[0].Properties)
	}
	if want := "contact_schedule, day: is not allowed when every is monthly\nhint: take day: out"; rs[1].Message.Text != want {
		t.Errorf("message %q, want %q", rs[1].Message.Text, want)
	}
	if !maps.Equal(rs[1].Properties, map[string]string{"hint": "take day: out"}) {
		t.Errorf("properties %v, want the hint", rs[1].Properties)
	}
}

const (
	noteCommit   = "1111111111111111111111111111111111111111"
	rosterCommit = "2222222222222222222222222222222222222222"
	anchorCommit = "3333333333333333333333333333333333333333"
)

// historySample is what verify finds: a note changed in a commit, and a
// commit by someone off the roster, which names no file.
var historySample = []finding.Finding{
	{Path: "cases/W-001/notes/2026-03-02-k7qx.yaml", Severity: finding.Error, Rule: "note-changed", Message: "note changed after it was committed", Case: "W-001", Commit: noteCommit, Hint: "put the branch back"},
	{Severity: finding.Error, Rule: "author-not-on-roster", Message: "mallory@example.org is not on the roster", Commit: rosterCommit},
}

func sarifHistory(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := ForHistory(&b, "sarif", HistoryRun{Commits: 4, Since: anchorCommit, Anchor: anchorCommit, Place: "cases/caseplan.yaml",
		Tool: Tool{Version: "v1.4.0", Describe: func(id string) string { return "described " + id }}})
	if err != nil {
		t.Fatal(err)
	}
	write(t, w, historySample)
	return b.Bytes()
}

// TestSARIFHistory checks verify -o sarif: the same log as validate's,
// each rule described by the tool, a result per finding naming its
// commit (in the message code scanning shows, in full in its properties
// and its partial fingerprint), a finding about a whole commit shown at
// the run's place, and the run's properties saying what was checked.
func TestSARIFHistory(t *testing.T) {
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID              string `json:"ruleId"`
				Level               string
				Message             struct{ Text string }
				PartialFingerprints map[string]string
				Properties          map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine int }
					}
				}
			}
			Properties map[string]any
		}
	}
	out := sarifHistory(t)
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("not one SARIF 2.1.0 run:\n%s", out)
	}
	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	if len(rules) != 2 || rules[0].ID != "author-not-on-roster" || rules[0].ShortDescription.Text != "described author-not-on-roster" || rules[1].ID != "note-changed" {
		t.Errorf("rules %+v", rules)
	}
	if len(run.Results) != 2 {
		t.Fatalf("%d results, want 2:\n%s", len(run.Results), out)
	}
	note, roster := run.Results[0], run.Results[1]
	if want := "note changed after it was committed (commit 111111111111)\nhint: put the branch back"; note.Message.Text != want || note.Level != "error" {
		t.Errorf("note result: level %q, message %q, want %q", note.Level, note.Message.Text, want)
	}
	if !maps.Equal(note.Properties, map[string]string{"hint": "put the branch back", "commit": noteCommit}) {
		t.Errorf("note result's properties %v", note.Properties)
	}
	if uri := note.Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "cases/W-001/notes/2026-03-02-k7qx.yaml" {
		t.Errorf("note result at %q", uri)
	}
	if !maps.Equal(roster.Properties, map[string]string{"commit": rosterCommit}) {
		t.Errorf("roster result's properties %v", roster.Properties)
	}
	if loc := roster.Locations[0].PhysicalLocation; loc.ArtifactLocation.URI != "cases/caseplan.yaml" || loc.Region == nil || loc.Region.StartLine != 1 {
		t.Errorf("a finding about a whole commit is at %+v, want cases/caseplan.yaml, line 1", loc)
	}
	if note.PartialFingerprints[sarifCommitFingerprint] == roster.PartialFingerprints[sarifCommitFingerprint] ||
		!strings.HasPrefix(note.PartialFingerprints[sarifCommitFingerprint], noteCommit) {
		t.Errorf("fingerprints %v and %v: want each result's commit", note.PartialFingerprints, roster.PartialFingerprints)
	}
	want := map[string]any{"commits": 4.0, "since": anchorCommit, "anchor": anchorCommit}
	if !maps.Equal(run.Properties, want) {
		t.Errorf("run properties %v, want %v", run.Properties, want)
	}

	// Every commit checked, none found: commits is still said (0 is a
	// count), since and anchor are not, and there are no results.
	var b bytes.Buffer
	w, _ := ForHistory(&b, "sarif", HistoryRun{})
	write(t, w, nil)
	if !bytes.Contains(b.Bytes(), []byte(`"properties": {
        "commits": 0
      }`)) || !bytes.Contains(b.Bytes(), []byte(`"results": []`)) {
		t.Errorf("nothing found in no commits:\n%s", b.String())
	}
}

// TestSARIFStoreUnchanged: validate's results have no commit, and so no
// partial fingerprint, and its run no properties without --new-from.
func TestSARIFStoreUnchanged(t *testing.T) {
	out := sarifSample(t)
	for _, member := range []string{"partialFingerprints", `"commit"`, `"properties"`} {
		if bytes.Contains(out, []byte(member)) {
			t.Errorf("validate's log has %s:\n%s", member, out)
		}
	}
}
