package validate

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"filippo.io/age"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sshsig"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/schemas"
)

const (
	// RuleRosterAdmin: the roster names no active admin, so its roles do
	// not apply (record.Config.RolesInForce): a store made before roles.
	RuleRosterAdmin = "roster-admin"
	// RuleRosterKeys: a member's public key does not parse, or two
	// members share one, so a signature or a sealed file could not tell
	// them apart.
	RuleRosterKeys = "roster-keys"
	// RuleRosterSigningKey: the store requires signed commits and an
	// active member has no signing key, so they cannot commit.
	RuleRosterSigningKey = "roster-signing-key"
	// RuleRosterAgeRecipient: the store keeps sealed fields and an
	// active supervisor has no age recipient, so nothing is sealed to
	// them: they cannot read the cases their role says they read.
	RuleRosterAgeRecipient = "roster-age-recipient"
	// RuleRosterName: a member's name holds what git cannot write in an
	// author line (record.StaffNameProblem).
	RuleRosterName = "roster-name"
	// RuleUnknownRule: caseplan.yaml's rules: names a rule that does
	// not have, so the setting does nothing (a misspelt ID).
	RuleUnknownRule = "unknown-rule"
)

// storeRules check the store settings themselves rather than a case.
var storeRules = []*Rule{
	{
		ID: RuleUnknownRule, Severity: finding.Error,
		Summary: "every rule named under rules: in caseplan.yaml exists (caseplan rules lists them), so no setting silently does nothing",
	},
	{
		ID: RuleSchemaCopy, Severity: finding.Warning,
		Summary: "the store's copies of the schemas (schemas/, which editors check the records against) are this caseplan's own: none missing, older (caseplan schemas update rewrites them), edited, or newer (upgrade caseplan)",
	},
	{
		ID: RuleRosterAdmin, Severity: finding.Warning,
		Summary: "the staff roster names an active admin, so its roles apply: only an admin changes the roster, case managers change their own cases, supervisors record waivers and decisions",
	},
	{
		ID: RuleRosterName, Severity: finding.Error,
		Summary: "every name on the staff roster can stand in a git author line: no '<', '>' or control characters",
	},
	{
		ID: RuleRosterKeys, Severity: finding.Error,
		Summary: "every signing key and age recipient on the roster is a valid key, and no two members share one",
	},
	{
		ID: RuleRosterSigningKey, Severity: finding.Warning,
		Summary: "where the store requires signed commits, every active member has a signing key on the roster",
	},
	{
		ID: RuleRosterAgeRecipient, Severity: finding.Warning,
		Summary: "where the store keeps sealed fields (a case has them, or a program's sealed_required is on), every active supervisor has an age recipient on the roster: supervisors read every case, and nothing can be sealed to a member without one",
	},
}

// StoreSeals reports whether the store keeps sealed fields: a program
// requires them, or (anyCase) some case has them.
func StoreSeals(cfg *record.Config, anyCase bool) bool {
	if anyCase {
		return true
	}
	if cfg != nil {
		for name := range cfg.Programs {
			if cfg.SealedRequired(name) {
				return true
			}
		}
	}
	return false
}

// SealedIn returns Options.AnySealed for the store in src: whether some
// case of it has sealed fields (store.AnySealed: false for a store with no
// cases directory, which keeps none), and the error when a directory of
// it cannot be read, which says nothing either way.
func SealedIn(src store.Source) func() (bool, error) {
	return func() (bool, error) {
		return store.AnySealed(src)
	}
}

// UnsealedSupervisor says why s, in a store that keeps sealed fields,
// cannot read them, and what to do; "" when s can (or is no active
// supervisor).
func UnsealedSupervisor(s record.Staff) string {
	if !s.IsActive() || s.RoleName() != record.RoleSupervisor || s.AgeRecipient != "" {
		return ""
	}
	return fmt.Sprintf("%s is a supervisor with no age recipient, and the store keeps sealed fields: nothing is sealed to them, so they cannot read any case's sealed fields; they run caseplan key new and send the recipient it prints, then an admin runs caseplan staff set %s --age-recipient RECIPIENT and each case is re-sealed (caseplan case sealed reseal --all)", s.ID, s.ID)
}

// storeFindings checks the store settings: the leak guard's patterns and
// the roster.
func storeFindings(cfg *record.Config, doc *load.Document, seals bool) []finding.Finding {
	out := piiSettingFindings(cfg, doc)
	if cfg == nil {
		return out
	}
	if !cfg.RolesInForce() {
		line, col := doc.Position([]string{"staff"})
		out = append(out, finding.Finding{
			Path: layout.ConfigPath, Line: line, Column: col, Severity: finding.Warning, Rule: RuleRosterAdmin,
			Message: "no one on the staff roster is an active admin, so roles do not apply: anyone on it may change the roster and any case; name an admin with caseplan staff set ID --role admin",
		})
	}
	out = append(out, ruleSettingFindings(cfg, doc)...)
	out = append(out, nameFindings(cfg, doc)...)
	return append(out, keyFindings(cfg, doc, seals)...)
}

// nameFindings reports each roster name git could not write as a commit's
// author, the check staff add and staff set make, for a hand edit.
func nameFindings(cfg *record.Config, doc *load.Document) []finding.Finding {
	var out []finding.Finding
	for i, m := range cfg.Staff {
		if p := record.StaffNameProblem(m.Name); p != "" {
			line, col := doc.Position([]string{"staff", strconv.Itoa(i), "name"})
			out = append(out, finding.Finding{
				Path: layout.ConfigPath, Line: line, Column: col, Severity: finding.Error, Rule: RuleRosterName,
				Message: fmt.Sprintf("staff member %s: name %q: %s", m.ID, m.Name, p),
			})
		}
	}
	return out
}

// ruleSettingFindings reports each rule setting of caseplan.yaml that
// names no rule: a misspelt ID would otherwise leave on the rule the
// office meant to turn off, or at the severity it meant to change.
func ruleSettingFindings(cfg *record.Config, doc *load.Document) []finding.Finding {
	known := SettableRules()
	var out []finding.Finding
	for _, id := range slices.Sorted(maps.Keys(cfg.Rules)) {
		if slices.Contains(known, id) {
			continue
		}
		msg := fmt.Sprintf("rules: %q names no rule, so this setting does nothing", id)
		if s := schemas.Closest(id, known); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += "; caseplan rules lists them"
		}
		line, col := doc.KeyPosition([]string{"rules", id})
		out = append(out, finding.Finding{Path: layout.ConfigPath, Line: line, Column: col, Severity: finding.Error, Rule: RuleUnknownRule, Message: msg})
	}
	return out
}

// SettableRules are the IDs a store's rules: may name: every rule caseplan
// lists, and the checks of the loader and the schemas, whose findings the
// settings reach too.
func SettableRules() []string {
	ids := []string{RuleSchema,
		load.RuleTooLarge, load.RuleEncoding, load.RuleSyntax, load.RuleAlias, load.RuleShape,
		store.RuleSymlink, store.RuleUnreadable, store.RuleCaseDir, store.RuleMissingFile, store.RuleUnknownFile, store.RuleDecode, store.RuleMissingStore, store.RuleFileMode}
	for _, r := range Rules {
		ids = append(ids, r.ID)
	}
	return ids
}

// keyFindings checks the roster's public keys.
func keyFindings(cfg *record.Config, doc *load.Document, seals bool) []finding.Finding {
	var out []finding.Finding
	report := func(i int, key string, sev finding.Severity, rule, format string, args ...any) {
		path := []string{"staff", strconv.Itoa(i)}
		if key != "" {
			path = append(path, key)
		}
		line, col := doc.Position(path)
		out = append(out, finding.Finding{Path: layout.ConfigPath, Line: line, Column: col, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
	}
	signers := map[string]string{}    // key's wire form -> staff id
	recipients := map[string]string{} // recipient -> staff id
	required := cfg.AccessSettings().RequireSignatures
	for i, s := range cfg.Staff {
		if s.SigningKey != "" {
			if k, err := sshsig.ParsePublicKey(s.SigningKey); err != nil {
				report(i, "signing_key", finding.Error, RuleRosterKeys, "%s's signing key is not an SSH public key (%v); paste it as caseplan key show prints it", s.ID, err)
			} else if other, ok := signers[string(k.Marshal())]; ok {
				report(i, "signing_key", finding.Error, RuleRosterKeys, "%s has the same signing key as %s; each person signs with a key of their own", s.ID, other)
			} else {
				signers[string(k.Marshal())] = s.ID
			}
		} else if required && s.IsActive() {
			report(i, "", finding.Warning, RuleRosterSigningKey, "%s has no signing key, and the store requires signed commits: they cannot commit until an admin adds one (caseplan staff set %s --signing-key KEY)", s.ID, s.ID)
		}
		if msg := UnsealedSupervisor(s); msg != "" && seals {
			report(i, "", finding.Warning, RuleRosterAgeRecipient, "%s", msg)
		}
		if s.AgeRecipient != "" {
			if _, err := age.ParseX25519Recipient(s.AgeRecipient); err != nil {
				report(i, "age_recipient", finding.Error, RuleRosterKeys, "%s's age recipient is not valid (%v); paste it as caseplan key show prints it", s.ID, err)
			} else if other, ok := recipients[s.AgeRecipient]; ok {
				report(i, "age_recipient", finding.Error, RuleRosterKeys, "%s has the same age recipient as %s; each person has an identity of their own", s.ID, other)
			} else {
				recipients[s.AgeRecipient] = s.ID
			}
		}
	}
	return out
}
