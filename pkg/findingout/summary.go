package findingout

import (
	"fmt"
	"io"
	"strings"

	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/markdown"
)

// summaryWriter collects the findings and writes them on Flush as one
// Markdown section: a heading with the counts, what was checked, and a
// table of every finding. It is made for a GitHub Actions job summary
// ($GITHUB_STEP_SUMMARY): GitHub shows only the first 10 error and 10
// warning annotations of a step, and the summary holds the full list.
type summaryWriter struct {
	w        io.Writer
	title    string // "caseplan validate"
	since    string // "main": the findings are those new since this revision (validate --new-from)
	checked  string // "15 case(s), 212 file(s) checked"
	room     int    // bytes the section may take; 0: no limit
	findings []finding.Finding
}

// SummaryLimit is the most a GitHub Actions step's job summary may hold:
// GitHub drops a larger one whole ("$GITHUB_STEP_SUMMARY upload aborted,
// supports content up to a size of 1024k"), leaving the job with no
// summary at all, which a store of a few hundred cases with old findings
// reaches.
const SummaryLimit = 1024 * 1024

// Summary returns a writer of the findings as a Markdown section for a job
// summary, under a heading that starts with title; checked says what was
// checked, in a line below it. With since (a revision, as the user named
// it) the findings are only those new since it, and the heading says so
// as stderr does ("1 new error(s), 0 new warning(s) since REV"): a pull
// request's check must not read as the whole store's count.
func Summary(w io.Writer, title, since, checked string) Writer {
	return &summaryWriter{w: w, title: title, since: since, checked: checked}
}

// SummaryWithin is Summary for a section that may take at most room bytes
// (SummaryLimit less what the step's summary already holds): the table
// lists the findings that fit, and a last line says how many it left out
// and where they all are. The heading still counts them all.
func SummaryWithin(w io.Writer, room int, title, since, checked string) Writer {
	return &summaryWriter{w: w, title: title, since: since, checked: checked, room: max(room, 1)}
}

// summaryReserve is the room kept for the line that says how many
// findings the table left out.
const summaryReserve = 512

func (s *summaryWriter) Write(f finding.Finding) error {
	s.findings = append(s.findings, f)
	return nil
}

func (s *summaryWriter) Flush() error {
	var b strings.Builder
	errs, warns := finding.Count(s.findings)
	waived := finding.WaivedPart(s.findings)
	switch {
	case s.since != "":
		since := markdown.Code(display.Escape(s.since))
		if errs > 0 {
			fmt.Fprintf(&b, "### %s: %d new error(s), %d new warning(s)%s since %s\n\n", s.title, errs, warns, waived, since)
		} else {
			fmt.Fprintf(&b, "### %s: valid, %d new warning(s)%s since %s\n\n", s.title, warns, waived, since)
		}
	case errs > 0:
		fmt.Fprintf(&b, "### %s: %d error(s), %d warning(s)%s\n\n", s.title, errs, warns, waived)
	case warns > 0:
		fmt.Fprintf(&b, "### %s: valid, %d warning(s)%s\n\n", s.title, warns, waived)
	default:
		fmt.Fprintf(&b, "### %s: valid\n\n", s.title)
	}
	if s.checked != "" {
		fmt.Fprintf(&b, "%s.\n\n", markdown.Text(s.checked))
	}
	writeTable(&b, s.findings, s.room)
	_, err := io.WriteString(s.w, b.String())
	return err
}

// writeTable writes to b the table of findings, as a job summary lists
// them; with room (> 0) only the rows that keep b within it, and then a
// line saying how many it left out and where they all are.
func writeTable(b *strings.Builder, findings []finding.Finding, room int) {
	if len(findings) == 0 {
		return
	}
	b.WriteString("| Severity | Where | Rule | Message |\n| --- | --- | --- | --- |\n")
	for i, f := range findings {
		where := f.Path
		switch {
		case f.Line > 0:
			where = fmt.Sprintf("%s:%d:%d", f.Path, f.Line, max(f.Column, 1))
		case where == "" && f.Commit != "":
			where = "commit " + short(f.Commit)
		}
		msg := f.Message
		if f.Commit != "" && f.Path != "" {
			msg += " (commit " + short(f.Commit) + ")"
		}
		// Control characters (a bidi override reorders the page)
		// are shown escaped, as in the annotations.
		cell := markdown.Text(display.EscapeText(msg))
		if f.Hint != "" {
			// The summary is where a reviewer reads past the ten
			// annotations GitHub shows: a schema finding says
			// there too what to do, on a line of its own in the
			// cell (a line break would end the row), labelled as
			// the annotation labels it.
			cell += "<br>hint: " + markdown.Text(display.EscapeText(f.Hint))
		}
		row := fmt.Sprintf("| %s | %s | %s | %s |\n", f.Severity, markdown.Code(display.Escape(where)), markdown.Code(display.Escape(f.Rule)), cell)
		if room > 0 && b.Len()+len(row)+summaryReserve > room {
			fmt.Fprintf(b, "\n%d more finding(s) are not listed: GitHub shows no job summary over 1 MiB. The step's log lists every one.\n", len(findings)-i)
			break
		}
		b.WriteString(row)
	}
	b.WriteString("\n")
}

// WriteSummaryError writes, for a job summary, the section of command
// title (as Summary's heading names it) that could not run: a shallow
// clone, a missing commit. msg is the annotation's text
// (WriteGitHubError), hint lines labelled "hint: " as there, so that the
// summary — where a check that ran lists its findings — says why too,
// in the same words, each line a paragraph of its own. stopped says the
// command had written its findings' section already and failed after
// it (verify saving its anchor): the heading then says so, not that it
// could not run. room is as SummaryWithin's (0: no limit): a message
// that does not fit is cut, as a table is, rather than make GitHub drop
// the step's whole summary.
func WriteSummaryError(w io.Writer, room int, title, msg string, stopped bool) error {
	heading := "could not run"
	if stopped {
		heading = "stopped after its check"
	}
	return WriteSummaryReport(w, room, title, heading, strings.Split(msg, "\n"), nil)
}

// WriteSummaryReport writes, for a job summary, the section of command
// title that is not a check of the records but does something with
// them (sync): heading says what it did ("received 2 commit(s), sent
// 1", "refused"), each of lines — stderr's messages, hint lines
// labelled "hint: " as there — is a paragraph of its own, and findings
// (a sync's conflicts, a refusal's breaches) are listed as Summary lists
// them. Within room (0: no limit) what does not fit is left out, and a
// last line says so.
func WriteSummaryReport(w io.Writer, room int, title, heading string, lines []string, findings []finding.Finding) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s: %s\n\n", title, markdown.Text(display.EscapeText(heading)))
	for i, line := range lines {
		if line = strings.TrimRight(line, "\r\n"); line == "" {
			continue
		}
		p := markdown.Text(display.EscapeText(line)) + "\n\n"
		if room > 0 && b.Len()+len(p)+summaryReserve > room {
			fmt.Fprintf(&b, "%d more line(s) are not shown: GitHub shows no job summary over 1 MiB. The step's log has every one.\n\n", len(lines)-i)
			findings = nil
			break
		}
		b.WriteString(p)
	}
	writeTable(&b, findings, room)
	_, err := io.WriteString(w, b.String())
	return err
}

func short(hash string) string {
	if len(hash) > 12 {
		return hash[:12]
	}
	return hash
}

// Tee returns a writer that writes every finding to each of ws, and
// flushes each.
func Tee(ws ...Writer) Writer { return tee(ws) }

type tee []Writer

func (t tee) Write(f finding.Finding) error {
	for _, w := range t {
		if err := w.Write(f); err != nil {
			return err
		}
	}
	return nil
}

func (t tee) Flush() error {
	for _, w := range t {
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return nil
}
