package store

import (
	"runtime"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/layout"
)

// IntakeKeys are the few fields of a case's intake record by which cases
// are found across a whole store: who the participant is, who manages
// the case, its cohort, the roster row it was imported from, the case of
// the participant's earlier period it continues.
type IntakeKeys struct {
	ID       string // the case directory's name
	Readable bool   // the intake record was read; the other fields are empty otherwise
	Status   string
	Program  string // the program key the case is in
	Manager  string
	Name     string
	Phone    string
	Email    string
	Cohort   string
	Imported string // the row hash of record.Imported, "" when not imported
	// ReturningFrom is the intake's returning_from: the case of the
	// participant's earlier period of participation, "" when none.
	ReturningFrom string
	// HandedOnBy are the managers its transfers took it from (transfers'
	// from), in order: case transfer --from finds a case someone managed
	// on a past day though it is another's now.
	HandedOnBy []string
}

// ScanIntakes reads every case's intake record — and only that, decoding
// only IntakeKeys — on several goroutines when the source allows: what
// case import needs to find duplicates, and note add --cohort its cases,
// at a fraction of a full Load's cost on a large store. A case whose
// intake is missing or unreadable is listed with Readable false
// (validate says why). progress, when set, is told how far it has come.
func ScanIntakes(src Source, progress func(done, total int)) ([]IntakeKeys, error) {
	entries, err := src.List(layout.CasesDir)
	if err != nil {
		return nil, err
	}
	var out []IntakeKeys
	for _, e := range entries {
		if (e.IsDir || e.Symlink) && !layout.IsStoreDir(e.Name) && caseid.Check(e.Name) == nil {
			out = append(out, IntakeKeys{ID: e.Name})
		}
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	workers := runtime.GOMAXPROCS(0) * 2
	if c, ok := src.(Concurrent); !ok || !c.Concurrent() {
		workers = 1
	}
	progress(0, len(out))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				readKeys(src, &out[i])
				mu.Lock()
				done++
				progress(done, len(out))
				mu.Unlock()
			}
		}()
	}
	for i := range out {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, nil
}

// IntakeID returns the id case directory dir's intake record gives, read
// alone (a one-case check need not load the case's other records); ok is
// false when the intake cannot be read or gives none.
func IntakeID(src Source, dir string) (id string, ok bool) {
	data, err := src.ReadFile(layout.Intake(dir))
	if err != nil {
		return "", false
	}
	var in struct {
		ID string `yaml:"id"`
	}
	if yaml.Unmarshal(data, &in) != nil || in.ID == "" {
		return "", false
	}
	return in.ID, true
}

func readKeys(src Source, k *IntakeKeys) {
	data, err := src.ReadFile(layout.Intake(k.ID))
	if err != nil {
		return
	}
	var in struct {
		Status      string `yaml:"status"`
		Program     string `yaml:"program"`
		Manager     string `yaml:"manager"`
		Participant struct {
			Name  string `yaml:"name"`
			Phone string `yaml:"phone"`
			Email string `yaml:"email"`
		} `yaml:"participant"`
		Cohort   string `yaml:"cohort"`
		Imported struct {
			SHA256 string `yaml:"sha256"`
		} `yaml:"imported"`
		ReturningFrom string `yaml:"returning_from"`
		Transfers     []struct {
			From string `yaml:"from"`
		} `yaml:"transfers"`
	}
	if yaml.Unmarshal(data, &in) != nil {
		return
	}
	*k = IntakeKeys{ID: k.ID, Readable: true, Status: in.Status, Program: in.Program, Manager: in.Manager,
		Name: in.Participant.Name, Phone: in.Participant.Phone, Email: in.Participant.Email,
		Cohort: in.Cohort, Imported: in.Imported.SHA256, ReturningFrom: in.ReturningFrom}
	for _, t := range in.Transfers {
		if t.From != "" {
			k.HandedOnBy = append(k.HandedOnBy, t.From)
		}
	}
}
