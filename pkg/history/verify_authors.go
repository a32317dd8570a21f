package history

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
)

// the cases it changed itself (mergeCases): the finding says so, since
// what a merge did and how it is undone differ from a hand commit's.
func (v *verifier) checkTrailers(c *commitInfo, introduced []string) {
	t := audit.ParseTrailers(c.message)
	var missing []string
	for _, key := range []string{audit.TrailerCase, audit.TrailerAction} {
		if !hasValue(t[key]) {
			missing = append(missing, key)
		}
	}
	if len(missing) == 0 {
		return
	}
	f := finding.Finding{
		Rule:   RuleMissingTrailers,
		Commit: c.hash.String(),
		Message: fmt.Sprintf("commit changes cases/ without the %s trailer%s; commit hand edits with caseplan commit",
			strings.Join(missing, " and "), plural(len(missing))),
	}
	if len(c.parents) > 1 {
		where := "the store's settings"
		if len(introduced) > 0 {
			where = caseWords(introduced)
			f.Case = introduced[0]
		}
		f.Message = fmt.Sprintf("merge commit changes %s beyond combining its parents (a conflict resolved by hand, or an edit made during the merge), without the %s trailer%s: git log --cc -1 %[4]s shows it; if it is not synced yet, undo the merge (git reset --keep %[4]s^1), merge again keeping each conflicting record as one side has it (git checkout --ours or --theirs FILE), then make the change with caseplan",
			where, strings.Join(missing, " and "), plural(len(missing)), short(c.hash))
	}
	v.add(f)
}

// checkTrailerCases holds an ordinary commit's Caseplan-Case trailers to
// the case directories it changed: caseplan log CASE lists a commit by its
// trailers, so a case changed and not named is a hole in that case's
// trail, and a case named and not changed an action on it that did not
// happen. Every caseplan command names exactly the cases it changes (the
// store-wide "-" when none); a squash merge of several commits, or a
// commit made with git with trailers copied, need not. A commit without
// the trailer is missing-trailers' alone.
//
// A merge that changes cases beyond combining its parents answers for the
// cases it changed so (changed, from mergeCases) and merge is set: a case it
// only combined is its parents' commits', which name it themselves.
func (v *verifier) checkTrailerCases(c *commitInfo, changed []string, merge bool) {
	named := audit.ParseTrailers(c.message)[audit.TrailerCase]
	if !hasValue(named) {
		return
	}
	var unnamed, unchanged []string
	for _, id := range changed {
		if !slices.Contains(named, id) {
			unnamed = append(unnamed, id)
		}
	}
	for _, id := range named {
		if !merge && id != "" && id != audit.StoreWide && !slices.Contains(changed, id) && !slices.Contains(unchanged, id) {
			unchanged = append(unchanged, id)
		}
	}
	if len(unnamed) == 0 && len(unchanged) == 0 {
		return
	}
	var what []string
	if len(unnamed) > 0 {
		what = append(what, fmt.Sprintf("changes %s without naming %s (caseplan log %s does not list it: a hole in that trail)", caseWords(unnamed), oneOrMany(unnamed, "it", "them"), unnamed[0]))
	}
	if len(unchanged) > 0 {
		what = append(what, fmt.Sprintf("names %s but leaves %s as %s (caseplan log %s lists an action that did not happen)", caseWords(unchanged), oneOrMany(unchanged, "it", "them"), oneOrMany(unchanged, "it was", "they were"), unchanged[0]))
	}
	f := finding.Finding{Rule: RuleTrailerCases, Severity: finding.Error, Commit: c.hash.String(),
		Message: fmt.Sprintf("the commit's Caseplan-Case trailers (%s) do not match the cases it changed: it %s; every caseplan command names exactly the cases it changes, so this commit was put together with git (a squash merge, or trailers copied by hand)",
			strings.Join(named, ", "), strings.Join(what, ", and ")),
	}
	if len(unnamed) > 0 {
		f.Case = unnamed[0]
	} else {
		f.Case = unchanged[0]
	}
	v.add(f)
}

func caseWords(ids []string) string {
	if len(ids) == 1 {
		return "case " + ids[0]
	}
	return "cases " + strings.Join(ids, ", ")
}

// oneOrMany is one when ids holds one ID, else many: "it" or "them".
func oneOrMany(ids []string, one, many string) string {
	if len(ids) == 1 {
		return one
	}
	return many
}

func (v *verifier) checkAuthor(c *commitInfo, rosters []plumbing.Hash, where string) error {
	email := strings.ToLower(strings.TrimSpace(c.email))
	var unreadable *roster
	for _, cases := range rosters {
		casesTree, err := v.trees.get(cases)
		if err != nil {
			return err
		}
		var blob plumbing.Hash
		if e := casesTree.lookup(layout.ConfigFile, false); e != nil {
			blob = e.hash
		}
		r, err := v.roster(blob)
		if err != nil {
			return err
		}
		if r.problem != "" {
			unreadable = r
			continue
		}
		if r.emails[email] {
			return nil
		}
	}
	if unreadable != nil && len(rosters) == 1 {
		if !unreadable.reported {
			unreadable.reported = true
			v.add(finding.Finding{Path: layout.ConfigPath, Rule: RuleRosterUnreadable, Commit: c.hash.String(),
				Message: unreadable.problem + ", so commit authors cannot be checked against the staff roster"})
		}
		return nil
	}
	msg := fmt.Sprintf("author %s is not on %s; only staff already on the roster commit, and someone on it adds a new member with caseplan staff add", c.email, where)
	if own, err := v.rosterOf(c.tree); err == nil && own.emails[email] && len(c.parents) > 0 {
		msg = fmt.Sprintf("author %s added themselves to the staff roster in this commit: they are not on %s; only someone already on it adds a member", c.email, where)
	}
	v.add(finding.Finding{
		Rule:    RuleAuthorNotOnRoster,
		Commit:  c.hash.String(),
		Message: msg,
	})
	return nil
}

// checkNoteAuthors reports each note the commit added whose author is not
// the commit's author (audit.RuleNoteAuthor): the staff member of the
// commit's email on the roster it was checked against. A note that does
// not parse, or names no author, is validate's business; one over
// load.MaxFileSize is checked by its author entry alone (bigNoteAuthor);
// a commit whose author is on no roster was reported as such.
func (v *verifier) checkNoteAuthors(c *commitInfo, rosters []plumbing.Hash, added map[string]plumbing.Hash) error {
	if len(added) == 0 {
		return nil
	}
	email := strings.ToLower(strings.TrimSpace(c.email))
	committer := ""
	for _, cases := range rosters {
		casesTree, err := v.trees.get(cases)
		if err != nil {
			return err
		}
		var blob plumbing.Hash
		if e := casesTree.lookup(layout.ConfigFile, false); e != nil {
			blob = e.hash
		}
		r, err := v.roster(blob)
		if err != nil {
			return err
		}
		if id := r.ids[email]; id != "" {
			if r.cfg != nil {
				if st, ok := r.cfg.StaffByEmail(c.email); ok && access.MayRecordFor(r.cfg, st) {
					return nil // an admin bringing in existing records
				}
			}
			committer = id
			break
		}
	}
	if committer == "" {
		return nil
	}
	paths := make([]string, 0, len(added))
	for p := range added {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		author, ok := v.leaks.authors[added[p]]
		if !ok {
			// Scanned for leaks in an earlier commit (the same bytes
			// added again): read once more.
			data, err := v.readBlob(added[p])
			if err != nil {
				return err
			}
			author = noteAuthor(p, data)
			if data == nil {
				if author, err = v.bigNoteAuthor(p, added[p]); err != nil {
					return err
				}
			}
		}
		if author != "" && author != committer {
			f := audit.NoteAuthorFinding(p, author, committer, false)
			f.Commit = c.hash.String()
			v.add(f)
		}
	}
	return nil
}

// roster is the staff list of one version of cases/caseplan.yaml.
type roster struct {
	ids      map[string]string // staff ID by lower-case email
	emails   map[string]bool   // lower case
	cfg      *record.Config    // the whole file, nil when it does not decode as one
	problem  string            // why the file could not be read as a roster
	reported bool
	// cfgProblem says why the file, read as a roster, does not decode as
	// the store's settings (cfg is nil): the signatures and roles of the
	// commits judged by it cannot be checked, which is reported once.
	cfgProblem  string
	cfgReported bool
}

// problemText is a finding's message with its line, as a roster problem
// quotes it.
func problemText(line int, msg string) string {
	if line > 0 {
		return fmt.Sprintf("line %d: %s", line, msg)
	}
	return msg
}

// settings returns the roster's settings for checking commit c, nil when
// the file does not decode as settings: that is reported once for the
// file, on the first commit judged by it, never passed over in silence.
func (v *verifier) settings(r *roster, c *commitInfo) *record.Config {
	if r.cfg == nil && r.cfgProblem != "" && !r.cfgReported {
		r.cfgReported = true
		v.add(finding.Finding{Path: layout.ConfigPath, Rule: RuleRosterUnreadable, Commit: c.hash.String(),
			Message: fmt.Sprintf("%s as it stood for this commit does not read as the store's settings (%s; caseplan validate says the same of such a file), so commit signatures and roles cannot be checked against it; correct the file, and commits after the correction are checked again", layout.ConfigPath, r.cfgProblem)})
	}
	return r.cfg
}

// roster returns the roster in blob, the zero hash meaning the file is
// missing. Only the staff emails are decoded: the rest of caseplan.yaml is
// the validate command's business.
func (v *verifier) roster(blob plumbing.Hash) (*roster, error) {
	if r, ok := v.rosters[blob]; ok {
		return r, nil
	}
	r := &roster{}
	v.rosters[blob] = r
	if blob.IsZero() {
		r.problem = layout.ConfigPath + " is missing"
		return r, nil
	}
	data, err := v.readBlob(blob)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", layout.ConfigPath, err)
	}
	// Read as validate reads it (load.Parse, Document.Decode): go-yaml
	// alone would read "active: no" as false where validate refuses it,
	// and verify would judge commits by a roster nobody could see.
	parsed, fs := load.Parse(layout.ConfigPath, data)
	if parsed == nil {
		r.problem = fmt.Sprintf("%s does not parse as a roster (%s)", layout.ConfigPath, problemText(fs[0].Line, fs[0].Message))
		return r, nil
	}
	var doc struct {
		Staff []struct {
			ID    string `yaml:"id"`
			Email string `yaml:"email"`
		} `yaml:"staff"`
	}
	if err := parsed.Decode(&doc); err != nil {
		r.problem = fmt.Sprintf("%s does not parse as a roster (%s)", layout.ConfigPath, strings.TrimPrefix(err.Error(), "yaml: "))
		return r, nil
	}
	var cfg record.Config
	if err := parsed.Decode(&cfg); err != nil {
		r.cfgProblem = strings.TrimPrefix(err.Error(), "yaml: ")
	} else {
		r.cfg = &cfg
	}
	r.emails = make(map[string]bool, len(doc.Staff))
	r.ids = make(map[string]string, len(doc.Staff))
	for _, s := range doc.Staff {
		if e := strings.ToLower(strings.TrimSpace(s.Email)); e != "" {
			r.emails[e] = true
			r.ids[e] = s.ID
		}
	}
	return r, nil
}
