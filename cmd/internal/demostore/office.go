package main

// The office: the Riverside Workforce Partnership, a fictional workforce
// board with two career centers. Its people, employers, phone numbers
// (555-01xx) and addresses are all fictional.

// authors are the staff as commit authors, by staff ID. The roster itself
// is in cases/caseplan.yaml.
var authors = map[string]string{
	"tvance":    "Theresa Vance <tvance@example.org>",
	"mbell":     "Marcus Bell <mbell@example.org>",
	"alucero":   "Ana Lucero <alucero@example.org>",
	"dshah":     "Devika Shah <dshah@example.org>",
	"jreyes":    "Jordan Reyes <jreyes@example.org>",
	"nferreira": "Nadia Ferreira <nferreira@example.org>",
}

// stories are the demo store's stories in the order they were written: on
// a day when several cases have steps, an earlier story's come first. A new
// story goes at the end; new steps of a story go at the end of the story,
// dated after the store's last commit (see the package comment).
//
// The cases, as of 2026-11-24, in all three program kinds of DESIGN.md §4
// and their phases:
//
//	2026-2MB7E  work-security    closed: placed internally (follow-up done)  alucero
//	2026-R6WQ9  work-security    closed: separated, extension denied         mbell
//	2026-F3VD6  work-security    approved extension to 2026-12-02            mbell
//	2026-J8PZ1  work-security    placed, open for follow-up                  dshah
//	2026-C9KXW  work-security    extension requested, awaiting a decision    alucero
//	2026-7QH2M  work-security    notification period (layoff 2026-12-18)     mbell
//	2026-N4TR8  work-security    notification period, grant ended (30 days)  dshah
//	2026-X7EC5  wioa             exited 2026-07-10, 12-month follow-up       dshah
//	2026-H5GN3  wioa             active: in training, regular contact        mbell
//	2026-T2YB4  wioa             active, contact overdue; health barrier      alucero
//	2026-K9MS0  wioa             active, transferred Riverside -> Eastgate   mbell -> dshah
//	2026-P4AJ7  wioa             closed: moved out of state                  alucero
//	2026-B1ZK6  post-employment  closed at the participant's request         alucero
//	2026-V3HT8  post-employment  active: benefits renewal, crisis handled    jreyes
//	2026-D6QR2  post-employment  active: evening/text contact, raise         jreyes
var stories = []story{
	storeCreated,
	case2MB7E, // work security
	caseR6WQ9,
	caseF3VD6,
	caseJ8PZ1,
	caseC9KXW,
	case7QH2M,
	caseN4TR8,
	caseX7EC5, // WIOA
	caseH5GN3,
	caseT2YB4,
	caseK9MS0,
	caseP4AJ7,
	caseB1ZK6, // post-employment
	navigatorJoins,
	caseV3HT8,
	caseD6QR2,
	supervisorJoins,
}

// storeCreated: the coordinator writes the store settings (organisation,
// centers, roster and programs) by hand, as an office would.
var storeCreated = story{
	days: []day{
		on("2026-01-05", "tvance", storeSettings{`
# Riverside Workforce Partnership: store settings for caseplan.
# Every commit author and every case manager must be on the staff roster.
organization: Riverside Workforce Partnership
centers:
  - Riverside Career Center
  - Eastgate Career Center
staff:
  - id: tvance
    name: Theresa Vance
    email: tvance@example.org
    role: coordinator
    center: Riverside Career Center
  - id: mbell
    name: Marcus Bell
    email: mbell@example.org
    role: case-manager
    center: Riverside Career Center
  - id: alucero
    name: Ana Lucero
    email: alucero@example.org
    role: case-manager
    center: Riverside Career Center
  - id: dshah
    name: Devika Shah
    email: dshah@example.org
    role: case-manager
    center: Eastgate Career Center
programs:
  # Layoff candidates of Northfield University under the university and
  # Northfield Staff Union work security agreement (document 000).
  work-security:
    kind: work-security
    name: Work Security
    settings:
      notification_days: 60 # 000: notification period "ordinarily 60 days"
      notification_days_grant_ended: 30 # 000: "possibly 30 days if grant funding ends"
      work_security_days: 90 # 000: work security period "up to 90 days"
      extension_max_days: 90 # 000: the joint committee may extend "up to three additional months"
      checkin_interval_days: 7 # 000: "plan weekly meetings or check-ins"
      references_required: 3 # 000: "secure three professional references"
      review_interval_days: 90 # 001: the plan is referenced often and updated regularly
  # WIOA Title I career planning with an Individual Employment Plan (002).
  wioa:
    kind: wioa
    name: WIOA career planning
    settings:
      first_contact_days: 10 # 002: counselors "must contact them within 10 days"
      contact_interval_days: 30 # 002: "should contact the customer within 30 days"
      follow_up_months: 12 # 001/002: twelve months of follow-up after exit
      inactivity_exit_days: 90 # caseplan default: no service for 90 days is a potential exit
      review_interval_days: 90 # 001: the plan is referenced often and updated regularly
  # Post-employment services after cash assistance ends (003).
  post-employment:
    kind: post-employment
    name: Post-employment services
    settings:
      post_assistance_months: 12 # 003: services "for 12 months following the loss of cash assistance"
      review_interval_days: 90 # 001: the plan is referenced often and updated regularly
`}),
	},
}

// navigatorJoins: Jordan Reyes joins Eastgate as the post-employment career
// navigator (003).
var navigatorJoins = story{
	days: []day{
		on("2026-03-02", "tvance",
			staffAdd{name: "Jordan Reyes", email: "jreyes@example.org", role: "navigator", center: "Eastgate Career Center"}),
	},
}

// supervisorJoins: Nadia Ferreira joins Riverside as the supervisor, who
// records the joint committee's decisions on extension requests (000) and
// sees them on her tickler.
var supervisorJoins = story{
	days: []day{
		on("2026-11-24", "tvance",
			staffAdd{name: "Nadia Ferreira", email: "nferreira@example.org", role: "supervisor", center: "Riverside Career Center"}),
	},
}
