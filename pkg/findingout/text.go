package findingout

import (
	"fmt"
	"io"

	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
)

// textWriter prints one finding per line, path:line:col: severity rule:
// message, the way compilers do, so editors can jump to it. A message
// quotes what the records say, so it is escaped (display.Escape): a line
// break or an escape sequence in a record stays inside its line, shown.
type textWriter struct{ w io.Writer }

func (t textWriter) Write(f finding.Finding) error {
	_, err := fmt.Fprintln(t.w, display.Escape(f.String()))
	return err
}

func (textWriter) Flush() error { return nil }
