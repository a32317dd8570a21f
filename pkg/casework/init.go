package casework

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"text/template"
	"time"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

// InitStore describes a new store.
type InitStore struct {
	Dir          string
	Organization string
	Author       Author
	When         time.Time
	// Keys are the author's (pkg/keys), nil when they have none. With a
	// signing key the store requires signed commits from the start: its
	// public half and the age recipient go on the roster, and the first
	// commit is signed.
	Keys *keys.Keys
	// Hook installs the pre-commit hook (PreCommitHook) in the new
	// repository.
	Hook bool
	// CaseplanVersion is the caseplan making the store, as go install
	// takes it (buildinfo.Info.Installable), or "" for a development build
	// that cannot be installed again: caseplan.yaml then says devel.
	CaseplanVersion string
}

// configTemplate is the first caseplan.yaml of a store. It is a template
// rather than a marshalled struct so the coordinator who edits it later sees
// where each default comes from.
var configTemplate = template.Must(template.New("config").Parse(`{{.Modeline}}# caseplan store settings: the organisation, its staff roster, the programs
# its cases belong to and how strictly their rules apply.
organization: {{printf "%q" .Organization}}
# The version of caseplan this store was made with, which its CI workflow
# installs. Change it to move the store to another release (see caseplan
# version).
caseplan_version: {{printf "%q" .Version}}

# The staff roster. Roles: case-manager (the cases they manage or are on
# the team of), navigator (likewise), coordinator and supervisor (every case;
# supervisors also record waivers and committee decisions), admin (all that,
# and this file). Only an admin changes this file.
staff:
  - id: {{.StaffID}}
    name: {{printf "%q" .Name}}
    email: {{.Email}}
    role: admin
{{- if .AgeRecipient}}
    age_recipient: {{.AgeRecipient}}
{{- end}}
{{- if .SigningKey}}
    signing_key: {{printf "%q" .SigningKey}}
{{- end}}

# Who may do what (README, Confidentiality). With require_signatures every
# commit that changes cases/ must be signed by its author's signing_key
# above (caseplan key new makes one); caseplan verify reports any that is
# not, which is what catches a commit made with someone else's --author.
access:
  require_signatures: {{.RequireSignatures}}
  case_managers_all_cases: false # true: case managers change any case, not only their own

programs:
  # Union/employer layoff work security program (document 000).
  work-security:
    kind: work-security
    name: Work Security
    settings:
      notification_days: 60             # notice to layoff, ordinarily 60 days (000)
      notification_days_grant_ended: 30 # 30 when grant funding ends (000)
      work_security_days: 90            # work security period after the layoff date (000)
      extension_max_days: 90            # extension the joint committee may authorise (000)
      checkin_interval_days: 7          # weekly meetings or check-ins (000)
      references_required: 3            # professional references before the layoff date (000)
  # WIOA career planning under an Individual Employment Plan (document 002).
  wioa:
    kind: wioa
    name: WIOA Career Planning
    settings:
      first_contact_days: 10    # "must contact them within 10 days" of opening (002)
      contact_interval_days: 30 # "should contact the customer within 30 days" (002)
      follow_up_months: 12      # follow-up after exit (001; TEGL 10-16)
      inactivity_exit_days: 90  # no service for 90 days: a potential exit (TEGL 10-16, PIRL 901)
  # Post-employment services after cash assistance (document 003).
  post-employment:
    kind: post-employment
    name: Post-Employment Services
    settings:
      post_assistance_months: 12 # services for 12 months after cash assistance ends (003)
      contact_interval_days: 30  # 003 asks for ongoing contact on a scheduling matrix but sets
                                 # no interval: caseplan's default, for the office to set

# Turn a rule off or change its severity, for example:
# rules:
#   ws-notice-period: {severity: error}
#   pe-self-sufficiency: {enabled: false}
`))

// Workflow is the CI workflow a new store gets (.github/workflows/
// caseplan.yml): on every push and pull request it installs the caseplan
// that caseplan.yaml names (caseplan_version), validates the records and
// verifies the audit trail. Why it is as it is:
//
//   - It installs exactly caseplan_version, never @latest, so CI judges the
//     records by the rules the team runs, and a new release changes nothing
//     until the store is moved to it; a development build's store (devel)
//     installs the latest release, with a warning saying so. The binary is
//     cached by version, so only the first run compiles it: it is saved
//     (actions/cache/save) as soon as it is installed, since actions/cache
//     saves only when the whole job passes, and a store with findings
//     fails every run.
//   - A store has no go.mod or go.sum: setup-go's module cache, keyed on
//     go.sum, only warns, so it is off.
//   - permissions: contents: read — it reads the repository, nothing more;
//     checkout does not keep the token.
//   - fetch-depth: 0, since verify reads the whole history.
//   - verify --full checks every commit on every run: a breach pushed
//     once fails every later push too, until the history is repaired,
//     not only the push that brought it (and a self-hosted runner's
//     leftover anchor cannot narrow the check). --anchor is the previous
//     push (github.event.before): a push that rewrote history is caught.
//     A new branch's before is all zeros; a pull request's is its
//     previous head (on synchronize), which a rebase of its branch
//     replaces, so it is not used: then there is no anchor.
//   - Findings are annotations on the changed lines, and the full list is
//     in the job summary, since GitHub shows only ten of each kind.
//   - On a pull request, validate reports only what the pull request adds
//     (--new-from its base), so a store with old findings can take
//     changes; pushes to a branch check everything.
//
// A store keeps the workflow of the caseplan that made it until schemas
// update writes this one; when it changes, the old text's digest goes
// into pastWorkflows, so that update knows it for caseplan's own.
const Workflow = `# caseplan checks the case records on every push and pull request: the
# records against their schemas and program rules (caseplan validate), and
# the audit trail in git history (caseplan verify). caseplan init wrote it;
# the version it installs is caseplan_version in cases/caseplan.yaml.
name: caseplan
on:
  push:
  pull_request:
  workflow_dispatch:
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
        with:
          fetch-depth: 0 # verify reads the whole history
          persist-credentials: false
      - uses: actions/setup-go@v6
        with:
          go-version: stable
          cache: false # a store has no go.sum to key a module cache on
      - name: Which caseplan
        id: caseplan
        run: |
          version=$(awk '$1 == "caseplan_version:" { gsub(/["\047]/, "", $2); print $2 }' cases/caseplan.yaml)
          case "$version" in
            "" | devel)
              echo "::warning file=cases/caseplan.yaml,title=caseplan_version::caseplan_version is ${version:-not set}: installing the latest release of caseplan; set it to the version the team runs (see caseplan version)"
              version=latest
              ;;
          esac
          echo "version=$version" >> "$GITHUB_OUTPUT"
          echo "$RUNNER_TEMP/caseplan-bin" >> "$GITHUB_PATH"
      - uses: actions/cache/restore@v5
        id: cache
        if: steps.caseplan.outputs.version != 'latest'
        with:
          path: ${{ runner.temp }}/caseplan-bin
          key: caseplan-${{ runner.os }}-${{ steps.caseplan.outputs.version }}
      - name: Install caseplan ${{ steps.caseplan.outputs.version }}
        if: steps.cache.outputs.cache-hit != 'true'
        env:
          GOBIN: ${{ runner.temp }}/caseplan-bin
          VERSION: ${{ steps.caseplan.outputs.version }}
        run: go install "github.com/caseplan/caseplan/cmd/caseplan@$VERSION"
      # Saved here, before the checks: actions/cache saves only when the
      # whole job passes, and a store with findings fails every run.
      - uses: actions/cache/save@v5
        if: steps.caseplan.outputs.version != 'latest' && steps.cache.outputs.cache-hit != 'true'
        with:
          path: ${{ runner.temp }}/caseplan-bin
          key: caseplan-${{ runner.os }}-${{ steps.caseplan.outputs.version }}
      - name: Validate the records
        env:
          BASE: ${{ github.event.pull_request.base.sha }}
        run: |
          if [ -n "$BASE" ]; then
            caseplan validate -o github --new-from "$BASE"
          else
            caseplan validate -o github
          fi
      - name: Verify the audit trail
        if: ${{ !cancelled() }}
        env:
          BEFORE: ${{ github.event.before }}
        run: |
          # A pull request's before is its previous head, which a rebase of
          # its branch replaces: only a push has an anchor.
          if [ "$GITHUB_EVENT_NAME" != push ]; then BEFORE=""; fi
          case "$BEFORE" in
            "" | 0000000000000000000000000000000000000000) caseplan verify -o github --full ;;
            *) caseplan verify -o github --full --anchor "$BEFORE" ;;
          esac
`

// EditorSettingsPath and EditorExtensionsPath are the VS Code workspace
// settings init writes: yaml.schemas maps each record kind's files to its
// schema, so a record made by hand without the modeline is checked too,
// and the YAML extension that reads them is recommended.
const (
	EditorSettingsPath   = layout.EditorDir + "/" + layout.EditorSettingsFile
	EditorExtensionsPath = layout.EditorDir + "/extensions.json"
)

const editorExtensions = `{
  "recommendations": ["redhat.vscode-yaml"]
}
`

// yamlSchemasKey is the YAML extension's setting that maps schemas to globs.
const yamlSchemasKey = "yaml.schemas"

// editorSchemas is caseplan's part of yaml.schemas: each record kind's
// schema copy and the glob of its files; a kind whose files have no fixed
// place (cohort, import-rules files are named on the command line) has no
// glob, and []string{""} (what init once wrote for them) stands for none.
func editorSchemas() map[string][]string {
	globs := map[string][]string{}
	for _, kind := range schemas.Kinds {
		if g := layout.Glob(kind); g != "" {
			globs["./"+layout.SchemaFile(kind)] = []string{g}
		} else {
			globs["./"+layout.SchemaFile(kind)] = nil
		}
	}
	return globs
}

// EditorSettings returns .vscode/settings.json: for each record kind with
// a place in the store, its schema and the glob of its files (layout.Glob),
// as the YAML extension (yaml-language-server) reads them.
func EditorSettings() ([]byte, error) {
	globs := map[string][]string{}
	for schema, g := range editorSchemas() {
		if g != nil {
			globs[schema] = g
		}
	}
	b, err := json.MarshalIndent(map[string]any{yamlSchemasKey: globs}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// UpdateEditorSettings returns the settings file data (a
// .vscode/settings.json) with caseplan's yaml.schemas entries — one per
// record kind, keyed by its schema copy — made this caseplan's, and
// whether that changed anything. Every other setting, and an office's own
// yaml.schemas entries, are kept; the keys come out sorted. A file that is
// not a plain JSON object (VS Code allows comments, which encoding/json
// does not read) is an error: it is left for a person to change.
func UpdateEditorSettings(data []byte) ([]byte, bool, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil || top == nil {
		if err == nil {
			err = errors.New("it is not a JSON object")
		}
		return nil, false, err
	}
	entries := map[string]json.RawMessage{}
	if raw, ok := top[yamlSchemasKey]; ok {
		if err := json.Unmarshal(raw, &entries); err != nil || entries == nil {
			return nil, false, fmt.Errorf("%s is not a JSON object", yamlSchemasKey)
		}
	}
	changed := false
	for schema, globs := range editorSchemas() {
		raw, ok := entries[schema]
		var have []string
		if globs == nil {
			// The empty glob init once wrote goes; an office's own
			// glob for the kind stays.
			if ok && json.Unmarshal(raw, &have) == nil && slices.Equal(have, []string{""}) {
				delete(entries, schema)
				changed = true
			}
			continue
		}
		if ok && json.Unmarshal(raw, &have) == nil && slices.Equal(have, globs) {
			continue
		}
		want, err := json.Marshal(globs)
		if err != nil {
			return nil, false, err
		}
		entries[schema] = want
		changed = true
	}
	if !changed {
		return data, false, nil
	}
	raw, err := json.Marshal(entries)
	if err != nil {
		return nil, false, err
	}
	top[yamlSchemasKey] = raw
	b, err := json.MarshalIndent(top, "", "  ")
	if err != nil {
		return nil, false, err
	}
	return append(b, '\n'), true, nil
}

// WorkflowPath is where init writes Workflow.
const WorkflowPath = layout.CIWorkflowPath

// ErrStoreExists says init was run where a store already is.
var ErrStoreExists = errors.New("a case store already exists here")

// Init creates the store: cases/caseplan.yaml with the author as its first
// staff member, the JSON Schemas, a CI workflow, a git repository if there
// is none, and the first commit.
func Init(in InitStore) (string, error) {
	if p := record.StaffNameProblem(in.Author.Name); p != "" {
		return "", inputErrorf("give the name as it should stand on the roster", "author %q: %s", in.Author.Name, p)
	}
	if _, err := os.Stat(filepath.Join(in.Dir, filepath.FromSlash(layout.ConfigPath))); err == nil {
		return "", fmt.Errorf("%s: %w", in.Dir, ErrStoreExists)
	}
	version := in.CaseplanVersion
	if version == "" {
		version = "devel"
	}
	var cfg bytes.Buffer
	modeline, _ := layout.Modeline(layout.ConfigPath)
	if err := configTemplate.Execute(&cfg, map[string]any{
		"Modeline":          modeline,
		"Organization":      in.Organization,
		"StaffID":           StaffID(in.Author.Email),
		"Name":              in.Author.Name,
		"Email":             in.Author.Email,
		"Version":           version,
		"AgeRecipient":      in.Keys.Recipient(),
		"SigningKey":        in.Keys.SigningKey(),
		"RequireSignatures": in.Keys.SigningKey() != "",
	}); err != nil {
		return "", err
	}
	// The template must produce a valid settings file; check it as any
	// other would be checked rather than trust it.
	v, err := schemas.Compile()
	if err != nil {
		return "", err
	}
	doc, fs := load.Parse(layout.ConfigPath, cfg.Bytes())
	if len(fs) > 0 {
		return "", fmt.Errorf("internal error: the new caseplan.yaml does not parse: %s", fs[0])
	}
	if errs := v.Validate("caseplan", doc.Value()); len(errs) > 0 {
		return "", fmt.Errorf("internal error: the new caseplan.yaml is invalid: %s", errs[0].Message)
	}

	settings, err := EditorSettings()
	if err != nil {
		return "", err
	}
	// The directory is made only once the settings are known to be
	// valid: a refused init leaves nothing behind.
	if err := os.MkdirAll(in.Dir, 0o755); err != nil {
		return "", err
	}
	changes := []gitstore.Change{
		{Path: layout.ConfigPath, Data: cfg.Bytes()},
		{Path: WorkflowPath, Data: []byte(Workflow)},
		{Path: EditorSettingsPath, Data: settings},
		{Path: EditorExtensionsPath, Data: []byte(editorExtensions)},
		{Path: ".gitattributes", Data: []byte("# Records are text with LF line ends on every machine; sealed files are\n# binary (age ciphertext), never converted.\n*.yaml text eol=lf\n*.json text eol=lf\n*.age binary\n")},
	}
	for _, kind := range schemas.Kinds {
		data, err := schemas.Bytes(kind)
		if err != nil {
			return "", err
		}
		changes = append(changes, gitstore.Change{Path: "schemas/" + schemas.FileName(kind), Data: data})
	}

	repo, err := gitstore.Open(in.Dir)
	if err != nil {
		repo, err = gitstore.Init(in.Dir, "main")
		if err != nil {
			return "", err
		}
	}
	defer repo.Close()
	hash, err := repo.Commit(gitstore.CommitRequest{
		Message: Message(&Change{Action: "store.init", Summary: "create the case store"}),
		Author:  gitstore.Signature{Name: in.Author.Name, Email: in.Author.Email, When: in.When},
		Changes: changes,
		Signer:  SignerOf(in.Keys),
	})
	if err != nil {
		return "", err
	}
	if in.Hook {
		if _, err := InstallHook(repo); err != nil {
			return hash.String(), err
		}
	}
	return hash.String(), nil
}

// PreCommitHook is the git pre-commit hook init and clone install.
// caseplan's own commands commit without running hooks (go-git runs none),
// and validate what they write themselves; the hook is for commits made
// by hand with the git CLI. One that changes cases/ is refused outright:
// it cannot carry caseplan's trailers, so verify would call it a hole in
// the audit trail and sync would refuse to share it; caseplan commit
// commits the same edits properly. Any other hand commit is refused when
// it adds errors to the records (only new ones, as validate --new-from
// HEAD reports them, so a store with old findings can still be committed
// to). git commit --no-verify skips it.
const PreCommitHook = `#!/bin/sh
# caseplan: refuse a hand commit that adds errors to the case records, or
# that changes them at all (caseplan commit commits such edits).
# Installed by caseplan init or clone; git commit --no-verify skips it.
status=0
if command -v caseplan >/dev/null 2>&1; then
  caseplan validate --new-from HEAD || status=1
else
  echo "pre-commit hook: caseplan is not installed, so the records cannot be checked" >&2
  echo "pre-commit hook: install it (go install github.com/caseplan/caseplan/cmd/caseplan@VERSION), or commit with --no-verify" >&2
  status=1
fi
if ! git diff --cached --quiet -- cases/; then
  echo "pre-commit hook: this commit changes cases/: the records are committed through caseplan, which checks them and writes the trailers caseplan verify and sync require" >&2
  echo "pre-commit hook: commit the edits with caseplan commit -m MESSAGE instead (they stay in your work tree until then)" >&2
  exit 1
fi
exit $status
`

// HookError says a pre-commit hook is already there, and was left alone.
type HookError struct{ Path string }

func (e *HookError) Error() string {
	return e.Path + " already exists; caseplan's pre-commit hook was not installed"
}

// InstallHook writes PreCommitHook as the repository's pre-commit hook and
// returns its path. An existing hook is never replaced: it is a
// *HookError.
func InstallHook(repo *gitstore.Repo) (string, error) {
	dir := repo.HooksDir()
	path := filepath.Join(dir, "pre-commit")
	if _, err := os.Lstat(path); err == nil {
		return path, &HookError{Path: path}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return path, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return path, err
	}
	if _, err := f.WriteString(PreCommitHook); err != nil {
		f.Close()
		return path, err
	}
	return path, f.Close()
}
