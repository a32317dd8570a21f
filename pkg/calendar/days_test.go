package calendar

import (
	"testing"
	"time"
)

func TestParseISOWeek(t *testing.T) {
	for _, tc := range []struct {
		week   string
		monday string // "" when not a week
	}{
		{"2026-W11", "2026-03-09"},
		{"2026-W01", "2025-12-29"}, // week 1 holds January 4th
		{"2026-W53", "2026-12-28"}, // 2026 starts on a Thursday: 53 weeks
		{"2025-W52", "2025-12-22"},
		{"2025-W53", ""}, // 2025 has 52
		{"2026-W00", ""},
		{"2026-W1", ""},
		{"2026-11", ""},
		{" 2026-W11", ""},
		{"2026-w11", ""},
	} {
		got, ok := ParseISOWeek(tc.week)
		if tc.monday == "" {
			if ok {
				t.Errorf("ParseISOWeek(%q) = %s, want not a week", tc.week, got.Format(time.DateOnly))
			}
			continue
		}
		if !ok || got.Format(time.DateOnly) != tc.monday {
			t.Errorf("ParseISOWeek(%q) = %s, %v; want %s", tc.week, got.Format(time.DateOnly), ok, tc.monday)
		}
	}
}

func TestISOWeek(t *testing.T) {
	for week, monday := range map[string]string{"2026-W01": "2025-12-29", "2026-W11": "2026-03-09", "2020-W53": "2020-12-28", "2026-W53": "2026-12-28"} {
		got, ok := ParseISOWeek(week)
		if !ok || got.Format(time.DateOnly) != monday {
			t.Errorf("ParseISOWeek(%s) = %v, %v; want %s", week, got, ok, monday)
		}
		if ISOWeek(got) != week {
			t.Errorf("ISOWeek(%s) = %s", got, ISOWeek(got))
		}
	}
	if _, ok := ParseISOWeek("2025-W53"); ok {
		t.Error("2025 has no week 53")
	}
}

func TestAddMonthsAndDays(t *testing.T) {
	if d := Days(day("2026-03-01"), day("2026-02-27")); d != -2 {
		t.Errorf("Days backwards = %d, want -2", d)
	}
	if got := Day(time.Date(2026, 3, 1, 23, 59, 0, 0, time.UTC)); !got.Equal(day("2026-03-01")) {
		t.Errorf("Day = %s", got)
	}
}
