package main

// 2026-J8PZ1  work security, placed and open for follow-up  (Devika Shah)
// Notice 2026-05-04, layoff 2026-07-03; placed internally from 2026-09-14;
// first follow-up done, the next one is due 2026-12-14.
var caseJ8PZ1 = story{
	caseID: "2026-J8PZ1",
	days: []day{
		on("2026-05-05", "dshah",
			openCase{program: "work-security", manager: "dshah", name: "Malik Porter", noticeDate: "2026-05-04", layoffDate: "2026-07-03"},
		),
		on("2026-05-07", "dshah",
			note{"2026-05-07-dtco", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Malik is an IT Support Specialist (grade 055) in Medical Campus IT, which is moving desktop support to an outside vendor. Notice 2026-05-04, layoff 2026-07-03.
reason: Intake meeting (000).
observations: Practical and quick; wants to stay in IT at Northfield and is open to a campus move.
content: |-
  Explained the program and timeline. Completed the Skills Assessment Form and the readiness checklist.
  Resume is a long list of tools; we agreed to rewrite it around problems solved. Agreed targets - desktop support, IT support and junior systems roles at grades 055 to 057, at any campus.
  Weekly check-ins on Thursdays, by video when he is on shift.
results: Targets agreed; resume rewrite this week.
impressions: Strong demand for his skills; the main work is presentation.
plan: Employment plan next week; ask his manager to be a reference.
actions:
  - owner: participant
    text: Rewrite the resume around five problems solved
    due: 2026-05-12
`},
			put{"intake.yaml", `
id: 2026-J8PZ1
opened: 2026-05-05
program: work-security
status: open
manager: dshah
center: Eastgate Career Center
participant:
  name: Malik Porter
  preferred_name: Malik
  phone: 555-0116
  email: malik.porter@example.com
  channels:
    - text
    - video
    - email
  best_times: weekdays 7 to 8 am or after 5 pm
  language: English
team:
  - name: Carl Whitaker
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0181
    email: cwhitaker@nsu.example.org
  - name: Sandra Blake
    role: hr-laying-off
    organization: Northfield University, Medical Campus IT
    phone: 555-0186
    email: sblake@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-05-05
    eligible: true
    basis: layoff notice of 2026-05-04; five years of service
assessments:
  - tool: Skills Assessment Form
    date: 2026-05-07
    summary: desktop and device support, ticket triage, user training; some scripting
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-05-07
    summary: resume lists tools, not results; networking good
skills:
  - desktop and laptop support
  - ticket triage
  - device imaging
  - user training
layoff:
  notice_date: 2026-05-04
  layoff_date: 2026-07-03
  grant_funding_ended: false
  position: IT Support Specialist
  grade: "055"
  fte: 1
  department: Medical Campus IT
toolbox:
  resume: draft
  cover_letter: none
  thank_you_letter: none
`},
			commit{"record the intake meeting: participant, team, assessments, layoff"},
		),
		on("2026-05-12", "dshah",
			put{"iep.yaml", `
created: 2026-05-05
updated: 2026-05-12
vision: Keep growing in IT at Northfield toward systems administration.
employment_goal: Desktop or IT support role, grade 055 to 057, any Northfield campus
goals:
  - id: G1
    term: short
    text: Be placed in an internal IT support role before or during the work security period
    target: 2026-10-01
    status: active
    objectives:
      - id: O1
        text: Resume and cover letter rewritten around results
        services:
          - S1
      - id: O2
        text: Apply to every IT support posting in range each week
        services:
          - S2
          - S3
      - id: O3
        text: Prepare for technical and panel interviews
        services:
          - S4
    milestones:
      - id: M1
        text: Resume and cover letter final
        due: 2026-05-22
      - id: M2
        text: Three references agreed
        due: 2026-06-05
  - id: G2
    term: long
    text: Move into systems administration
    target: 2028-06-30
    status: active
    objectives:
      - id: O4
        text: Earn an entry-level systems certification
        services:
          - S5
services:
  - id: S1
    name: Toolbox review
    code: resume-help
    provider: Eastgate Career Center
    start: 2026-05-12
    end: 2026-05-22
  - id: S2
    name: Job search plan and weekly activity review
    code: job-search
    provider: Eastgate Career Center
    start: 2026-05-12
  - id: S3
    name: Job development with hiring units (priority candidacy)
    code: job-development
    provider: Eastgate Career Center
    start: 2026-05-18
  - id: S4
    name: Mock interviews
    code: mock-interview
    provider: Eastgate Career Center
    start: 2026-06-08
  - id: S5
    name: Systems administration certificate course
    code: training
    provider: Northfield Learning and Development
    start: 2026-06-15
    end: 2026-08-28
next_steps:
  - id: N1
    owner: participant
    text: Send the rewritten resume
    due: 2026-05-15
  - id: N2
    owner: manager
    text: Release Malik's resume to the internal candidate pool as a layoff candidate
    due: 2026-05-15
job_targets:
  - title: Desktop Support Analyst
    job_family: Information technology
    grade_min: "055"
    grade_max: "056"
    scope: internal
  - title: IT Support Specialist
    job_family: Information technology
    grade_min: "055"
    grade_max: "055"
    scope: internal
  - title: Junior Systems Administrator
    job_family: Information technology
    grade_min: "056"
    grade_max: "057"
    scope: both
skill_plan:
  - course: Systems Administration Certificate
    provider: Northfield Learning and Development
    start: 2026-06-15
    end: 2026-08-28
    status: planned
`},
			commit{"write the employment plan: goals, job targets, skill plan"},
		),
		on("2026-05-22", "dshah",
			week{`
applications:
  - date: 2026-05-18
    organization: School of Public Policy
    position: Desktop Support Analyst
    internal: true
    grade: "056"
    status: applied
  - date: 2026-05-20
    organization: Northfield University Library
    position: IT Support Specialist
    internal: true
    grade: "055"
    status: applied
  - date: 2026-05-21
    organization: Eastgate School District
    position: Technology Support Technician
    internal: false
    status: applied
networking:
  - date: 2026-05-19
    event: Northfield IT staff community meetup
    contacts: 6
`},
		),
		on("2026-06-02", "dshah",
			put{"references.yaml", `
references:
  - name: Andre Voss
    title: Manager, Client Services
    organization: Medical Campus IT
    relationship: current manager
    phone: 555-0139
    email: avoss@northfield.example.org
    permission: 2026-05-27
    briefed: 2026-06-01
  - name: Kimberly Tran
    title: Department Administrator
    organization: Department of Pathology
    relationship: client department he supported for three years
    email: ktran@northfield.example.org
    permission: 2026-05-28
    briefed: 2026-06-01
  - name: Jerome Whitlock
    title: Systems Engineer
    organization: Medical Campus IT
    relationship: senior colleague and mentor
    phone: 555-0140
    permission: 2026-06-01
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-05-14"},
			setItem{"iep.yaml", "id: N2", "done", "2026-05-15"},
			setItem{"iep.yaml", "id: M1", "done", "2026-05-21"},
			setItem{"iep.yaml", "id: M2", "done", "2026-06-01"},
			set{"iep.yaml", "updated", "2026-06-02"},
			set{"intake.yaml", "toolbox.resume", "final"},
			set{"intake.yaml", "toolbox.cover_letter", "final"},
			commit{"add three references; toolbox final"},
		),
		on("2026-06-11", "dshah",
			note{"2026-06-11-lrzz", "mock-interview", "video", `
two_way: true
services: [mock-interview]
background: School of Public Policy invited Malik to a technical interview on 2026-06-16.
reason: Mock interview with technical questions.
observations: Excellent on troubleshooting scenarios; answers on customer service were generic.
content: Forty-five minutes over video - three troubleshooting scenarios, two behavioural questions and the layoff question. Built a story around the clinic rollout he led.
results: Stronger customer-service examples; layoff answer agreed.
impressions: Well prepared for a technical panel.
plan: Thank-you letter after the interview; feedback call with the hiring unit.
`},
		),
		on("2026-07-17", "dshah",
			setItem{"activity/2026-W21.yaml", "date: 2026-05-18", "status", "interview"},
			week{`
applications:
  - date: 2026-07-13
    organization: Faculty of Arts and Sciences IT
    position: IT Support Specialist
    internal: true
    grade: "055"
    status: applied
  - date: 2026-07-15
    organization: Riverside Regional Hospital
    position: Desktop Support Technician
    internal: false
    status: applied
courses:
  - date: 2026-07-14
    title: Systems Administration Certificate
    provider: Northfield Learning and Development
    status: enrolled
`},
		),
		on("2026-08-21", "dshah",
			note{"2026-08-21-ti57", "interview-feedback", "phone", `
two_way: true
services: [job-development]
background: Malik had the final interview with School of Public Policy on 2026-08-18.
reason: Hiring unit feedback and the offer.
observations: Hiring HR called to say an offer is coming; Malik was delighted.
content: Public Policy offers Desktop Support Analyst, grade 056, start 2026-09-14. Went over the offer with Malik - a grade up, same benefits; he asked to finish his course first, which the unit accepted. He accepted by phone.
results: Offer accepted; start 2026-09-14.
impressions: A good placement and a step up.
plan: Call on his first week; follow-ups at one and three months.
`},
			put{"outcome.yaml", `
placement:
  employer: Northfield University, School of Public Policy
  position: Desktop Support Analyst
  start: 2026-09-14
  wage: 33.1
  wage_unit: hour
  hours: 40
  internal: true
follow_ups:
  - due: 2026-10-14
  - due: 2026-12-14
`},
			setItem{"activity/2026-W21.yaml", "date: 2026-05-18", "status", "hired"},
			setItem{"iep.yaml", "id: G1", "status", "achieved"},
			commit{"record the placement at the School of Public Policy"},
		),
		on("2026-10-13", "dshah",
			note{"2026-10-13-dgpg", "follow-up", "phone", `
two_way: true
services: [follow-up]
background: One-month follow-up after placement.
reason: Follow-up call (000 - ensure placement success).
observations: Confident; his supervisor has already given him the device rollout project.
content: Asked about the work, training and his supervisor. He is taking on imaging for the school's new lab and passed the systems certificate exam on 2026-08-28. No problems with pay or benefits.
results: Employed full time at the offered wage.
impressions: Secure placement.
plan: Three-month follow-up on 2026-12-14, then close.
`},
			setItem{"outcome.yaml", "due: 2026-10-14", "done", "2026-10-13"},
			setItem{"outcome.yaml", "due: 2026-10-14", "employed", "true"},
			setItem{"outcome.yaml", "due: 2026-10-14", "wage", "33.1"},
			setItem{"outcome.yaml", "due: 2026-10-14", "notes", "settled; leading the lab device rollout"},
			setItem{"iep.yaml", "course: Systems Administration Certificate", "status", "completed"},
			set{"iep.yaml", "updated", "2026-10-13"},
			commit{"record the one-month follow-up; certificate completed"},
		),
	},
}
