package gitstore

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in         string
		wantUnix   int64
		wantOffset int // seconds east of UTC
		wantErr    bool
	}{
		{in: "2026-03-02T09:04:00+00:00", wantUnix: 1772442240},
		{in: "2026-03-02T09:04:00Z", wantUnix: 1772442240},
		{in: "2026-03-02T10:04:00+01:00", wantUnix: 1772442240, wantOffset: 3600},
		{in: "2026-03-02T04:04:00-05:00", wantUnix: 1772442240, wantOffset: -5 * 3600},
		{in: "2026-03-02 10:04:00 +0100", wantUnix: 1772442240, wantOffset: 3600},
		{in: "2026-03-02T14:34:00+0530", wantUnix: 1772442240, wantOffset: 5*3600 + 1800},
		{in: "2026-03-02 09:04:00Z", wantUnix: 1772442240},
		{in: "2026-03-02 10:04:00+01:00", wantUnix: 1772442240, wantOffset: 3600},
		{in: "@1772442240 +0000", wantUnix: 1772442240},
		{in: "1772442240 +0000", wantUnix: 1772442240},
		{in: "@1772442240 -0700", wantUnix: 1772442240, wantOffset: -7 * 3600},
		{in: "  2026-03-02T09:04:00Z\n", wantUnix: 1772442240},
		{in: "yesterday", wantErr: true},
		{in: "", wantErr: true},
		{in: "2026-13-02T09:04:00Z", wantErr: true},
		{in: "@abc +0000", wantErr: true},
		{in: "@1772442240 UTC", wantErr: true},
		{in: "@1772442240 +00", wantErr: true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.wantErr {
			if err == nil || !strings.Contains(err.Error(), "use RFC 3339") {
				t.Errorf("ParseDate(%q) = %v, %v; want an error naming the format to use", tt.in, got, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		_, offset := got.Zone()
		if got.Unix() != tt.wantUnix || offset != tt.wantOffset {
			t.Errorf("ParseDate(%q) = %v (unix %d, offset %d), want unix %d, offset %d", tt.in, got, got.Unix(), offset, tt.wantUnix, tt.wantOffset)
		}
	}
}
