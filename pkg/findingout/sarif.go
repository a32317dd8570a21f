package findingout

import (
	"encoding/json"
	"io"
	"net/url"
	"sort"

	"github.com/caseplan/caseplan/pkg/finding"
)

// SARIFVersion and SARIFSchema name the format -o sarif writes: SARIF
// 2.1.0 (OASIS), which GitHub code scanning and other static-analysis
// viewers read.
const (
	SARIFVersion = "2.1.0"
	SARIFSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

// Tool says what made the findings, for the formats that name it (SARIF's
// tool.driver): caseplan's version, and each rule's one-line summary.
type Tool struct {
	Version string
	// Describe returns a rule's summary, "" when unknown.
	Describe func(rule string) string
}

// sarifWriter collects the findings and writes one SARIF log on Flush:
// one run, its tool caseplan with the rules the findings name, and a
// result per finding at its file, line and column. validate's and
// verify's findings go through the same writer; verify's name the commit
// they are about, which their results carry.
type sarifWriter struct {
	w     io.Writer
	tool  Tool
	props *sarifRunProps // the run's properties; nil for none
	// place is the file a finding that names none is shown at ("": none).
	place string
	// history marks verify's findings: a result's identity is the commit
	// it is about (partialFingerprints), not the file's line.
	history  bool
	findings []finding.Finding
}

func (s *sarifWriter) Write(f finding.Finding) error {
	s.findings = append(s.findings, f)
	return nil
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool      `json:"tool"`
	Results    []sarifResult  `json:"results"`
	Properties *sarifRunProps `json:"properties,omitempty"`
}

// sarifRunProps is the run's property bag (SARIF 2.1.0 §3.8), where a
// producer puts what the format has no member for: NewFrom is the commit
// validate --new-from compared with, so a reader can tell that the
// results are only the new findings. (SARIF's own baseline members,
// baselineGuid and a result's baselineState, name another SARIF run, which
// there is none of.) verify's run has its equivalents instead: Commits,
// how many commits were checked (as -o json's "commits"), Since, the
// commit the check started after (absent when every commit was checked),
// and Anchor, the trust anchor it looked for in the history.
type sarifRunProps struct {
	NewFrom string `json:"newFrom,omitempty"`
	Commits *int   `json:"commits,omitempty"`
	Since   string `json:"since,omitempty"`
	Anchor  string `json:"anchor,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifMessage       `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	// PartialFingerprints keeps a verify result one alert from run to
	// run (SARIF 2.1.0 §3.27.17): its identity is the commit it is about
	// and the file, not a line of the file as it is now, which
	// GitHub's upload computes otherwise (primaryLocationLineHash) and
	// which a removed note or a result at Place does not have.
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Properties          *sarifResultProps `json:"properties,omitempty"`
}

// sarifResultProps is a result's property bag (SARIF 2.1.0 §3.8): Hint is
// the finding's hint alone, for a program that reads the log and wants it
// apart from the message (as -o json's "hint"); Commit is the full hash of
// the commit a verify finding is about (as -o json's "commit").
type sarifResultProps struct {
	Hint   string `json:"hint,omitempty"`
	Commit string `json:"commit,omitempty"`
}

// sarifCommitFingerprint names verify's partial fingerprint: the
// commit and the file a finding is about (versioned, as SARIF asks).
const sarifCommitFingerprint = "caseplanCommitPath/v1"

// sarifSuppression marks a result a supervisor waived (SARIF 2.1.0
// §3.35): kept "external" to the scanned file (the waiver is in the
// case's intake, not at the finding's line) and "accepted", since only a
// supervisor records one. Viewers such as GitHub code scanning then show
// the result as dismissed rather than as an open warning.
type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

func (s *sarifWriter) Flush() error {
	var ids []string
	index := map[string]int{}
	for _, f := range s.findings {
		if _, ok := index[f.Rule]; !ok {
			index[f.Rule] = 0
			ids = append(ids, f.Rule)
		}
	}
	sort.Strings(ids)
	driver := sarifDriver{Name: "caseplan", InformationURI: "https://github.com/caseplan/caseplan", Version: s.tool.Version, Rules: []sarifRule{}}
	for i, id := range ids {
		index[id] = i
		text := id
		if s.tool.Describe != nil {
			if d := s.tool.Describe(id); d != "" {
				text = d
			}
		}
		driver.Rules = append(driver.Rules, sarifRule{ID: id, ShortDescription: sarifMessage{text}})
	}
	results := []sarifResult{}
	for _, f := range s.findings {
		level := "error"
		if f.Severity == finding.Warning {
			level = "warning"
		}
		path := f.Path
		if path == "" {
			path = s.place
		}
		// Every result has a region: code scanning places an alert by
		// region.startLine, and one without is not shown at its file
		// (sarif-sdk's GitHub rule GH1003, ProvideRequiredRegionProperties).
		// A finding about a whole file or commit (line 0) is at the
		// file's first line; its message says what it is about.
		loc := sarifPhysical{
			ArtifactLocation: sarifArtifact{URI: sarifURI(path), URIBaseID: "%SRCROOT%"},
			Region:           &sarifRegion{StartLine: max(f.Line, 1), StartColumn: max(f.Column, 1)},
		}
		msg := f.Message
		if f.Commit != "" {
			// Code scanning shows the message, not the property bag
			// that has the full hash: the message names the commit,
			// as the github annotation does.
			msg += " (commit " + short(f.Commit) + ")"
		}
		var props *sarifResultProps
		if f.Hint != "" {
			// What to do goes where a viewer shows it: GitHub code
			// scanning shows a result's message.text and no other
			// member of it (not message.markdown, not the property
			// bag), and a fix object needs the replacement bytes,
			// which a hint ("take day: out") is not. The line is
			// labelled as stderr and the annotation label it.
			msg += "\nhint: " + f.Hint
			props = &sarifResultProps{Hint: f.Hint}
		}
		if f.Commit != "" {
			if props == nil {
				props = &sarifResultProps{}
			}
			props.Commit = f.Commit
		}
		r := sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: level,
			Message:    sarifMessage{msg},
			Locations:  []sarifLocation{{PhysicalLocation: loc}},
			Properties: props,
		}
		if s.history && f.Commit != "" {
			r.PartialFingerprints = map[string]string{sarifCommitFingerprint: f.Commit + ":" + f.Path}
		}
		if f.Waived {
			r.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: f.WaiverReason}}
		}
		results = append(results, r)
	}
	enc := json.NewEncoder(s.w)
	enc.SetIndent("", "  ")
	run := sarifRun{Tool: sarifTool{driver}, Results: results, Properties: s.props}
	return enc.Encode(sarifLog{Schema: SARIFSchema, Version: SARIFVersion, Runs: []sarifRun{run}})
}

// sarifURI returns a store path as the URI reference SARIF requires of
// artifactLocation.uri (§3.4.3, RFC 3986): a space, "%", "#" or "?" in a
// file name is percent-encoded, so a viewer neither refuses the URI nor
// reads "#" as a fragment and points at another file; a first segment
// holding a colon gets "./", so it is not read as a scheme.
func sarifURI(path string) string {
	return (&url.URL{Path: path}).String()
}
