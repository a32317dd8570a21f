// Package audit is the contract of caseplan's audit trail (DESIGN.md §6):
// how a caseplan commit names its case and action (the trailers), and what
// no commit may do to the records (change or remove a committed note). The
// write engine applies it before it commits, verify applies it to history,
// so the two can never disagree about what the trail allows.
package audit

import (
	"net/textproto"
	"strings"
)

// The trailers every caseplan commit carries (DESIGN.md §6). Their keys are
// given in the canonical form that ParseTrailers returns.
const (
	TrailerCase   = "Caseplan-Case"
	TrailerAction = "Caseplan-Action"
	// TrailerOverruled names, on a commit sync replayed onto the host's,
	// each value of the original that the copy does not hold because the
	// host's commits had changed it too ("PATH FIELD"): the subject still
	// says what the author did, and the trailer what of it was not kept.
	TrailerOverruled = "Caseplan-Overruled"
)

// The actions whose meaning the audit trail relies on: a note commit adds
// one note, and an amendment is told apart from a note by its action.
const (
	ActionNoteAdd   = "note.add"   // a case note
	ActionNoteAmend = "note.amend" // an amendment note correcting an earlier one (001)
	// ActionStoreSchemas rewrites the store's copies of the schemas
	// (caseplan schemas update): a store-wide commit that changes files
	// outside cases/ only.
	ActionStoreSchemas = "store.schemas"
)

// StoreWide is the Caseplan-Case value of a commit that changes the store as
// a whole (init, staff add) rather than one case.
const StoreWide = "-"

// SubjectPrefix is what a commit subject of cases starts with: "<case>: "
// for one case, "caseplan: " for several or for the store.
func SubjectPrefix(cases []string) string {
	if len(cases) == 1 {
		return cases[0] + ": "
	}
	return "caseplan: "
}

// Message formats a caseplan commit message: the subject "<case>: <what
// happened>" (caseplan for a change to several cases or to the store), a
// blank line, then a Caseplan-Case trailer per case (StoreWide when none)
// and the Caseplan-Action trailer.
func Message(cases []string, action, summary string) string {
	var b strings.Builder
	b.WriteString(SubjectPrefix(cases) + summary + "\n\n")
	if len(cases) == 0 {
		b.WriteString(TrailerCase + ": " + StoreWide + "\n")
	}
	for _, id := range cases {
		b.WriteString(TrailerCase + ": " + id + "\n")
	}
	b.WriteString(TrailerAction + ": " + action + "\n")
	return b.String()
}

// AddTrailers returns msg with a "key: value" trailer per value added at
// the end of its trailer block (a new paragraph when it has none).
func AddTrailers(msg, key string, values []string) string {
	if len(values) == 0 {
		return msg
	}
	lines := strings.Split(strings.TrimRight(strings.ReplaceAll(msg, "\r\n", "\n"), "\n"), "\n")
	if start, end := trailerBlock(lines); start >= end {
		lines = append(lines, "")
	}
	for _, v := range values {
		lines = append(lines, key+": "+v)
	}
	return strings.Join(lines, "\n") + "\n"
}

// Trailers returns the cases and the action a commit message names, and
// whether it carries both trailers.
func Trailers(msg string) (cases []string, action string, ok bool) {
	t := ParseTrailers(msg)
	for _, v := range t[TrailerCase] {
		if v != "" {
			cases = append(cases, v)
		}
	}
	for _, v := range t[TrailerAction] {
		if v != "" && action == "" {
			action = v
		}
	}
	return cases, action, len(cases) > 0 && action != ""
}

// gitGeneratedPrefixes are lines git itself writes into a trailer block. As in
// git, one of them lets a block count as trailers even when up to three
// quarters of its lines are not "Key: value" lines.
var gitGeneratedPrefixes = []string{"Signed-off-by: ", "(cherry picked from commit "}

// ParseTrailers returns the trailers of a commit message the way git reads
// them (git interpret-trailers --parse, and %(trailers) in git log): only the
// last paragraph counts, never the first (the subject), and only when every
// line of it is a trailer (or at least a quarter is, when git wrote one of
// them). A trailer is "Key: value" where Key is letters, digits and '-';
// lines starting with whitespace continue the previous value and are joined
// to it with a space.
//
// Keys compare case-insensitively in git, so they are returned in canonical
// form (caseplan-case and CASEPLAN-CASE both become Caseplan-Case); values
// keep their order. The result is nil when the message has no trailers.
func ParseTrailers(msg string) map[string][]string {
	lines := strings.Split(strings.ReplaceAll(msg, "\r\n", "\n"), "\n")
	start, end := trailerBlock(lines)
	if start >= end {
		return nil
	}
	var out map[string][]string
	var key string // key of the trailer a continuation line belongs to
	idx := -1
	for _, line := range lines[start:end] {
		if isIndented(line) {
			if key != "" && idx >= 0 {
				vs := out[key]
				vs[idx] = strings.TrimSpace(vs[idx] + " " + strings.TrimSpace(line))
			}
			continue
		}
		sep := separator(line)
		if sep < 1 {
			// A non-trailer line inside an accepted block (next to a
			// git-generated line): git keeps it out of --only-trailers.
			key = ""
			continue
		}
		key = textproto.CanonicalMIMEHeaderKey(strings.TrimRight(line[:sep], " \t"))
		if out == nil {
			out = make(map[string][]string)
		}
		out[key] = append(out[key], strings.TrimSpace(line[sep+1:]))
		idx = len(out[key]) - 1
	}
	return out
}

// trailerBlock returns the line range [start, end) of the trailer block in
// lines, or start == end when there is none. It follows git's
// find_trailer_block_start (trailer.c).
func trailerBlock(lines []string) (start, end int) {
	end = len(lines)
	for end > 0 && isBlank(lines[end-1]) {
		end--
	}
	// The first paragraph is the subject and can never hold trailers.
	titleEnd := end
	for i := 0; i < end; i++ {
		if isBlank(lines[i]) {
			titleEnd = i
			break
		}
	}
	var trailers, nonTrailers, continuations int
	recognized := false
	for i := end - 1; i >= titleEnd; i-- {
		line := lines[i]
		if isBlank(line) {
			nonTrailers += continuations
			if (recognized && trailers*3 >= nonTrailers) || (trailers > 0 && nonTrailers == 0) {
				return i + 1, end
			}
			return end, end
		}
		if hasGitGeneratedPrefix(line) {
			trailers++
			continuations = 0
			recognized = true
			continue
		}
		switch {
		case separator(line) >= 1:
			trailers++
			continuations = 0
		case isIndented(line):
			continuations++
		default:
			nonTrailers += 1 + continuations
			continuations = 0
		}
	}
	return end, end
}

// separator returns the index of the ':' that ends a trailer key in line, or
// -1. As in git, the key is letters, digits and '-', optionally followed by
// spaces before the colon.
func separator(line string) int {
	spaces := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ':':
			return i
		case !spaces && (isAlnum(c) || c == '-'):
		case i > 0 && (c == ' ' || c == '\t'):
			spaces = true
		default:
			return -1
		}
	}
	return -1
}

func hasGitGeneratedPrefix(line string) bool {
	for _, p := range gitGeneratedPrefixes {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isIndented(line string) bool {
	return line != "" && (line[0] == ' ' || line[0] == '\t')
}

func isBlank(line string) bool {
	return strings.TrimSpace(line) == ""
}
