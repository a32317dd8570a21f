package record

import "testing"

func TestStaffIDMeant(t *testing.T) {
	cfg := &Config{Staff: []Staff{
		{ID: "dshah", Name: "Devika Shah", Email: "Devika.Shah@example.org"},
		{ID: "mbell", Name: "Marcus Bell", Email: "mbell@example.org"},
		{ID: "bstone", Name: "Ben Stone", Email: "bstone@example.org"},
		{ID: "bcarter", Name: "Ben Carter", Email: "bcarter@example.org"},
		{ID: "astone", Name: "Ann  Marie Stone", Email: "astone@example.org"},
		{ID: "anunez", Name: "Ana Núñez", Email: "anunez@example.org"},
		{ID: "zngo", Name: "Zoë Ngô-Đặng", Email: "zngo@example.org"},
	}}
	for typed, want := range map[string]string{
		"DSHAH": "dshah", " Mbell ": "mbell", "devika.shah@example.org": "dshah",
		"": "", "  ": "", "dshah22": "",
		// A slip of a key, unless it could be two members' IDs.
		"dshah2": "dshah", "mbel": "mbell", "MBELLL": "mbell", "mbeil": "mbell", "bstnoe": "bstone",
		"xstone": "", "stone": "",
		// A name: in full, or a first or last name only one member has.
		"Devika Shah": "dshah", "devika  shah": "dshah", "Ben Stone": "bstone",
		"ann marie stone": "astone", "Marcus": "mbell", "bell": "mbell",
		"Ben": "", "Stone": "", "Marie": "", "Devika Bell": "", "Shahs": "",
		// Typed as a keyboard lets one: without the accents, decomposed,
		// a hyphenated family name's words.
		"Ana Nunez": "anunez", "ana nuñez": "anunez", "NUNEZ": "anunez", "zoe": "zngo",
		"Ngo-Dang": "zngo", "ngo dang": "zngo", "Zoe Ngo Dang": "zngo", "Dang": "zngo",
		"Ann Marie": "astone", "Zoey": "",
		// Pasted with a word processor's quotes.
		"“mbell”": "mbell", "‘DShah’": "dshah",
	} {
		if got := cfg.StaffIDMeant(typed); got != want {
			t.Errorf("StaffIDMeant(%q) = %q, want %q", typed, got, want)
		}
	}
	if got := (*Config)(nil).StaffIDMeant("dshah"); got != "" {
		t.Errorf("a nil roster meant %q", got)
	}
}
