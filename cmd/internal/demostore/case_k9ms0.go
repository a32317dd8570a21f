package main

// 2026-K9MS0  WIOA, transferred between centers  (Marcus Bell, then Devika Shah)
// The customer moved to Eastgate and chose to change centers; the case and its
// IEP were formally transferred on 2026-07-06 (002).
var caseK9MS0 = story{
	caseID: "2026-K9MS0",
	days: []day{
		on("2026-03-16", "mbell",
			openCase{program: "wioa", manager: "mbell", name: "Brianna Kowalski"},
			note{"2026-03-16-jykz", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Brianna, 29, was an administrative assistant at a Riverside insurance agency that merged with a larger firm in February; her job ended on 2026-02-27.
reason: WIOA career planning intake.
observations: Confident, well presented; unsure whether to stay in administration or move toward office management.
content: |-
  Explained career planning, the IEP and how often we will be in touch.
  Interest profiler and a computer skills assessment. She is strong in office software and has informally run the office for a year.
  Agreed to target office coordinator and office manager roles and a short bookkeeping course to round out her skills.
results: Eligible as a dislocated worker; goal office manager.
impressions: Job-ready; the plan is mostly about targeting and one short course.
plan: IEP this week.
`},
		),
		on("2026-03-20", "mbell",
			put{"intake.yaml", `
id: 2026-K9MS0
opened: 2026-03-16
program: wioa
status: open
manager: mbell
center: Riverside Career Center
participant:
  name: Brianna Kowalski
  preferred_name: Bree
  phone: 555-0123
  email: bree.kowalski@example.com
  channels:
    - email
    - text
  best_times: any time
  language: English
eligibility:
  - program: WIOA Title I dislocated worker
    determined: 2026-03-16
    eligible: true
    basis: position eliminated in a merger; separation letter seen
assessments:
  - tool: Interest profiler
    date: 2026-03-16
    summary: conventional and social; office administration and coordination
  - tool: Computer skills assessment
    date: 2026-03-16
    summary: advanced word processing and spreadsheets; no bookkeeping software
skills:
  - office administration
  - scheduling
  - vendor and supply management
  - customer service
`},
			put{"iep.yaml", `
created: 2026-03-16
updated: 2026-03-20
vision: Running an office where she is the person everyone relies on.
employment_goal: Office manager or office coordinator
goals:
  - id: G1
    term: short
    text: Add bookkeeping skills to her resume
    target: 2026-06-30
    status: active
    objectives:
      - id: O1
        text: Complete a bookkeeping basics course
        services:
          - S2
    milestones:
      - id: M1
        text: Bookkeeping course completed
        due: 2026-06-19
  - id: G2
    term: long
    text: Be employed as an office manager or coordinator
    target: 2026-12-31
    status: active
    objectives:
      - id: O2
        text: Apply to three office coordinator or manager jobs a week
        services:
          - S1
          - S3
    milestones:
      - id: M2
        text: First interview for an office manager role
        due: 2026-08-31
services:
  - id: S1
    name: Career planning and IEP
    code: career-planning
    provider: Riverside Career Center
    start: 2026-03-16
  - id: S2
    name: Bookkeeping basics (evening course)
    code: training
    provider: Riverside Adult Learning Center
    start: 2026-04-21
    end: 2026-06-16
  - id: S3
    name: Job search assistance
    code: job-search
    provider: Riverside Career Center
    start: 2026-03-20
next_steps:
  - id: N1
    owner: participant
    text: Register for the bookkeeping course
    due: 2026-04-03
job_targets:
  - title: Office Manager
    job_family: Office administration
    scope: external
  - title: Office Coordinator
    job_family: Office administration
    scope: external
skill_plan:
  - course: Bookkeeping basics
    provider: Riverside Adult Learning Center
    start: 2026-04-21
    end: 2026-06-16
    status: planned
`},
			commit{"record intake details and write the Individual Employment Plan"},
		),
		on("2026-04-13", "mbell",
			note{"2026-04-13-cvq3", "contact", "phone", `
two_way: true
services: [job-search]
background: Monthly contact.
reason: Check the course registration and the first applications.
content: Registered for bookkeeping basics, which starts on 2026-04-21. Applied to four office coordinator jobs; one phone screen.
results: On track.
plan: Contact in May.
`},
		),
		on("2026-05-11", "mbell",
			note{"2026-05-11-cttc", "contact", "email", `
two_way: true
services: [job-search]
background: Monthly contact.
reason: Progress check by email (back and forth the same day).
content: Course going well. Two interviews for coordinator roles, no offers; feedback was that they wanted someone with bookkeeping software experience, which the course covers.
results: Keep applying; highlight the course on her resume.
plan: Contact in June.
`},
		),
		on("2026-06-08", "mbell",
			note{"2026-06-08-5f64", "contact", "phone", `
two_way: true
services: [career-planning]
background: Monthly contact.
reason: Progress check.
content: Brianna and her partner are moving to Eastgate at the end of June. She finishes the course on 2026-06-16. She would like to continue her plan at the Eastgate Career Center, closer to home.
results: Agreed to transfer the case and her IEP to Eastgate once she has moved.
plan: Talk to the Eastgate counselor; three-way call in early July.
`},
		),
		on("2026-07-06", "mbell",
			note{"2026-07-06-wrp3", "transfer", "phone", `
two_way: true
services: [career-planning]
background: Brianna moved to Eastgate on 2026-06-27 and chose to continue at the Eastgate Career Center (002 - a customer may change centers).
reason: Transfer the case and the IEP to a newly designated counselor at Eastgate.
content: Three-way call with Brianna and Devika Shah (Eastgate). Went over the IEP, the completed bookkeeping course, applications so far and the interview feedback. Devika becomes the designated counselor from today.
results: Case and IEP transferred to Devika Shah, Eastgate Career Center.
plan: Devika meets Brianna in person next week.
`},
			put{"intake.yaml", `
id: 2026-K9MS0
opened: 2026-03-16
program: wioa
status: open
manager: dshah
center: Eastgate Career Center
participant:
  name: Brianna Kowalski
  preferred_name: Bree
  phone: 555-0123
  email: bree.kowalski@example.com
  address: 14 Quarry Lane, Eastgate
  channels:
    - email
    - text
  best_times: any time
  language: English
team:
  - name: Marcus Bell
    role: counselor
    organization: Riverside Career Center
    email: mbell@example.org
    notes: previous designated counselor, until 2026-07-06
eligibility:
  - program: WIOA Title I dislocated worker
    determined: 2026-03-16
    eligible: true
    basis: position eliminated in a merger; separation letter seen
assessments:
  - tool: Interest profiler
    date: 2026-03-16
    summary: conventional and social; office administration and coordination
  - tool: Computer skills assessment
    date: 2026-03-16
    summary: advanced word processing and spreadsheets; no bookkeeping software
skills:
  - office administration
  - scheduling
  - vendor and supply management
  - customer service
  - bookkeeping basics
transfers:
  - date: 2026-07-06
    from: mbell
    to: dshah
    from_center: Riverside Career Center
    to_center: Eastgate Career Center
    reason: customer moved to Eastgate and chose the Eastgate Career Center
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-04-02"},
			setItem{"iep.yaml", "id: M1", "done", "2026-06-16"},
			setItem{"iep.yaml", "id: G1", "status", "achieved"},
			setItem{"iep.yaml", "course: Bookkeeping basics", "status", "completed"},
			commit{"transfer the case and its IEP to Devika Shah, Eastgate Career Center"},
		),
		on("2026-07-14", "dshah",
			note{"2026-07-14-caev", "contact", "in-person", `
two_way: true
services: [career-planning, job-search]
background: First meeting at Eastgate after the transfer of 2026-07-06.
reason: Meet the customer and review the transferred IEP.
observations: Settled in the new apartment; keen to start working again soon.
content: Reviewed the IEP with Brianna. Her short-term goal is achieved (bookkeeping course). Added Eastgate employers and the hospital system's office roles to her targets. Registered her for the Eastgate office professionals networking group.
results: IEP reviewed and kept; targets widened to healthcare offices.
impressions: Job-ready; a good local market for her.
plan: Contact every three to four weeks.
`},
			appendItems{"iep.yaml", "reviews", "", `
  - date: 2026-07-14
    by: dshah
    summary: Reviewed after the transfer to Eastgate; short-term goal achieved; targets widened to healthcare office roles.
`},
			appendItems{"iep.yaml", "job_targets", "skill_plan", `
  - title: Practice Coordinator
    job_family: Healthcare administration
    scope: external
`},
			set{"iep.yaml", "updated", "2026-07-14"},
			commit{"review the plan after the transfer"},
		),
		on("2026-08-11", "dshah",
			note{"2026-08-11-h4e3", "contact", "phone", `
two_way: true
services: [job-search, job-referral]
background: Monthly contact.
reason: Progress check and job referral.
content: Six applications since the move. Referred her to a practice coordinator opening at Eastgate Family Medicine, an employer the center works with.
results: Applied to the referral the same day.
plan: Contact in September.
`},
		),
		on("2026-09-08", "dshah",
			note{"2026-09-08-xc5c", "contact", "text", `
two_way: true
services: [job-search]
background: Monthly contact.
reason: Progress check by text.
content: Eastgate Family Medicine interviewed her on 2026-09-03; they chose an internal candidate but asked to keep her resume. Two more applications this week.
results: First office manager-level interview reached.
plan: Contact in October.
`},
			setItem{"iep.yaml", "id: M2", "done", "2026-09-03"},
			commit{"first interview milestone met"},
		),
		on("2026-10-06", "dshah",
			note{"2026-10-06-ghpl", "contact", "phone", `
two_way: true
services: [job-search, mock-interview]
background: Monthly contact.
reason: Prepare for an office manager interview.
content: Brianna has an interview on 2026-10-08 at a law office for an office manager position. Did a short phone mock interview on managing vendors and budgets.
results: Prepared for the interview.
plan: Call after the interview.
`},
		),
		on("2026-11-03", "dshah",
			note{"2026-11-03-skuu", "contact", "in-person", `
two_way: true
services: [job-search]
background: The law office hired someone else; Brianna has two new interviews this month.
reason: Monthly contact.
content: Reviewed feedback from the law office (strong, but they wanted legal billing experience). Prepared her for interviews at Eastgate Dental Group (2026-11-12) and a property management company (2026-11-16).
results: Two interviews scheduled.
plan: Interview feedback calls with both employers.
`},
		),
		on("2026-11-17", "dshah",
			note{"2026-11-17-miew", "interview-feedback", "phone", `
two_way: true
services: [job-development]
background: Brianna interviewed at Eastgate Dental Group on 2026-11-12 and at Harborline Property Management on 2026-11-16.
reason: Get feedback from the employers and share it with Brianna.
observations: The dental group's practice owner was enthusiastic.
content: Eastgate Dental Group will make an offer this week for Office Manager, about 25 an hour, full time. Harborline has more candidates to see. Talked with Brianna about what to ask about before accepting (hours, benefits, paid time off).
results: Offer expected; she will call when it arrives.
impressions: Placement close.
plan: Record the placement when she accepts; then exit and follow-up.
`},
		),
		// The participant's agreements to the plan (001: the plan is an
		// agreement between the customer and the case manager), recorded
		// from the signed copies once caseplan kept them.
		on("2026-11-25", "dshah",
			appendItems{"iep.yaml", "agreements", "", `
  - date: 2026-03-16
    how: signed
    notes: Signed the plan at the intake meeting; the signed copy is in the paper file.
  - date: 2026-07-14
    how: verbal
    notes: Agreed to the reviewed plan by phone at the review.
`},
			commit{"record the participant's agreements to the plan"},
		),
	},
}
