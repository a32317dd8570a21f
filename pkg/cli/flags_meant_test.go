package cli

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestFlagsMeantByWhatTheyHold walks every command, so a command added
// later is held to it without editing this test. A newcomer types --date
// for a date whatever the command calls it (--due, --start, --given),
// --on for --date, and --text or --comment for the command's free text:
// each gets "did you mean" naming the command's flag.
func TestFlagsMeantByWhatTheyHold(t *testing.T) {
	root := initCLIStore(t)
	cmds := 0
	walkCommands(newCmdRoot(&globals{}), func(c *cobra.Command) {
		if !c.Runnable() {
			return
		}
		var dates, texts []string
		hasDate := false
		c.NonInheritedFlags().VisitAll(func(f *pflag.Flag) {
			switch {
			case f.Hidden:
			case f.Value.Type() == "date" && f.Name == "date":
				hasDate = true
			case f.Value.Type() == "date":
				dates = append(dates, "--"+f.Name)
			case f.Value.Type() == "string" && slices.Contains(textWords, f.Name):
				texts = append(texts, "--"+f.Name)
			}
		})
		path := strings.Fields(c.CommandPath())[1:]
		check := func(typed string, want []string) {
			cmds++
			_, _, stderr := runCaseplan(t, root, nil, append(slices.Clone(path), "--"+typed, "2026-12-01")...)
			meant := flagsHinted(stderr)
			for _, w := range want {
				if !slices.Contains(meant, w) {
					t.Errorf("%s --%s: the hint does not suggest %s:\n%s", c.CommandPath(), typed, w, stderr)
				}
			}
		}
		if len(dates) > 0 && !hasDate {
			check("date", dates)
		}
		if hasDate {
			check("on", []string{"--date"})
		}
		for _, typed := range []string{"text", "comment"} {
			if len(texts) > 0 && !slices.Contains(texts, "--"+typed) {
				check(typed, texts)
			}
		}
	})
	if cmds < 40 {
		t.Errorf("checked %d commands' flags: the walk missed them", cmds)
	}
}

// flagsHinted returns the flags of a "did you mean --a or --b?" hint.
func flagsHinted(stderr string) []string {
	m := regexp.MustCompile(`did you mean (.*?)\?`).FindStringSubmatch(stderr)
	if m == nil {
		return nil
	}
	return strings.Split(m[1], " or ")
}

// TestChoiceTypedAsFlag: a newcomer types a choice as a flag of its own
// (activity add --application, note add --phone): the hint names the
// flag that takes it. It walks every command's closed lists, so a list
// added later is held to it too.
func TestChoiceTypedAsFlag(t *testing.T) {
	root := initCLIStore(t)
	checked := 0
	walkCommands(newCmdRoot(&globals{}), func(c *cobra.Command) {
		for name, from := range flagValues[commandKey(c)] {
			for _, choice := range from.fixed {
				if c.Flags().Lookup(choice) != nil || strings.ContainsAny(choice, " =") {
					continue // a flag of that name exists: no slip
				}
				checked++
				path := strings.Fields(c.CommandPath())[1:]
				_, _, stderr := runCaseplan(t, root, nil, append(slices.Clone(path), "--"+choice)...)
				hinted := flagsHinted(stderr)
				if len(hinted) > 0 && !strings.Contains(hinted[0], " ") {
					// A flag of a like name comes first (note add --text
					// is the note's --content, not --mode text).
					continue
				}
				if want := "--" + name + " " + choice; !slices.Contains(hinted, want) {
					t.Errorf("%s --%s: the hint does not suggest %s:\n%s", c.CommandPath(), choice, want, stderr)
				}
			}
		}
	})
	if checked < 30 {
		t.Errorf("checked %d choices: the walk missed them", checked)
	}
}

// TestChoiceTypedAsFlagCheckedByItsCommand: a flag whose command checks
// its values itself (due --kind, a comma-separated list) still lends its
// choices to the hint: due --contact is due --kind contact.
func TestChoiceTypedAsFlagCheckedByItsCommand(t *testing.T) {
	root := initCLIStore(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"due", "--all", "--contact"}, "--kind contact"},
		{[]string{"report", "search", "--all", "--applications"}, "--table applications"},
	} {
		code, _, stderr := runCaseplan(t, root, nil, tt.args...)
		if code != ExitUsage || !slices.Contains(flagsHinted(stderr), tt.want) {
			t.Errorf("caseplan %s: exit %d, want 2 and a hint naming %s:\n%s", strings.Join(tt.args, " "), code, tt.want, stderr)
		}
	}
}

// TestFlagMeantByJobWord: the words a case manager types for a job's
// flags (placement set --title, --company, --salary) are answered with
// the one flag meant, on each command that has it.
func TestFlagMeantByJobWord(t *testing.T) {
	root := initCLIStore(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"placement", "set", "W-1", "--title", "Clerk"}, "--position"},
		{[]string{"placement", "set", "W-1", "--job-title", "Clerk"}, "--position"},
		{[]string{"placement", "set", "W-1", "--company", "Example Clinic"}, "--employer"},
		{[]string{"placement", "set", "W-1", "--salary", "20"}, "--wage"},
		{[]string{"placement", "set", "W-1", "--pay", "20"}, "--wage"},
		{[]string{"followup", "add", "W-1", "--company", "Example Clinic"}, "--employer"},
		{[]string{"followup", "add", "W-1", "--salary", "20"}, "--wage"},
		{[]string{"activity", "add", "W-1", "--company", "Example Clinic"}, "--org"},
		{[]string{"activity", "add", "W-1", "--job-title", "Clerk"}, "--position"},
		{[]string{"ref", "add", "W-1", "--company", "Example Clinic"}, "--organization"},
		{[]string{"ref", "add", "W-1", "--position", "Office Manager"}, "--title"},
		{[]string{"case", "set", "W-1", "--job-title", "Clerk"}, "--position"},
	} {
		code, _, stderr := runCaseplan(t, root, nil, tt.args...)
		if hinted := flagsHinted(stderr); code != ExitUsage || !slices.Equal(hinted, []string{tt.want}) {
			t.Errorf("caseplan %s: exit %d, hint naming %v, want 2 and a hint naming %s alone:\n%s", strings.Join(tt.args, " "), code, hinted, tt.want, stderr)
		}
	}
}

// TestFlagMeantBySameWord: a mistyped flag is answered, in the one
// place every command's flag errors go, with the flag meant — a word that
// means the same (extension decide --refused for --denied), a case
// manager's word for a choice (case close --quit, the close reason
// withdrew), and the values' did-you-mean over the flag names (a flag
// typed with more words, or a word of a flag).
func TestFlagMeantBySameWord(t *testing.T) {
	root := initCLIStore(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"extension", "decide", "W-1", "--refused"}, "--denied"},
		{[]string{"extension", "decide", "W-1", "--rejected"}, "--denied"},
		{[]string{"extension", "decide", "W-1", "--granted"}, "--approved"},
		{[]string{"case", "close", "W-1", "--quit"}, "--reason withdrew"},
		{[]string{"case", "close", "W-1", "--found-a-job"}, "--reason placed"},
		{[]string{"note", "add", "W-1", "--checkin"}, "--kind contact"},
		{[]string{"validate", "--manager-id", "dpatel"}, "--manager"},
		{[]string{"case", "list", "--new-manager", "dpatel"}, "--manager"},
		{[]string{"report", "performance", "--year", "2025"}, "--program-year"},
	} {
		code, _, stderr := runCaseplan(t, root, nil, tt.args...)
		if code != ExitUsage || !slices.Contains(flagsHinted(stderr), tt.want) {
			t.Errorf("caseplan %s: exit %d, want 2 and a hint naming %s:\n%s", strings.Join(tt.args, " "), code, tt.want, stderr)
		}
	}
}
