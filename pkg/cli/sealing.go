package cli

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/casework"
)

// saySealing tells what a write did to sealed fields besides its own
// change: the cases it re-sealed to their new team, and those it could
// not, which stay readable by whoever could read them before until one
// of their recipients re-seals them.
func (g *globals) saySealing(res *casework.Result) {
	if len(res.Resealed) > 0 && res.Change.Action != "case.sealed.reseal" {
		fmt.Fprintf(g.env.Stderr, "caseplan: re-sealed the sealed fields of %s to the team as it now stands\n", strings.Join(res.Resealed, ", "))
	}
	if len(res.Unsealed) > 0 {
		fmt.Fprintf(g.env.Stderr, "caseplan: warning: could not re-seal the sealed fields of %s: you are not among their recipients, so they are still sealed to the team as it was\n", strings.Join(res.Unsealed, ", "))
		fmt.Fprintf(g.env.Stderr, "caseplan: hint: one of their recipients runs caseplan case sealed reseal %s; caseplan validate names who can\n", strings.Join(res.Unsealed, " "))
	}
	// case sealed reseal --all re-seals what the acting person may change
	// and names the rest; validate says who may re-seal them.
	if len(res.Denied) > 0 {
		var ids []string
		for _, d := range res.Denied {
			fmt.Fprintf(g.env.Stderr, "caseplan: warning: did not re-seal %s: %s\n", d.Case, d.Msg)
			ids = append(ids, d.Case)
		}
		fmt.Fprintf(g.env.Stderr, "caseplan: hint: caseplan validate %s names who can re-seal them (sealed-recipients)\n", strings.Join(ids, " "))
	}
}
