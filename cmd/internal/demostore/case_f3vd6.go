package main

// 2026-F3VD6  work security, in an approved extension  (Marcus Bell)
// Notice 2026-04-06, layoff 2026-06-05, work security period to 2026-09-03;
// the joint committee extended it to 2026-12-02. Still searching, with a
// second interview coming up.
var caseF3VD6 = story{
	caseID: "2026-F3VD6",
	days: []day{
		on("2026-04-07", "mbell",
			openCase{program: "work-security", manager: "mbell", name: "Yvonne Castillo", noticeDate: "2026-04-06", layoffDate: "2026-06-05"},
		),
		on("2026-04-09", "mbell",
			note{"2026-04-09-d525", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Yvonne is a Grants Administrator (grade 057) in the Office of Sponsored Programs, which is merging its pre-award and post-award teams. Notice given 2026-04-06; layoff date 2026-06-05.
reason: Intake meeting (000).
observations: Very prepared - brought a current resume and a list of twelve units with grants staff. Frustrated that the reorganisation was announced by email.
content: |-
  Explained the program, roles and the timeline. Completed the Skills Assessment Form and the readiness checklist.
  Reviewed her resume (strong) and agreed targets - research administration roles at grades 056 to 058 in departments and research centers; external universities and hospitals as well.
  Agreed weekly check-ins on Mondays, alternating phone and in person.
results: Targets agreed; cover letter template to be drafted; references by the end of April.
impressions: Highly employable internally; the few grade 057 postings at a time are the constraint.
plan: Write the plan; set up informational interviews with three research centers.
actions:
  - owner: participant
    text: Draft a cover letter for departmental research administrator postings
    due: 2026-04-14
`},
			put{"intake.yaml", `
id: 2026-F3VD6
opened: 2026-04-07
program: work-security
status: open
manager: mbell
center: Riverside Career Center
participant:
  name: Yvonne Castillo
  phone: 555-0115
  email: yvonne.castillo@example.com
  channels:
    - email
    - phone
    - video
  best_times: mornings
  language: English
team:
  - name: Ines Ferreira
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0182
    email: iferreira@nsu.example.org
  - name: Rachel Dunmore
    role: hr-laying-off
    organization: Northfield University, Office of Sponsored Programs
    phone: 555-0185
    email: rdunmore@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-04-07
    eligible: true
    basis: layoff notice of 2026-04-06; nine years of service
assessments:
  - tool: Skills Assessment Form
    date: 2026-04-09
    summary: federal and foundation grant budgets, award setup, subcontracts; strong writing
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-04-09
    summary: resume current; little networking outside her office
skills:
  - grant budgets
  - award setup and closeout
  - subcontract monitoring
  - federal cost principles
layoff:
  notice_date: 2026-04-06
  layoff_date: 2026-06-05
  grant_funding_ended: false
  position: Grants Administrator
  grade: "057"
  fte: 1
  department: Office of Sponsored Programs
toolbox:
  resume: final
  cover_letter: draft
  thank_you_letter: none
`},
			commit{"record the intake meeting: participant, team, assessments, layoff"},
		),
		on("2026-04-14", "mbell",
			put{"iep.yaml", `
created: 2026-04-07
updated: 2026-04-14
vision: A research administration career at Northfield, at her current grade or the next.
employment_goal: Research administrator or grants manager, grade 056 to 058
goals:
  - id: G1
    term: short
    text: Be placed in a research administration position at Northfield
    target: 2026-09-03
    status: active
    objectives:
      - id: O1
        text: Apply to every research administration posting in range each week
        services:
          - S1
          - S2
      - id: O2
        text: Meet people in three research centers before the layoff date
        services:
          - S3
      - id: O3
        text: Interview well for senior roles
        services:
          - S4
    milestones:
      - id: M1
        text: Three informational interviews held
        due: 2026-05-29
      - id: M2
        text: Three references agreed and briefed
        due: 2026-05-01
  - id: G2
    term: long
    text: Earn a research administration certification
    target: 2027-06-30
    status: active
    objectives:
      - id: O4
        text: Prepare for the certification exam
        services:
          - S5
services:
  - id: S1
    name: Job search plan and weekly activity review
    code: job-search
    provider: Riverside Career Center
    start: 2026-04-14
  - id: S2
    name: Job development with hiring units (priority candidacy)
    code: job-development
    provider: Riverside Career Center
    start: 2026-04-14
  - id: S3
    name: Informational interview plan
    code: career-planning
    provider: Riverside Career Center
    start: 2026-04-14
    end: 2026-05-29
  - id: S4
    name: Mock interviews
    code: mock-interview
    provider: Riverside Career Center
    start: 2026-05-11
  - id: S5
    name: Research administration certification prep
    code: training
    provider: Northfield Learning and Development
next_steps:
  - id: N1
    owner: participant
    text: Send the cover letter draft
    due: 2026-04-14
    done: 2026-04-13
  - id: N2
    owner: manager
    text: Introduce Yvonne to the administrative directors of three research centers
    due: 2026-04-24
job_targets:
  - title: Research Administrator
    job_family: Research administration
    grade_min: "056"
    grade_max: "058"
    scope: internal
  - title: Grants Manager
    job_family: Research administration
    grade_min: "057"
    grade_max: "058"
    scope: both
  - title: Post-award Specialist
    job_family: Research administration
    scope: external
skill_plan:
  - course: Project Management Fundamentals
    provider: Northfield Learning and Development
    start: 2026-05-05
    end: 2026-05-26
    status: enrolled
`},
			commit{"write the employment plan: goals, job targets, skill plan"},
		),
		on("2026-04-24", "mbell",
			put{"references.yaml", `
references:
  - name: Thomas Reinholt
    title: Director of Sponsored Programs
    organization: Office of Sponsored Programs
    relationship: director, her second-line manager
    phone: 555-0137
    email: treinholt@northfield.example.org
    permission: 2026-04-20
    briefed: 2026-04-22
  - name: Amelia Hart
    title: Professor of Chemistry
    organization: Department of Chemistry
    relationship: principal investigator on five of her awards
    email: ahart@northfield.example.org
    permission: 2026-04-21
    briefed: 2026-04-23
  - name: Victor Osei
    title: Grants Manager
    organization: Riverside Regional Hospital Research Institute
    relationship: counterpart on a shared subaward
    phone: 555-0138
    permission: 2026-04-23
    briefed: 2026-04-24
`},
			setItem{"iep.yaml", "id: M2", "done", "2026-04-24"},
			setItem{"iep.yaml", "id: N2", "done", "2026-04-22"},
			set{"iep.yaml", "updated", "2026-04-24"},
			commit{"add three references, briefed"},
		),
		on("2026-05-01", "mbell",
			week{`
applications:
  - date: 2026-04-27
    organization: School of Engineering
    position: Research Administrator
    internal: true
    grade: "057"
    status: applied
  - date: 2026-04-30
    organization: Westbrook University
    position: Post-award Grants Specialist
    internal: false
    status: applied
informational_interviews:
  - date: 2026-04-28
    organization: Center for Neuroscience
    contact: administrative director
    notes: expects a grants manager opening in the autumn when a new center grant starts
  - date: 2026-04-30
    organization: Institute for Coastal Studies
    contact: finance manager
    notes: no openings; offered to forward her resume
networking:
  - date: 2026-04-29
    event: Regional research administrators' meeting
    contacts: 5
`},
		),
		on("2026-05-18", "mbell",
			note{"2026-05-18-x5c5", "mock-interview", "video", `
two_way: true
services: [mock-interview]
background: School of Engineering screening scheduled for 2026-05-21.
reason: Mock interview for a senior research administrator role.
observations: Confident and precise; tended to criticise the reorganisation when asked why she was leaving.
content: Mock panel interview over video with a colleague from the center playing the faculty member. Reworked her answer on the layoff to one neutral sentence and a forward-looking point.
results: Layoff answer rewritten; two new examples on managing difficult deadlines.
impressions: Ready for panels.
plan: Thank-you letter the same day; call me after the screening.
actions:
  - owner: participant
    text: Draft a thank-you letter template
    due: 2026-05-20
`},
			setItem{"iep.yaml", "id: M1", "done", "2026-05-14"},
			set{"intake.yaml", "toolbox.cover_letter", "final"},
			set{"intake.yaml", "toolbox.thank_you_letter", "draft"},
			commit{"informational interviews done; toolbox update"},
		),
		on("2026-07-10", "mbell",
			week{`
applications:
  - date: 2026-07-06
    organization: Center for Neuroscience
    position: Grants Manager
    internal: true
    grade: "058"
    status: applied
  - date: 2026-07-08
    organization: School of Public Health
    position: Research Administrator
    internal: true
    grade: "056"
    status: applied
  - date: 2026-07-09
    organization: Riverside Regional Hospital Research Institute
    position: Grants Specialist
    internal: false
    status: applied
courses:
  - date: 2026-07-07
    title: Excel Pivot Tables
    provider: Northfield Learning and Development
    status: completed
`},
		),
		on("2026-08-14", "mbell",
			note{"2026-08-14-gcpn", "extension", "in-person", `
two_way: true
services: [career-planning]
background: The work security period ends on 2026-09-03. Fourteen applications (ten internal), five interviews, weekly contact throughout.
reason: Apply to the Joint Work Security Committee for an extension (000).
observations: Yvonne meets the criteria - regular contact and applications to all relevant positions throughout the period.
content: Prepared the application with Yvonne and the union representative - the activity trackers, interview feedback and the Neuroscience posting expected in October.
results: Extension application sent today; asked for the full three months.
impressions: A strong application.
plan: Continue the search; the committee meets on 2026-08-26.
`},
			put{"outcome.yaml", `
extensions:
  - requested: 2026-08-14
    decision: pending
    notes: asked for three months; trackers and interview feedback attached
`},
			commit{"request a work security extension"},
		),
		on("2026-08-26", "tvance",
			put{"outcome.yaml", `
extensions:
  - requested: 2026-08-14
    decided: 2026-08-26
    decision: approved
    until: 2026-12-02
    by: Joint Work Security Committee
    notes: regular contact and applications throughout the period; three months granted
`},
			commit{"record the joint committee's decision: extension approved to 2026-12-02"},
			note{"2026-08-26-fkia", "extension", "phone", `
two_way: true
services: [career-planning]
background: The Joint Work Security Committee approved an extension to 2026-12-02 at today's meeting.
reason: Tell Yvonne and set expectations for the extension period.
content: Called Yvonne with the decision. During the extension she stays in regular contact with the coordinators and her case manager and keeps applying to every relevant posting.
results: Yvonne confirmed; check-ins continue with Marcus Bell weekly.
plan: Marcus to review the plan in September.
`},
		),
		on("2026-09-18", "mbell",
			appendItems{"iep.yaml", "reviews", "", `
  - date: 2026-09-18
    by: mbell
    summary: Extension approved to 2026-12-02. Widened targets to grade 056 and to hospital research institutes; added certification prep this autumn.
`},
			appendItems{"iep.yaml", "skill_plan", "", `
  - course: Research Administration Certification Prep
    provider: Northfield Learning and Development
    start: 2026-10-01
    end: 2026-11-19
    status: enrolled
`},
			setItem{"iep.yaml", "course: Project Management Fundamentals", "status", "completed"},
			setItem{"iep.yaml", "id: G1", "target", "2026-12-02"},
			set{"iep.yaml", "updated", "2026-09-18"},
			commit{"review the plan for the extension period"},
		),
		on("2026-10-16", "mbell",
			week{`
applications:
  - date: 2026-10-12
    organization: Center for Neuroscience
    position: Grants Manager
    internal: true
    grade: "058"
    status: applied
    feedback: reposted after the center grant was funded
  - date: 2026-10-14
    organization: Department of Physics
    position: Research Administrator
    internal: true
    grade: "056"
    status: applied
courses:
  - date: 2026-10-15
    title: Research Administration Certification Prep
    provider: Northfield Learning and Development
    status: enrolled
`},
		),
		on("2026-11-13", "mbell",
			setItem{"activity/2026-W42.yaml", "date: 2026-10-12", "status", "interview"},
			week{`
interviews:
  - date: 2026-11-10
    organization: Center for Neuroscience
    position: Grants Manager
    kind: hiring-manager
    feedback: second interview with the faculty director requested
  - date: 2026-11-12
    organization: Department of Physics
    position: Research Administrator
    kind: screening
networking:
  - date: 2026-11-11
    event: Research administrators' autumn forum
    contacts: 4
`},
		),
		on("2026-11-19", "mbell",
			note{"2026-11-19-pdlk", "interview-feedback", "phone", `
two_way: true
services: [job-development]
background: Yvonne met the Neuroscience faculty director for a second interview on 2026-11-18. The extension ends on 2026-12-02.
reason: Feedback from the hiring unit, and timing against the end of the extension.
observations: The hiring HR officer said Yvonne is the leading candidate.
content: The unit expects to decide before Thanksgiving. Told HR the extension ends on 2026-12-02 and asked them to move quickly; as a layoff candidate she has preference. Briefed Yvonne and prepared her for eleventh-hour questions about start date and salary.
results: Decision expected the week of 2026-11-23.
impressions: Placement is close.
plan: Call HR on 2026-11-24 if no word; plan a start date before 2026-12-02 if offered.
actions:
  - owner: manager
    text: Call Neuroscience HR if no decision
    due: 2026-11-24
`},
		),
		on("2026-11-23", "mbell",
			note{"2026-11-23-a2tj", "tracker-review", "in-person", `
two_way: true
services: [job-search]
background: Yvonne's extension ends on 2026-12-02; Neuroscience is deciding this week.
reason: Monthly review of the Candidate Activity Tracker (000), ahead of the end of the extension.
observations: Tracker kept every week; two interviews in November and the Physics application still open.
content: Reviewed the October and November weeks together; agreed she keeps applying until an offer is signed, Physics first.
results: Tracker up to date; Physics follow-up planned for 2026-11-25.
impressions: Placement likely; the search goes on until it is.
plan: Call Neuroscience HR on 2026-11-24 as planned.
`},
		),
	},
}
