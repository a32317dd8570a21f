package record

import "testing"

func TestStaffIDMeant(t *testing.T) {
	cfg := &Config{Staff: []Staff{{ID: "dshah", Email: "Devika.Shah@example.org"}, {ID: "mbell", Email: "mbell@example.org"}}}
	for typed, want := range map[string]string{
		"DSHAH": "dshah", " Mbell ": "mbell", "devika.shah@example.org": "dshah",
		"dshah2": "", "": "", "Devika Shah": "",
	} {
		if got := cfg.StaffIDMeant(typed); got != want {
			t.Errorf("StaffIDMeant(%q) = %q, want %q", typed, got, want)
		}
	}
	if got := (*Config)(nil).StaffIDMeant("dshah"); got != "" {
		t.Errorf("a nil roster meant %q", got)
	}
}
