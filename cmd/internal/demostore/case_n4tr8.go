package main

// 2026-N4TR8  work security, notification period, grant funding ended
// (Devika Shah). A 30-day notice: notice 2026-11-02, layoff 2026-12-02, so
// everything - references included - is done at speed.
var caseN4TR8 = story{
	caseID: "2026-N4TR8",
	days: []day{
		on("2026-11-03", "dshah",
			openCase{program: "work-security", manager: "dshah", name: "Lucía Marín", noticeDate: "2026-11-02", layoffDate: "2026-12-02", grantEnded: true},
		),
		on("2026-11-04", "dshah",
			note{"2026-11-04-qhup", "intake", "video", `
two_way: true
services: [assessment, career-planning]
background: Lucía is a Research Assistant (grade 053) at the Institute for Coastal Studies. The federal grant that funds her position ends, so the notice period is 30 days - notice 2026-11-02, layoff 2026-12-02.
reason: Intake meeting as soon as possible after notice (000); held by video because she is at the field station this week.
observations: Composed; had expected the grant to end and already updated her resume. Spanish and English, prefers email.
content: |-
  Explained the program and the short timeline - the references and the plan must be in place by 2026-12-02.
  Completed the Skills Assessment Form and the readiness checklist over video.
  Agreed targets - research assistant and lab or field technician roles at grades 052 to 054, other grant-funded projects at Northfield, and environmental agencies. Check-ins twice a week until the layoff date.
results: Targets agreed; references this week.
impressions: Well prepared; the short notice period is the main risk.
plan: Plan by Monday; ask the principal investigator about bridge funding (000 - bridging salary).
actions:
  - owner: participant
    text: Ask three references this week
    due: 2026-11-10
  - owner: manager
    text: Ask the Institute HR officer about bridge funding or a grant transfer
    due: 2026-11-09
`},
			put{"intake.yaml", `
id: 2026-N4TR8
opened: 2026-11-03
program: work-security
status: open
manager: dshah
center: Eastgate Career Center
participant:
  name: Lucía Marín
  preferred_name: Lucía
  phone: 555-0119
  email: lucia.marin@example.com
  channels:
    - email
    - video
  best_times: weekday evenings; at the field station Tuesdays and Wednesdays
  language: Spanish and English
team:
  - name: Carl Whitaker
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0181
    email: cwhitaker@nsu.example.org
  - name: Martin Ekberg
    role: hr-laying-off
    organization: Northfield University, Institute for Coastal Studies
    phone: 555-0189
    email: mekberg@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-11-03
    eligible: true
    basis: layoff notice of 2026-11-02 (end of grant funding); three years of service
assessments:
  - tool: Skills Assessment Form
    date: 2026-11-04
    summary: field sampling, water-quality lab methods, data entry and cleaning, GIS basics
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-11-04
    summary: resume current; few contacts outside the institute
skills:
  - field sampling
  - water-quality analysis
  - data cleaning
  - GIS basics
  - Spanish
layoff:
  notice_date: 2026-11-02
  layoff_date: 2026-12-02
  grant_funding_ended: true
  position: Research Assistant
  grade: "053"
  fte: 1
  department: Institute for Coastal Studies
toolbox:
  resume: final
  cover_letter: draft
  thank_you_letter: none
`},
			commit{"record the intake meeting: participant, team, assessments, layoff"},
		),
		on("2026-11-09", "dshah",
			put{"iep.yaml", `
created: 2026-11-03
updated: 2026-11-09
vision: Keep doing environmental field and lab research, at Northfield or a public agency.
employment_goal: Research assistant or environmental technician, grade 052 to 054
goals:
  - id: G1
    term: short
    text: Be placed in a research or technician role during the work security period
    target: 2027-03-02
    status: active
    objectives:
      - id: O1
        text: Apply to every grant-funded research assistant posting each week
        services:
          - S1
          - S2
      - id: O2
        text: Network with environmental agencies and other research groups
        services:
          - S3
    milestones:
      - id: M1
        text: Three references agreed before the layoff date
        due: 2026-11-20
      - id: M2
        text: Two informational interviews
        due: 2026-12-02
services:
  - id: S1
    name: Job search plan and activity review
    code: job-search
    provider: Eastgate Career Center
    start: 2026-11-09
  - id: S2
    name: Job development with hiring units and bridge funding enquiry
    code: job-development
    provider: Eastgate Career Center
    start: 2026-11-09
  - id: S3
    name: Informational interview plan
    code: career-planning
    provider: Eastgate Career Center
    start: 2026-11-09
next_steps:
  - id: N1
    owner: participant
    text: Ask three references
    due: 2026-11-10
  - id: N2
    owner: manager
    text: Ask the Institute HR officer about bridge funding
    due: 2026-11-09
    done: 2026-11-06
job_targets:
  - title: Research Assistant
    job_family: Research
    grade_min: "052"
    grade_max: "054"
    scope: internal
  - title: Environmental Technician
    job_family: Laboratory
    scope: external
skill_plan:
  - course: GIS for Researchers
    provider: Northfield Learning and Development
    start: 2026-11-17
    end: 2026-12-01
    status: enrolled
`},
			commit{"write the employment plan: goals, job targets, skill plan"},
		),
		on("2026-11-13", "dshah",
			put{"references.yaml", `
references:
  - name: Helena Brandt
    title: Associate Professor and Principal Investigator
    organization: Institute for Coastal Studies
    relationship: principal investigator of her project
    email: hbrandt@northfield.example.org
    permission: 2026-11-09
    briefed: 2026-11-12
  - name: Oscar Valdés
    title: Field Station Manager
    organization: Institute for Coastal Studies
    relationship: field supervisor
    phone: 555-0146
    permission: 2026-11-10
  - name: Nadia Rossi
    title: Environmental Analyst
    organization: Riverside Watershed Authority
    relationship: partner agency contact on the sampling program
    phone: 555-0147
    email: nrossi@watershed.example.org
    permission: 2026-11-12
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-11-12"},
			setItem{"iep.yaml", "id: M1", "done", "2026-11-12"},
			commit{"add three references"},
			week{`
applications:
  - date: 2026-11-09
    organization: Department of Earth Sciences
    position: Research Assistant
    internal: true
    grade: "053"
    status: applied
  - date: 2026-11-11
    organization: Riverside Watershed Authority
    position: Environmental Technician
    internal: false
    status: applied
informational_interviews:
  - date: 2026-11-12
    organization: Riverside Watershed Authority
    contact: monitoring program lead
    notes: a technician post opens in January; encouraged her to apply now
`},
		),
		on("2026-11-18", "dshah",
			note{"2026-11-18-yz2j", "contact", "video", `
two_way: true
services: [job-search, job-development]
background: Check-in two weeks before the layoff date.
reason: Review applications and the bridge funding enquiry.
observations: Calm and organised.
content: HR confirmed there is no bridge funding, but the principal investigator is applying for a new grant that could rehire her in the spring. Earth Sciences will interview her next week as a layoff candidate.
results: Interview on 2026-11-24; references complete.
impressions: Good prospects internally and at the watershed authority.
plan: Mock interview on 2026-11-23; prepare for the work security period (remote access, messages).
`},
		),
		on("2026-11-20", "dshah",
			week{`
applications:
  - date: 2026-11-16
    organization: School of Public Health
    position: Research Assistant
    internal: true
    grade: "053"
    status: applied
courses:
  - date: 2026-11-17
    title: GIS for Researchers
    provider: Northfield Learning and Development
    status: enrolled
networking:
  - date: 2026-11-19
    event: Coastal science seminar
    contacts: 2
`},
		),
	},
}
