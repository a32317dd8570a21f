package storegen

// The words generated records are made of. Organisations, streets and
// courses are invented (or generic); people are never named: participants,
// references and team members get generated names ("Participant
// 2026-00017", "Reference 00017-2").

var streets = []string{
	"Linden Street", "Quarry Lane", "Elm Street", "Harbor Road", "Mill Street",
	"Orchard Avenue", "Station Road", "Birch Court", "Canal Street", "Hillside Drive",
}

var towns = []string{"Lakeview", "Northgate", "Southport", "Westbrook"}

var bestTimes = []string{
	"weekdays before 9 or after 4", "any time", "evenings after 6; never during a shift",
	"mornings", "weekday afternoons", "Tuesdays and Thursdays",
}

var channelSets = [][]string{
	{"phone", "email"}, {"text", "phone"}, {"email"}, {"phone"}, {"email", "text"}, {"in-person", "phone"}, {"video", "email"},
}

var languages = []string{"English", "English", "English", "English", "Spanish", "Vietnamese", "Portuguese", "Somali"}

// employers are the organisations candidates apply to.
var employers = []string{
	"Lakeview Regional Hospital", "Cedar Valley Credit Union", "Harbor Point Foods",
	"Summit County Schools", "Maple Street Clinic", "Ironbridge Manufacturing",
	"Bluewater Insurance", "Pinecrest Senior Living", "Northgate Public Library",
	"Riverbend Logistics", "Westbrook City Hall", "Southport Transit Authority",
	"Greenfield Property Management", "Oakridge Dental Group", "Beacon Home Health",
	"Lakeview Community College", "Stonegate Engineering", "Fairview Grocery Co-op",
}

// The employer of the work-security layoffs (000): a fictional university
// and its units, as in the demo store.
const university = "Northfield University"

var departments = []string{
	"Department of Earth Sciences", "Department of Geography", "School of Nursing",
	"Facilities Management", "University Library", "Office of Sponsored Programs",
	"Department of Chemistry", "Student Housing", "Campus Dining", "Research Computing",
}

// organizations are where references work.
var organizations = append(append([]string(nil), departments...), employers...)

type job struct{ title, family, gradeMin, gradeMax string }

var jobs = []job{
	{"Department Administrator", "General administration", "055", "057"},
	{"Financial Associate", "Finance", "054", "056"},
	{"Grants and Contracts Specialist", "Research administration", "056", "058"},
	{"Office Coordinator", "Office administration", "052", "054"},
	{"Administrative Assistant", "Office administration", "051", "053"},
	{"Accounts Payable Clerk", "Finance", "051", "053"},
	{"Facilities Technician", "Trades and maintenance", "053", "055"},
	{"Lab Technician", "Research support", "053", "055"},
	{"Library Assistant", "Library services", "051", "053"},
	{"Payroll Specialist", "Human resources", "054", "056"},
	{"Customer Service Representative", "Customer service", "051", "053"},
	{"Medical Receptionist", "Healthcare administration", "051", "053"},
	{"Warehouse Lead", "Logistics", "052", "054"},
	{"IT Support Technician", "Information technology", "054", "056"},
	{"Pharmacy Technician", "Healthcare", "052", "054"},
	{"Bookkeeper", "Finance", "053", "055"},
}

var skillWords = []string{
	"budget reconciliation", "purchasing and reimbursements", "scheduling", "customer service",
	"spreadsheets", "data entry", "event logistics", "inventory control", "bookkeeping basics",
	"front desk and phones", "records management", "forklift (certified)", "basic networking",
	"medical terminology", "team leadership", "vendor management",
}

type course struct{ title, provider string }

var courses = []course{
	{"Excel for Financial Reporting", "Northfield Learning and Development"},
	{"Interviewing with Confidence", "Northfield Learning and Development"},
	{"Bookkeeping basics (evening course)", "Lakeview Adult Learning Center"},
	{"Customer Service Excellence", "Lakeview Community College"},
	{"Project Management Fundamentals", "Lakeview Community College"},
	{"Medical Office Procedures", "Southport Technical Institute"},
	{"CompTIA A+ preparation", "Southport Technical Institute"},
	{"Forklift safety refresher", "Westbrook Skills Center"},
	{"Business Writing", "Northfield Learning and Development"},
	{"QuickBooks Essentials", "Lakeview Adult Learning Center"},
}

type assessmentTool struct{ tool, summary string }

var assessmentTools = []assessmentTool{
	{"Skills Assessment Form", "strong in organisation and follow-through; little presentation software"},
	{"How Ready Are You For The Job Hunt?", "ready on targeting and networking; has not interviewed in years"},
	{"Interest profiler", "conventional and social; office administration and coordination"},
	{"Computer skills assessment", "advanced word processing and spreadsheets; no bookkeeping software"},
	{"Aptitude test", "above average in clerical speed and numerical reasoning"},
	{"Self-sufficiency assessment", "stable income; benefit renewals and back-up child care are the risks"},
}

type barrierKind struct{ kind, detail string }

var barrierKinds = []barrierKind{
	{"child-care", "no back-up care for school vacations and sick days"},
	{"transportation", "no car; the bus takes over an hour to most employers"},
	{"housing", "lease ends in three months; looking for cheaper housing"},
	{"digital", "no computer at home; uses the library"},
	{"financial", "behind on utility bills since the hours were cut"},
	{"language", "prefers written instructions in the first language"},
	// A health barrier's detail is health information (TEGL 39-11): it
	// goes in the case's sealed fields, and the leak guard warns about
	// one in the intake (pii-term), so a generated case records the
	// kind alone.
	{"health", ""},
}

// service is a service the plans and notes record, with its code.
type service struct{ name, code, category string }

var planServices = map[string][]service{
	"work-security": {
		{"Toolbox review", "resume-help", "employment"},
		{"Job search plan and weekly activity review", "job-search", "employment"},
		{"Job development with hiring units (priority candidacy)", "job-development", "employment"},
		{"Mock interviews", "mock-interview", "employment"},
	},
	"wioa": {
		{"Career planning and IEP", "career-planning", "employment"},
		{"Job search assistance", "job-search", "employment"},
		{"Occupational skills training", "training", "training"},
		{"Resume and interview coaching", "resume-help", "employment"},
	},
	"post-employment": {
		{"Job retention coaching", "retention", "employment"},
		{"Benefits counseling", "benefits-counseling", "supportive"},
		{"Supportive services (transportation, child care)", "supportive-services", "supportive"},
		{"Career advancement planning", "career-planning", "employment"},
	},
}

// noteServices are the service codes a program's contacts record.
var noteServices = map[string][]string{
	"work-security":   {"job-search", "career-planning", "job-development", "resume-help", "job-referral"},
	"wioa":            {"career-planning", "job-search", "training-referral", "job-referral", "resume-help"},
	"post-employment": {"retention", "benefits-counseling", "supportive-services", "career-planning"},
}

type referralKind struct{ service, provider, category, outcome string }

var referralKinds = []referralKind{
	{"Back-up child care options", "Lakeview Child Care Resource Center", "supportive", "list of vacation programs; back-up care booked"},
	{"Bus pass for the job search", "Lakeview Transit Office", "supportive", "monthly pass issued"},
	{"Resume workshop", "Northgate Public Library", "training", "attended both sessions"},
	{"Occupational skills training voucher", "Lakeview Community College", "training", "enrolled and completed"},
	{"Financial coaching", "Cedar Valley Credit Union", "supportive", "budget plan made"},
	{"Adult basic education", "Lakeview Adult Learning Center", "education", "placement test taken"},
	{"Work clothing voucher", "Westbrook Community Closet", "supportive", "two interview outfits"},
	{"Hiring event referral", "Southport Career Center", "employment", "two interviews on the day"},
}

type benefitKind struct{ name, notes string }

var benefitKinds = []benefitKind{
	{"SNAP (food assistance)", ""},
	{"Transitional child care subsidy", "needs four recent pay stubs at renewal"},
	{"Transitional health coverage", "employer coverage becomes available after 90 days"},
	{"Housing assistance", "annual recertification of income"},
	{"Earned income tax credit", "file early with the free tax site"},
}

var extensionCommittee = "Joint Work Security Committee"
