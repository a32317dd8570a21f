package findingout

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
)

// writeAnnotations writes fs through the github writer, as validate -o
// github does.
func writeAnnotations(w io.Writer, fs []finding.Finding) {
	out, err := ForStore(w, "github", 0, 0, "")
	if err != nil {
		panic(err)
	}
	if err := WriteAll(out, fs); err != nil {
		panic(err)
	}
}

func TestWriteAnnotations(t *testing.T) {
	tests := []struct {
		name string
		f    finding.Finding
		want string
	}{
		{
			name: "an error at a line and column",
			f:    finding.Finding{Path: "cases/W-001/intake.yaml", Line: 5, Column: 9, Severity: finding.Error, Rule: "schema", Message: `status: "pending" is not a valid choice`},
			want: `::error file=cases/W-001/intake.yaml,line=5,col=9,title=caseplan schema::status: "pending" is not a valid choice`,
		},
		{
			name: "a finding's hint is on a line of its own, labelled",
			f:    finding.Finding{Path: "cases/W-001/iep.yaml", Line: 96, Column: 8, Severity: finding.Error, Rule: "schema", Message: "contact_schedule, day: is not allowed when every is monthly", Hint: "take day: out"},
			want: "::error file=cases/W-001/iep.yaml,line=96,col=8,title=caseplan schema::contact_schedule, day: is not allowed when every is monthly%0Ahint: take day: out",
		},
		{
			name: "a warning about a whole file has no line",
			f:    finding.Finding{Path: "cases/W-001", Severity: finding.Warning, Rule: "unknown-file", Message: "scan.pdf is not a caseplan record"},
			want: "::warning file=cases/W-001,title=caseplan unknown-file::scan.pdf is not a caseplan record",
		},
		{
			name: "a line without a column points at column 1",
			f:    finding.Finding{Path: "cases/a.yaml", Line: 3, Severity: finding.Error, Rule: "r", Message: "m"},
			want: "::error file=cases/a.yaml,line=3,col=1,title=caseplan r::m",
		},
		{
			name: "the message escapes % and line breaks (a CR LF is one), and keeps : and ,",
			f:    finding.Finding{Path: "p", Severity: finding.Error, Rule: "r", Message: "100% done\r\nnext: a, b %0A"},
			want: "::error file=p,title=caseplan r::100%25 done%0Anext: a, b %250A",
		},
		{
			name: "a property escapes : and , as well",
			f:    finding.Finding{Path: "cases/W,1/a:b%.yaml", Line: 1, Column: 2, Severity: finding.Error, Rule: "x,y:z", Message: "m"},
			want: "::error file=cases/W%2C1/a%3Ab%25.yaml,line=1,col=2,title=caseplan x%2Cy%3Az::m",
		},
		{
			name: "a newline in a path cannot end the command",
			f:    finding.Finding{Path: "cases/a\n::error::x.yaml", Severity: finding.Warning, Rule: "r", Message: "m\n::error::injected"},
			want: "::warning file=cases/a\\n%3A%3Aerror%3A%3Ax.yaml,title=caseplan r::m%0A::error::injected",
		},
		{
			// The CI log renders escape sequences: a file name or an
			// author that a pull request chose must not paint or retitle
			// it. They are shown escaped, as the text output shows them.
			name: "control characters in a path or message are shown escaped",
			f:    finding.Finding{Path: "cases/W-001/notes/\x1b[31mred.yaml", Line: 2, Column: 5, Severity: finding.Error, Rule: "note-id", Message: "differs from the file name \x1b[31mred.yaml by \x1b]0;title\a\u202eevil\r"},
			want: `::error file=cases/W-001/notes/\x1b[31mred.yaml,line=2,col=5,title=caseplan note-id::differs from the file name \x1b[31mred.yaml by \x1b]0;title\x07\u202eevil\r`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeAnnotations(&b, []finding.Finding{tt.f})
			if got := b.String(); got != tt.want+"\n" {
				t.Errorf("got  %q\nwant %q", got, tt.want+"\n")
			}
			if strings.Count(b.String(), "\n") != 1 {
				t.Errorf("a finding must be exactly one line: %q", b.String())
			}
		})
	}

	var b bytes.Buffer
	writeAnnotations(&b, nil)
	if b.Len() != 0 {
		t.Errorf("no findings wrote %q", b.String())
	}
	writeAnnotations(&b, []finding.Finding{{Path: "a", Severity: finding.Error, Rule: "r", Message: "1"}, {Path: "b", Severity: finding.Warning, Rule: "r", Message: "2"}})
	if want := "::error file=a,title=caseplan r::1\n::warning file=b,title=caseplan r::2\n"; b.String() != want {
		t.Errorf("two findings: %q, want %q", b.String(), want)
	}
}

// TestHistoryAnnotations: verify -o github annotates a note's file when
// the finding has one, and names the commit in the message; a finding
// about a commit alone has no file.
func TestHistoryAnnotations(t *testing.T) {
	var b bytes.Buffer
	w, err := ForHistory(&b, "github", HistoryRun{Commits: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAll(w, []finding.Finding{
		{Path: "cases/W-1/notes/2026-03-02-abcd.yaml", Severity: finding.Error, Rule: "note-changed", Message: "a note was edited", Commit: "0123456789abcdef0123456789abcdef01234567"},
		{Severity: finding.Error, Rule: "history-rewritten", Message: "the history was rewritten", Commit: "89abcdef0123456789abcdef0123456789abcdef"},
	}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=cases/W-1/notes/2026-03-02-abcd.yaml,title=caseplan note-changed::a note was edited (commit 0123456789ab)\n" +
		"::error title=caseplan history-rewritten::the history was rewritten (commit 89abcdef0123)\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestSummary: the job summary lists every finding — GitHub shows only
// ten annotations of each kind — as a Markdown table whose cells the
// records' text cannot break.
func TestSummary(t *testing.T) {
	var fs []finding.Finding
	for i := range 25 {
		fs = append(fs, finding.Finding{Path: "cases/W-1/intake.yaml", Line: i + 1, Column: 3, Severity: finding.Error, Rule: "schema", Message: fmt.Sprintf("value %d | <b>bold</b>\nnext", i)})
	}
	fs = append(fs, finding.Finding{Path: "cases/W-1", Severity: finding.Warning, Rule: "unknown-file", Message: "scan.pdf"})
	fs = append(fs, finding.Finding{Path: "cases/W-1/\u202eevil.yaml", Severity: finding.Warning, Rule: "unknown-file", Message: "\x1b[31mred\u202e.pdf"})
	var ann, sum bytes.Buffer
	gw, err := ForStore(&ann, "github", 1, 3, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAll(Tee(gw, Summary(&sum, "caseplan validate", "", "1 case(s), 3 file(s) checked")), fs); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(ann.String(), "\n"); n != 27 {
		t.Errorf("%d annotations, want 27", n)
	}
	s := sum.String()
	if !strings.HasPrefix(s, "### caseplan validate: 25 error(s), 2 warning(s)\n\n1 case(s), 3 file(s) checked.\n\n| Severity | Where | Rule | Message |\n| --- | --- | --- | --- |\n") {
		t.Errorf("summary starts:\n%s", s)
	}
	if n := strings.Count(s, "\n| error | `cases/W-1/intake.yaml:"); n != 25 {
		t.Errorf("%d error rows, want all 25:\n%s", n, s)
	}
	if !strings.Contains(s, "| error | `cases/W-1/intake.yaml:25:3` | `schema` | value 24 \\| &lt;b&gt;bold&lt;/b&gt; next |\n") {
		t.Errorf("a message is not escaped:\n%s", s)
	}
	if !strings.Contains(s, "| warning | `cases/W-1` | `unknown-file` | scan.pdf |\n") {
		t.Errorf("no warning row:\n%s", s)
	}
	if !strings.Contains(s, "| warning | `cases/W-1/\\u202eevil.yaml` | `unknown-file` | \\\\x1b\\[31mred\\\\u202e.pdf |\n") || strings.ContainsAny(s, "\x1b\u202e") {
		t.Errorf("control characters are not shown escaped:\n%s", s)
	}
	// A finding's hint is in its cell, on a line of its own, escaped as
	// the message is.
	sum.Reset()
	if err := WriteAll(Summary(&sum, "caseplan validate", "", ""), []finding.Finding{{Path: "cases/W-1/iep.yaml", Line: 96, Column: 8, Severity: finding.Error, Rule: "schema", Message: "contact_schedule, day: is not allowed when every is monthly", Hint: "take day: out | <i>now</i>"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sum.String(), "| error | `cases/W-1/iep.yaml:96:8` | `schema` | contact\\_schedule, day: is not allowed when every is monthly<br>hint: take day: out \\| &lt;i&gt;now&lt;/i&gt; |\n") {
		t.Errorf("no hint in the row:\n%s", sum.String())
	}
	// A waived warning is counted apart in the heading.
	sum.Reset()
	if err := WriteAll(Summary(&sum, "caseplan validate", "", ""), []finding.Finding{fs[25], {Path: "cases/W-1/intake.yaml", Line: 3, Column: 9, Severity: finding.Warning, Rule: "wioa-first-contact", Message: "no contact yet (waived)", Waived: true}}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sum.String(), "### caseplan validate: valid, 2 warning(s), 1 waived\n\n") {
		t.Errorf("waived not counted apart:\n%s", sum.String())
	}
	sum.Reset()
	if err := WriteAll(Summary(&sum, "caseplan verify", "", "5 commit(s) checked"), nil); err != nil {
		t.Fatal(err)
	}
	if sum.String() != "### caseplan verify: valid\n\n5 commit(s) checked.\n\n" {
		t.Errorf("no findings: %q", sum.String())
	}
	// validate --new-from: the heading counts what is new since the
	// base, as stderr does, not the store's findings.
	sum.Reset()
	if err := WriteAll(Summary(&sum, "caseplan validate", "a1b2c3d", "1 case(s), 3 file(s) checked"), fs[:2]); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sum.String(), "### caseplan validate: 2 new error(s), 0 new warning(s) since `a1b2c3d`\n\n") {
		t.Errorf("new-from summary heading:\n%s", sum.String())
	}
	sum.Reset()
	if err := WriteAll(Summary(&sum, "caseplan validate", "main", ""), fs[25:26]); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sum.String(), "### caseplan validate: valid, 1 new warning(s) since `main`\n\n") {
		t.Errorf("new-from summary heading, valid:\n%s", sum.String())
	}
}

// A section given room lists the findings that fit and says how many it
// left out; the heading counts them all.
func TestSummaryWithin(t *testing.T) {
	var fs []finding.Finding
	for i := range 50 {
		fs = append(fs, finding.Finding{Path: fmt.Sprintf("cases/W-%03d/intake.yaml", i), Line: 3, Column: 9, Severity: finding.Error, Rule: "schema", Message: strings.Repeat("x", 80)})
	}
	var sum bytes.Buffer
	if err := WriteAll(SummaryWithin(&sum, 2000, "caseplan validate", "", ""), fs); err != nil {
		t.Fatal(err)
	}
	out := sum.String()
	if len(out) > 2000 {
		t.Errorf("%d bytes, want at most 2000:\n%s", len(out), out)
	}
	rows := strings.Count(out, "\n| error |")
	if rows == 0 || !strings.Contains(out, fmt.Sprintf("\n%d more finding(s) are not listed", 50-rows)) || !strings.HasPrefix(out, "### caseplan validate: 50 error(s), 0 warning(s)\n") {
		t.Errorf("%d rows:\n%s", rows, out)
	}
}

// TestSummaryError: a command that could not run says why in the job
// summary, in the annotation's words, hint lines labelled as there, and
// nothing in a message turns into markup.
func TestSummaryError(t *testing.T) {
	var b bytes.Buffer
	msg := "the clone is shallow: verify reads the whole history\nhint: clone with fetch-depth: 0 <all>"
	if err := WriteSummaryError(&b, 0, "caseplan verify", msg, false); err != nil {
		t.Fatal(err)
	}
	want := "### caseplan verify: could not run\n\nthe clone is shallow: verify reads the whole history\n\nhint: clone with fetch-depth: 0 &lt;all&gt;\n\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteSummaryError(&b, 0, "caseplan verify", "cannot write the anchor", true); err != nil {
		t.Fatal(err)
	}
	if want := "### caseplan verify: stopped after its check\n\ncannot write the anchor\n\n"; b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A could-not-run section keeps within the room left, as a findings
// table does: GitHub drops a summary over 1 MiB whole.
func TestSummaryErrorWithin(t *testing.T) {
	var b bytes.Buffer
	msg := strings.Repeat(strings.Repeat("y", 100)+"\n", 50) + "hint: run it again"
	if err := WriteSummaryError(&b, 2000, "caseplan sync", msg, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if len(out) > 2000 || !strings.HasPrefix(out, "### caseplan sync: could not run\n\n") || !strings.Contains(out, "more line(s) are not shown: GitHub shows no job summary over 1 MiB") {
		t.Errorf("%d bytes:\n%s", len(out), out)
	}
}

// TestSummaryReport: a command that does something (sync) says in its
// section what it did, stderr's lines as paragraphs, hint labelled, and
// lists its findings as a check's section does.
func TestSummaryReport(t *testing.T) {
	var b bytes.Buffer
	fs := []finding.Finding{{Path: "cases/W-001/intake.yaml", Severity: finding.Warning, Rule: "sync-conflict", Message: "phone <kept>", Commit: "0123456789abcdef"}}
	if err := WriteSummaryReport(&b, 0, "caseplan sync", "received 1 commit(s), sent 2", []string{"synced with origin", "", "hint: sync again"}, fs); err != nil {
		t.Fatal(err)
	}
	want := "### caseplan sync: received 1 commit(s), sent 2\n\nsynced with origin\n\nhint: sync again\n\n" +
		"| Severity | Where | Rule | Message |\n| --- | --- | --- | --- |\n" +
		"| warning | `cases/W-001/intake.yaml` | `sync-conflict` | phone &lt;kept&gt; (commit 0123456789ab) |\n\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
