package main

import (
	"os"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/caseplan/caseplan/pkg/rosterimport/rostertest"
)

// roster writes a layoff roster of fictional workers as a spreadsheet
// exports it (rostertest): roster FILE [rows=N] [from=N] [faults] [bom] [semicolon]
// [crlf] [counselors=A,B,...]. With faults, the ten invalid rows and five
// duplicates of rostertest.Faults and rostertest.Duplicates are planted.
func roster(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: roster FILE [rows=N] [from=N] [faults] [bom] [semicolon] [crlf] [counselors=A,B,...]")
	}
	o := rostertest.Options{Rows: 300}
	for _, a := range args[1:] {
		switch k, v, _ := strings.Cut(a, "="); k {
		case "rows":
			n, err := strconv.Atoi(v)
			ts.Check(err)
			o.Rows = n
		case "from":
			n, err := strconv.Atoi(v)
			ts.Check(err)
			o.From = n
		case "faults":
			o.Faults = true
		case "bom":
			o.BOM = true
		case "semicolon":
			o.Semicolon = true
		case "crlf":
			o.CRLF = true
		case "counselors":
			o.Counselors = strings.Split(v, ",")
		default:
			ts.Fatalf("roster: unknown option %q", a)
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), rostertest.Roster(o), 0o644))
}
