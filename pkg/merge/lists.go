package merge

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/layout"
)

// list says how the items of one list of a record are told apart, so that
// an item in one version of the file is recognised as the same item in
// another.
type list struct {
	kind string
	// path is the list's place in the record: mapping keys from the
	// record's root, dot-separated; the list items on the way are left
	// out ("goals.milestones" is every goal's milestones).
	path string
	// key names an item by the values of these fields. An item that has
	// none of them is named by alt's, and failing that by its whole value.
	// With neither key nor alt, items are values: lists of scalars (sets)
	// and lists whose items are events never edited once written.
	key, alt []string
	// unique says the record allows one item per key (an ID always is):
	// an item both sides added under one key is one item written twice,
	// a conflict when the two differ. Otherwise both are kept.
	unique bool
	// why the key identifies an item.
	why string
}

// lists is the one table of list identities. A list of mappings that is
// not here is merged by "id" when its items have one and as values
// otherwise; a list of scalars is always a set. TestListsCoverEveryRecord
// keeps the table in step with the record types.
var lists = []list{
	// iep.yaml
	{kind: layout.KindIEP, path: "goals", key: id, why: "goals have IDs, which the CLI and objectives name"},
	{kind: layout.KindIEP, path: "goals.objectives", key: id, why: "objectives have IDs"},
	{kind: layout.KindIEP, path: "goals.objectives.services", why: "a set of plan service IDs"},
	{kind: layout.KindIEP, path: "goals.milestones", key: id, why: "milestones have IDs; iep milestone done names one by its ID"},
	{kind: layout.KindIEP, path: "services", key: id, why: "plan services have IDs, which objectives name"},
	{kind: layout.KindIEP, path: "next_steps", key: id, why: "next steps have IDs; iep step done names one by its ID"},
	{kind: layout.KindIEP, path: "action_items", key: []string{"note", "item"}, unique: true, why: "each closes one action item of one note, and an item is closed once: done and dropped cannot both stand"},
	{kind: layout.KindIEP, path: "job_targets", key: []string{"title"}, why: "a plan targets a job title once; its grades and scope are what change"},
	{kind: layout.KindIEP, path: "skill_plan", key: []string{"course"}, why: "iep course status names a course by its name; its dates and status are what change"},
	{kind: layout.KindIEP, path: "reviews", key: []string{"date", "by"}, why: "a review is one person's on one day; its summary may be corrected"},
	{kind: layout.KindIEP, path: "self_sufficiency.benefits", key: []string{"name"}, unique: true, why: "iep benefit renew names a benefit by its name, so a plan lists it once; renewal and status change"},

	// intake.yaml
	{kind: layout.KindIntake, path: "participant.channels", why: "a set of contact channels"},
	{kind: layout.KindIntake, path: "team", key: []string{"name"}, why: "a person is on the team once; their role and contact details change"},
	{kind: layout.KindIntake, path: "eligibility", key: []string{"program", "determined"}, why: "one determination per program and day"},
	{kind: layout.KindIntake, path: "barriers", key: []string{"kind", "detail"}, why: "a barrier is its kind and detail; its status and resolution date change"},
	{kind: layout.KindIntake, path: "assessments", key: []string{"tool", "date"}, why: "one assessment per tool and day; its summary may be corrected"},
	{kind: layout.KindIntake, path: "skills", why: "a set of skills"},
	{kind: layout.KindIntake, path: "transfers", why: "transfers are events, never edited once written"},
	{kind: layout.KindIntake, path: "consents", key: []string{"kind", "given"}, why: "a permission is its kind and the day it was given; case consent withdraw sets its withdrawn date"},
	{kind: layout.KindIntake, path: "waivers", key: []string{"rule", "date"}, why: "a supervisor's waiver of one rule on one day; its reason may be corrected"},

	// references.yaml
	{kind: layout.KindReferences, path: "references", key: id, alt: []string{"name"}, why: "references have IDs; older ones have none and are named by the person's name"},

	// services.yaml
	{kind: layout.KindServices, path: "referrals", key: id, why: "referrals have IDs; service update names one by its ID"},

	// outcome.yaml
	{kind: layout.KindOutcome, path: "extensions", key: []string{"requested"}, unique: true, why: "one request per day; extension decide fills in its decision, and one request has one decision"},
	{kind: layout.KindOutcome, path: "placements", key: id, alt: []string{"employer", "position", "start"}, why: "placements have IDs (corrections name them); one without is its job and start"},
	{kind: layout.KindOutcome, path: "follow_ups", key: id, alt: []string{"due"}, why: "follow-ups have IDs; one without is named by its due date, which its result is recorded against"},
	{kind: layout.KindOutcome, path: "closures", key: []string{"date"}, unique: true, why: "one closure per day, with one reason (reports read it); its notes may be corrected"},
	{kind: layout.KindOutcome, path: "reopenings", key: []string{"date"}, unique: true, why: "one reopening per day; its reason may be corrected"},

	// activity/<week>.yaml
	{kind: layout.KindActivity, path: "applications", key: []string{"date", "organization", "position"}, why: "an application is for one position on one day; activity update moves its status and feedback"},
	{kind: layout.KindActivity, path: "informational_interviews", key: []string{"date", "organization"}, why: "one conversation with an organisation per day; its notes may be added later"},
	{kind: layout.KindActivity, path: "interviews", key: []string{"date", "organization", "position"}, why: "one interview for a position per day; its feedback comes later"},
	{kind: layout.KindActivity, path: "courses", key: []string{"date", "title"}, why: "one course per day; its status changes"},
	{kind: layout.KindActivity, path: "networking", key: []string{"date", "event"}, why: "one event per day; the contacts made may be counted later"},

	// caseplan.yaml
	{kind: layout.KindConfig, path: "centers", why: "a set of offices"},
	{kind: layout.KindConfig, path: "staff", key: id, why: "staff have IDs, which every record names"},

	// cohorts/<id>.yaml and import-rules/<name>.yaml
	{kind: layout.KindCohort, path: "layoff_dates", why: "a set of dates"},
	{kind: layout.KindCohort, path: "imports", why: "imports are events, never edited once written"},
	{kind: layout.KindImportRules, path: "cohort.layoff_dates", why: "a set of dates"},
	{kind: layout.KindImportRules, path: "managers.round_robin", why: "a set of staff ids"},
}

var id = []string{"id"}

// listAt returns the table's entry for the list at path (mapping keys,
// dot-separated) of a record of kind.
func listAt(kind, path string) (list, bool) {
	for _, l := range lists {
		if l.kind == kind && l.path == path {
			return l, true
		}
	}
	return list{}, false
}

// identity is how an item is told apart from the other items of its list.
type identity struct {
	key    string // equal for the same item in two versions of the list
	name   string // how a person names it: its ID, or its key's values
	unique bool   // no two items may share the key (see list.unique)
}

// identify returns the identity of item in list l.
func (l list) identify(item *yaml.Node, c canons) identity {
	if item.Kind == yaml.MappingNode {
		for i, fields := range [][]string{l.key, l.alt} {
			if v, ok := fieldValues(item, fields); ok {
				return identity{
					key:    string(rune('a'+i)) + c.join(v),
					name:   strings.Join(slices.DeleteFunc(texts(v), func(s string) bool { return s == "" }), ", "),
					unique: i == 0 && (l.unique || slices.Equal(fields, id)),
				}
			}
		}
	}
	return identity{key: "v" + c.of(item)}
}

// fieldValues returns the values of fields in the mapping item (nil for
// a field it lacks); ok is false when it has none of them.
func fieldValues(item *yaml.Node, fields []string) (vs []*yaml.Node, ok bool) {
	for _, f := range fields {
		v := lookup(item, f)
		ok = ok || v != nil
		vs = append(vs, v)
	}
	return vs, ok && len(fields) > 0
}

// texts returns the scalar texts of vs ("" for an absent or non-scalar value).
func texts(vs []*yaml.Node) []string {
	var out []string
	for _, v := range vs {
		if v != nil && v.Kind == yaml.ScalarNode {
			out = append(out, v.Value)
		} else {
			out = append(out, "")
		}
	}
	return out
}

// join joins the canonical forms of vs.
func (c canons) join(vs []*yaml.Node) string {
	var b strings.Builder
	for _, v := range vs {
		b.WriteString(c.of(v))
		b.WriteByte(0)
	}
	return b.String()
}
