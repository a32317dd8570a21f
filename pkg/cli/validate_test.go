package cli

import (
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestSelectTargets(t *testing.T) {
	const root = "/srv/store"
	type files = map[string]bool
	tests := []struct {
		name      string
		wd        string
		args      []string
		wantCases []string
		wantFiles files
		wantAll   bool // the whole store: no cases, no files
		wantErr   string
	}{
		{name: "nothing named: the whole store", wd: root, args: nil, wantAll: true},
		{name: "a case ID", wd: root, args: []string{"W-001"}, wantCases: []string{"W-001"}},
		{name: "case IDs, each once, in order", wd: root, args: []string{"W-002", "W-001", "W-002"}, wantCases: []string{"W-002", "W-001"}},
		{name: "a case ID works from anywhere", wd: "/tmp", args: []string{"2026-K7QX2"}, wantCases: []string{"2026-K7QX2"}},
		{name: "a case directory", wd: root, args: []string{"cases/W-001"}, wantCases: []string{"W-001"}},
		{name: "a case directory with a slash", wd: root, args: []string{"cases/W-001/"}, wantCases: []string{"W-001"}},
		{name: "a case directory, absolute", wd: "/tmp", args: []string{root + "/cases/W-001"}, wantCases: []string{"W-001"}},
		{name: "a case directory from cases/", wd: root + "/cases", args: []string{"./W-001"}, wantCases: []string{"W-001"}},
		{
			name: "a file", wd: root, args: []string{"cases/W-001/intake.yaml"},
			wantCases: []string{"W-001"}, wantFiles: files{"cases/W-001/intake.yaml": true},
		},
		{
			name: "a file relative to the case directory", wd: root + "/cases/W-001", args: []string{"intake.yaml"},
			wantCases: []string{"W-001"}, wantFiles: files{"cases/W-001/intake.yaml": true},
		},
		{
			name: "a note, from the notes directory", wd: root + "/cases/W-001/notes", args: []string{"./2026-03-16-abcd.yaml"},
			wantCases: []string{"W-001"}, wantFiles: files{"cases/W-001/notes/2026-03-16-abcd.yaml": true},
		},
		{
			name: "two files of one case", wd: root, args: []string{"cases/W-001/intake.yaml", "cases/W-001/iep.yaml"},
			wantCases: []string{"W-001"}, wantFiles: files{"cases/W-001/intake.yaml": true, "cases/W-001/iep.yaml": true},
		},
		{
			name: "a file, then a whole case", wd: root, args: []string{"cases/W-002/intake.yaml", "W-001"},
			wantCases: []string{"W-002", "W-001"}, wantFiles: files{"cases/W-002/intake.yaml": true, "cases/W-001": true},
		},
		{
			// The same request in the other order must select the same.
			name: "a whole case, then a file", wd: root, args: []string{"W-001", "cases/W-002/intake.yaml"},
			wantCases: []string{"W-001", "W-002"}, wantFiles: files{"cases/W-001": true, "cases/W-002/intake.yaml": true},
		},
		{
			name: "the settings file loads no case", wd: root, args: []string{"cases/caseplan.yaml"},
			wantCases: []string{}, wantFiles: files{"cases/caseplan.yaml": true},
		},
		{
			name: "the settings file from cases/", wd: root + "/cases", args: []string{"caseplan.yaml"},
			wantCases: []string{}, wantFiles: files{"cases/caseplan.yaml": true},
		},
		{
			name: "a cohort loads no case", wd: root, args: []string{"cases/cohorts/2026-ACME.yaml"},
			wantCases: []string{}, wantFiles: files{"cases/cohorts/2026-ACME.yaml": true},
		},
		{
			name: "the import rules, and a case", wd: root, args: []string{"cases/import-rules", "W-001"},
			wantCases: []string{"W-001"}, wantFiles: files{"cases/import-rules": true, "cases/W-001": true},
		},
		{
			// Typed the Windows way: the backslashes are separators.
			name: "a path with backslashes", wd: root, args: []string{`cases\W-001\intake.yaml`},
			wantCases: []string{"W-001"}, wantFiles: files{"cases/W-001/intake.yaml": true},
		},
		{name: "a case directory with backslashes, from cases/", wd: root + "/cases", args: []string{`.\W-001\`}, wantCases: []string{"W-001"}},
		{name: "the store root", wd: root, args: []string{"."}, wantAll: true},
		{name: "cases/", wd: root, args: []string{"cases"}, wantAll: true},
		{name: "cases/ with a slash", wd: root, args: []string{"cases/"}, wantAll: true},
		{name: ". in cases/", wd: root + "/cases", args: []string{"."}, wantAll: true},
		{name: "the whole store wins over a case", wd: root, args: []string{"W-001", "."}, wantAll: true},
		{name: "a path outside the store", wd: root, args: []string{"../elsewhere/intake.yaml"}, wantErr: "is outside the store"},
		{name: "an absolute path outside the store", wd: root, args: []string{"/etc/passwd.yaml"}, wantErr: "is outside the store"},
		{name: "a sibling directory that shares the root's prefix", wd: root, args: []string{"/srv/store2/cases/W-001"}, wantErr: "is outside the store"},
		{
			// The schema copies: their schema-copy findings, which the
			// store-wide count names by path.
			name: "a schema copy loads no case", wd: root, args: []string{"cases/caseplan.yaml", "schemas/intake.schema.json"},
			wantCases: []string{}, wantFiles: files{"cases/caseplan.yaml": true, "schemas/intake.schema.json": true},
		},
		{name: "a path in the store but not under cases/", wd: root, args: []string{".github/workflows/validate.yml"}, wantErr: "is not under cases/"},
		{name: "a yaml file at the root", wd: root, args: []string{"notes.yaml"}, wantErr: "is not under cases/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cases, files, err := selectTargets(tt.wd, root, tt.args)
			if tt.wantErr != "" {
				var ue *UsageError
				if !errors.As(err, &ue) || !strings.Contains(ue.Msg, tt.wantErr) {
					t.Fatalf("selectTargets = %v, %v, %v; want a usage error %q", cases, files, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantAll {
				if cases != nil || files != nil {
					t.Errorf("selectTargets = %#v, %v; want nil, nil (the whole store)", cases, files)
				}
				return
			}
			if !slices.Equal(cases, tt.wantCases) || (cases == nil) != (tt.wantCases == nil) {
				t.Errorf("cases = %#v, want %#v", cases, tt.wantCases)
			}
			if !maps.Equal(files, tt.wantFiles) || (files == nil) != (tt.wantFiles == nil) {
				t.Errorf("files = %v, want %v", files, tt.wantFiles)
			}
		})
	}
}

// TestValidateNamedPaths: whatever way a file or directory is named, its
// findings are reported, and the exit status says whether it is valid.
func TestValidateNamedPaths(t *testing.T) {
	root := initCLIStore(t)
	intake := "id: W-001\nopened: 2026-03-16\nprogram: wioa\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Ana Example\n"
	writeStoreFile(t, root, "cases/W-001/intake.yaml", intake)
	writeStoreFile(t, root, "cases/W-001/iep.yaml", "created: 2026-03-16\n")
	writeStoreFile(t, root, "cases/W-001/notes/2026-03-16-abcd.yaml", "id: 2026-03-16-abcd\ndate: 2026-03-16\nauthor: mrivera\nkind: chat\nmode: phone\n")
	writeStoreFile(t, root, "cases/W-002/intake.yaml", strings.ReplaceAll(intake, "W-001", "W-002"))
	writeStoreFile(t, root, "cases/W-002/iep.yaml", "created: 2026-03-16\n")
	const bad = "cases/W-001/notes/2026-03-16-abcd.yaml:4:7: error schema:"

	tests := []struct {
		name     string
		wd       string
		args     []string
		wantCode int
		wantOut  string // a line of stdout; "" means stdout is empty
	}{
		{name: "the whole store", wd: root, wantCode: ExitInvalid, wantOut: bad},
		{name: "the case", wd: root, args: []string{"W-001"}, wantCode: ExitInvalid, wantOut: bad},
		{name: "the note", wd: root, args: []string{"cases/W-001/notes/2026-03-16-abcd.yaml"}, wantCode: ExitInvalid, wantOut: bad},
		{name: "the notes directory", wd: root, args: []string{"cases/W-001/notes"}, wantCode: ExitInvalid, wantOut: bad},
		{name: "from inside the notes directory", wd: filepath.Join(root, "cases/W-001/notes"), args: []string{"."}, wantCode: ExitInvalid, wantOut: bad},
		{name: "the case, and a file of another", wd: root, args: []string{"W-001", "cases/W-002/intake.yaml"}, wantCode: ExitInvalid, wantOut: bad},
		{name: "a file of another case, and the case", wd: root, args: []string{"cases/W-002/intake.yaml", "W-001"}, wantCode: ExitInvalid, wantOut: bad},
		{name: "another case alone", wd: root, args: []string{"W-002"}, wantCode: ExitOK},
		{name: "another file of the case", wd: root, args: []string{"cases/W-001/intake.yaml"}, wantCode: ExitOK},
		{name: "a case that does not exist", wd: root, args: []string{"W-404"}, wantCode: ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCaseplan(t, tt.wd, nil, append([]string{"validate", "--today", "2026-03-16"}, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, stdout, stderr)
			}
			if tt.wantOut == "" {
				if stdout != "" {
					t.Errorf("stdout:\n%s\nwant nothing", stdout)
				}
			} else if !strings.Contains(stdout, tt.wantOut) {
				t.Errorf("stdout:\n%s\nwant a line starting %q", stdout, tt.wantOut)
			}
		})
	}
}
