package main

// 2026-2MB7E  work security, closed: placed internally  (Ana Lucero)
// Notice 2026-01-12, layoff 2026-03-13; offer in the work security period,
// started 2026-04-20, one follow-up, closed 2026-06-01.
var case2MB7E = story{
	caseID: "2026-2MB7E",
	days: []day{
		on("2026-01-14", "alucero",
			openCase{program: "work-security", manager: "alucero", name: "Rosa Delgado", noticeDate: "2026-01-12", layoffDate: "2026-03-13"},
		),
		on("2026-01-15", "alucero",
			note{"2026-01-15-eg6w", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Rosa has been Department Administrator in Earth Sciences for six years. The department is consolidating its administration with Geography and her position is eliminated; notice was given on 2026-01-12.
reason: Intake meeting for the work security program, as soon as possible after notice (000).
observations: Upset about the news but organised; brought a printed resume last updated in 2019 and a list of colleagues she could ask for references.
content: |-
  Explained the program - preference for internal jobs, the 60-day notification period and the 90-day work security period - and who does what (candidate, case manager, union representative, HR).
  Rosa completed the Skills Assessment Form and the job-hunt readiness checklist. Reviewed her resume; no cover letter or thank-you letter yet.
  Agreed a first range of target jobs (department administrator, financial associate, grants specialist, grades 055-057) and weekly check-ins on Fridays by phone, in person every other week.
  Agreed with her manager through HR on two half-days a week of release time for the job search.
results: Program expectations signed; job targets and weekly schedule agreed; resume draft to be updated.
impressions: Motivated and well regarded in the department; her budget and purchasing skills transfer to most administrative units. Interview practice is the main gap.
plan: Write the employment plan next week; start the weekly activity tracker; case conference with union and HR in February.
actions:
  - owner: participant
    text: Send the updated resume and a cover letter draft
    due: 2026-01-23
  - owner: manager
    text: Ask Earth Sciences HR for the position history summary (no surprises)
    due: 2026-01-23
`},
			put{"intake.yaml", `
id: 2026-2MB7E
opened: 2026-01-14
program: work-security
status: open
manager: alucero
center: Riverside Career Center
participant:
  name: Rosa Delgado
  preferred_name: Rosa
  phone: 555-0112
  email: rosa.delgado@example.com
  address: 48 Linden Street, Riverside
  channels:
    - email
    - phone
  best_times: weekdays before 9 or after 4
  language: English
team:
  - name: Carl Whitaker
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0181
    email: cwhitaker@nsu.example.org
  - name: Helen Marsh
    role: hr-laying-off
    organization: Northfield University, Earth Sciences
    phone: 555-0183
    email: hmarsh@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-01-14
    eligible: true
    basis: layoff notice of 2026-01-12; six years of service in a union-covered position
assessments:
  - tool: Skills Assessment Form
    date: 2026-01-15
    summary: strong in budget reconciliation, purchasing and faculty support; little presentation software
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-01-15
    summary: ready on targeting and networking; has not interviewed since 2019
skills:
  - budget reconciliation
  - purchasing and reimbursements
  - faculty and visitor support
  - event logistics
layoff:
  notice_date: 2026-01-12
  layoff_date: 2026-03-13
  grant_funding_ended: false
  position: Department Administrator
  grade: "056"
  fte: 1
  department: Department of Earth Sciences
toolbox:
  resume: draft
  cover_letter: none
  thank_you_letter: none
`},
			commit{"record the intake meeting: participant, team, assessments, layoff"},
		),
		on("2026-01-20", "alucero",
			put{"iep.yaml", `
created: 2026-01-14
updated: 2026-01-20
vision: Keep a budget and administration role at Northfield, in a larger unit with room to grow.
employment_goal: Department or finance administrator, grade 055 to 057, at Northfield University
goals:
  - id: G1
    term: short
    text: Be placed in a comparable Northfield position by the end of the work security period
    target: 2026-06-11
    status: active
    objectives:
      - id: O1
        text: Finish the toolbox (resume, cover letter, thank-you letter) by the end of January
        services:
          - S1
      - id: O2
        text: Apply to every relevant internal posting in grades 055 to 057 each week
        services:
          - S2
          - S3
      - id: O3
        text: Interview with confidence
        services:
          - S4
    milestones:
      - id: M1
        text: Final resume and cover letter reviewed by the case manager
        due: 2026-01-30
      - id: M2
        text: Three references agreed and briefed
        due: 2026-02-20
      - id: M3
        text: First internal interview
        due: 2026-02-27
  - id: G2
    term: long
    text: Move into a finance manager role within three years
    target: 2029-01-31
    status: active
    objectives:
      - id: O4
        text: Build advanced spreadsheet and reporting skills
        services:
          - S5
services:
  - id: S1
    name: Toolbox review
    code: resume-help
    provider: Riverside Career Center
    start: 2026-01-20
    end: 2026-01-30
  - id: S2
    name: Job search plan and weekly activity review
    code: job-search
    provider: Riverside Career Center
    start: 2026-01-20
  - id: S3
    name: Job development with hiring units (priority candidacy)
    code: job-development
    provider: Riverside Career Center
    start: 2026-01-26
  - id: S4
    name: Mock interviews
    code: mock-interview
    provider: Riverside Career Center
    start: 2026-02-02
  - id: S5
    name: Excel for Financial Reporting
    code: training
    provider: Northfield Learning and Development
    start: 2026-02-10
    end: 2026-03-03
next_steps:
  - id: N1
    owner: participant
    text: Send the updated resume and a cover letter draft
    due: 2026-01-23
  - id: N2
    owner: manager
    text: Ask Earth Sciences HR for the position history summary
    due: 2026-01-23
  - id: N3
    owner: participant
    text: Mark internal applications as a layoff candidate on NorthfieldJobs
    due: 2026-01-27
job_targets:
  - title: Department Administrator
    job_family: General administration
    grade_min: "055"
    grade_max: "057"
    scope: internal
  - title: Financial Associate
    job_family: Finance
    grade_min: "055"
    grade_max: "056"
    scope: both
  - title: Grants and Contracts Specialist
    job_family: Research administration
    grade_min: "056"
    grade_max: "057"
    scope: both
skill_plan:
  - course: Interviewing with Confidence
    provider: Northfield Learning and Development
    start: 2026-02-04
    end: 2026-02-04
    status: enrolled
  - course: Excel for Financial Reporting
    provider: Northfield Learning and Development
    start: 2026-02-10
    end: 2026-03-03
    status: enrolled
`},
			commit{"write the employment plan: goals, job targets, skill plan"},
		),
		on("2026-01-23", "alucero",
			note{"2026-01-23-s77s", "contact", "phone", `
two_way: true
services: [job-search, resume-help]
background: First weekly check-in of the notification period.
reason: Review the resume draft and the first week of the activity tracker.
observations: Rosa had already rewritten her resume around results (a 12% cut in purchasing costs) and sounded steadier than at intake.
content: Went through the resume line by line; suggested a two-line summary and moving the systems list up. Reviewed two internal postings she found; both are in range.
results: Resume final after one more pass; two applications to go in on Monday. HR sent the position history, no concerns.
impressions: On track; she needs a nudge to apply outside Northfield as well.
plan: Finalise the cover letter template; apply to the two postings; one external application a week.
actions:
  - owner: participant
    text: Apply to the Library and Chemistry postings
    due: 2026-01-26
  - owner: participant
    text: Ask two former supervisors to act as references
    due: 2026-01-30
`},
		),
		on("2026-01-30", "alucero",
			week{`
applications:
  - date: 2026-01-26
    organization: Northfield University Library
    position: Finance and Administration Coordinator
    internal: true
    grade: "056"
    status: applied
  - date: 2026-01-26
    organization: Department of Chemistry
    position: Department Administrator
    internal: true
    grade: "056"
    status: applied
  - date: 2026-01-29
    organization: Riverside Regional Hospital
    position: Finance Assistant
    internal: false
    status: applied
informational_interviews:
  - date: 2026-01-28
    organization: Office of Sponsored Programs
    contact: Grants manager met at a training last year
    notes: explained the grants specialist career path and the certification most units ask for
networking:
  - date: 2026-01-29
    event: Northfield administrators' lunch group
    contacts: 3
`},
			put{"references.yaml", `
references:
  - name: Gordon Avery
    title: Professor and former Department Chair
    organization: Department of Earth Sciences
    relationship: chair she supported for four years
    phone: 555-0131
    email: gavery@northfield.example.org
    permission: 2026-01-28
  - name: Lorraine Pike
    title: Finance Manager
    organization: Faculty of Science Finance Office
    relationship: dotted-line finance supervisor
    phone: 555-0132
    email: lpike@northfield.example.org
    permission: 2026-01-29
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-01-22"},
			setItem{"iep.yaml", "id: N2", "done", "2026-01-21"},
			setItem{"iep.yaml", "id: M1", "done", "2026-01-30"},
			set{"iep.yaml", "updated", "2026-01-30"},
			set{"intake.yaml", "toolbox.resume", "final"},
			set{"intake.yaml", "toolbox.cover_letter", "final"},
			commit{"add two references; toolbox final; first next steps done"},
		),
		on("2026-02-04", "alucero",
			note{"2026-02-04-oxxj", "mock-interview", "in-person", `
two_way: true
services: [mock-interview]
background: Rosa has an internal screening for the Library coordinator post next week.
reason: Mock interview before her first interview in seven years.
observations: Good examples but long answers; she apologised for the layoff twice without being asked.
content: Forty-minute mock interview on the Library posting, then feedback. Practised a short, neutral answer about the layoff agreed with HR and the union (the department is consolidating). Worked on a two-minute elevator pitch.
results: Answers tightened to under two minutes; she wrote her layoff statement down.
impressions: Will interview well once the first one is behind her.
plan: Second mock before any hiring-manager interview. She sends a thank-you letter within a day of each interview.
actions:
  - owner: participant
    text: Draft a thank-you letter template and send it for review
    due: 2026-02-06
`},
		),
		on("2026-02-13", "alucero",
			setItem{"activity/2026-W05.yaml", "date: 2026-01-26", "status", "interview"},
			week{`
applications:
  - date: 2026-02-09
    organization: School of Public Policy
    position: Financial Associate
    internal: true
    grade: "055"
    status: applied
interviews:
  - date: 2026-02-11
    organization: Northfield University Library
    position: Finance and Administration Coordinator
    kind: screening
    feedback: recruiter liked the purchasing results; asked about reporting tools
courses:
  - date: 2026-02-10
    title: Excel for Financial Reporting
    provider: Northfield Learning and Development
    status: enrolled
`},
		),
		on("2026-02-18", "alucero",
			note{"2026-02-18-jvog", "interview-feedback", "phone", `
two_way: true
services: [job-development]
background: Rosa had the hiring-manager interview for the Library coordinator post on 2026-02-17.
reason: Get the hiring unit's feedback and share it with Rosa (000).
observations: The Library HR officer was positive and asked whether Rosa could start in April.
content: Called the Library HR officer, then Rosa. Feedback - strong budget examples, should say more about the reporting systems she used. The unit is choosing between two candidates; as a layoff candidate Rosa has preference if qualified.
results: Rosa sent her thank-you letter the same day and a short note on the reporting systems.
impressions: Good chance of an offer.
plan: Keep applying meanwhile; case conference next week.
`},
		),
		on("2026-02-20", "alucero",
			amend{"2026-02-20-5c9a", "2026-02-18-jvog", "phone", `
two_way: false
background: Rosa pointed out a wrong date in the interview-feedback note.
reason: Correct the record (notes are never edited; 001).
content: Correction to the interview-feedback note of 2026-02-18 - the hiring-manager interview was on 2026-02-16, not 2026-02-17.
`},
		),
		on("2026-02-24", "alucero",
			note{"2026-02-24-qm2k", "case-conference", "in-person", `
two_way: true
services: [career-planning]
background: Case conference planned at intake, halfway through the notification period.
reason: Review the job search with the union representative and Earth Sciences HR (000).
observations: Everyone in the room agreed Rosa's search is active and well targeted.
content: |-
  Attendees - Rosa, Carl Whitaker (union), Helen Marsh (Earth Sciences HR), Ana Lucero.
  Reviewed the tracker - six applications, one screening, one hiring-manager interview. HR confirmed the job history has no surprises. Carl will raise Rosa's candidacy with the School of Public Policy unit.
  Agreed the work security period starts 2026-03-14; release time continues until the layoff date.
results: Plan reviewed and kept; union to advocate with School of Public Policy.
impressions: Strong candidate; placement likely within the work security period.
plan: Weekly check-ins continue; next review after the Library decision.
`},
			appendItems{"references.yaml", "references", "", `
  - name: Denise Kamara
    title: Senior Research Administrator
    organization: Department of Geography
    relationship: colleague on the joint seminar budget
    phone: 555-0133
    email: dkamara@northfield.example.org
    permission: 2026-02-09
`},
			setItem{"references.yaml", "name: Gordon Avery", "briefed", "2026-02-09"},
			setItem{"references.yaml", "name: Lorraine Pike", "briefed", "2026-02-10"},
			set{"intake.yaml", "toolbox.thank_you_letter", "final"},
			appendItems{"iep.yaml", "reviews", "", `
  - date: 2026-02-24
    by: alucero
    summary: Case conference with union and HR; toolbox final, three references briefed, two interviews so far. Plan kept.
`},
			setItem{"iep.yaml", "id: M2", "done", "2026-02-10"},
			setItem{"iep.yaml", "id: M3", "done", "2026-02-11"},
			setItem{"iep.yaml", "id: N3", "done", "2026-01-26"},
			setItem{"iep.yaml", "course: Interviewing with Confidence", "status", "completed"},
			set{"iep.yaml", "updated", "2026-02-24"},
			commit{"review the plan after the case conference; third reference agreed"},
		),
		on("2026-03-27", "alucero",
			setItem{"activity/2026-W05.yaml", "date: 2026-01-26", "status", "offer"},
			setItem{"activity/2026-W05.yaml", "date: 2026-01-26", "feedback", "verbal offer on 2026-03-26"},
			week{`
applications:
  - date: 2026-03-23
    organization: Department of Music
    position: Department Administrator
    internal: true
    grade: "056"
    status: applied
interviews:
  - date: 2026-03-24
    organization: Northfield University Library
    position: Finance and Administration Coordinator
    kind: panel
    feedback: final panel with the Library finance team; verbal offer on 2026-03-26
`},
		),
		on("2026-04-01", "alucero",
			note{"2026-04-01-3xoj", "contact", "in-person", `
two_way: true
services: [job-development, career-planning]
background: The Library made a written offer on 2026-03-30 - Finance and Administration Coordinator, grade 056, start 2026-04-20.
reason: Go over the offer with Rosa before she accepts (000 - expect eleventh-hour questions).
observations: Pleased; her one question was whether her vacation balance carries over.
content: Went through the offer, salary at her current step, and the benefits continuity. HR confirmed the vacation balance carries over. Rosa accepted by email during the meeting. Asked the Library to name a buddy for her first month.
results: Offer accepted; work security benefits end on 2026-04-19.
impressions: A good match for her skills.
plan: Follow-up call a month after she starts; close the case after the follow-up if all is well.
`},
			put{"outcome.yaml", `
placement:
  employer: Northfield University Library
  position: Finance and Administration Coordinator
  start: 2026-04-20
  wage: 31.25
  wage_unit: hour
  hours: 37.5
  internal: true
`},
			setItem{"iep.yaml", "course: Excel for Financial Reporting", "status", "completed"},
			setItem{"iep.yaml", "id: G1", "status", "achieved"},
			setItem{"activity/2026-W07.yaml", "date: 2026-02-09", "status", "withdrawn"},
			setItem{"activity/2026-W13.yaml", "date: 2026-03-23", "status", "withdrawn"},
			commit{"record the placement at the University Library"},
		),
		on("2026-05-20", "alucero",
			note{"2026-05-20-kfrh", "follow-up", "phone", `
two_way: true
services: [follow-up]
background: Rosa started at the University Library on 2026-04-20.
reason: One-month follow-up after placement.
observations: Upbeat; already running the monthly budget report.
content: Asked about the work, her supervisor and training. The buddy arrangement worked well; she is taking the unit's systems training in June. No retention help needed.
results: Employed full time at the offered wage.
impressions: Placement is secure.
plan: Close the case on 2026-06-01 as placed.
`},
		),
		on("2026-06-01", "alucero",
			note{"2026-06-01-hvhe", "closure", "none", `
background: Placed at the University Library on 2026-04-20; follow-up on 2026-05-20 found her settled.
reason: Close the case.
content: Goals met - placed within the work security period in a comparable internal position. Thanked the union representative and both HR officers.
results: Case closed as placed.
plan: None; Rosa knows she can contact the center again.
`},
			appendItems{"outcome.yaml", "follow_ups", "", `
  - due: 2026-05-20
    done: 2026-05-20
    employed: true
    wage: 31.25
    notes: settled in; no retention help needed
`},
			appendItems{"outcome.yaml", "closure", "", `
  date: 2026-06-01
  reason: placed
  notes: placed internally in the work security period
`},
			set{"intake.yaml", "status", "closed"},
			commit{"record the follow-up and close the case: placed"},
		),
	},
}
