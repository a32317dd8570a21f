package cli

import (
	"fmt"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/validate"
)

// sayLeaks warns about what the leak guard found, short of an SSN (which
// refuses the write), in the files a write committed: a date of birth or
// a sensitive term in a note is in every clone's history from now on, so
// the person hears of it at once, not at the next validate. One the case
// had before was said by the write that brought it, as writeWarning says
// its rules': a later write to the same file (a second barrier added to
// an intake whose health barrier has a detail) does not say it again.
func (g *globals) sayLeaks(res *casework.Result) {
	var leaks []finding.Finding
	for _, f := range res.NewWarnings {
		if _, written := res.Change.Files[f.Path]; written && (f.Rule == validate.RulePIIDOB || f.Rule == validate.RulePIITerm) {
			leaks = append(leaks, f)
		}
	}
	if len(leaks) == 0 {
		return
	}
	for _, f := range leaks {
		fmt.Fprintf(g.env.Stderr, "caseplan: warning: %s\n", f)
	}
	if res.Commit == "" {
		fmt.Fprintln(g.env.Stderr, "caseplan: hint: sensitive details belong in the case's sealed fields (caseplan case sealed set); correct the file before you commit it")
		return
	}
	fmt.Fprintln(g.env.Stderr, `caseplan: hint: it is committed as it is; sensitive details belong in the case's sealed fields (caseplan case sealed set), and README "Confidentiality" says how to remove text from history`)
}
