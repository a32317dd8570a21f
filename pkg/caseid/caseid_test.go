package caseid

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for id, ok := range map[string]bool{
		"2026-K7QX2":                          true,
		"MOSES.12345":                         true,
		"a":                                   true,
		"":                                    false,
		"-abc":                                false,
		"../etc":                              false,
		"a/b":                                 false,
		"123-45-6789":                         false,
		"123456789":                           false,
		"has space":                           false,
		string(bytes.Repeat([]byte("x"), 65)): false,
	} {
		if err := Check(id); (err == nil) != ok {
			t.Errorf("Check(%q) = %v, want ok=%v", id, err, ok)
		}
	}
}

func TestNew(t *testing.T) {
	id, err := New(2026, bytes.NewReader([]byte{0xff, 0x00, 0xaa, 0x55}))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^2026-[0-9A-HJKMNP-TV-Z]{5}$`).MatchString(id) {
		t.Fatalf("New = %q", id)
	}
	if err := Check(id); err != nil {
		t.Fatal(err)
	}
	a, _ := New(2026, nil)
	b, _ := New(2026, nil)
	if a == b {
		t.Fatalf("two random IDs are equal: %s", a)
	}
}

func TestCheckRefusesStoreDirs(t *testing.T) {
	for _, id := range []string{"cohorts", "import-rules"} {
		if Check(id) == nil {
			t.Errorf("Check(%q) accepted a directory of store records", id)
		}
	}
	if err := Check("cohorts-2026"); err != nil {
		t.Error(err)
	}
}

func TestNewItem(t *testing.T) {
	for _, tt := range []struct {
		prefix string
		random []byte
		want   string
	}{
		{"G", []byte{0, 0, 0, 0}, "G-00000"},
		{"AP", []byte{0xff, 0xff, 0xff, 0xff}, "AP-ZZZZZ"},
		{"R", []byte{0x3a, 0x5d, 0x1b, 0x88}, "R-79EHQ"},
	} {
		got, err := NewItem(tt.prefix, bytes.NewReader(tt.random))
		if err != nil || got != tt.want {
			t.Errorf("NewItem(%s, % x) = %q, %v; want %q", tt.prefix, tt.random, got, err, tt.want)
		}
	}
	if _, err := NewItem("G", bytes.NewReader([]byte{1, 2})); err == nil {
		t.Error("NewItem with 2 random bytes: no error")
	}
	a, _ := NewItem("G", nil)
	b, _ := NewItem("G", nil)
	if a == b {
		t.Fatalf("two random IDs are equal: %s", a)
	}
}

func TestMeant(t *testing.T) {
	ids := []string{"2026-QSB0A", "2026-2YMH3", "2026-SWWBC", "E-0001", "E-0002"}
	for typed, want := range map[string]string{
		"2026-QSB0B":  "2026-QSB0A", // one changed
		"2026-QSBOA":  "2026-QSB0A", // the letter O for the digit 0
		"2026-QSB0":   "2026-QSB0A", // one left out
		"2026-QSB0AA": "2026-QSB0A", // one added
		"2026-QS0BA":  "2026-QSB0A", // two swapped
		"2026-qsb0b":  "2026-QSB0A", // capitals aside
		"QSB0A":       "2026-QSB0A", // without the year
		"E-0003":      "E-0001 E-0002",
		"2026-ZZZZZ":  "",
		"2026-QSB0A":  "", // the ID itself is no suggestion
		"2026-SW":     "",
		"0A":          "",
	} {
		if got := strings.Join(Meant(typed, ids), " "); got != want {
			t.Errorf("Meant(%q) = %q, want %q", typed, got, want)
		}
	}
}

func TestChoiceMeant(t *testing.T) {
	modes := []string{"in-person", "phone", "email", "video", "text", "letter", "home-visit", "job-site", "none"}
	kinds := []string{"intake", "contact", "case-conference", "follow-up", "other"}
	exclusions := []string{"institutionalized", "health-medical", "deceased", "reserve-active-duty"}
	services := []string{"benefits-counseling", "career-counseling", "case-management", "crisis-intervention", "job-search"}
	credentials := []string{"secondary-diploma", "associate-degree", "bachelor-degree", "other"}
	activities := []string{"application", "informational-interview", "interview", "course", "networking"}
	for _, tc := range []struct {
		valid []string
		typed string
		want  string
	}{
		{[]string{"open", "closed"}, "Open", "open"},
		{modes, "Phone", "phone"},
		{kinds, "contct", "contact"},
		{modes, "phone-call", "phone"},
		{modes, "phonecall", "phone"},
		{modes, "in person", "in-person"},
		{modes, "video-call", "video"},
		{modes, "Home Visit", "home-visit"},
		{modes, "phone or video", ""}, // two choices: no guess
		// Typographic quotes pasted from a word processor are read
		// through, as the value within them is.
		{[]string{"post-employment", "wioa", "work-security"}, "‘work-securty’", "work-security"},
		{[]string{"post-employment", "wioa", "work-security"}, "“Post-Employment”", "post-employment"},
		{[]string{"open", "closed"}, "„clsoed“", "closed"},
		{modes, "‘fax’", ""},
		{modes, "fax", ""},
		{modes, "", ""},
		{[]string{"wioa", "wioq"}, "wiox", ""}, // one slip from both
		// A beginning the command line reads, in a record.
		{[]string{"monday", "tuesday", "friday"}, "fri", "friday"},
		{[]string{"monday", "tuesday", "thursday"}, "Tues", "tuesday"},
		{kinds, "con", "contact"},
		{[]string{"intake", "interview-feedback"}, "int", ""}, // begins both
		// Another first letter is another word, not a slip.
		{[]string{"none", "draft", "final"}, "Done", ""},
		{[]string{"hour", "year"}, "four", ""},
		{[]string{"draft", "final"}, "Lraft", ""},
		// From six letters on, it is a slip ("d" is beside "c").
		{[]string{"open", "closed"}, "Dlosed", "closed"},
		{[]string{"active", "pending", "lapsed"}, "Pending", "pending"},
		{[]string{"active", "pending", "lapsed"}, "oending", "pending"},
		{modes, "hpone", "phone"}, // two swapped, the first among them
		{modes, "hone", "phone"},  // the first left out
		// A word of one choice, said (never taken: Choice does not).
		{exclusions, "medical", "health-medical"},
		{exclusions, "Medical", "health-medical"},
		{exclusions, "duty", "reserve-active-duty"},
		{exclusions, "active duty", "reserve-active-duty"},
		{kinds, "conference", "case-conference"},
		{modes, "visit", "home-visit"},
		{services, "management", "case-management"},
		{services, "intervention", "crisis-intervention"},
		{services, "counseling", ""}, // a word of two choices: no guess
		{credentials, "degree", ""},
		{exclusions, "treatment", ""},
		{activities, "networkin", "networking"},
		{activities, "fair", ""},
	} {
		if got := ChoiceMeant(tc.valid, tc.typed); got != tc.want {
			t.Errorf("ChoiceMeant(%q) = %q, want %q", tc.typed, got, tc.want)
		}
	}
}

func TestWorded(t *testing.T) {
	exclusions := []string{"institutionalized", "health-medical", "deceased", "reserve-active-duty"}
	services := []string{"benefits-counseling", "career-counseling", "case-management", "crisis-intervention", "job-search"}
	activities := []string{"application", "informational-interview", "interview", "course", "networking"}
	for _, tc := range []struct {
		valid []string
		typed string
		want  string
	}{
		{exclusions, "medical", "health-medical"},
		{exclusions, " HEALTH ", "health-medical"},
		{exclusions, "reserve active", "reserve-active-duty"},
		{exclusions, "active-duty", "reserve-active-duty"},
		// A whole word only: institution is the beginning of a word.
		{exclusions, "institution", ""},
		{exclusions, "med", ""},
		{exclusions, "duty reserve", ""}, // the words out of order
		{services, "counseling", "benefits-counseling career-counseling"},
		{services, "job", "job-search"},
		// A choice typed in full is itself, not a word of another.
		{activities, "interview", ""},
		{activities, "Interview", ""},
		{activities, "informational", "informational-interview"},
		{services, "", ""},
		{services, "--", ""},
	} {
		if got := strings.Join(Worded(tc.valid, tc.typed), " "); got != tc.want {
			t.Errorf("Worded(%q) = %q, want %q", tc.typed, got, tc.want)
		}
	}
}

func TestBegun(t *testing.T) {
	kinds := []string{"intake", "contact", "case-conference", "interview-feedback", "other"}
	for _, tc := range []struct {
		typed string
		want  string
	}{
		{"int", "intake interview-feedback"},
		{"INT", "intake interview-feedback"},
		{"inta", "intake"},
		{"ca", ""}, // too short to be read as a beginning
		{"cas", "case-conference"},
		{"fax", ""},
	} {
		if got := strings.Join(Begun(kinds, tc.typed), " "); got != tc.want {
			t.Errorf("Begun(%q) = %q, want %q", tc.typed, got, tc.want)
		}
	}
}

func TestChoice(t *testing.T) {
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	modes := []string{"in-person", "phone", "email", "video", "text", "home-visit", "job-site"}
	every := []string{"weekly", "fortnightly", "monthly"}
	for _, tc := range []struct {
		valid []string
		typed string
		want  string
	}{
		{days, "tuesday", "tuesday"},
		{days, "Tuesday", "tuesday"},
		{days, " TUESDAY ", "tuesday"},
		{days, "tue", "tuesday"},
		{days, "Tues", "tuesday"},
		{days, "thurs", "thursday"},
		{every, "Weekly", "weekly"},
		{every, "fortn", "fortnightly"},
		{modes, "Phone", "phone"},
		{modes, "Home-Visit", "home-visit"},
		// Longer than the choice: never read as it.
		{days, "tuesdays and fridays", ""},
		{days, "tuesdays", ""},
		{modes, "phonecall", ""},
		{every, "weeklyish", ""},
		// Too short, or the beginning of two choices.
		{days, "tu", ""},
		{days, "t", ""},
		{[]string{"active", "achieved"}, "ac", ""},
		{[]string{"pending", "pendant"}, "pend", ""},
		// A choice that begins another is still itself.
		{[]string{"open", "opened"}, "open", "open"},
		{days, "", ""},
		{days, "  ", ""},
	} {
		got, ok := Choice(tc.valid, tc.typed)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Choice(%q) = %q, %v, want %q", tc.typed, got, ok, tc.want)
		}
	}
}

func TestUnquoted(t *testing.T) {
	for _, tc := range []struct {
		typed, want string
		ok          bool
	}{
		{"‘work-security’", "work-security", true},
		{"“open”", "open", true},
		{"„offen“", "offen", true},
		{"«ouvert»", "ouvert", true},
		{"open", "open", false},
		{"‘open", "‘open", false},         // one quote is no pair
		{"“”", "“”", false},               // nothing within
		{"it’s open", "it’s open", false}, // an apostrophe inside
	} {
		got, ok := Unquoted(tc.typed)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Unquoted(%q) = %q, %v; want %q, %v", tc.typed, got, ok, tc.want, tc.ok)
		}
	}
}
