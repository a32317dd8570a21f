package main

// 2026-P4AJ7  WIOA, closed: moved out of state  (Ana Lucero)
// HVAC pre-apprenticeship referral; the customer moved away to care for a
// parent and the case was closed on 2026-08-21.
var caseP4AJ7 = story{
	caseID: "2026-P4AJ7",
	days: []day{
		on("2026-04-20", "alucero",
			openCase{program: "wioa", manager: "alucero", name: "Terrence Hale"},
			note{"2026-04-20-5je7", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Terrence, 24, has worked in restaurant kitchens since high school; the restaurant he cooked at closed in March. He wants a trade.
reason: WIOA career planning intake.
observations: Quiet but clear about wanting a career with a future; good with his hands, has done small repair jobs for his landlord.
content: |-
  Explained career planning and the IEP. Interest profiler and basic skills test.
  Discussed the building trades - the HVAC pre-apprenticeship at Riverside Community College (12 weeks, starts in June) leads to apprenticeship placements.
results: Eligible (dislocated worker); goal HVAC apprentice.
impressions: Good candidate for a pre-apprenticeship.
plan: IEP this week; pre-apprenticeship application.
`},
		),
		on("2026-04-22", "alucero",
			put{"intake.yaml", `
id: 2026-P4AJ7
opened: 2026-04-20
program: wioa
status: open
manager: alucero
center: Riverside Career Center
participant:
  name: Terrence Hale
  phone: 555-0124
  email: thale@example.com
  channels:
    - text
    - phone
  best_times: afternoons
  language: English
eligibility:
  - program: WIOA Title I dislocated worker
    determined: 2026-04-20
    eligible: true
    basis: restaurant closure; separation notice seen
barriers:
  - kind: transportation
    detail: no car; the college campus is two buses away
    status: open
assessments:
  - tool: Interest profiler
    date: 2026-04-20
    summary: realistic interests; building and repair occupations
  - tool: Basic skills test
    date: 2026-04-20
    summary: math at the level the pre-apprenticeship requires
skills:
  - food preparation
  - working under pressure
  - basic repairs
`},
			put{"iep.yaml", `
created: 2026-04-20
updated: 2026-04-22
vision: A skilled trade with a path to a license.
employment_goal: HVAC apprentice
goals:
  - id: G1
    term: short
    text: Complete the HVAC pre-apprenticeship
    target: 2026-08-28
    status: active
    objectives:
      - id: O1
        text: Be accepted into the June cohort
        services:
          - S1
          - S2
      - id: O2
        text: Get to class reliably
        services:
          - S3
    milestones:
      - id: M1
        text: Accepted into the pre-apprenticeship
        due: 2026-05-29
services:
  - id: S1
    name: Career planning and IEP
    code: career-planning
    provider: Riverside Career Center
    start: 2026-04-20
  - id: S2
    name: HVAC pre-apprenticeship
    code: training
    provider: Riverside Community College
    start: 2026-06-08
    end: 2026-08-28
  - id: S3
    name: Transportation assistance (bus pass)
    code: supportive-services
    provider: Riverside Career Center
    start: 2026-06-08
next_steps:
  - id: N1
    owner: participant
    text: Submit the pre-apprenticeship application
    due: 2026-05-08
job_targets:
  - title: HVAC Apprentice
    job_family: Building trades
    scope: external
skill_plan:
  - course: HVAC pre-apprenticeship
    provider: Riverside Community College
    start: 2026-06-08
    end: 2026-08-28
    status: planned
`},
			commit{"record intake details and write the Individual Employment Plan"},
		),
		on("2026-05-12", "alucero",
			note{"2026-05-12-rtfb", "contact", "in-person", `
two_way: true
services: [training-referral, supportive-services]
background: Terrence submitted his pre-apprenticeship application on 2026-05-06.
reason: Training referral and transportation support.
content: Referred him formally to the pre-apprenticeship with a training account, and approved a monthly bus pass for the training period.
results: Both referrals made.
plan: Contact after the college's decision.
`},
			put{"services.yaml", `
referrals:
  - id: R1
    service: HVAC pre-apprenticeship (training account)
    provider: Riverside Community College
    category: training
    referred: 2026-05-12
    status: referred
  - id: R2
    service: Monthly bus pass
    provider: Riverside Transit
    category: supportive
    referred: 2026-05-12
    status: referred
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-05-06"},
			commit{"refer to the pre-apprenticeship and transportation help"},
		),
		on("2026-06-09", "alucero",
			note{"2026-06-09-p6o2", "contact", "phone", `
two_way: true
services: [training-referral]
background: The pre-apprenticeship started on 2026-06-08.
reason: First-week contact.
content: Accepted into the June cohort on 2026-05-27; first day went well. Bus pass received.
results: Enrolled.
plan: Monthly contact.
`},
			setItem{"services.yaml", "id: R1", "status", "in-progress"},
			setItem{"services.yaml", "id: R1", "updated", "2026-06-08"},
			setItem{"services.yaml", "id: R2", "status", "accepted"},
			setItem{"services.yaml", "id: R2", "updated", "2026-06-05"},
			setItem{"iep.yaml", "id: M1", "done", "2026-05-27"},
			setItem{"iep.yaml", "course: HVAC pre-apprenticeship", "status", "enrolled"},
			setItem{"intake.yaml", "kind: transportation", "status", "addressed"},
			commit{"training under way; bus pass in place"},
		),
		on("2026-07-07", "alucero",
			note{"2026-07-07-n75v", "contact", "text", `
two_way: true
services: [career-planning]
background: Monthly contact during training.
reason: Progress check by text.
content: Doing well in the lab sessions; mentioned his mother in North Carolina has been ill.
results: On track in training.
plan: Contact in August.
`},
		),
		on("2026-08-04", "alucero",
			note{"2026-08-04-62nn", "contact", "in-person", `
two_way: true
services: [career-planning]
background: Terrence asked to meet.
reason: Discuss a move out of state.
observations: Upset; has clearly thought it through.
content: His mother needs full-time care and he is moving to North Carolina on 2026-08-20, three weeks before the end of the pre-apprenticeship. The college will give him a transcript of the hours completed. Gave him the details of the career center in his new county and the apprenticeship program there, and how to ask for his records to be shared.
results: Training to stop on 2026-08-19; case to be closed after the move.
impressions: The right decision for his family; his progress carries over.
plan: Close the case as moved after 2026-08-20.
`},
		),
		on("2026-08-21", "alucero",
			note{"2026-08-21-ckx7", "closure", "none", `
background: Terrence moved to North Carolina on 2026-08-20.
reason: Close the case.
content: Training stopped at 10 of 12 weeks with a transcript of hours. Bus pass ended. Sent him a letter with the new center's details.
results: Case closed as moved.
plan: None.
`},
			setItem{"services.yaml", "id: R1", "status", "expired"},
			setItem{"services.yaml", "id: R1", "updated", "2026-08-19"},
			setItem{"services.yaml", "id: R1", "outcome", "left after 10 of 12 weeks to move out of state; transcript of hours issued"},
			setItem{"services.yaml", "id: R2", "status", "completed"},
			setItem{"services.yaml", "id: R2", "updated", "2026-08-19"},
			setItem{"iep.yaml", "course: HVAC pre-apprenticeship", "status", "dropped"},
			setItem{"iep.yaml", "id: G1", "status", "dropped"},
			put{"outcome.yaml", `
closure:
  date: 2026-08-21
  reason: moved
  notes: moved out of state to care for a parent; referred to the career center in his new county
`},
			set{"intake.yaml", "status", "closed"},
			commit{"close the case: moved out of state"},
		),
	},
}
