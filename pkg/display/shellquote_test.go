package display

import (
	"os/exec"
	"testing"
)

// TestShellQuote: the case set command a duplicate row's message gives is
// pasted into a shell, so every value must come back from sh as it is.
func TestShellQuote(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	for _, v := range []string{"555-0190", "worker.180@example.org", "Plant 2", "12 O'Brien St, Apt 3", "", "$HOME `id` *", "a\\b", "line\nbreak"} {
		out, err := exec.Command(sh, "-c", "printf %s "+ShellQuote(v)).Output()
		if err != nil {
			t.Fatalf("%q: %v", v, err)
		}
		if string(out) != v {
			t.Errorf("ShellQuote(%q) = %s: sh reads it as %q", v, ShellQuote(v), out)
		}
	}
}
