package casework

import "github.com/caseplan/caseplan/pkg/calendar"

// The evidence for an extension request (000) is weighed by
// calendar.WeighExtension, the code the ws-extension-criteria rule runs, so
// that what caseplan extension request shows and what caseplan validate
// reports always agree. RequestExtension hands it to the command under
// these names.
type (
	// ExtensionEvidence is calendar.ExtensionEvidence.
	ExtensionEvidence = calendar.ExtensionEvidence
	// Criterion is calendar.Criterion.
	Criterion = calendar.Criterion
)
