package audit

import (
	"net/textproto"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

var trailerCases = []struct {
	name string
	msg  string
	want map[string][]string
}{
	{
		name: "caseplan commit",
		msg:  "2026-K7QX2: add note\n\nCaseplan-Case: 2026-K7QX2\nCaseplan-Action: note.add\n",
		want: map[string][]string{"Caseplan-Case": {"2026-K7QX2"}, "Caseplan-Action": {"note.add"}},
	},
	{
		name: "keys are case-insensitive",
		msg:  "s\n\ncaseplan-case: a\nCASEPLAN-CASE: b\nCaseplan-Action:  note.add  \n",
		want: map[string][]string{"Caseplan-Case": {"a", "b"}, "Caseplan-Action": {"note.add"}},
	},
	{
		name: "several cases",
		msg:  "caseplan: transfer\n\nbody\n\nCaseplan-Case: a\nCaseplan-Case: b\nCaseplan-Action: case.transfer",
		want: map[string][]string{"Caseplan-Case": {"a", "b"}, "Caseplan-Action": {"case.transfer"}},
	},
	{
		name: "trailer-like lines in the body are not trailers",
		msg:  "s\n\nCaseplan-Case: not-this\n\nplain last paragraph\n",
		want: nil,
	},
	{
		name: "only the last paragraph counts",
		msg:  "s\n\nCaseplan-Case: not-this\nCaseplan-Action: nor.this\n\nCaseplan-Case: real\nCaseplan-Action: note.add\n",
		want: map[string][]string{"Caseplan-Case": {"real"}, "Caseplan-Action": {"note.add"}},
	},
	{
		name: "a non-trailer line spoils the block",
		msg:  "s\n\nCaseplan-Case: a\nthis is prose\n",
		want: nil,
	},
	{
		name: "the subject is never trailers",
		msg:  "Caseplan-Case: a\nCaseplan-Action: note.add\n",
		want: nil,
	},
	{
		name: "subject only",
		msg:  "Caseplan-Case: a\n\n\n",
		want: nil,
	},
	{
		name: "continuation lines and blank tail",
		msg:  "s\n\nCaseplan-Case: a\nNote-Text: first\n  second\n\n\n",
		want: map[string][]string{"Caseplan-Case": {"a"}, "Note-Text": {"first second"}},
	},
	{
		name: "space before colon, empty value",
		msg:  "s\n\nCaseplan-Case : a\nCaseplan-Action:\n",
		want: map[string][]string{"Caseplan-Case": {"a"}, "Caseplan-Action": {""}},
	},
	{
		name: "key with space inside is not a trailer",
		msg:  "s\n\nCase plan: a\n",
		want: nil,
	},
	{
		name: "git-generated line allows prose in the block",
		msg:  "s\n\nCaseplan-Case: a\n(cherry picked from commit 0123456789abcdef)\nprose\n",
		want: map[string][]string{"Caseplan-Case": {"a"}},
	},
	{
		name: "crlf",
		msg:  "s\r\n\r\nCaseplan-Case: a\r\n",
		want: map[string][]string{"Caseplan-Case": {"a"}},
	},
}

func TestParseTrailers(t *testing.T) {
	for _, tc := range trailerCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ParseTrailers(tc.msg); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseTrailers(%q)\n got %v\nwant %v", tc.msg, got, tc.want)
			}
		})
	}
}

// TestParseTrailersMatchesGit checks the cases against git itself, whose
// reading of trailers is the one ParseTrailers promises.
func TestParseTrailersMatchesGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git CLI not available")
	}
	for _, tc := range trailerCases {
		if strings.Contains(tc.msg, "\r") {
			continue // git keeps the CR in values; ParseTrailers drops it
		}
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command("git", "interpret-trailers", "--parse", "--no-divider")
			cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
			cmd.Stdin = strings.NewReader(tc.msg)
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			var got map[string][]string
			for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				if line == "" {
					continue
				}
				k, v, _ := strings.Cut(line, ":")
				if got == nil {
					got = map[string][]string{}
				}
				key := textproto.CanonicalMIMEHeaderKey(k)
				got[key] = append(got[key], strings.TrimSpace(v))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("git reads %q as %v, test wants %v", tc.msg, got, tc.want)
			}
		})
	}
}

func TestMessageRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		cases  []string
		action string
		want   string
	}{
		{[]string{"2026-K7QX2"}, "note.add", "2026-K7QX2: did it\n\nCaseplan-Case: 2026-K7QX2\nCaseplan-Action: note.add\n"},
		{nil, "staff.add", "caseplan: did it\n\nCaseplan-Case: -\nCaseplan-Action: staff.add\n"},
		{[]string{"A", "B"}, "case.import", "caseplan: did it\n\nCaseplan-Case: A\nCaseplan-Case: B\nCaseplan-Action: case.import\n"},
	} {
		msg := Message(tc.cases, tc.action, "did it")
		if msg != tc.want {
			t.Errorf("Message = %q, want %q", msg, tc.want)
		}
		cases, action, ok := Trailers(msg)
		want := tc.cases
		if want == nil {
			want = []string{StoreWide}
		}
		if !ok || action != tc.action || !reflect.DeepEqual(cases, want) {
			t.Errorf("Trailers(%q) = %v, %q, %v", msg, cases, action, ok)
		}
	}
}
