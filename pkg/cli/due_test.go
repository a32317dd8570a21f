package cli

import (
	"bytes"
	"testing"

	"github.com/caseplan/caseplan/pkg/casestate"
)

// The end-to-end script (due.txtar) sees only piped output; this is what
// a case manager sees on a terminal.
func TestWriteTicklerOnATerminal(t *testing.T) {
	items := []casestate.Due{
		{Case: "C2", Manager: "dpatel", Kind: "contact", Due: "2026-03-20", Days: 4, Detail: "contact (every 30 days; last 2026-02-18)"},
		{Case: "C1", Manager: "mrivera", Kind: "next-step", Due: "2026-03-10", Days: -6, Overdue: true, Detail: "next step N1 (participant): Call\tthe office"},
		{Case: "C1", Manager: "mrivera", Kind: "milestone", Due: "2026-03-16", Days: 0, Detail: "milestone M1 (G1): Five applications"},
		{Case: "C3", Manager: "gone", Kind: "period-end", Due: "2026-03-17", Days: 1, Detail: "the notification period ends"},
	}
	names := map[string]string{"dpatel": "Dev Patel", "mrivera": "Maria Rivera"}
	for _, tt := range []struct {
		name  string
		items []casestate.Due
		all   bool
		want  string
	}{
		{"every manager: a heading each, with how many", items, true, `Dev Patel (dpatel): 1 item, 0 overdue
  2026-03-20  in 4 days  C2  contact  contact (every 30 days; last 2026-02-18)

Maria Rivera (mrivera): 2 items, 1 overdue
  2026-03-10  overdue 6 days  C1  next-step  next step N1 (participant): Call the office
  2026-03-16  today           C1  milestone  milestone M1 (G1): Five applications

gone: 1 item, 0 overdue
  2026-03-17  in 1 day  C3  period-end  the notification period ends
`},
		{"one manager: a table", items[1:3], false, `DUE         WHEN            CASE  KIND       DETAIL
2026-03-10  overdue 6 days  C1    next-step  next step N1 (participant): Call the office
2026-03-16  today           C1    milestone  milestone M1 (G1): Five applications
`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := writeTickler(Env{Stdout: &out, IsTerminal: true}, tt.items, tt.all, names); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", out.String(), tt.want)
			}
		})
	}
}
