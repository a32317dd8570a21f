package main

// 2026-7QH2M  work security, in the notification period  (Marcus Bell)
// Notice 2026-10-19, layoff 2026-12-18. Two references so far (the third is
// due before the layoff date), weekly trackers.
var case7QH2M = story{
	caseID: "2026-7QH2M",
	days: []day{
		on("2026-10-20", "mbell",
			openCase{program: "work-security", manager: "mbell", name: "Peter Lindgren", noticeDate: "2026-10-19", layoffDate: "2026-12-18"},
		),
		on("2026-10-22", "mbell",
			note{"2026-10-22-5ed6", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Peter is a Facilities Coordinator (grade 054) in Facilities Services, where work orders are moving to a new central service desk. Notice 2026-10-19, layoff 2026-12-18.
reason: Intake meeting (000).
observations: Angry at first about how the change was announced; calmer once we turned to planning. Has worked at Northfield for fourteen years.
content: |-
  Explained the program, roles and timeline, and the case conference planned for mid-November.
  Completed the Skills Assessment Form and the readiness checklist. Resume last updated in 2012.
  Agreed targets - operations and facilities coordinator roles, building manager assistant, grades 053 to 055; external property management too. Weekly check-ins on Tuesdays.
results: Targets and schedule agreed; resume rewrite first.
impressions: Deep knowledge of campus buildings and vendors; needs support with the online application process.
plan: Employment plan next week; Computer Basics course.
actions:
  - owner: participant
    text: List the buildings, projects and vendors he managed for the resume
    due: 2026-10-27
`},
			put{"intake.yaml", `
id: 2026-7QH2M
opened: 2026-10-20
program: work-security
status: open
manager: mbell
center: Riverside Career Center
participant:
  name: Peter Lindgren
  phone: 555-0118
  email: plindgren@example.com
  address: 3 Harbor View Road, Riverside
  channels:
    - phone
    - in-person
  best_times: weekdays 3 to 5 pm
  language: English
team:
  - name: Carl Whitaker
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0181
    email: cwhitaker@nsu.example.org
  - name: Diane Foley
    role: hr-laying-off
    organization: Northfield University, Facilities Services
    phone: 555-0188
    email: dfoley@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-10-20
    eligible: true
    basis: layoff notice of 2026-10-19; fourteen years of service
barriers:
  - kind: digital
    detail: unsure with online applications and video interviews
    status: open
assessments:
  - tool: Skills Assessment Form
    date: 2026-10-22
    summary: vendor coordination, work order triage, building systems knowledge, scheduling
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-10-22
    summary: resume out of date; has never applied online
skills:
  - vendor coordination
  - work order management
  - building systems
  - scheduling
layoff:
  notice_date: 2026-10-19
  layoff_date: 2026-12-18
  grant_funding_ended: false
  position: Facilities Coordinator
  grade: "054"
  fte: 1
  department: Facilities Services
toolbox:
  resume: none
  cover_letter: none
  thank_you_letter: none
`},
			commit{"record the intake meeting: participant, team, barriers, layoff"},
		),
		on("2026-10-27", "mbell",
			put{"iep.yaml", `
created: 2026-10-20
updated: 2026-10-27
vision: Keep working with the buildings and people he knows, in a coordinator role at Northfield.
employment_goal: Facilities or operations coordinator, grade 053 to 055
goals:
  - id: G1
    term: short
    text: Be placed in a facilities or operations role before the end of work security
    target: 2027-03-18
    status: active
    objectives:
      - id: O1
        text: Resume and cover letter written; comfortable applying online
        services:
          - S1
          - S5
      - id: O2
        text: Apply to every relevant posting each week
        services:
          - S2
          - S3
      - id: O3
        text: Prepare for interviews, including by video
        services:
          - S4
    milestones:
      - id: M1
        text: Resume final
        due: 2026-11-06
      - id: M2
        text: Three references agreed
        due: 2026-12-04
      - id: M3
        text: First online application submitted on his own
        due: 2026-11-13
services:
  - id: S1
    name: Toolbox writing help
    code: resume-help
    provider: Riverside Career Center
    start: 2026-10-27
    end: 2026-11-06
  - id: S2
    name: Job search plan and weekly activity review
    code: job-search
    provider: Riverside Career Center
    start: 2026-10-27
  - id: S3
    name: Job development with hiring units (priority candidacy)
    code: job-development
    provider: Riverside Career Center
    start: 2026-11-02
  - id: S4
    name: Mock interviews, including by video
    code: mock-interview
    provider: Riverside Career Center
    start: 2026-11-16
  - id: S5
    name: Computer Basics for the Workplace
    code: training
    provider: Northfield Learning and Development
    start: 2026-11-03
    end: 2026-11-24
next_steps:
  - id: N1
    owner: participant
    text: Review the resume draft
    due: 2026-10-30
  - id: N2
    owner: manager
    text: Sit with Peter for his first online application
    due: 2026-11-03
  - id: N3
    owner: participant
    text: Ask three people to be references
    due: 2026-11-13
job_targets:
  - title: Facilities Coordinator
    job_family: Facilities
    grade_min: "053"
    grade_max: "055"
    scope: internal
  - title: Operations Coordinator
    job_family: General administration
    grade_min: "053"
    grade_max: "054"
    scope: internal
  - title: Property Management Coordinator
    job_family: Facilities
    scope: external
skill_plan:
  - course: Computer Basics for the Workplace
    provider: Northfield Learning and Development
    start: 2026-11-03
    end: 2026-11-24
    status: enrolled
`},
			commit{"write the employment plan: goals, job targets, skill plan"},
		),
		on("2026-10-30", "mbell",
			week{`
applications:
  - date: 2026-10-29
    organization: Department of Athletics
    position: Operations Coordinator
    internal: true
    grade: "054"
    status: applied
informational_interviews:
  - date: 2026-10-28
    organization: Northfield Housing Operations
    contact: operations manager he worked with on dorm repairs
    notes: may post a building coordinator role in December
`},
		),
		on("2026-11-03", "mbell",
			note{"2026-11-03-6wn5", "contact", "in-person", `
two_way: true
services: [job-search, resume-help]
background: Weekly check-in; Peter asked for help applying online.
reason: Sit with Peter for an online application (next step N2).
observations: Nervous with the portal at first, then quick once he saw the steps.
content: Went through the Athletics application together, checked it was marked as a layoff-candidate application, and found the new Housing Operations posting. He started Computer Basics today.
results: Resume final; he will submit the Housing application himself on Monday.
impressions: Growing in confidence.
plan: He applies on his own this week; references next.
`},
			put{"references.yaml", `
references:
  - name: Raymond Castro
    title: Associate Director, Facilities Services
    organization: Facilities Services
    relationship: manager for eight years
    phone: 555-0144
    email: rcastro@northfield.example.org
    permission: 2026-11-02
  - name: Elaine Whitby
    title: Building Manager
    organization: School of Law
    relationship: building manager he coordinated with weekly
    phone: 555-0145
    permission: 2026-11-03
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-10-29"},
			setItem{"iep.yaml", "id: N2", "done", "2026-11-03"},
			setItem{"iep.yaml", "id: M1", "done", "2026-11-03"},
			set{"iep.yaml", "updated", "2026-11-03"},
			set{"intake.yaml", "toolbox.resume", "final"},
			commit{"add two references; resume final"},
		),
		on("2026-11-13", "mbell",
			setItem{"iep.yaml", "id: M3", "done", "2026-11-11"},
			week{`
applications:
  - date: 2026-11-09
    organization: Northfield Housing Operations
    position: Building Operations Coordinator
    internal: true
    grade: "055"
    status: applied
  - date: 2026-11-11
    organization: Riverside Property Group
    position: Maintenance Coordinator
    internal: false
    status: applied
courses:
  - date: 2026-11-10
    title: Computer Basics for the Workplace
    provider: Northfield Learning and Development
    status: enrolled
`},
		),
		on("2026-11-17", "mbell",
			note{"2026-11-17-3ywm", "mock-interview", "video", `
two_way: true
services: [mock-interview]
background: Athletics invited Peter to a video screening on 2026-11-20.
reason: Mock interview by video - his first.
observations: Looked down at his notes; very good examples once relaxed.
content: Set up the camera and sound together, then a 30-minute mock screening. Practised the layoff answer agreed with HR and the union and two examples about vendor problems.
results: Comfortable with video; notes moved to a sticky note beside the camera.
impressions: Ready for the screening.
plan: Thank-you email the same day; ask a third reference this week.
actions:
  - owner: participant
    text: Ask the Athletics facilities manager to be a third reference
    due: 2026-11-24
`},
		),
		on("2026-11-20", "mbell",
			week{`
applications:
  - date: 2026-11-16
    organization: School of Law
    position: Facilities Coordinator
    internal: true
    grade: "054"
    status: applied
interviews:
  - date: 2026-11-20
    organization: Department of Athletics
    position: Operations Coordinator
    kind: screening
    feedback: went well by his account; decision on next round after Thanksgiving
`},
		),
		on("2026-11-23", "mbell",
			note{"2026-11-23-ed2b", "tracker-review", "in-person", `
two_way: true
services: [job-search]
background: Peter's case opened on 2026-10-20; this is the first monthly review of his activity tracker (weeks 2026-W43 to W47).
reason: Monthly review of the Candidate Activity Tracker (000).
observations: Tracker kept every week; applications mostly internal, at grades 054-055.
content: Went through four applications, one screening with Athletics and the computer course. Agreed to add one external application a week, as his internal targets are few.
results: Job targets unchanged; one external application a week added to his plan.
impressions: Steady search; on track for the layoff date of 2026-12-18.
plan: Next tracker review in December, after the Athletics decision.
`},
		),
	},
}
