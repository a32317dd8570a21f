// Package layout is the case store's layout (DESIGN.md §2): where every
// record file lives, which kind of record it holds, and which schema checks
// it. It is the one table of paths and file kinds; every other package asks
// it rather than spelling a path such as "intake.yaml" or "/notes/".
//
// Paths are slash-separated and relative to the repository root.
package layout

import (
	"bytes"
	"net/url"
	"path"
	"path/filepath"
	"strings"
)

// CasesDir is the directory that holds the store settings and one
// directory per case.
const CasesDir = "cases"

// ConfigPath is the store settings file: organisation, roster, programs,
// rule settings.
const ConfigPath = CasesDir + "/" + ConfigFile

// ConfigFile is the store settings file's name inside CasesDir.
const ConfigFile = "caseplan.yaml"

// Record kinds; each names the schema schemas/<kind>.schema.json.
const (
	KindConfig     = "caseplan"
	KindIntake     = "intake"
	KindIEP        = "iep"
	KindReferences = "references"
	KindNote       = "note"
	KindActivity   = "activity"
	KindServices   = "services"
	KindOutcome    = "outcome"

	// Store-level records: files of cases/ that belong to no one case.
	KindCohort      = "cohort"       // a layoff cohort: the WARN notice's data and its imports
	KindImportRules = "import-rules" // how to read a roster spreadsheet into cases (case import)
)

// The directories of cases/ that hold store-level records, one per file,
// rather than a case. Their names can never be case IDs (caseid.Check).
const (
	CohortsDir     = "cohorts"      // cohorts/<cohort-id>.yaml
	ImportRulesDir = "import-rules" // import-rules/<name>.yaml
)

// storeDirs maps each directory of store-level records to its kind.
var storeDirs = map[string]string{CohortsDir: KindCohort, ImportRulesDir: KindImportRules}

// IsStoreDir reports whether name, a directory directly under cases/,
// holds store-level records (cohorts, import rules) rather than a case.
func IsStoreDir(name string) bool { _, ok := storeDirs[name]; return ok }

// StoreDirs returns the directories of store-level records under cases/,
// in the order they are read.
func StoreDirs() []string { return []string{CohortsDir, ImportRulesDir} }

// Cohort returns the path of cohort id's record.
func Cohort(id string) string { return CasesDir + "/" + CohortsDir + "/" + id + Ext }

// ImportRules returns the path of the import rules file called name.
func ImportRules(name string) string { return CasesDir + "/" + ImportRulesDir + "/" + name + Ext }

// RecordName returns the name a store-level record's file gives it (the
// cohort ID of cases/cohorts/<id>.yaml), and whether p is such a record.
func RecordName(p string) (string, bool) {
	if kind, ok := KindOf(p); !ok || kind != KindCohort && kind != KindImportRules {
		return "", false
	}
	return strings.TrimSuffix(path.Base(p), Ext), true
}

// The directories of a case that hold one record per file.
const (
	NotesDir    = "notes"    // notes/<date>-<suffix>.yaml, one case note each
	ActivityDir = "activity" // activity/<yyyy>-W<ww>.yaml, one week each
)

// Ext is the extension of every record file.
const Ext = ".yaml"

// A case's sealed fields (README, Confidentiality) are two files that are
// not records: the age ciphertext, and beside it the plain list of whom it
// is encrypted to, which validate checks without decrypting.
const (
	SealedFile     = "sealed.age"
	RecipientsFile = "sealed.recipients"
)

// Sealed returns the path of case id's sealed fields.
func Sealed(id string) string { return CaseDir(id) + "/" + SealedFile }

// SealedRecipients returns the path of the list of recipients of case id's
// sealed fields.
func SealedRecipients(id string) string { return CaseDir(id) + "/" + RecipientsFile }

// IsSealedName reports whether name, in a case directory, is one of the
// sealed fields' two files.
func IsSealedName(name string) bool { return name == SealedFile || name == RecipientsFile }

// IsSealed reports whether p is one of a case's sealed fields' files.
func IsSealed(p string) bool {
	rest := InCase(p)
	return rest != "" && IsSealedName(rest)
}

// single are a case directory's single-record files, in the order
// findings about them are reported.
var single = []struct{ name, kind string }{
	{"intake.yaml", KindIntake},
	{"iep.yaml", KindIEP},
	{"references.yaml", KindReferences},
	{"services.yaml", KindServices},
	{"outcome.yaml", KindOutcome},
}

// SingleKinds returns the kinds of a case's single-record files (intake,
// iep, references, services, outcome), in report order.
func SingleKinds() []string {
	out := make([]string, len(single))
	for i, s := range single {
		out[i] = s.kind
	}
	return out
}

// FileName returns the file name of a single-record kind ("intake" →
// "intake.yaml"), or "" for a kind that is not one.
func FileName(kind string) string {
	for _, s := range single {
		if s.kind == kind {
			return s.name
		}
	}
	return ""
}

// KindOfName returns the kind of a single-record file name in a case
// directory ("iep.yaml" → "iep").
func KindOfName(name string) (string, bool) {
	for _, s := range single {
		if s.name == name {
			return s.kind, true
		}
	}
	return "", false
}

// CaseDir returns the directory of case id.
func CaseDir(id string) string { return CasesDir + "/" + id }

// File returns the path of case id's single-record file of kind ("intake",
// "iep", ...).
func File(id, kind string) string { return CaseDir(id) + "/" + FileName(kind) }

// Intake returns the path of case id's intake record.
func Intake(id string) string { return File(id, KindIntake) }

// Note returns the path of note noteID of case id.
func Note(id, noteID string) string { return CaseDir(id) + "/" + NotesDir + "/" + noteID + Ext }

// NotesOf returns the directory of case id's notes.
func NotesOf(id string) string { return CaseDir(id) + "/" + NotesDir }

// ActivityWeek returns the path of case id's activity file for week
// (2026-W19).
func ActivityWeek(id, week string) string {
	return ActivityOf(id) + "/" + week + Ext
}

// ActivityOf returns the directory of case id's activity weeks.
func ActivityOf(id string) string { return CaseDir(id) + "/" + ActivityDir }

// KindOf returns the record kind of the file at p: cases/caseplan.yaml is
// "caseplan", cases/<id>/intake.yaml is "intake" (likewise iep,
// references, services and outcome), cases/<id>/notes/*.yaml is "note" and
// cases/<id>/activity/*.yaml is "activity"; cases/cohorts/*.yaml is
// "cohort" and cases/import-rules/*.yaml "import-rules". Any other path is
// not a record.
func KindOf(p string) (kind string, ok bool) {
	parts := strings.Split(p, "/")
	if len(parts) < 2 || parts[0] != CasesDir {
		return "", false
	}
	if len(parts) == 2 {
		if parts[1] == ConfigFile {
			return KindConfig, true
		}
		return "", false
	}
	if !plainName(parts[1]) {
		return "", false
	}
	if kind, ok := storeDirs[parts[1]]; ok {
		if len(parts) == 3 && plainName(parts[2]) && strings.HasSuffix(parts[2], Ext) && parts[2] != Ext {
			return kind, true
		}
		return "", false
	}
	switch len(parts) {
	case 3:
		return KindOfName(parts[2])
	case 4:
		name := parts[3]
		if !plainName(name) || !strings.HasSuffix(name, Ext) || name == Ext {
			return "", false
		}
		switch parts[2] {
		case NotesDir:
			return KindNote, true
		case ActivityDir:
			return KindActivity, true
		}
	}
	return "", false
}

// CaseOf returns the case a path belongs to: the <id> of cases/<id>/...
// It is false for the store settings, the store-level records (cohorts,
// import rules) and paths outside cases/.
func CaseOf(p string) (id string, ok bool) {
	rest, found := strings.CutPrefix(p, CasesDir+"/")
	if !found {
		return "", false
	}
	id, _, found = strings.Cut(rest, "/")
	if !found && id == ConfigFile || id == "" || IsStoreDir(id) {
		return "", false
	}
	return id, true
}

// InCase returns the part of p inside its case directory:
// cases/2026-K7QX2/notes/x.yaml gives notes/x.yaml. It is "" for a path
// that is not inside a case directory.
func InCase(p string) string {
	id, ok := CaseOf(p)
	if !ok {
		return ""
	}
	return strings.TrimPrefix(p, CaseDir(id)+"/")
}

// IsNote reports whether p lies anywhere under a case's notes directory:
// notes are immutable at any depth, so a note moved into a subfolder is
// still a note.
func IsNote(p string) bool {
	return strings.HasPrefix(InCase(p), NotesDir+"/")
}

// IsConfig reports whether p is the store settings file.
func IsConfig(p string) bool { return p == ConfigPath }

// Under reports whether p is the cases directory or inside it.
func Under(p string) bool { return p == CasesDir || strings.HasPrefix(p, CasesDir+"/") }

// SchemaRef returns the path from the record file at p to its schema, as
// written in the file's modeline: for cases/2026-K7QX2/notes/x.yaml it is
// ../../../schemas/note.schema.json. ok is false when p is not a record.
func SchemaRef(p string) (ref string, ok bool) {
	kind, ok := KindOf(p)
	if !ok {
		return "", false
	}
	depth := strings.Count(path.Dir(p), "/") + 1
	return strings.Repeat("../", depth) + SchemaFile(kind), true
}

// ModelinePrefix starts the first line of every record file, the
// modeline that tells editors (yaml-language-server) which schema checks
// the file.
const ModelinePrefix = "# yaml-language-server: $schema="

// Modeline returns the first line of the record file at p, with its line
// end: "# yaml-language-server: $schema=../../schemas/intake.schema.json\n".
func Modeline(p string) (string, bool) {
	ref, ok := SchemaRef(p)
	if !ok {
		return "", false
	}
	return ModelinePrefix + ref + "\n", true
}

// AbsoluteModeline returns the modeline of the record file at p for a copy
// of it kept outside the store (caseplan edit's temporary file), where the
// relative reference would resolve to nothing: a file:// URL of the schema
// in the store at root (an absolute directory).
func AbsoluteModeline(p, root string) (string, bool) {
	kind, ok := KindOf(p)
	if !ok {
		return "", false
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(root, filepath.FromSlash(SchemaFile(kind))))}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path // a Windows path: file:///C:/...
	}
	return ModelinePrefix + u.String() + "\n", true
}

// SwapModeline returns data with its first line replaced by to when that
// line is from, and data as it is otherwise: caseplan edit shows a copy
// with the absolute modeline and writes it back with the relative one.
// The line is found as an editor on Windows saves it too, after a UTF-8
// byte order mark and with a CRLF line end, which stay as they were.
func SwapModeline(data []byte, from, to string) []byte {
	const bom = "\xef\xbb\xbf"
	rest, hasBOM := bytes.CutPrefix(data, []byte(bom))
	fromLine, toLine := strings.TrimSuffix(from, "\n"), strings.TrimSuffix(to, "\n")
	after, ok := bytes.CutPrefix(rest, []byte(fromLine))
	if !ok || !(bytes.HasPrefix(after, []byte("\n")) || bytes.HasPrefix(after, []byte("\r\n"))) {
		return data
	}
	var out []byte
	if hasBOM {
		out = append(out, bom...)
	}
	return append(append(out, toLine...), after...)
}

// WithoutModeline returns a record file's content without its first line
// when that is a yaml-language-server directive such as the modeline: the
// record as a person reads it.
func WithoutModeline(data []byte) []byte {
	if i := bytes.IndexByte(data, '\n'); i >= 0 && bytes.HasPrefix(data, []byte(editorDirective)) {
		return data[i+1:]
	}
	return data
}

// editorDirective starts every yaml-language-server directive, the
// modeline among them.
const editorDirective = "# yaml-language-server:"

// Glob returns the glob pattern, relative to the repository root, of the
// files of kind: what an editor's settings map a schema to, so files made
// by hand without a modeline are checked too (VS Code's yaml.schemas).
func Glob(kind string) string {
	switch kind {
	case KindConfig:
		return ConfigPath
	case KindNote:
		return CasesDir + "/*/" + NotesDir + "/*" + Ext
	case KindActivity:
		return CasesDir + "/*/" + ActivityDir + "/*" + Ext
	}
	if name := FileName(kind); name != "" {
		return CasesDir + "/*/" + name
	}
	return ""
}

// SchemasDir is the top-level directory of a store's copies of the
// schemas, which editors check the records against.
const SchemasDir = "schemas"

// SchemaFile returns the repository-relative path of kind's schema.
func SchemaFile(kind string) string { return SchemasDir + "/" + kind + ".schema.json" }

// EditorDir and EditorSettingsFile make the VS Code workspace settings
// init writes, EditorDir/EditorSettingsFile, whose yaml.schemas entries
// for the record kinds are caseplan's (schemas update keeps them current).
const (
	EditorDir          = ".vscode"
	EditorSettingsFile = "settings.json"
)

// CIDir, CIWorkflowsDir and CIWorkflowFile make the CI workflow init
// writes, CIDir/CIWorkflowsDir/CIWorkflowFile (GitHub Actions reads
// workflows from .github/workflows); schemas update keeps it current.
const (
	CIDir          = ".github"
	CIWorkflowsDir = "workflows"
	CIWorkflowFile = "caseplan.yml"
	// CIWorkflowPath is the workflow's repository-relative path.
	CIWorkflowPath = CIDir + "/" + CIWorkflowsDir + "/" + CIWorkflowFile
)

// plainName reports whether a path element is an ordinary name: not empty,
// not hidden, not . or ..
func plainName(s string) bool {
	return s != "" && !strings.HasPrefix(s, ".")
}

// MeantName returns the name of the layout that name, found in a case
// directory (top is true) or in one of its record directories, was most
// likely meant to be: the same but for capitals (Notes/, IEP.yaml) or the
// .yml extension (intake.yml, notes/2026-03-03-k7qx.yml). Such a file is a
// record its writer thinks is kept, and is not read under that name. A
// backup or any other file (notes.yaml~, x.bak) is meant as nothing: ok
// is false.
func MeantName(name string, top bool) (meant string, ok bool) {
	if !plainName(name) {
		return "", false
	}
	stem, ext := name, ""
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		stem, ext = name[:i], name[i:]
	}
	n := name
	if strings.EqualFold(ext, ".yml") || strings.EqualFold(ext, Ext) {
		n = stem + Ext
	}
	if !top {
		return n, n != name
	}
	for _, c := range append(SingleNames(), NotesDir, ActivityDir) {
		if strings.EqualFold(n, c) {
			return c, c != name
		}
	}
	return "", false
}

// SingleNames are the file names of a case's single-record files, in
// report order.
func SingleNames() []string {
	out := make([]string, len(single))
	for i, s := range single {
		out[i] = s.name
	}
	return out
}
