package main

// 2026-X7EC5  WIOA, exited and in 12-month follow-up  (Devika Shah)
// Dislocated worker; CDL training, placed 2026-06-15, exited 2026-07-10,
// quarterly follow-ups to 2027-07-10 (the first one done).
var caseX7EC5 = story{
	caseID: "2026-X7EC5",
	days: []day{
		on("2026-02-09", "dshah",
			openCase{program: "wioa", manager: "dshah", name: "Derek Whitman"},
			note{"2026-02-09-kh5g", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Derek, 44, ran a press at Eastgate Printing Company for sixteen years until the plant closed in December 2025. Unemployment insurance runs to June.
reason: WIOA career planning intake after the dislocated worker orientation.
observations: Direct and motivated; wants a job with similar pay and no more night shifts. Has a clean driving record and has driven box trucks for the plant.
content: |-
  Reviewed the orientation, eligibility documents and what career planning involves - an Individual Employment Plan developed together, regular contact, training if it fits.
  Interest profiler and a basic skills test today. Talked through commercial driving (CDL Class A), which pays near his old wage, and the regional freight demand.
results: Eligible as a dislocated worker; interested in CDL Class A training.
impressions: Strong candidate for short-term occupational training.
plan: Plan next week; check training providers on the eligible list and their placement rates.
actions:
  - owner: participant
    text: Get a DOT medical exam quote and a copy of his driving record
    due: 2026-02-16
  - owner: manager
    text: Send three CDL providers from the eligible training provider list
    due: 2026-02-11
`},
		),
		on("2026-02-16", "dshah",
			put{"intake.yaml", `
id: 2026-X7EC5
opened: 2026-02-09
program: wioa
status: open
manager: dshah
center: Eastgate Career Center
participant:
  name: Derek Whitman
  phone: 555-0120
  email: derek.whitman@example.com
  address: 95 Mill Road, Eastgate
  channels:
    - phone
    - text
  best_times: mornings
  language: English
eligibility:
  - program: WIOA Title I dislocated worker
    determined: 2026-02-09
    eligible: true
    basis: plant closure layoff notice of 2025-10-15; unemployment insurance claim; work history verified
barriers:
  - kind: financial
    detail: unemployment insurance ends in June; training must finish before then
    status: open
assessments:
  - tool: Interest profiler
    date: 2026-02-09
    summary: realistic and conventional interests; transportation and production occupations
  - tool: Basic skills test
    date: 2026-02-09
    summary: reading and math above the level CDL training requires
skills:
  - press operation
  - preventive maintenance
  - box truck driving
  - forklift
`},
			put{"iep.yaml", `
created: 2026-02-09
updated: 2026-02-16
vision: A steady full-time driving job, home most nights, at the wage he earned at the plant.
employment_goal: Regional truck driver with a CDL Class A
goals:
  - id: G1
    term: short
    text: Earn a CDL Class A by May
    target: 2026-05-15
    status: active
    objectives:
      - id: O1
        text: Enrol in an eligible CDL Class A program funded by a training account
        services:
          - S1
          - S2
      - id: O2
        text: Pass the DOT medical exam and the permit test
        services:
          - S3
    milestones:
      - id: M1
        text: Training account approved and enrolled
        due: 2026-03-13
      - id: M2
        text: Learner's permit
        due: 2026-03-31
      - id: M3
        text: CDL Class A road test passed
        due: 2026-05-15
  - id: G2
    term: long
    text: Work as a regional driver earning at least 25 dollars an hour
    target: 2026-07-31
    status: active
    objectives:
      - id: O3
        text: Apply to regional carriers as soon as he has his CDL
        services:
          - S4
services:
  - id: S1
    name: Career planning and IEP
    code: career-planning
    provider: Eastgate Career Center
    start: 2026-02-09
  - id: S2
    name: Occupational skills training - CDL Class A
    code: training
    provider: Valley Driver Training Institute
    start: 2026-03-16
    end: 2026-05-08
  - id: S3
    name: Supportive service - DOT medical exam fee
    code: supportive-services
    provider: Eastgate Career Center
    start: 2026-03-02
    end: 2026-03-06
  - id: S4
    name: Job search assistance and job referrals
    code: job-search
    provider: Eastgate Career Center
    start: 2026-04-27
next_steps:
  - id: N1
    owner: participant
    text: Visit two CDL schools and compare placement rates
    due: 2026-02-27
  - id: N2
    owner: manager
    text: Submit the training account request
    due: 2026-03-04
job_targets:
  - title: Regional Truck Driver (CDL-A)
    job_family: Transportation
    scope: external
  - title: Local Delivery Driver (CDL-A)
    job_family: Transportation
    scope: external
skill_plan:
  - course: CDL Class A training (eight weeks)
    provider: Valley Driver Training Institute
    start: 2026-03-16
    end: 2026-05-08
    status: planned
`},
			commit{"record intake details and write the Individual Employment Plan"},
		),
		on("2026-03-02", "dshah",
			note{"2026-03-02-n7a6", "contact", "in-person", `
two_way: true
services: [career-planning, training-referral]
background: Derek visited two CDL schools last week.
reason: Choose the training program and request the training account.
observations: Had done his homework - brought both schools' placement rates and a list of questions.
content: He chose Valley Driver Training Institute (eight weeks, placement rate and carrier partnerships better). Submitted the training account request together and approved payment of the DOT medical exam fee as a supportive service.
results: Training account requested; start date 2026-03-16 pending approval.
impressions: Committed and organised.
plan: Call on the first day of training.
`},
			put{"services.yaml", `
referrals:
  - id: R1
    service: CDL Class A training (training account)
    provider: Valley Driver Training Institute
    category: training
    referred: 2026-03-02
    status: referred
  - id: R2
    service: DOT medical exam fee
    provider: Eastgate Occupational Health
    category: supportive
    referred: 2026-03-02
    status: accepted
    updated: 2026-03-05
    outcome: exam passed; fee paid by the center
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-02-27"},
			setItem{"iep.yaml", "id: N2", "done", "2026-03-02"},
			set{"iep.yaml", "updated", "2026-03-02"},
			// The referral records the exam passed on 2026-03-05.
			commitAhead{"refer to CDL training and the medical exam", "2026-03-05"},
		),
		on("2026-03-16", "dshah",
			note{"2026-03-16-gklj", "contact", "phone", `
two_way: true
services: [training-referral]
background: First day of CDL Class A training.
reason: Check in on the first day.
content: Derek is in a class of ten; the training account was approved on 2026-03-10. Classroom for two weeks, then yard and road practice.
results: Enrolled; attendance reports go to the center weekly.
plan: Contact again after the permit test.
`},
		),
		on("2026-04-13", "dshah",
			note{"2026-04-13-mpyk", "contact", "phone", `
two_way: true
services: [career-planning]
background: Midway through CDL training.
reason: Monthly contact and progress check.
observations: Upbeat; said backing the trailer is the hardest part.
content: Passed the permit test on 2026-03-27. Attendance full. Two carriers recruit at the school in May; talked about which to prefer (home time versus pay).
results: On track to finish on 2026-05-08.
plan: Contact after the road test; start job search assistance in late April.
`},
		),
		on("2026-05-11", "dshah",
			note{"2026-05-11-jsns", "contact", "in-person", `
two_way: true
services: [job-search, job-referral]
background: Derek finished training on 2026-05-08 and passed the road test the same day.
reason: Start the job search with his new license.
content: Reviewed his resume for driving jobs, applied together to two regional carriers and referred him to a local carrier that hires through the center. Discussed interview questions carriers ask (safety record, hours of service).
results: Three applications; one referral made.
impressions: Very employable now.
plan: Follow up in two weeks or as soon as he hears back.
`},
			setItem{"services.yaml", "id: R1", "status", "completed"},
			setItem{"services.yaml", "id: R1", "updated", "2026-05-08"},
			setItem{"services.yaml", "id: R1", "outcome", "completed the program; CDL Class A road test passed 2026-05-08"},
			setItem{"iep.yaml", "id: M1", "done", "2026-03-10"},
			setItem{"iep.yaml", "id: M2", "done", "2026-03-27"},
			setItem{"iep.yaml", "id: M3", "done", "2026-05-08"},
			setItem{"iep.yaml", "id: G1", "status", "achieved"},
			setItem{"iep.yaml", "course: CDL Class A training (eight weeks)", "status", "completed"},
			set{"iep.yaml", "updated", "2026-05-11"},
			commit{"training completed; CDL earned"},
		),
		on("2026-06-05", "dshah",
			note{"2026-06-05-ug4t", "contact", "phone", `
two_way: true
services: [job-referral]
background: Derek interviewed with Kestrel Regional Freight and one other carrier.
reason: Follow-up on applications.
content: Kestrel offered a regional driver position, home every night, 26.50 an hour, about 45 hours a week, starting 2026-06-15. The second carrier offered more pay with nights away. He chose Kestrel.
results: Offer accepted.
impressions: Good outcome against his goal.
plan: Call after his first week; exit after a month if all is well.
`},
			put{"outcome.yaml", `
placement:
  employer: Kestrel Regional Freight
  position: Regional Truck Driver (CDL-A)
  start: 2026-06-15
  wage: 26.5
  wage_unit: hour
  hours: 45
  internal: false
`},
			setItem{"iep.yaml", "id: G2", "status", "achieved"},
			commit{"record the placement at Kestrel Regional Freight"},
		),
		on("2026-06-19", "dshah",
			note{"2026-06-19-y4a7", "contact", "text", `
two_way: true
services: [follow-up]
background: Derek started at Kestrel on 2026-06-15.
reason: First-week check-in.
content: Texted in the evening - the first week of ride-along went well; solo routes from next week.
results: No problems.
plan: Exit from services in July; follow-up for twelve months after.
`},
		),
		on("2026-07-10", "dshah",
			note{"2026-07-10-qcp2", "follow-up", "phone", `
two_way: true
services: [follow-up, career-planning]
background: Derek has worked at Kestrel for almost four weeks.
reason: Exit from WIOA services and explain follow-up.
observations: Relaxed; said it is the best job he has had.
content: Confirmed he needs no further services. Explained the twelve months of follow-up - a call every three months - and that he can come back at any time.
results: Exited 2026-07-10; follow-ups scheduled quarterly to 2027-07-10.
plan: First follow-up call in October.
`},
			set{"intake.yaml", "exited", "2026-07-10"},
			setItem{"intake.yaml", "kind: financial", "status", "addressed"},
			appendItems{"outcome.yaml", "follow_ups", "", `
  - due: 2026-10-10
  - due: 2027-01-10
  - due: 2027-04-10
  - due: 2027-07-10
`},
			commit{"exit from services; schedule twelve months of follow-up"},
		),
		on("2026-10-09", "dshah",
			note{"2026-10-09-f5dz", "follow-up", "phone", `
two_way: true
services: [follow-up]
background: First quarterly follow-up after exit.
reason: Follow-up call.
content: Still at Kestrel, now on a fixed route; raise to 27.50 an hour after the 90-day review. No issues; his wife has started a job too.
results: Employed, wage 27.50.
plan: Next follow-up in January.
`},
			setItem{"outcome.yaml", "due: 2026-10-10", "done", "2026-10-09"},
			setItem{"outcome.yaml", "due: 2026-10-10", "employed", "true"},
			setItem{"outcome.yaml", "due: 2026-10-10", "wage", "27.5"},
			setItem{"outcome.yaml", "due: 2026-10-10", "notes", "fixed regional route; raise after the 90-day review"},
			commit{"record the first follow-up"},
		),
		// The plan's career planning and job search had no end date: a
		// service started with no end is under way (TEGL 10-16: no exit
		// while one is), and validate warned that one came after the
		// exit. The counselor ends both on the exit day.
		on("2026-11-21", "dshah",
			setItem{"iep.yaml", "id: S1", "end", "2026-07-10"},
			setItem{"iep.yaml", "id: S1", "status", "completed"},
			setItem{"iep.yaml", "id: S4", "end", "2026-07-10"},
			setItem{"iep.yaml", "id: S4", "status", "completed"},
			commit{"end the plan's career planning and job search on the exit day"},
		),
		// The participant's agreements to the plan (001: the plan is an
		// agreement between the customer and the case manager), recorded
		// from the signed copies once caseplan kept them.
		on("2026-11-25", "dshah",
			appendItems{"iep.yaml", "agreements", "", `
  - date: 2026-02-09
    how: signed
    notes: Signed the plan at the intake meeting; the signed copy is in the paper file.
`},
			commit{"record the participant's agreements to the plan"},
		),
	},
}
