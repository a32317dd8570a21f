package cli

import (
	"strings"
	"testing"
)

// TestCaseFileAsOf: the case file reads a commit as the reports do, --as-of
// included: the same flags and help (one owner, addCommitFlags), the same
// refusals, and a day typed to --at pointed at --as-of.
func TestCaseFileAsOf(t *testing.T) {
	show := newCmdCaseShow(&globals{}, nil)
	monthly := newCmdReportMonthly(&globals{}, nil)
	for _, name := range []string{"at", "as-of"} {
		got, want := show.Flags().Lookup(name), monthly.Flags().Lookup(name)
		if got == nil {
			t.Fatalf("case show has no --%s", name)
		}
		if got.Value.Type() != want.Value.Type() || !strings.HasSuffix(got.Usage, strings.TrimPrefix(want.Usage, "report from the records")) {
			t.Errorf("case show --%s: %s %q; the reports': %s %q", name, got.Value.Type(), got.Usage, want.Value.Type(), want.Usage)
		}
	}

	dir := initCLIStore(t) // its one commit is dated 2026-03-16
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--at", "2026-03-16"}, "caseplan: hint: 2026-03-16 is a day, not a commit: --as-of 2026-03-16 "},
		{[]string{"--as-of", "2026-03-01"}, "caseplan: --as-of 2026-03-01: no commit was made on or before that day\n"},
		{[]string{"--as-of", "2026-03-16", "--at", "HEAD"}, "caseplan: --at and --as-of both name the commit to read from; give one\n"},
	} {
		args := append([]string{"case", "show", "W-001", "-o", "md"}, c.args...)
		code, stdout, stderr := runCaseplan(t, dir, nil, args...)
		if code != ExitUsage || stdout != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, stdout, stderr, c.want)
		}
	}
}
