package record

// What WIOA's performance indicators read from outcome.yaml besides the
// follow-ups (TEGL 10-16, Change 1; the PIRL, ETA-9172). Each list is
// added to, never rewritten, like the other episodes of the outcome, and
// each item has a short random ID so that two clones can add to it at once
// (DESIGN.md §2). The schema (schemas/outcome.schema.json) cites the PIRL
// element each field feeds.

// Credential is a recognised credential the participant attained: a
// recognised postsecondary credential or a secondary school diploma or
// its equivalent (PIRL 1800-1805).
type Credential struct {
	ID       string `yaml:"id,omitempty" json:"id,omitempty"` // CR-7QX2K
	Kind     string `yaml:"kind" json:"kind"`                 // one of CredentialKinds
	Name     string `yaml:"name,omitempty" json:"name,omitempty"`
	Provider string `yaml:"provider,omitempty" json:"provider,omitempty"`
	Date     Date   `yaml:"date" json:"date"` // the day it was attained
	// EducationEntered is the day the participant entered postsecondary
	// education or training leading to a recognised credential after a
	// secondary diploma: with employment, one of the two things that make
	// a secondary diploma count (TEGL 10-16).
	EducationEntered Date `yaml:"education_entered,omitempty" json:"education_entered,omitempty"`
}

// Credential kinds, with the code PIRL 1800 ("Type of Recognized
// Credential") gives each.
const (
	CredentialSecondaryDiploma          = "secondary-diploma"          // 1: secondary school diploma or its recognised equivalent
	CredentialAssociateDegree           = "associate-degree"           // 2: AA or AS
	CredentialBachelorDegree            = "bachelor-degree"            // 3: BA or BS
	CredentialOccupationalLicensure     = "occupational-licensure"     // 4
	CredentialOccupationalCertificate   = "occupational-certificate"   // 5
	CredentialOccupationalCertification = "occupational-certification" // 6
	CredentialOther                     = "other"                      // 7: other recognised diploma, degree or certificate
)

// CredentialKinds are the kinds of credential, in the order of their PIRL
// 1800 codes (1 to 7).
var CredentialKinds = []string{
	CredentialSecondaryDiploma, CredentialAssociateDegree, CredentialBachelorDegree,
	CredentialOccupationalLicensure, CredentialOccupationalCertificate,
	CredentialOccupationalCertification, CredentialOther,
}

// SkillGain is a measurable skill gain: documented progress toward a
// credential or employment while in education or training (TEGL 10-16;
// PIRL 1806-1810). The fifth kind of gain, a secondary school diploma, is
// recorded once, as a credential, and counts as a gain too.
type SkillGain struct {
	ID    string `yaml:"id,omitempty" json:"id,omitempty"` // SG-7QX2K
	Kind  string `yaml:"kind" json:"kind"`                 // one of SkillGainKinds
	Date  Date   `yaml:"date" json:"date"`                 // the day it was documented
	Notes string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Skill gain kinds, with the PIRL element that dates each.
const (
	GainEducationalFunctioningLevel = "educational-functioning-level" // 1806
	GainPostsecondaryTranscript     = "postsecondary-transcript"      // 1807
	GainSecondaryTranscript         = "secondary-transcript"          // 1808
	GainTrainingMilestone           = "training-milestone"            // 1809
	GainSkillsProgression           = "skills-progression"            // 1810
)

// SkillGainKinds are the kinds of skill gain a skill_gains item records,
// in the order of their PIRL elements.
var SkillGainKinds = []string{
	GainEducationalFunctioningLevel, GainPostsecondaryTranscript, GainSecondaryTranscript,
	GainTrainingMilestone, GainSkillsProgression,
}

// Exclusion is a reason the participant is left out of the performance
// indicators (PIRL 923, "Other Reasons for Exit"; TEGL 10-16). It holds no
// free text: the reasons are health and custody matters, so the details
// belong in the case's sealed fields, not here.
type Exclusion struct {
	ID   string `yaml:"id,omitempty" json:"id,omitempty"` // EX-7QX2K
	Kind string `yaml:"kind" json:"kind"`                 // one of ExclusionKinds
	Date Date   `yaml:"date" json:"date"`
}

// Exclusion kinds, with their PIRL 923 codes.
const (
	ExclusionInstitutionalized = "institutionalized"   // 01: incarcerated, or in a 24-hour care facility
	ExclusionHealthMedical     = "health-medical"      // 02: medical treatment expected to last over 90 days
	ExclusionDeceased          = "deceased"            // 03
	ExclusionReserveActiveDuty = "reserve-active-duty" // 04: National Guard or reserve called to active duty for 90 days or more
)

// ExclusionKinds are the kinds of exclusion, in the order of their PIRL
// 923 codes (01 to 04).
var ExclusionKinds = []string{
	ExclusionInstitutionalized, ExclusionHealthMedical, ExclusionDeceased, ExclusionReserveActiveDuty,
}

// Evidence kinds: how a follow-up knows the participant's employment and
// earnings in a quarter after exit. A wage record is the state's UI wage
// match; the others are the supplemental wage information TEGL 10-16
// allows, and a self-attestation needs a dated case note that records it.
const (
	EvidenceWageRecord      = "wage-record"
	EvidencePayStubs        = "pay-stubs"
	EvidenceEmployerLetter  = "employer-letter"
	EvidenceEmployerCall    = "employer-call"
	EvidenceTaxRecords      = "tax-records"
	EvidenceSelfAttestation = "self-attestation"
)

// EvidenceKinds are the kinds of evidence a follow-up may record.
var EvidenceKinds = []string{
	EvidenceWageRecord, EvidencePayStubs, EvidenceEmployerLetter, EvidenceEmployerCall,
	EvidenceTaxRecords, EvidenceSelfAttestation,
}

// EvidenceShowsEarnings reports whether evidence of kind shows the
// quarter's earnings, not only the employment: a wage record, or the
// supplemental wage information an employer or a tax authority stands
// behind — pay stubs, an employer letter or call, tax records (TEGL 10-16
// and TEGL 26-16 as KNOWLEDGE.md summarises them: "without a wage record,
// earnings evidence may be pay stubs, an employer letter or call, or tax
// forms"). A participant's self-attestation shows employment, not the
// amount earned, so median earnings does not count it.
func EvidenceShowsEarnings(kind string) bool {
	switch kind {
	case EvidenceWageRecord, EvidencePayStubs, EvidenceEmployerLetter, EvidenceEmployerCall, EvidenceTaxRecords:
		return true
	}
	return false
}

// Training types of a plan service in the training category (PIRL 1303,
// "Type of Training Service"). On-the-job and customized training are the
// two the credential attainment indicator leaves out (TEGL 10-16).
const (
	TrainingOccupationalSkills = "occupational-skills"
	TrainingOnTheJob           = "on-the-job"
	TrainingCustomized         = "customized"
	TrainingSkillUpgrading     = "skill-upgrading"
	TrainingApprenticeship     = "apprenticeship"
	TrainingEntrepreneurial    = "entrepreneurial"
	TrainingAdultEducation     = "adult-education" // adult basic education or English in combination with training
	TrainingPrerequisite       = "prerequisite"
	TrainingJobReadiness       = "job-readiness" // in combination with other training
	TrainingOther              = "other"
)

// TrainingTypes are the training types a plan service may record.
var TrainingTypes = []string{
	TrainingOccupationalSkills, TrainingOnTheJob, TrainingCustomized, TrainingSkillUpgrading,
	TrainingApprenticeship, TrainingEntrepreneurial, TrainingAdultEducation, TrainingPrerequisite,
	TrainingJobReadiness, TrainingOther,
}
