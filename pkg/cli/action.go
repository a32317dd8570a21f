package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

func newCmdAction(g *globals) *cobra.Command {
	c := newGroupCmd("action", "A note's action items: record one done or dropped",
		newCmdActionDone(g, nil), newCmdActionDrop(g, nil))
	c.Long = `A case note's action items (note add --action) stay on the tickler until
they are closed. A note is never edited after it is committed, so an item's
completion is a change of its own: action done and action drop record it in
the plan's action_items (iep.yaml), by the item's reference — the note's ID,
'#' and the item's number in the note, as case show and due print it
(2026-03-12-ab12#2).`
	return c
}

// actionItemArg parses an action item's reference, NOTE#N, the second
// argument of c after the case. Two slips are named as what they are: the
// two arguments swapped, and a note's ID without its item's number.
func actionItemArg(c *cobra.Command, caseArg, ref string, change *casework.CloseActionItem) error {
	note, n, ok := casework.ParseActionItem(ref)
	if !ok {
		if _, _, swapped := casework.ParseActionItem(caseArg); swapped {
			name := strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
			return &UsageError{Msg: fmt.Sprintf("%s takes the case first, then the action item, but was given the item %q first", name, caseArg),
				Hint: fmt.Sprintf("write it as %s %s %s", c.CommandPath(), ref, caseArg)}
		}
		hint := "case show and due print each open item's reference, e.g. 2026-03-12-ab12#2"
		if !strings.Contains(ref, "#") {
			hint = fmt.Sprintf("add the item's number to the note's ID: %s#1 is its first item; ", ref) + hint
		}
		return &UsageError{Msg: fmt.Sprintf("action item %q: write it as NOTE#N, the note's ID and the item's number from 1", ref), Hint: hint}
	}
	change.Note, change.Item = note, n
	return nil
}
