package cli

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

// saySealing tells what a write did to sealed fields besides its own
// change: the cases it re-sealed to their new team, and those it could
// not, which stay readable by whoever could read them before until one
// of their recipients re-seals them.
func (g *globals) saySealing(res *casework.Result) {
	if len(res.Resealed) > 0 && res.Change.Action != audit.ActionSealedReseal {
		fmt.Fprintf(g.env.Stderr, "caseplan: re-sealed the sealed fields of %s to the team as it now stands\n", strings.Join(res.Resealed, ", "))
	}
	if len(res.Unsealed) > 0 {
		fmt.Fprintf(g.env.Stderr, "caseplan: warning: could not re-seal the sealed fields of %s: you are not among their recipients, so they are still sealed to the team as it was\n", strings.Join(res.Unsealed, ", "))
		fmt.Fprintf(g.env.Stderr, "caseplan: hint: %s\n", resealHint(res))
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

// resealHint says who re-seals the cases res could not, and with what:
// one of their recipients who may change the case (validate's
// sealed-recipients names the same people), with case sealed reseal
// --all, which re-seals every case they may change, or the case's own
// command. Where nobody can, validate says how to make someone able to.
func resealHint(res *casework.Result) string {
	var who, none []string
	for _, id := range res.Unsealed {
		var can []string
		if c := res.After.Case(id); c != nil && c.Intake != nil && c.Sealed != nil {
			readers, _ := validate.Readers(res.After.Config, c.Sealed.Recipients)
			can, _, _ = validate.Resealers(res.After.Config, c.Intake, readers)
		}
		if len(can) == 0 {
			none = append(none, id)
			continue
		}
		who = append(who, id+" by "+strings.Join(can, " or "))
	}
	cmd := "caseplan case sealed reseal " + strings.Join(res.Unsealed, " ")
	if len(res.Unsealed) > 1 {
		cmd = "caseplan case sealed reseal --all (every case they may change) or " + cmd
	}
	var out []string
	if len(who) > 0 {
		out = append(out, "one of their recipients who may change the case re-seals them with "+cmd+": "+strings.Join(who, "; "))
	}
	if len(none) > 0 {
		out = append(out, "nobody who may change "+strings.Join(none, ", ")+" can read them now: caseplan validate "+strings.Join(none, " ")+" says how to re-seal them (sealed-recipients)")
	}
	return strings.Join(out, "; ")
}
