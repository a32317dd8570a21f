package casework

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"text/template"
	"time"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
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
}

// configTemplate is the first caseplan.yaml of a store. It is a template
// rather than a marshalled struct so the coordinator who edits it later sees
// where each default comes from.
var configTemplate = template.Must(template.New("config").Parse(`{{.Modeline}}# caseplan store settings: the organisation, its staff roster, the programs
# its cases belong to and how strictly their rules apply.
organization: {{printf "%q" .Organization}}

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
      follow_up_months: 12      # follow-up after exit (001, 002)
      inactivity_exit_days: 90  # no service for 90 days: a potential exit
  # Post-employment services after cash assistance (document 003).
  post-employment:
    kind: post-employment
    name: Post-Employment Services
    settings:
      post_assistance_months: 12 # services for 12 months after cash assistance ends (003)
      contact_interval_days: 30

# Turn a rule off or change its severity, for example:
# rules:
#   ws-notice-period: {severity: error}
#   pe-self-sufficiency: {enabled: false}
`))

// workflow is the CI workflow a new store gets: validate and verify on
// every push, with findings as annotations on the changed lines.
const workflow = `# caseplan checks the case records on every push and pull request.
name: caseplan
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # verify reads the whole history
      - uses: actions/setup-go@v5
        with:
          go-version: stable
      - run: go install github.com/caseplan/caseplan/cmd/caseplan@latest
      - run: caseplan validate -o github
      - run: caseplan verify
`

// ErrStoreExists says init was run where a store already is.
var ErrStoreExists = errors.New("a case store already exists here")

// Init creates the store: cases/caseplan.yaml with the author as its first
// staff member, the JSON Schemas, a CI workflow, a git repository if there
// is none, and the first commit.
func Init(in InitStore) (string, error) {
	if _, err := os.Stat(filepath.Join(in.Dir, filepath.FromSlash(layout.ConfigPath))); err == nil {
		return "", fmt.Errorf("%s: %w", in.Dir, ErrStoreExists)
	}
	if err := os.MkdirAll(in.Dir, 0o755); err != nil {
		return "", err
	}
	var cfg bytes.Buffer
	modeline, _ := layout.Modeline(layout.ConfigPath)
	if err := configTemplate.Execute(&cfg, map[string]any{
		"Modeline":          modeline,
		"Organization":      in.Organization,
		"StaffID":           StaffID(in.Author.Email),
		"Name":              in.Author.Name,
		"Email":             in.Author.Email,
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
	if errs := v.Validate("caseplan", doc.Value); len(errs) > 0 {
		return "", fmt.Errorf("internal error: the new caseplan.yaml is invalid: %s", errs[0].Message)
	}

	changes := []gitstore.Change{
		{Path: layout.ConfigPath, Data: cfg.Bytes()},
		{Path: ".github/workflows/caseplan.yml", Data: []byte(workflow)},
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
		Signer:  signerOf(in.Keys),
	})
	if err != nil {
		return "", err
	}
	return hash.String(), nil
}
