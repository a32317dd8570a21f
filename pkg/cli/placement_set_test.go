package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// TestPlacementSetFlags runs placement set's flag checks through its
// command, with a run function that only records the options: the checks
// need no store.
func TestPlacementSetFlags(t *testing.T) {
	base := []string{"W-001", "--employer", "Example Clinic", "--position", "Clerk", "--start", "2026-06-01"}
	tests := []struct {
		name     string
		args     []string
		want     string // the placement, when the flags are good
		wantUser string // the usage error's message, when they are not
	}{
		{name: "the required flags only", args: base, want: "from 2026-06-01, wage - , hours -, internal -"},
		{name: "an hourly wage, hours, outside", args: append(base, "--wage", "24.5", "--wage-unit", "hour", "--hours", "37.5", "--internal=false"), want: "from 2026-06-01, wage 24.5 hour, hours 37.5, internal false"},
		{name: "a wage without its unit", args: append(base, "--wage", "24.5"), wantUser: "--wage needs --wage-unit"},
		{name: "a unit without a wage", args: append(base, "--wage-unit", "year"), wantUser: "--wage-unit goes with --wage"},
		{name: "a negative wage", args: append(base, "--wage", "-1", "--wage-unit", "hour"), wantUser: "--wage -1: a wage is not negative"},
		{name: "a bad start", args: []string{"W-001", "--employer", "E", "--position", "P", "--start", "June"}, wantUser: `--start "June": not a date; use YYYY-MM-DD`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *placementSetOptions
			c := newCmdPlacementSet(&globals{}, func(o *placementSetOptions) error { got = o; return nil })
			c.SetArgs(tt.args)
			c.SetOut(io.Discard)
			c.SetErr(io.Discard)
			err := c.Execute()
			if tt.wantUser != "" {
				var ue *UsageError
				if !errors.As(err, &ue) || ue.Msg != tt.wantUser || got != nil {
					t.Fatalf("err = %v (ran: %v), want the usage error %q", err, got != nil, tt.wantUser)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := describePlacement(got.change.Placement); s != tt.want || got.change.Case != "W-001" {
				t.Errorf("case %s: %s, want W-001: %s", got.change.Case, s, tt.want)
			}
		})
	}
}

func describePlacement(p record.Placement) string {
	num := func(f *float64) string {
		if f == nil {
			return "-"
		}
		return strconv.FormatFloat(*f, 'f', -1, 64)
	}
	internal := "-"
	if p.Internal != nil {
		internal = strconv.FormatBool(*p.Internal)
	}
	return fmt.Sprintf("from %s, wage %s %s, hours %s, internal %s", p.Start, num(p.Wage), p.WageUnit, num(p.Hours), internal)
}
