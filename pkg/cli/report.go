package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/caseplan/caseplan/pkg/atomicfile"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casescan"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/progress"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
)

func newCmdReport(g *globals) *cobra.Command {
	return newGroupCmd("report", "Reports: monthly, caseload, candidate search, WIOA performance",
		newCmdReportMonthly(g, nil),
		newCmdReportCaseload(g, nil),
		newCmdReportSearch(g, nil),
		newCmdReportPerformance(g, nil),
	)
}

// reportOptions are the flags every report takes.
type reportOptions struct {
	*globals
	label  string // the command, as its progress names it: "report monthly"
	output string
	out    string
	at     string
	asOf   string
	names  bool
	table  string
	bom    bool
	// checkStore, when set, is given the store settings and cohorts of
	// the commit before its cases are read (a usage error then costs no
	// reading).
	checkStore func(*casefile.Snapshot) error
}

func addReportFlags(c *cobra.Command, o *reportOptions) {
	addOutputFlag(c, &o.output, report.Formats...)
	f := c.Flags()
	outputFileVar(f, &o.out, "out", "to write to stdout", "write the report to `FILE` (atomically) instead of stdout; - is stdout")
	addCommitFlags(f, o, "report from the records")
	f.BoolVar(&o.names, "names", false, "show participants' full names instead of initials")
	f.StringVar(&o.table, "table", "", "with -o csv, the report's `TABLE` to write (default: cases)")
	f.BoolVar(&o.bom, "bom", false, "with -o csv, start the file with a UTF-8 byte order mark, for Excel")
}

// addCommitFlags defines --at and --as-of, which name the commit a
// reading is made from (a report, the PIRL export, case show's case
// file), with the help they have everywhere: what says what is made from
// the records ("report from the records").
func addCommitFlags(f *pflag.FlagSet, o *reportOptions, what string) {
	f.StringVar(&o.at, "at", "", what+" as committed in `COMMIT` (a hash, branch or tag), read from git objects")
	dateVar(f, &o.asOf, "as-of", what+" as they stood at the end of `DATE`: the last commit made on or before it")
}

// checkCommit refuses --at given with --as-of, and an --as-of that is no
// day, before anything is read.
func (o *reportOptions) checkCommit() error {
	if o.at != "" && o.asOf != "" {
		return usageErrorf("--at and --as-of both name the commit to read from; give one")
	}
	if o.asOf != "" {
		if _, err := parseDate("as-of", o.asOf); err != nil {
			return err
		}
	}
	return nil
}

// writer returns the writer of the report's format: for csv, of the
// --table asked for, with or without a byte order mark.
func (o *reportOptions) writer() (report.Writer, error) {
	if o.output == "csv" {
		return report.NewCSV(report.CSVOptions{Table: o.table, BOM: o.bom}), nil
	}
	w, err := report.NewWriter(o.output)
	if err != nil {
		return nil, usageErrorf("-o: %v", err)
	}
	return w, nil
}

// reportSourceHelp is the part of the reports' help (and the PIRL
// export's) about where the records come from; reportHelp adds what only
// the reports take: --names, and --table and --bom with -o csv.
const reportSourceHelp = `Reports read committed records only — by default the tree of HEAD's commit,
never the work tree — so every report can be made again, byte for byte: it
names its commit and the caseplan version that made it (caseplan version),
and that caseplan with --at COMMIT reads that commit's tree from git
objects whatever the work tree holds now. Commit hand edits first (caseplan
commit). --as-of DATE reads the tree of the last commit made on or before
the end of DATE (by the committer's clock and time zone, following the first
parents from HEAD). A report never contains the time it was made.`

const reportHelp = reportSourceHelp + `

Participants are shown by their initials ("A. E."), as reports leave the
office; --names shows full names.

A record of the commit that cannot be read (committed past the hook) is left
out, and the report says so under the line naming its commit ("Incomplete:
N record(s) of case ... could not be read"; in JSON "unread", a list of
{"case","records"}, [] when every record was read, "case" "" for the store's
own files); stderr names the cases and the caseplan validate that shows why.
A CSV table has no place for it: only stderr says it there.

CSV: -o csv writes one table, by default one row per case; --table names
another of the report's tables (monthly: cases, summary, weeks, managers,
programs, post-employment; caseload: cases, managers, programs, phases;
search: cases, applications, interviews; performance has only cases), each
row led by the month (or day) and the commit. --bom starts the file with a
UTF-8 byte order mark, without which Excel garbles names such as Muñoz. A
cell a spreadsheet could run as a formula — starting with = + - @ (or their
fullwidth forms), also after spaces or no-break spaces, or with a tab or a
carriage return — is prefixed with ' (plain numbers such as -3 are kept).`

func (o *reportOptions) check(c *cobra.Command) error {
	if err := outputFormat(o.output, report.Formats...); err != nil {
		return err
	}
	if o.output != "csv" && (o.table != "" || o.bom) {
		return csvOnlyError(c)
	}
	return o.checkCommit()
}

// csvOnlyError is the error of --table or --bom given to command c without
// -o csv: it names only the flags given, and the hint is the command line
// as typed with -o csv in place of any other format.
func csvOnlyError(c *cobra.Command) error {
	var given []string
	words := []string{c.CommandPath()}
	c.Flags().Visit(func(f *pflag.Flag) {
		switch {
		case f.Name == "output":
			return
		case f.Name == "table" || f.Name == "bom":
			given = append(given, "--"+f.Name)
		}
		w := "--" + f.Name
		switch {
		case f.Value.Type() == "bool" && f.Value.String() == "true":
		case f.Value.Type() == "bool":
			w += "=" + f.Value.String()
		default:
			v := f.Value.String()
			if v == "" || strings.ContainsAny(v, " \t'\"$") {
				v = strconv.Quote(v)
			}
			w += " " + v
		}
		words = append(words, w)
	})
	verb := "goes"
	if len(given) > 1 {
		verb = "go"
	}
	return &UsageError{
		Msg:  fmt.Sprintf("%s %s with -o csv", strings.Join(given, " and "), verb),
		Hint: "for a CSV file: " + strings.Join(append(words, "-o csv"), " "),
	}
}

// reportCommit opens the repository and resolves the commit the options
// name: --at, --as-of, else HEAD. The caller closes repo.
func (o *reportOptions) reportCommit() (repo *gitstore.Repo, tree *gitstore.TreeFiles, src report.Source, err error) {
	repo, err = o.openRepo()
	if err != nil {
		return nil, nil, report.Source{}, err
	}
	rc, err := repo.Resolve(gitstore.Reading{At: o.at, AsOf: o.asOf})
	switch {
	case errors.Is(err, gitstore.ErrNoCommits):
		err = &UsageError{Msg: "the store has no commits yet; a report reads committed records", Hint: "commit the records first with caseplan commit"}
	case errors.As(err, new(*gitstore.RevisionError)):
		err = o.atError(repo, err)
	case errors.Is(err, gitstore.ErrNoCommitAsOf):
		err = &UsageError{Msg: fmt.Sprintf("--as-of %s: no commit was made on or before that day", o.asOf), Hint: "run caseplan log to see when the records were committed"}
	}
	if err == nil {
		tree, err = repo.TreeAt(rc.Hash)
	}
	if err != nil {
		repo.Close()
		return nil, nil, report.Source{}, err
	}
	return repo, tree, report.Source{Commit: rc.Hash.String(), Committed: rc.Committed, Caseplan: o.env.Build.String()}, nil
}

// atError is revisionError for --at; a day typed there is pointed at
// --as-of, which every command with --at takes and which reads that
// day's last commit without looking it up.
func (o *reportOptions) atError(repo *gitstore.Repo, err error) error {
	var re *gitstore.RevisionError
	if errors.As(err, &re) && !repo.Shallow() {
		if day, ok := dayNotCommit(repo, re); ok && day.Commit != "" {
			return &UsageError{Msg: fmt.Sprintf("--at %v", re), Hint: fmt.Sprintf("%s is a day, not a commit: --as-of %s reports from the last commit made on or before it (%s)", day.Day, day.Day, day.Commit)}
		}
	}
	return revisionError(repo, "--at", err)
}

func (o *reportOptions) noSettings(src report.Source) error {
	return &InvalidError{Msg: fmt.Sprintf("cannot read the store settings %s at commit %s", layout.ConfigPath, src.Commit), Hint: "run caseplan validate to see why"}
}

// warnUnread says on stderr that records of the commit could not be read
// (src.Unread), naming the first few cases: "run caseplan validate" alone
// buries the one unreadable note among every warning of the store, and a
// coordinator needs to know whose figures are short before sending the
// report on. The report says it too (report.Source.Unread).
func (o *reportOptions) warnUnread(src report.Source) {
	errs := 0
	var cases []string
	for _, u := range src.Unread {
		errs += u.Records
		if u.Case != "" {
			cases = append(cases, u.Case)
		}
	}
	if errs == 0 {
		return
	}
	shown := cases[:min(len(cases), maxUnreadCasesNamed)]
	in := ""
	if len(cases) > 0 {
		in = " of case " + strings.Join(shown, ", ")
		if len(cases) > 1 {
			in = " of cases " + strings.Join(shown, ", ")
		}
		if more := len(cases) - len(shown); more > 0 {
			in += fmt.Sprintf(" and %d more", more)
		}
	}
	fmt.Fprintf(o.env.Stderr, "caseplan: warning: %d record(s)%s at commit %s could not be read; the report leaves them out and says so\n", errs, in, src.Commit[:12])
	if len(cases) > 0 {
		fmt.Fprintf(o.env.Stderr, "caseplan: hint: caseplan validate %s shows which and how to fix them\n", strings.Join(shown, " "))
		return
	}
	fmt.Fprintln(o.env.Stderr, "caseplan: hint: run caseplan validate to see them")
}

// checkFlag is what a note of an empty report asks to check: flag (a
// mistyped month or year), or first the records the report left out,
// when it left some out (an intake that cannot be read leaves its case
// out of every figure, which is no mistyped flag).
func checkFlag(flag string, src report.Source) string {
	if len(src.Unread) > 0 {
		return "the records that could not be read (above) may be why; else check " + flag
	}
	return "check " + flag
}

// maxUnreadCasesNamed is how many cases with unreadable records a
// report's warning names.
const maxUnreadCasesNamed = 5

// reportCase is what a report keeps of one case: its row, if it has one,
// and how many of its records could not be read.
type reportCase[T any] struct {
	Unread int `json:"unread"`
	Row    *T  `json:"row"`
}

// scanReport computes a report's row of every case of the commit the
// options name (row's false: the case has none), keeping each case's row
// in the cache under the case's tree hash, the settings and params (the
// month, the day, --names): an unchanged case is not read again. The rows
// come in case ID order.
func scanReport[T any](o *reportOptions, stage string, params []string, row func(c *casefile.Case, cfg *record.Config) (T, bool)) (*record.Config, []T, report.Source, error) {
	repo, cfg, rows, src, err := scanReportRepo(o, stage, params, row)
	if err != nil {
		return nil, nil, report.Source{}, err
	}
	repo.Close()
	return cfg, rows, src, nil
}

// scanReportRepo is scanReport for a caller that reads more of the
// repository after it (the monthly report, which compares the commit it
// read with the one at its month's end): it returns the repository open,
// and the caller closes it.
func scanReportRepo[T any](o *reportOptions, stage string, params []string, row func(c *casefile.Case, cfg *record.Config) (T, bool)) (_ *gitstore.Repo, _ *record.Config, _ []T, _ report.Source, err error) {
	repo, tree, src, err := o.reportCommit()
	if err != nil {
		return nil, nil, nil, report.Source{}, err
	}
	defer func() {
		if err != nil {
			repo.Close()
		}
	}()
	s, err := o.treeScan(repo, tree, stage, params...)
	if err != nil {
		return nil, nil, nil, report.Source{}, err
	}
	cfg := s.snap.Config
	if cfg == nil {
		return nil, nil, nil, report.Source{}, o.noSettings(src)
	}
	if o.checkStore != nil {
		if err := o.checkStore(s.snap); err != nil {
			return nil, nil, nil, report.Source{}, err
		}
	}
	var reading *progress.Meter
	s.opt.Progress = func(total int) func() {
		reading = o.meter(o.label, total, "cases read")
		return func() { reading.Add(1) }
	}
	results, top, err := casescan.Scan(s.opt, func(c *casefile.Case, loaded []finding.Finding) (reportCase[T], error) {
		errs, _ := finding.Count(loaded)
		rc := reportCase[T]{Unread: errs}
		if c != nil {
			if v, ok := row(c, cfg); ok {
				rc.Row = &v
			}
		}
		return rc, nil
	})
	if reading != nil {
		reading.Done()
	}
	if err != nil {
		// A commit's files missing from a partial or shallow clone.
		return nil, nil, nil, report.Source{}, shallowError(repo, err)
	}
	s.save()
	storeErrs, _ := finding.Count(s.found)
	topErrs, _ := finding.Count(top)
	if storeErrs+topErrs > 0 {
		src.Unread = append(src.Unread, report.Unread{Records: storeErrs + topErrs})
	}
	var rows []T
	for _, r := range results {
		if r.Value.Unread > 0 {
			src.Unread = append(src.Unread, report.Unread{Case: r.ID, Records: r.Value.Unread})
		}
		if r.Value.Row != nil {
			rows = append(rows, *r.Value.Row)
		}
	}
	o.warnUnread(src)
	return repo, cfg, rows, src, nil
}

// writeReport renders a report to stdout, or to --out atomically: a
// temporary file beside it renamed over it, so a reader never sees half a
// report.
func (o *reportOptions) writeReport(what string, render func(w *bytes.Buffer) error) error {
	var b bytes.Buffer
	if err := render(&b); err != nil {
		return err
	}
	if o.out == "" || o.out == "-" {
		_, err := o.env.Stdout.Write(b.Bytes())
		return err
	}
	path, err := o.outputPath("out", o.out)
	if err != nil {
		return err
	}
	if err := atomicfile.WriteOutput(path, b.Bytes(), 0o644); err != nil {
		return outputWriteError(what, "out", o.out, err)
	}
	fmt.Fprintf(o.env.Stderr, "caseplan: wrote %s to %s\n", what, o.out)
	return nil
}
