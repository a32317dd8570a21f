// Command caseplan keeps workforce case records as YAML files in git.
package main

import (
	"os"

	"github.com/caseplan/caseplan/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
