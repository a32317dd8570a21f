package personname

import "testing"

// TestSameName: the ways one center's staff write one participant's name
// (fictional names) compare as one name.
func TestSameName(t *testing.T) {
	for _, same := range [][]string{
		// Composed (Windows), decomposed (macOS), without accents (a US
		// keyboard), in capitals (an ID card), a hyphen for a space.
		{"José Martínez Peña", "Jose\u0301 Marti\u0301nez Pen\u0303a", "Jose Martinez Pena", "JOSÉ MARTÍNEZ PEÑA", "jose  martinez-pena"},
		// Vietnamese stacked diacritics and the d with a stroke.
		{"Nguyễn Thị Hương-Trần", "Nguyen Thi Huong Tran", "NGUYỄN THỊ HƯƠNG-TRẦN"},
		{"Đặng Văn Lâm", "Dang Van Lam"},
		// An apostrophe, straight or curly, or a space.
		{"Siobhán O'Brien", "Siobhan O’Brien", "siobhan o brien"},
		// A Cyrillic А (U+0410) typed into a Latin name.
		{"\u0410lex Sample", "Alex Sample"},
		{"Jord\u0430n S\u0430mple", "Jordan Sample"},
		// Greek: an accent, and the final sigma's capital.
		{"Νίκος Παπαδόπουλος", "ΝΙΚΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ"},
		// Cyrillic in capitals and small, ё written as е.
		{"Алёна Смирнова", "АЛЕНА СМИРНОВА"},
		// Hebrew with and without its vowel points.
		{"נוֹעָה לֵוִי", "נועה לוי"},
		// German sharp s, Polish ł, Turkish dotted capital I.
		{"Groß", "GROSS"}, {"Łucja", "Lucja"}, {"İpek Yılmaz", "Ipek Yilmaz"},
	} {
		want := Key(same[0])
		if want == "" {
			t.Errorf("Key(%q) is empty", same[0])
		}
		for _, s := range same[1:] {
			if got := Key(s); got != want {
				t.Errorf("Key(%q) = %q, want %q, as Key(%q)", s, got, want, same[0])
			}
		}
	}
}

// TestOtherName: names that differ by a letter, or whose marks are
// letters of their script, are other names; a name wholly in Cyrillic or
// Greek is not read as Latin.
func TestOtherName(t *testing.T) {
	for _, pair := range [][2]string{
		{"Ana Example", "Anna Example"},
		{"Jose Example", "Josie Example"},
		// Devanagari vowel signs are letters of the name.
		{"कुमार", "कमार"},
		// Thai: a vowel mark is part of the word.
		{"สมชาย", "สมชาย\u0e34"},
		// All Cyrillic, all Greek, all Latin: no look-alikes read.
		{"Анна", "Ahha"}, {"Αννα", "Anna"},
		{"Ayunda", ""},
	} {
		if Key(pair[0]) == Key(pair[1]) {
			t.Errorf("Key(%q) = Key(%q) = %q", pair[0], pair[1], Key(pair[0]))
		}
	}
}

func TestKeyWords(t *testing.T) {
	for name, want := range map[string]string{
		"":                       "",
		"  ---  ":                "",
		"\u0301":                 "",
		"  Ayunda  ":             "ayunda",
		"Mary-Jane  O'Neil":      "mary jane o neil",
		"王小明":                    "王小明",
		"김민지":                    "김민지",
		"कुमार":                  "कुमार",
		"ليلى حداد":              "ليلى حداد",
		"Zoë 3rd":                "zoe 3rd",
		"Nguyễn\u00a0Thị":        "nguyen thi",
		"María del Carmen\tRuiz": "maria del carmen ruiz",
	} {
		if got := Key(name); got != want {
			t.Errorf("Key(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestAsTyped(t *testing.T) {
	for _, c := range []struct {
		in, want  string
		collapsed bool
	}{
		{"Ayunda Putri", "Ayunda Putri", false},
		{"  Ayunda Putri  ", "Ayunda Putri", false},
		{"Jose\u0301 Mun\u0303oz", "José Muñoz", false},
		{"Ayunda  Putri", "Ayunda Putri", true},
		{" Ayunda\tPutri\n", "Ayunda Putri", true},
		{"مريم  حداد", "مريم حداد", true},
		{"山田 太郎", "山田 太郎", false},
	} {
		got, collapsed := AsTyped(c.in)
		if got != c.want || collapsed != c.collapsed {
			t.Errorf("AsTyped(%q) = %q, %v; want %q, %v", c.in, got, collapsed, c.want, c.collapsed)
		}
	}
}

// TestSearchFinds: a name typed to find a participant finds them however
// the name and the search were typed: accents left out, capitals, words
// in another order or begun, a look-alike letter (fictional names).
func TestSearchFinds(t *testing.T) {
	for _, c := range []struct {
		search string
		finds  []string
		misses []string
	}{
		{"souza", []string{"Ana Souza", "ANA SOUZA", "Ana Maria Souza-Lima"}, []string{"Ana Sousa", "Souz Ana"}},
		{"ana sou", []string{"Ana Souza", "Souza, Ana"}, []string{"Ana Lima", "Anabel Lima"}},
		{"Souza Ana", []string{"Ana Souza"}, []string{"Ana Lima"}},
		{"an", []string{"Ana Souza", "Anabel Lima", "Lima, Anabel"}, []string{"Joana Lima", "Lima"}},
		// Accents typed without, or with on a Mac, and the other way round.
		{"jose pena", []string{"José Martínez Peña", "Jose\u0301 Pen\u0303a"}, []string{"Josie Pena"}},
		{"José", []string{"Jose Example"}, nil},
		{"nguyen thi", []string{"Nguyễn Thị Hương"}, nil},
		// A Cyrillic а (U+0430) typed into a Latin name, and a Latin
		// name written with one.
		{"\u0430na", []string{"Ana Souza"}, nil},
		{"ana", []string{"\u0410na Souza"}, nil},
		// A run of spaces, a hyphen, an apostrophe.
		{"  ana   souza ", []string{"Ana Souza"}, nil},
		{"o'brien", []string{"Siobhán O’Brien"}, []string{"Siobhán Obrien"}},
		// Each word of the search needs its own word of the name.
		{"ana a", []string{"Ana Alves", "Alves Ana"}, []string{"Ana Souza"}},
		{"ana ana", []string{"Ana Ana Example"}, []string{"Ana Example"}},
		// An all-Cyrillic search finds an all-Cyrillic name, not a Latin one.
		{"Алён", []string{"Алёна Смирнова"}, []string{"Alena Smirnova"}},
	} {
		s, ok := NewSearch(c.search)
		if !ok {
			t.Errorf("NewSearch(%q) refused", c.search)
			continue
		}
		for _, name := range c.finds {
			if !s.Finds(name) {
				t.Errorf("search %q does not find %q", c.search, name)
			}
		}
		for _, name := range c.misses {
			if s.Finds(name) {
				t.Errorf("search %q finds %q", c.search, name)
			}
		}
	}
}

// TestSearchEmpty: a search with no letter or digit would find every
// name; it is refused, and finds none.
func TestSearchEmpty(t *testing.T) {
	for _, text := range []string{"", "   ", "--", "\u0301", "'"} {
		s, ok := NewSearch(text)
		if ok || s.Finds("Ana Souza") {
			t.Errorf("NewSearch(%q) = %v, finds Ana Souza: %v", text, ok, s.Finds("Ana Souza"))
		}
	}
}
