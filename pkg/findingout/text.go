package findingout

import (
	"fmt"
	"io"

	"github.com/caseplan/caseplan/pkg/finding"
)

// textWriter prints one finding per line, path:line:col: severity rule:
// message, the way compilers do, so editors can jump to it.
type textWriter struct{ w io.Writer }

func (t textWriter) Write(f finding.Finding) error {
	_, err := fmt.Fprintln(t.w, f)
	return err
}

func (textWriter) Flush() error { return nil }
