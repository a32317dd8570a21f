package store_test

import (
	"slices"
	"testing"

	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/store/storetest"
)

// ScanIntakes names the managers a case's transfers took it from, so
// that case transfer --from finds a case handed on since a past day.
func TestScanIntakesHandedOnBy(t *testing.T) {
	m := storetest.MemStore{
		"cases/caseplan.yaml":   "organization: Example Board\n",
		"cases/W-1/intake.yaml": "id: W-1\nmanager: dpatel\ntransfers:\n  - date: 2026-04-01\n    from: mrivera\n    to: svisor\n  - date: 2026-05-01\n    from: svisor\n    to: dpatel\n",
		"cases/W-2/intake.yaml": "id: W-2\nmanager: mrivera\n",
	}
	keys, err := store.ScanIntakes(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 2 || !slices.Equal(keys[0].HandedOnBy, []string{"mrivera", "svisor"}) || keys[0].Manager != "dpatel" || keys[1].HandedOnBy != nil {
		t.Errorf("keys: %+v", keys)
	}
}
