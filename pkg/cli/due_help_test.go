package cli

import (
	"regexp"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casestate"
)

// TestDueHelpNamesEveryKind: due --help's "What is due, by kind" lists
// every kind the tickler gives (casestate.DueKinds), each entry ending
// in a full sentence: the intake meeting was missing from it, and the
// potential exit's entry ended on a dangling word.
func TestDueHelpNamesEveryKind(t *testing.T) {
	c, _, err := newCmdRoot(&globals{}).Find([]string{"due"})
	if err != nil {
		t.Fatal(err)
	}
	_, list, ok := strings.Cut(c.Long, "What is due, by kind")
	if !ok {
		t.Fatal(`due --help has no "What is due, by kind"`)
	}
	list, _, _ = strings.Cut(list, "\nA closed case")
	entry := regexp.MustCompile(`(?m)^  ([a-z-]+)  `)
	var listed []string
	for _, m := range entry.FindAllStringSubmatch(list, -1) {
		listed = append(listed, m[1])
	}
	for _, k := range casestate.DueKinds {
		if !strings.Contains(" "+strings.Join(listed, " ")+" ", " "+k+" ") {
			t.Errorf("due --help lists no %q among %v", k, listed)
		}
	}
	if strings.Contains(list, `"exit of the closed case" throughout`) {
		t.Error(`due --help's potential-exit entry ends on "throughout"`)
	}
}
