package main

// 2026-C9KXW  work security, in the work security period  (Ana Lucero)
// Notice 2026-07-06, layoff 2026-09-04; the work security period runs to
// 2026-12-03. Active search, interviews in November.
var caseC9KXW = story{
	caseID: "2026-C9KXW",
	days: []day{
		on("2026-07-07", "alucero",
			openCase{program: "work-security", manager: "alucero", name: "Naomi Fischer", noticeDate: "2026-07-06", layoffDate: "2026-09-04"},
		),
		on("2026-07-09", "alucero",
			note{"2026-07-09-hlwt", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Naomi is an Events Coordinator (grade 054) in Alumni Relations, which is cutting in-person events after a budget review. Notice 2026-07-06, layoff 2026-09-04.
reason: Intake meeting (000).
observations: Outgoing and well connected across campus; worried about her grade, since event roles are rare.
content: |-
  Explained the program, roles and timeline; agreed the messaging about the layoff with HR and the union (budget review, not performance).
  Completed the Skills Assessment Form and the readiness checklist. Her event skills map onto program coordination and communications roles.
  Agreed targets - program coordinator, communications assistant and events roles at grades 053 to 055; external nonprofits too. Weekly check-ins on Wednesdays.
results: Targets agreed; resume to be reframed toward program coordination.
impressions: Strong network; she needs to show transferable skills on paper.
plan: Plan next week; portfolio of event materials as a work sample (000).
actions:
  - owner: participant
    text: Collect a portfolio of three events - budget, run of show, attendance results
    due: 2026-07-17
`},
			put{"intake.yaml", `
id: 2026-C9KXW
opened: 2026-07-07
program: work-security
status: open
manager: alucero
center: Riverside Career Center
participant:
  name: Naomi Fischer
  preferred_name: Naomi
  phone: 555-0117
  email: naomi.fischer@example.com
  address: 210 Canal Street, Riverside
  channels:
    - phone
    - email
  best_times: any weekday
  language: English
team:
  - name: Ines Ferreira
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0182
    email: iferreira@nsu.example.org
  - name: Gregory Lam
    role: hr-laying-off
    organization: Northfield University, Alumni Relations
    phone: 555-0187
    email: glam@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-07-07
    eligible: true
    basis: layoff notice of 2026-07-06; seven years of service
assessments:
  - tool: Skills Assessment Form
    date: 2026-07-09
    summary: event planning, vendor contracts, volunteer coordination, social media
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-07-09
    summary: strong network; resume reads as events-only
skills:
  - event planning
  - vendor contracts
  - volunteer coordination
  - social media
layoff:
  notice_date: 2026-07-06
  layoff_date: 2026-09-04
  grant_funding_ended: false
  position: Events Coordinator
  grade: "054"
  fte: 1
  department: Alumni Relations
toolbox:
  resume: draft
  cover_letter: draft
  thank_you_letter: none
`},
			commit{"record the intake meeting: participant, team, assessments, layoff"},
		),
		on("2026-07-14", "alucero",
			put{"iep.yaml", `
created: 2026-07-07
updated: 2026-07-14
vision: Plan and run programs that bring people together, at Northfield or a nonprofit.
employment_goal: Program coordinator or events role, grade 053 to 055
goals:
  - id: G1
    term: short
    text: Be placed in a program coordination or events role during the work security period
    target: 2026-12-03
    status: active
    objectives:
      - id: O1
        text: Reframe the resume and build a portfolio of event work
        services:
          - S1
      - id: O2
        text: Apply to every relevant posting each week, internal and external
        services:
          - S2
          - S3
      - id: O3
        text: Practise interviews for program roles
        services:
          - S4
    milestones:
      - id: M1
        text: Resume, cover letter and portfolio final
        due: 2026-07-31
      - id: M2
        text: Three references agreed
        due: 2026-08-21
      - id: M3
        text: First interview for a program role
        due: 2026-09-30
services:
  - id: S1
    name: Toolbox and portfolio review
    code: resume-help
    provider: Riverside Career Center
    start: 2026-07-14
    end: 2026-07-31
  - id: S2
    name: Job search plan and weekly activity review
    code: job-search
    provider: Riverside Career Center
    start: 2026-07-14
  - id: S3
    name: Job development with hiring units (priority candidacy)
    code: job-development
    provider: Riverside Career Center
    start: 2026-07-20
  - id: S4
    name: Mock interviews
    code: mock-interview
    provider: Riverside Career Center
    start: 2026-08-17
next_steps:
  - id: N1
    owner: participant
    text: Send the reframed resume and the portfolio
    due: 2026-07-21
  - id: N2
    owner: manager
    text: Ask the union for open program coordinator roles it knows of
    due: 2026-07-17
job_targets:
  - title: Program Coordinator
    job_family: Program management
    grade_min: "053"
    grade_max: "055"
    scope: both
  - title: Communications Assistant
    job_family: Communications
    grade_min: "053"
    grade_max: "054"
    scope: internal
  - title: Events Manager
    job_family: Events
    scope: external
skill_plan:
  - course: Project Management Fundamentals
    provider: Northfield Learning and Development
    start: 2026-08-04
    end: 2026-08-25
    status: enrolled
  - course: Writing for the Web
    provider: Northfield Learning and Development
    start: 2026-09-15
    end: 2026-11-17
    status: planned
`},
			commit{"write the employment plan: goals, job targets, skill plan"},
		),
		on("2026-07-24", "alucero",
			week{`
applications:
  - date: 2026-07-20
    organization: Office for the Arts
    position: Program Coordinator
    internal: true
    grade: "054"
    status: applied
  - date: 2026-07-22
    organization: Riverside Food Bank
    position: Events and Volunteer Manager
    internal: false
    status: applied
informational_interviews:
  - date: 2026-07-23
    organization: Center for Public Engagement
    contact: program director
    notes: expects a coordinator posting in the autumn; liked the portfolio idea
`},
		),
		on("2026-07-31", "alucero",
			put{"references.yaml", `
references:
  - name: Margaret Doyle
    title: Director of Alumni Events
    organization: Alumni Relations
    relationship: current manager
    phone: 555-0141
    email: mdoyle@northfield.example.org
    permission: 2026-07-27
    briefed: 2026-07-30
  - name: Samuel Greer
    title: Executive Director
    organization: Riverside Arts Council
    relationship: partner on the annual alumni arts night
    phone: 555-0143
    permission: 2026-07-29
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-07-21"},
			setItem{"iep.yaml", "id: N2", "done", "2026-07-16"},
			setItem{"iep.yaml", "id: M1", "done", "2026-07-30"},
			set{"intake.yaml", "toolbox.resume", "final"},
			set{"intake.yaml", "toolbox.cover_letter", "final"},
			commit{"add two references; toolbox final"},
		),
		on("2026-08-14", "alucero",
			note{"2026-08-14-ruvv", "contact", "phone", `
two_way: true
services: [job-search]
background: Weekly check-in, three weeks before the layoff date.
reason: Review applications and references.
observations: Busy - she is also running the last summer reunion before she leaves.
content: Reviewed the tracker (five applications). Her third reference, a faculty member she worked with on reunions, agreed yesterday. Checked release time is being honoured.
results: Third reference in place; references complete before the layoff date.
impressions: On track.
plan: Mock interview next week.
`},
			appendItems{"references.yaml", "references", "", `
  - name: Lydia Moreau
    title: Professor of History
    organization: Department of History
    relationship: faculty chair of the reunion committee
    email: lmoreau@northfield.example.org
    permission: 2026-08-13
    briefed: 2026-08-14
`},
			setItem{"iep.yaml", "id: M2", "done", "2026-08-13"},
			commit{"third reference agreed"},
		),
		on("2026-08-20", "alucero",
			note{"2026-08-20-3xvn", "mock-interview", "in-person", `
two_way: true
services: [mock-interview]
background: Office for the Arts screening on 2026-08-25.
reason: Mock interview for a program coordinator role.
observations: Lively and engaging; drifted into event details and lost the question.
content: Practised the STAR structure on three questions, the layoff answer and questions to ask the panel. Used the portfolio as a prop.
results: Answers tighter; portfolio works well.
impressions: Good interviewer once structured.
plan: Thank-you letter after the screening.
`},
		),
		on("2026-09-04", "alucero",
			note{"2026-09-04-jziv", "contact", "phone", `
two_way: true
services: [job-search]
background: Naomi's layoff date; the work security period runs to 2026-12-03.
reason: Weekly check-in on the layoff date.
observations: Tired after the last event, but glad to have time to search.
content: Office for the Arts went with an internal candidate with grant experience. Discussed pacing for the work security period - at least three applications a week, one informational interview a week.
results: Remote access to the jobs portal confirmed.
impressions: Committed.
plan: Weekly check-ins; case conference in early October.
`},
		),
		on("2026-09-18", "alucero",
			week{`
applications:
  - date: 2026-09-14
    organization: Center for Public Engagement
    position: Program Coordinator
    internal: true
    grade: "054"
    status: applied
  - date: 2026-09-15
    organization: Office of Student Life
    position: Events Coordinator
    internal: true
    grade: "054"
    status: applied
  - date: 2026-09-17
    organization: Riverside Chamber of Commerce
    position: Programs and Events Manager
    internal: false
    status: applied
courses:
  - date: 2026-09-15
    title: Writing for the Web
    provider: Northfield Learning and Development
    status: enrolled
networking:
  - date: 2026-09-16
    event: Riverside nonprofit networking breakfast
    contacts: 4
`},
		),
		on("2026-10-02", "alucero",
			note{"2026-10-02-zg6f", "case-conference", "in-person", `
two_way: true
services: [career-planning]
background: Four weeks into the work security period; eleven applications, one interview.
reason: Case conference with the union and HR (000).
content: |-
  Attendees - Naomi, Ines Ferreira (union), Gregory Lam (Alumni Relations HR), Ana Lucero.
  HR reported Student Life will interview layoff candidates first. The union will advocate with the Center for Public Engagement. Agreed to add communications assistant roles at grade 053.
results: Plan reviewed; targets widened to grade 053 communications roles.
impressions: Good engagement; more interviews likely this month.
plan: Weekly check-ins; ask Student Life HR for an interview date.
`},
			appendItems{"iep.yaml", "reviews", "", `
  - date: 2026-10-02
    by: alucero
    summary: Case conference; targets widened to grade 053 communications roles; union to advocate with the Center for Public Engagement.
`},
			setItem{"iep.yaml", "course: Project Management Fundamentals", "status", "completed"},
			setItem{"iep.yaml", "course: Writing for the Web", "status", "enrolled"},
			set{"intake.yaml", "toolbox.thank_you_letter", "final"},
			set{"iep.yaml", "updated", "2026-10-02"},
			commit{"review the plan after the case conference"},
		),
		on("2026-10-23", "alucero",
			setItem{"activity/2026-W38.yaml", "date: 2026-09-15", "status", "interview"},
			week{`
applications:
  - date: 2026-10-19
    organization: Office of Communications
    position: Communications Assistant
    internal: true
    grade: "053"
    status: applied
interviews:
  - date: 2026-10-20
    organization: Office of Student Life
    position: Events Coordinator
    kind: screening
    feedback: strong; invited to meet the hiring manager
informational_interviews:
  - date: 2026-10-22
    organization: Riverside Arts Council
    contact: executive director
    notes: suggested two board members hiring for a festival
`},
		),
		on("2026-11-06", "alucero",
			note{"2026-11-06-gsqw", "interview-feedback", "phone", `
two_way: true
services: [job-development]
background: Naomi met the Student Life hiring manager on 2026-11-04; the Center for Public Engagement screened her on 2026-11-05.
reason: Get feedback from both hiring units.
content: Student Life - excellent on logistics, less on budget ownership; final decision after a second candidate. Public Engagement - moving her to a panel on 2026-11-18.
results: Shared feedback with Naomi; prepared budget examples from the reunion program.
impressions: Two live opportunities.
plan: Mock panel before 2026-11-18.
`},
		),
		on("2026-11-20", "alucero",
			week{`
interviews:
  - date: 2026-11-18
    organization: Center for Public Engagement
    position: Program Coordinator
    kind: panel
    feedback: panel went well; references to be checked next week
courses:
  - date: 2026-11-17
    title: Writing for the Web
    provider: Northfield Learning and Development
    status: completed
`},
		),
		on("2026-11-23", "alucero",
			note{"2026-11-23-pot4", "tracker-review", "phone", `
two_way: true
services: [job-search]
background: Naomi's work security period ends on 2026-12-03; the Center for Public Engagement is checking her references.
reason: Monthly review of the Candidate Activity Tracker (000).
observations: Tracker kept every week since July; a panel and a screening in the last month.
content: Went through the weeks since July together; agreed to keep two applications a week going until an offer, and to brief her references on the program coordinator role.
results: References briefed today by Naomi; two applications planned for this week.
impressions: A placement before the period ends is likely.
plan: Talk again when Public Engagement decides.
`},
		),
		on("2026-11-24", "alucero",
			note{"2026-11-24-xygz", "extension", "phone", `
two_way: true
services: [career-planning]
background: The Center for Public Engagement will not decide on the program coordinator role before mid-December; Naomi's work security period ends on 2026-12-03.
reason: Apply to the Joint Work Security Committee for an extension (000), so the search is not cut off before the decision.
observations: Contact and applications were irregular from September to mid-November (the tracker has gaps); steady since the screening in October.
content: Prepared the application with Naomi - the activity trackers, the interview feedback and the panel on 2026-11-18 - and explained the criteria the committee weighs.
results: Extension application sent today; asked for six weeks.
impressions: The gaps may weigh against her, as caseplan's extension check says; the panel and the reference checks weigh for her.
plan: Weekly check-ins continue; the committee meets before the period ends.
`},
			put{"outcome.yaml", `
extensions:
  - requested: 2026-11-24
    decision: pending
    notes: asked for six weeks, to the Center for Public Engagement's decision; trackers and interview feedback attached
`},
			commit{"request a work security extension"},
		),
	},
}
