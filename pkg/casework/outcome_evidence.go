package casework

import "github.com/caseplan/caseplan/pkg/validate"

// The evidence for an extension request (000) is weighed by
// validate.WeighExtension, the code the ws-extension-criteria rule runs, so
// that what caseplan extension request shows and what caseplan validate
// reports always agree. RequestExtension hands it to the command under
// these names.
type (
	// ExtensionEvidence is validate.ExtensionEvidence.
	ExtensionEvidence = validate.ExtensionEvidence
	// Criterion is validate.Criterion.
	Criterion = validate.Criterion
)
