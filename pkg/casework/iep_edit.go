package casework

import "github.com/caseplan/caseplan/pkg/record"

// planSet returns an Edit that sets the value at path in iep.yaml. Where
// the key already exists the value changes where it stands; where it is
// missing it goes to its place in record.IEP's field order (setInOrder)
// rather than at its mapping's end: a plan's first review puts `updated`
// under `created`, not below the self-sufficiency plan, and a hand-written
// goal given a status gets it after its target, not after its milestones.
// The lines around it are untouched either way.
func planSet(path []string, v any) Edit { return setInOrder(record.IEP{}, path, v) }

// planAppend returns an Edit that appends v to the list at path, creating
// the list in canonical order (see planSet) when it is absent.
func planAppend(path []string, v any) Edit { return appendInOrder(record.IEP{}, path, v) }
