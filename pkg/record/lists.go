package record

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/caseplan/caseplan/pkg/layout"
)

// Lists: how the items of every list of a record are told apart. It is
// one table, ListRules, read by the merge of two versions of a record file
// (pkg/merge, for caseplan sync), by the commands that give new items
// their IDs (pkg/casework) and by the validation of IDs (duplicate-id).
//
// Two clones of a store may each add an item to the same list of the same
// file at once: a referral to services.yaml, a goal to iep.yaml, an
// application to one week of the activity tracker. So every list item of
// object type that a command adds gets an id made by caseid.NewItem from
// its list's Prefix: the prefix, a hyphen and five random characters of
// the case ID alphabet (25 bits), e.g. G-K7QX2, AP-3MZ8Q. Two items added
// in two clones then have two IDs, and a merge keeps both; one item
// changed in two clones keeps its ID, even where a command corrected the
// fields that used to name it, and is merged field by field. IDs are
// unique within their list across the case (duplicate-id), and typed in
// any case on the command line (g-k7qx2 is G-K7QX2).
//
// Items written before their list had random IDs keep what they have:
// goals, objectives, milestones, plan services, next steps and referrals
// their numbers (G1, O1, M1, S1, N1, R1 — still valid, still unique within
// the case), the items of the other lists no id at all (the schemas keep
// id optional there). A merge names those by Alt, a natural key.
//
// How a merge names an item of a list (pkg/merge applies it):
//
//   - by the values of Key's fields: ["id"] for the lists whose items get
//     IDs, a natural key where the record allows one item per key (Unique:
//     a plan's action_items by note and item, one closure per day);
//   - an item that has none of Key's fields, by Alt's — the natural key
//     that named the item before its list had IDs (an application by its
//     day, organisation and position) — and failing that by its whole
//     value;
//   - with neither Key nor Alt, by its value: sets of strings (skills,
//     channels, an objective's services) and events never edited once
//     written.
//
// Unique says the record allows one item per Key: an item both sides
// added under one key is one item written twice, a conflict when the two
// differ; an ID always is. Otherwise two items added under one key are
// both kept. A list whose Key is a natural key though its items carry IDs
// (benefits, extensions, closures, reopenings) keeps the record's "one per
// key": the same closure recorded in two clones is one closure, and its
// two IDs are a conflict reported like any other field's.
//
// A note is never edited once committed, so its lists (actions, services)
// are never merged and have no rule here.
//
// The prefixes are distinct, so an ID says what it names. Placements,
// follow-ups and references had random IDs before the other lists did.
const (
	// iep.yaml
	PrefixGoal        = "G"
	PrefixObjective   = "O"
	PrefixPlanService = "S"
	PrefixMilestone   = "M"
	PrefixNextStep    = "N"
	PrefixJobTarget   = "JT"
	PrefixSkillCourse = "SK"
	PrefixReview      = "RV"
	PrefixAgreement   = "AG"
	PrefixBenefit     = "BN"
	// intake.yaml
	PrefixTeamMember  = "TM"
	PrefixEligibility = "EL"
	PrefixBarrier     = "BR"
	PrefixAssessment  = "AS"
	PrefixTransfer    = "TR"
	PrefixConsent     = "CN"
	PrefixWaiver      = "WV"
	// references.yaml
	PrefixReference = "RF"
	// activity/<week>.yaml
	PrefixApplication            = "AP"
	PrefixInformationalInterview = "II"
	PrefixInterview              = "IV"
	PrefixActivityCourse         = "AC"
	PrefixNetworking             = "NW"
	// services.yaml
	PrefixReferral = "R"
	// outcome.yaml
	PrefixExtension  = "ER" // an extension request
	PrefixPlacement  = "PL"
	PrefixFollowUp   = "FU"
	PrefixCredential = "CR"
	PrefixSkillGain  = "SG"
	PrefixExclusion  = "EX"
	PrefixClosure    = "CL"
	PrefixReopening  = "RO"
	// cohorts/<id>.yaml
	PrefixCohortImport = "IM"
)

// ListRule says how the items of one list of a record kind are told apart.
type ListRule struct {
	Kind string // the record kind (layout.KindIEP, ...)
	// Path is the list's place in the record: mapping keys from the
	// record's root, dot-separated, list levels left out
	// ("goals.milestones" is every goal's milestones).
	Path   string
	Item   string   // what one item is, for messages: "milestone"
	Prefix string   // the prefix of new items' IDs; "" when commands give its items none
	Key    []string // the fields that name an item: ["id"], ["note", "item"]; nil: see the package comment
	Alt    []string // the fields that name an item without Key's: the natural key of older items
	Unique bool     // one item per Key (always so for ["id"])
	Why    string   // why the key names an item
}

var id = []string{"id"}

// ListRules is every list of every record kind but the note's, in the
// order of the kinds' fields.
var ListRules = []ListRule{
	// caseplan.yaml
	{Kind: layout.KindConfig, Path: "centers", Item: "center", Why: "a set of offices"},
	{Kind: layout.KindConfig, Path: "staff", Item: "staff member", Key: id, Why: "staff have IDs (made from the email address by staff add), which every record names"},
	{Kind: layout.KindConfig, Path: "pii.ssn", Item: "SSN pattern", Why: "a set of the leak guard's patterns (pkg/pii), each its own identity"},
	{Kind: layout.KindConfig, Path: "pii.dob", Item: "date-of-birth pattern", Why: "a set of the leak guard's patterns (pkg/pii), each its own identity"},
	{Kind: layout.KindConfig, Path: "pii.terms", Item: "sensitive term", Why: "a set of words the leak guard warns about"},
	{Kind: layout.KindConfig, Path: "pii.allow", Item: "allowed text", Why: "a set of texts the leak guard lets through (its documented false positives)"},

	// intake.yaml
	{Kind: layout.KindIntake, Path: "participant.channels", Item: "channel", Why: "a set of contact channels"},
	{Kind: layout.KindIntake, Path: "team", Item: "team member", Prefix: PrefixTeamMember, Key: id, Alt: []string{"name"},
		Why: "team members have IDs; an older one is named by the person's name: a person is on the team once, their role and contact details change"},
	{Kind: layout.KindIntake, Path: "eligibility", Item: "eligibility determination", Prefix: PrefixEligibility, Key: id, Alt: []string{"program", "determined"},
		Why: "determinations have IDs; an older one is its program and day"},
	{Kind: layout.KindIntake, Path: "barriers", Item: "barrier", Prefix: PrefixBarrier, Key: id, Alt: []string{"kind", "detail"},
		Why: "barriers have IDs; an older one is its kind and detail, its status and resolution date change"},
	{Kind: layout.KindIntake, Path: "assessments", Item: "assessment", Prefix: PrefixAssessment, Key: id, Alt: []string{"tool", "date"},
		Why: "assessments have IDs; an older one is its tool and day, its summary may be corrected"},
	{Kind: layout.KindIntake, Path: "skills", Item: "skill", Why: "a set of skills"},
	{Kind: layout.KindIntake, Path: "transfers", Item: "transfer", Prefix: PrefixTransfer, Key: id,
		Why: "transfers have IDs; older ones are events, never edited once written"},
	{Kind: layout.KindIntake, Path: "consents", Item: "consent", Prefix: PrefixConsent, Key: id, Alt: []string{"kind", "given"},
		Why: "permissions have IDs; an older one is its kind and the day it was given, case consent withdraw sets its withdrawn date"},
	{Kind: layout.KindIntake, Path: "waivers", Item: "waiver", Prefix: PrefixWaiver, Key: id, Alt: []string{"rule", "date"},
		Why: "waivers have IDs; an older one is a supervisor's waiver of one rule on one day, its reason may be corrected"},

	// iep.yaml
	{Kind: layout.KindIEP, Path: "goals", Item: "goal", Prefix: PrefixGoal, Key: id, Why: "goals have IDs, which the CLI and objectives name"},
	{Kind: layout.KindIEP, Path: "goals.objectives", Item: "objective", Prefix: PrefixObjective, Key: id, Why: "objectives have IDs"},
	{Kind: layout.KindIEP, Path: "goals.objectives.services", Item: "service", Why: "a set of plan service IDs"},
	{Kind: layout.KindIEP, Path: "goals.milestones", Item: "milestone", Prefix: PrefixMilestone, Key: id, Why: "milestones have IDs; iep milestone done names one by its ID"},
	{Kind: layout.KindIEP, Path: "services", Item: "service", Prefix: PrefixPlanService, Key: id, Why: "plan services have IDs, which objectives name"},
	{Kind: layout.KindIEP, Path: "next_steps", Item: "next step", Prefix: PrefixNextStep, Key: id, Why: "next steps have IDs; iep step done names one by its ID"},
	{Kind: layout.KindIEP, Path: "action_items", Item: "action item", Key: []string{"note", "item"}, Unique: true,
		Why: "each closes one action item of one note, and an item is closed once: done and dropped cannot both stand"},
	{Kind: layout.KindIEP, Path: "job_targets", Item: "job target", Prefix: PrefixJobTarget, Key: id, Alt: []string{"title"},
		Why: "job targets have IDs; an older one is its title: a plan targets a title once, its grades and scope are what change"},
	{Kind: layout.KindIEP, Path: "skill_plan", Item: "course", Prefix: PrefixSkillCourse, Key: id, Alt: []string{"course"},
		Why: "courses have IDs; an older one is its name, as iep course status names it; its dates and status are what change"},
	{Kind: layout.KindIEP, Path: "reviews", Item: "review", Prefix: PrefixReview, Key: id, Alt: []string{"date", "by"},
		Why: "reviews have IDs; an older one is one person's on one day, its summary may be corrected"},
	{Kind: layout.KindIEP, Path: "agreements", Item: "agreement", Prefix: PrefixAgreement, Key: id, Alt: []string{"date", "how"},
		Why: "agreements have IDs; one written by hand without is the participant's agreement on one day in one way, its notes may be corrected"},
	{Kind: layout.KindIEP, Path: "self_sufficiency.benefits", Item: "benefit", Prefix: PrefixBenefit, Key: []string{"name"}, Unique: true,
		Why: "iep benefit renew names a benefit by its name, so a plan lists it once; renewal and status change"},

	// references.yaml
	{Kind: layout.KindReferences, Path: "references", Item: "reference", Prefix: PrefixReference, Key: id, Alt: []string{"name"},
		Why: "references have IDs; older ones have none and are named by the person's name"},

	// activity/<week>.yaml
	{Kind: layout.KindActivity, Path: "applications", Item: "application", Prefix: PrefixApplication, Key: id, Alt: []string{"date", "organization", "position"},
		Why: "applications have IDs, which activity update takes; an older one is for one position on one day"},
	{Kind: layout.KindActivity, Path: "informational_interviews", Item: "informational interview", Prefix: PrefixInformationalInterview, Key: id, Alt: []string{"date", "organization"},
		Why: "informational interviews have IDs; an older one is one conversation with an organisation on one day"},
	{Kind: layout.KindActivity, Path: "interviews", Item: "interview", Prefix: PrefixInterview, Key: id, Alt: []string{"date", "organization", "position"},
		Why: "interviews have IDs, which activity update takes; an older one is for a position on one day, its feedback comes later"},
	{Kind: layout.KindActivity, Path: "courses", Item: "course", Prefix: PrefixActivityCourse, Key: id, Alt: []string{"date", "title"},
		Why: "courses have IDs, which activity update takes; an older one is one course on one day, its status changes"},
	{Kind: layout.KindActivity, Path: "networking", Item: "networking event", Prefix: PrefixNetworking, Key: id, Alt: []string{"date", "event"},
		Why: "networking events have IDs; an older one is one event on one day, the contacts made may be counted later"},

	// services.yaml
	{Kind: layout.KindServices, Path: "referrals", Item: "referral", Prefix: PrefixReferral, Key: id, Why: "referrals have IDs; service update names one by its ID"},

	// outcome.yaml
	{Kind: layout.KindOutcome, Path: "extensions", Item: "extension", Prefix: PrefixExtension, Key: []string{"requested"}, Unique: true,
		Why: "one request per day; extension decide fills in its decision, and one request has one decision"},
	{Kind: layout.KindOutcome, Path: "placements", Item: "placement", Prefix: PrefixPlacement, Key: id, Alt: []string{"employer", "position", "start"},
		Why: "placements have IDs (corrections name them); one without is its job and start"},
	{Kind: layout.KindOutcome, Path: "follow_ups", Item: "follow-up", Prefix: PrefixFollowUp, Key: id, Alt: []string{"due"},
		Why: "follow-ups have IDs; one without is named by its due date, which its result is recorded against"},
	{Kind: layout.KindOutcome, Path: "credentials", Item: "credential", Prefix: PrefixCredential, Key: id, Alt: []string{"kind", "date"},
		Why: "credentials have IDs; one written by hand without is its kind and the day it was attained"},
	{Kind: layout.KindOutcome, Path: "skill_gains", Item: "skill gain", Prefix: PrefixSkillGain, Key: id, Alt: []string{"kind", "date"},
		Why: "skill gains have IDs; one written by hand without is its kind and the day it was documented"},
	{Kind: layout.KindOutcome, Path: "exclusions", Item: "exclusion", Prefix: PrefixExclusion, Key: id, Alt: []string{"kind", "date"},
		Why: "exclusions have IDs; one written by hand without is its kind and the day it began"},
	{Kind: layout.KindOutcome, Path: "closures", Item: "closure", Prefix: PrefixClosure, Key: []string{"date"}, Unique: true,
		Why: "one closure per day, with one reason (reports read it); its notes may be corrected"},
	{Kind: layout.KindOutcome, Path: "reopenings", Item: "reopening", Prefix: PrefixReopening, Key: []string{"date"}, Unique: true,
		Why: "one reopening per day; its reason may be corrected"},

	// cohorts/<id>.yaml: two clones may import two rosters into one cohort
	{Kind: layout.KindCohort, Path: "layoff_dates", Item: "layoff date", Why: "a set of dates"},
	{Kind: layout.KindCohort, Path: "imports", Item: "import", Prefix: PrefixCohortImport, Key: id, Alt: []string{"file", "sha256", "date"},
		Why: "imports have IDs; one written by hand without is its file, the file's hash and the day: an event, never edited once written"},

	// import-rules/<name>.yaml
	{Kind: layout.KindImportRules, Path: "cohort.layoff_dates", Item: "layoff date", Why: "a set of dates"},
	{Kind: layout.KindImportRules, Path: "managers.round_robin", Item: "staff id", Why: "a set of staff ids"},
}

// ListRuleOf returns the rule of the list at path (dot-separated keys,
// list levels left out: "goals.milestones") in a record of kind; ok is
// false for a list caseplan does not know, and for a note's.
func ListRuleOf(kind, path string) (ListRule, bool) {
	for _, r := range ListRules {
		if r.Kind == kind && r.Path == path {
			return r, true
		}
	}
	return ListRule{}, false
}

// ListKey returns the fields that name an item of the list at path in a
// record of kind, as the package comment explains: ["id"], a natural key
// such as ["note", "item"], or nil for items named by their value; alt
// names an item without key's fields (an item written before its list had
// IDs). ok is false for a list caseplan does not know, and for a note's.
func ListKey(kind, path string) (key, alt []string, ok bool) {
	r, ok := ListRuleOf(kind, path)
	return r.Key, r.Alt, ok
}

// EachItemID calls fn for every item of rec — a record (Intake, *IEP, ...)
// — that is in a list whose items commands give IDs (a Prefix), and has
// one: with the list's rule, the item's id and the path of its id field
// (keys and list indexes, as validate reports positions: goals 0
// milestones 1 id).
func EachItemID(rec any, fn func(r ListRule, at []string, id string)) {
	kind := kindOfValue(rec)
	if kind == "" {
		return
	}
	v := reflect.ValueOf(rec)
	eachItemID(itemPlanOf(kind, v.Type()), v, nil, fn)
}

// itemPlan is where in a record type the lists of items lie: the fields
// that are, or lead to, a list of structs, worked out once per record
// kind and type (reflection on every field of every record was most of
// the time validate's duplicate-ID check took).
type itemPlan struct {
	fields []itemField
}

type itemField struct {
	index int
	name  string // the YAML key
	list  bool   // a list of structs; else a struct or a pointer to one
	rule  ListRule
	ids   int       // with a rule that gives IDs: the index of the items' ID field, else -1
	elem  *itemPlan // the struct's, or the items'
}

type itemPlanKey struct {
	kind string
	t    reflect.Type
}

var itemPlans sync.Map // itemPlanKey → *itemPlan

func itemPlanOf(kind string, t reflect.Type) *itemPlan {
	k := itemPlanKey{kind, t}
	if p, ok := itemPlans.Load(k); ok {
		return p.(*itemPlan)
	}
	p := makeItemPlan(kind, t, nil, 0)
	itemPlans.Store(k, p)
	return p
}

func makeItemPlan(kind string, t reflect.Type, keys []string, depth int) *itemPlan {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || depth > 16 {
		return nil
	}
	p := &itemPlan{}
	for i := range t.NumField() {
		// Only fields that can hold a list of items lead to one: the
		// scalars (most fields) are passed over.
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		f := itemField{index: i, ids: -1}
		switch sf.Type.Kind() {
		case reflect.Struct, reflect.Pointer:
		case reflect.Slice:
			if sf.Type.Elem().Kind() != reflect.Struct {
				continue
			}
			f.list = true
		default:
			continue
		}
		f.name, _, _ = strings.Cut(sf.Tag.Get("yaml"), ",")
		fkeys := append(keys[:len(keys):len(keys)], f.name)
		elem := sf.Type
		if f.list {
			elem = sf.Type.Elem()
			if r, ok := ListRuleOf(kind, strings.Join(fkeys, ".")); ok && r.Prefix != "" {
				f.rule = r
				if id, ok := elem.FieldByName("ID"); ok && len(id.Index) == 1 && id.Type.Kind() == reflect.String {
					f.ids = id.Index[0]
				}
			}
		}
		f.elem = makeItemPlan(kind, elem, fkeys, depth+1)
		if (f.elem == nil || len(f.elem.fields) == 0) && f.ids < 0 {
			continue // nothing with an ID below it
		}
		p.fields = append(p.fields, f)
	}
	return p
}

func eachItemID(p *itemPlan, v reflect.Value, at []string, fn func(ListRule, []string, string)) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if p == nil || v.Kind() != reflect.Struct {
		return
	}
	for _, f := range p.fields {
		fv := v.Field(f.index)
		fat := append(at[:len(at):len(at)], f.name)
		if !f.list {
			eachItemID(f.elem, fv, fat, fn)
			continue
		}
		for j := range fv.Len() {
			item := fv.Index(j)
			var iat []string
			if f.ids >= 0 {
				if id := item.Field(f.ids).String(); id != "" {
					iat = append(fat[:len(fat):len(fat)], strconv.Itoa(j))
					fn(f.rule, append(iat[:len(iat):len(iat)], "id"), id)
				}
			}
			if f.elem != nil && len(f.elem.fields) > 0 {
				if iat == nil {
					iat = append(fat[:len(fat):len(fat)], strconv.Itoa(j))
				}
				eachItemID(f.elem, item, iat, fn)
			}
		}
	}
}
