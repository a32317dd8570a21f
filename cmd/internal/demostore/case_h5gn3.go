package main

// 2026-H5GN3  WIOA, active in training with regular contact  (Marcus Bell)
// Career changer in a medical billing and coding certificate, with a child
// care referral.
var caseH5GN3 = story{
	caseID: "2026-H5GN3",
	days: []day{
		on("2026-08-10", "mbell",
			openCase{program: "wioa", manager: "mbell", name: "Farah Nasser"},
			note{"2026-08-10-utky", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Farah, 36, managed a clothing store in the Riverside mall for eight years until it closed in June. Two children, 4 and 9.
reason: WIOA career planning intake.
observations: Articulate and organised; wants regular weekday hours for her children. Interested in healthcare office work.
content: |-
  Explained career planning, the IEP and contact expectations.
  Interest profiler and a computer skills check today. Discussed medical billing and coding - a six-month certificate at Riverside Community College, evening or day sections, good local demand.
  Child care for her 4-year-old is the main barrier to a day section.
results: Eligible as a dislocated worker; training goal identified; child care subsidy referral needed.
impressions: Good fit for the certificate; strong customer and team-lead experience.
plan: IEP this week; training account request and child care referral by the end of August.
actions:
  - owner: participant
    text: Bring proof of the store closure and her last pay stubs
    due: 2026-08-14
`},
		),
		on("2026-08-14", "mbell",
			put{"intake.yaml", `
id: 2026-H5GN3
opened: 2026-08-10
program: wioa
status: open
manager: mbell
center: Riverside Career Center
participant:
  name: Farah Nasser
  preferred_name: Farah
  phone: 555-0121
  email: farah.nasser@example.com
  address: 18 Birch Terrace, Riverside
  channels:
    - text
    - email
    - phone
  best_times: 9 am to 2 pm while the children are at school
  language: English
eligibility:
  - program: WIOA Title I dislocated worker
    determined: 2026-08-12
    eligible: true
    basis: store closure; separation letter and pay stubs seen
barriers:
  - kind: child-care
    detail: needs a full-day preschool place for her younger child to attend day classes
    status: open
assessments:
  - tool: Interest profiler
    date: 2026-08-10
    summary: conventional and enterprising; office and healthcare administration
  - tool: Computer skills check
    date: 2026-08-10
    summary: comfortable with spreadsheets and point-of-sale systems; typing 45 wpm
skills:
  - retail management
  - scheduling staff
  - customer service
  - cash handling
`},
			put{"iep.yaml", `
created: 2026-08-10
updated: 2026-08-14
vision: A healthcare office job with weekday hours and room to grow.
employment_goal: Medical billing and coding specialist
goals:
  - id: G1
    term: short
    text: Complete the medical billing and coding certificate
    target: 2027-02-26
    status: active
    objectives:
      - id: O1
        text: Enrol in the certificate with a training account
        services:
          - S1
          - S2
      - id: O2
        text: Arrange child care so she can attend day classes
        services:
          - S3
    milestones:
      - id: M1
        text: Enrolled for the September start
        due: 2026-09-14
      - id: M2
        text: First term passed
        due: 2026-12-18
      - id: M3
        text: Certificate exam passed
        due: 2027-02-26
  - id: G2
    term: long
    text: Work as a billing and coding specialist in a clinic or hospital
    target: 2027-05-31
    status: active
    objectives:
      - id: O3
        text: Apply for billing roles in the last month of training
        services:
          - S4
services:
  - id: S1
    name: Career planning and IEP
    code: career-planning
    provider: Riverside Career Center
    start: 2026-08-10
  - id: S2
    name: Occupational skills training - medical billing and coding certificate
    code: training
    provider: Riverside Community College
    start: 2026-09-14
    end: 2027-02-26
  - id: S3
    name: Child care subsidy referral
    code: supportive-services
    provider: Riverside Child Care Resource Center
    start: 2026-08-31
  - id: S4
    name: Job search assistance
    code: job-search
    provider: Riverside Career Center
    start: 2027-01-18
next_steps:
  - id: N1
    owner: participant
    text: Apply to the college and book the placement test
    due: 2026-08-28
  - id: N2
    owner: manager
    text: Submit the training account request
    due: 2026-08-31
job_targets:
  - title: Medical Billing Specialist
    job_family: Healthcare administration
    scope: external
  - title: Medical Coder
    job_family: Healthcare administration
    scope: external
skill_plan:
  - course: Medical Billing and Coding Certificate
    provider: Riverside Community College
    start: 2026-09-14
    end: 2027-02-26
    status: planned
`},
			commit{"record intake details and write the Individual Employment Plan"},
		),
		on("2026-08-31", "mbell",
			note{"2026-08-31-kjr6", "contact", "in-person", `
two_way: true
services: [training-referral, supportive-services]
background: Farah applied to the college and passed the placement test on 2026-08-26.
reason: Training account and child care referral.
content: Submitted the training account request for the certificate (day section, September start). Referred her to the Child Care Resource Center for an income-eligible subsidy and a preschool place.
results: Both referrals made.
impressions: Moving quickly.
plan: Check on the subsidy in two weeks.
`},
			put{"services.yaml", `
referrals:
  - id: R1
    service: Medical billing and coding certificate (training account)
    provider: Riverside Community College
    category: training
    referred: 2026-08-31
    status: referred
  - id: R2
    service: Income-eligible child care subsidy and preschool place
    provider: Riverside Child Care Resource Center
    category: supportive
    referred: 2026-08-31
    status: referred
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-08-26"},
			setItem{"iep.yaml", "id: N2", "done", "2026-08-31"},
			set{"iep.yaml", "updated", "2026-08-31"},
			commit{"refer to training and child care"},
		),
		on("2026-09-21", "mbell",
			note{"2026-09-21-ilbn", "contact", "phone", `
two_way: true
services: [training-referral]
background: Classes started on 2026-09-14.
reason: Check the first week and the child care arrangement.
content: The training account was approved on 2026-09-08. The subsidy was approved and her son started preschool on 2026-09-14. First week of anatomy and terminology went well.
results: Enrolled; child care in place.
impressions: On track.
plan: Monthly contact; ask for her mid-term grades.
`},
			setItem{"services.yaml", "id: R1", "status", "in-progress"},
			setItem{"services.yaml", "id: R1", "updated", "2026-09-14"},
			setItem{"services.yaml", "id: R2", "status", "accepted"},
			setItem{"services.yaml", "id: R2", "updated", "2026-09-11"},
			setItem{"services.yaml", "id: R2", "outcome", "subsidy approved; preschool place from 2026-09-14"},
			setItem{"intake.yaml", "kind: child-care", "status", "addressed"},
			setItem{"iep.yaml", "id: M1", "done", "2026-09-14"},
			setItem{"iep.yaml", "course: Medical Billing and Coding Certificate", "status", "enrolled"},
			commit{"training and child care under way"},
		),
		on("2026-10-14", "mbell",
			note{"2026-10-14-kg2j", "contact", "email", `
two_way: true
services: [career-planning]
background: Monthly contact during training.
reason: Progress check by email (back and forth on the same day, 002).
content: Farah reported an A and a B+ so far; she is struggling a little with the coding software and joined the college's lab hours. Asked whether the center can help with a laptop; pointed her to the college's loan program.
results: Laptop loan requested from the college.
plan: Video call in early November.
`},
		),
		on("2026-11-02", "mbell",
			note{"2026-11-02-hjs7", "contact", "video", `
two_way: true
services: [career-planning]
background: Mid-term of the first term.
reason: Monthly contact.
observations: Tired but positive; the laptop loan came through.
content: Mid-term grades - A, A-, B+. Talked about externships in the second term and which clinics take students.
results: She will ask the program director about externship sites.
plan: Contact mid-November; plan review.
`},
		),
		on("2026-11-16", "mbell",
			note{"2026-11-16-u3ua", "contact", "in-person", `
two_way: true
services: [career-planning]
background: Plan review meeting at the center.
reason: Review the IEP (001 - the plan is referenced often and updated regularly).
content: Reviewed goals, milestones and services. First term ends on 2026-12-18; the externship starts in January at a Riverside clinic. Child care subsidy renewal is due in March; noted it.
results: Plan kept; externship noted in the review.
impressions: Strong progress.
plan: Contact in December after finals.
`},
			appendItems{"iep.yaml", "reviews", "", `
  - date: 2026-11-16
    by: mbell
    summary: On track in training; externship at a Riverside clinic from January; child care subsidy renewal in March.
`},
			set{"iep.yaml", "updated", "2026-11-16"},
			commit{"review the plan"},
		),
		// The participant's agreements to the plan (001: the plan is an
		// agreement between the customer and the case manager), recorded
		// from the signed copies once caseplan kept them.
		on("2026-11-25", "mbell",
			appendItems{"iep.yaml", "agreements", "", `
  - date: 2026-08-10
    how: signed
    notes: Signed the plan the day it was drawn up; the signed copy is in the paper file.
  - date: 2026-11-16
    how: signed
    notes: Signed the reviewed plan at the review meeting.
`},
			commit{"record the participant's agreements to the plan"},
		),
	},
}
