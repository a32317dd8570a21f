package record

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/layout"
)

// Lists: how the items of every list of a record are told apart — which is
// what a merge of two versions of a record file needs (issue 10: caseplan
// sync merges record files at the level of the record, fields and list
// items).
//
// Two clones of a store may each add an item to the same list of the same
// file at once: a referral to services.yaml, a goal to iep.yaml, an
// application to one week of the activity tracker. So every list item of
// object type that a command adds gets an id made by caseid.NewItem from
// its list's prefix below: the prefix, a hyphen and five random characters
// of the case ID alphabet (25 bits), e.g. G-K7QX2, AP-3MZ8Q. Two items
// added in two clones then have two IDs, and the merge keeps both; one
// item changed in two clones keeps its ID, and is merged field by field.
// New IDs are unique within the case (duplicate-id) and typed in any case
// (g-k7qx2 is G-K7QX2).
//
// The rule a merge follows for each list is its ListRule's Key:
//
//   - Key ["id"], the lists with a Prefix: an item is the item with the
//     same id. Items written before their list had random IDs keep what
//     they have: goals, objectives, milestones, plan services, next steps
//     and referrals their numbers (G1, O1, M1, S1, N1, R1 — still valid,
//     still unique within the case), the items of the other lists no id
//     at all (the schemas keep id optional there). An item without an id
//     is matched by its position among the list's items without one:
//     commands no longer add such items, so that order is the same in
//     every clone.
//   - A natural key (Key set, no Prefix): the item is named by fields it
//     has anyway, which its command keeps unique: a plan's action_items by
//     note and item (two clones closing one action item close one item),
//     the staff roster by id (staff add makes it from the email address).
//   - Key nil: the list holds strings and is a set (skills, channels, an
//     objective's services, the centers): an item is its value.
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
	PrefixExtension = "EX"
	PrefixPlacement = "PL"
	PrefixFollowUp  = "FU"
	PrefixClosure   = "CL"
	PrefixReopening = "RO"
)

// ListRule says how the items of one list of a record kind are told apart.
type ListRule struct {
	Kind   string   // the record kind (layout.KindIEP, ...)
	Path   string   // the list's keys from the record's root, dot-separated, list levels left out: "goals.milestones"
	Item   string   // what one item is, for messages: "milestone"
	Prefix string   // the prefix of new items' IDs; "" when the items are not given IDs
	Key    []string // the fields that name an item: ["id"], ["note", "item"]; nil for a set of strings
}

var idKey = []string{"id"}

// ListRules is every list of every record kind but the note's, in the
// order of the kinds' fields.
var ListRules = []ListRule{
	{layout.KindConfig, "centers", "center", "", nil},
	{layout.KindConfig, "staff", "staff member", "", idKey},

	{layout.KindIntake, "participant.channels", "channel", "", nil},
	{layout.KindIntake, "team", "team member", PrefixTeamMember, idKey},
	{layout.KindIntake, "eligibility", "eligibility determination", PrefixEligibility, idKey},
	{layout.KindIntake, "barriers", "barrier", PrefixBarrier, idKey},
	{layout.KindIntake, "assessments", "assessment", PrefixAssessment, idKey},
	{layout.KindIntake, "skills", "skill", "", nil},
	{layout.KindIntake, "transfers", "transfer", PrefixTransfer, idKey},
	{layout.KindIntake, "consents", "consent", PrefixConsent, idKey},
	{layout.KindIntake, "waivers", "waiver", PrefixWaiver, idKey},

	{layout.KindIEP, "goals", "goal", PrefixGoal, idKey},
	{layout.KindIEP, "goals.objectives", "objective", PrefixObjective, idKey},
	{layout.KindIEP, "goals.objectives.services", "service", "", nil},
	{layout.KindIEP, "goals.milestones", "milestone", PrefixMilestone, idKey},
	{layout.KindIEP, "services", "service", PrefixPlanService, idKey},
	{layout.KindIEP, "next_steps", "next step", PrefixNextStep, idKey},
	{layout.KindIEP, "action_items", "action item", "", []string{"note", "item"}},
	{layout.KindIEP, "job_targets", "job target", PrefixJobTarget, idKey},
	{layout.KindIEP, "skill_plan", "course", PrefixSkillCourse, idKey},
	{layout.KindIEP, "reviews", "review", PrefixReview, idKey},
	{layout.KindIEP, "self_sufficiency.benefits", "benefit", PrefixBenefit, idKey},

	{layout.KindReferences, "references", "reference", PrefixReference, idKey},

	{layout.KindActivity, "applications", "application", PrefixApplication, idKey},
	{layout.KindActivity, "informational_interviews", "informational interview", PrefixInformationalInterview, idKey},
	{layout.KindActivity, "interviews", "interview", PrefixInterview, idKey},
	{layout.KindActivity, "courses", "course", PrefixActivityCourse, idKey},
	{layout.KindActivity, "networking", "networking event", PrefixNetworking, idKey},

	{layout.KindServices, "referrals", "referral", PrefixReferral, idKey},

	{layout.KindOutcome, "extensions", "extension", PrefixExtension, idKey},
	{layout.KindOutcome, "placements", "placement", PrefixPlacement, idKey},
	{layout.KindOutcome, "follow_ups", "follow-up", PrefixFollowUp, idKey},
	{layout.KindOutcome, "closures", "closure", PrefixClosure, idKey},
	{layout.KindOutcome, "reopenings", "reopening", PrefixReopening, idKey},
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
// such as ["note", "item"], or nil for a set of strings. ok is false for a
// list caseplan does not know, and for a note's.
func ListKey(kind, path string) (key []string, ok bool) {
	r, ok := ListRuleOf(kind, path)
	return r.Key, ok
}

// EachItemID calls fn for every item of rec — a record (Intake, *IEP, ...)
// — that is in a list whose items are named by an id, and has one: with
// the list's rule, the item's id and the path of its id field (keys and
// list indexes, as validate reports positions: goals 0 milestones 1 id).
func EachItemID(rec any, fn func(r ListRule, at []string, id string)) {
	kind := kindOfValue(rec)
	if kind == "" {
		return
	}
	eachItemID(kind, reflect.ValueOf(rec), nil, nil, fn)
}

func eachItemID(kind string, v reflect.Value, keys, at []string, fn func(ListRule, []string, string)) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return
	}
	t := v.Type()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		f := v.Field(i)
		fkeys := append(keys[:len(keys):len(keys)], name)
		fat := append(at[:len(at):len(at)], name)
		if f.Kind() != reflect.Slice {
			eachItemID(kind, f, fkeys, fat, fn)
			continue
		}
		r, ok := ListRuleOf(kind, strings.Join(fkeys, "."))
		for j := range f.Len() {
			item := f.Index(j)
			if item.Kind() != reflect.Struct {
				break
			}
			iat := append(fat[:len(fat):len(fat)], strconv.Itoa(j))
			if ok && len(r.Key) == 1 && r.Key[0] == "id" {
				if id := item.FieldByName("ID"); id.IsValid() && id.String() != "" {
					fn(r, append(iat[:len(iat):len(iat)], "id"), id.String())
				}
			}
			eachItemID(kind, item, fkeys, iat, fn)
		}
	}
}
