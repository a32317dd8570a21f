package main

// 2026-V3HT8  post-employment, active  (Jordan Reyes)
// Cash assistance ended 2026-02-28; a nursing assistant and single parent.
// A job-site visit, a child care crisis handled with the contingency plan,
// and a child care subsidy renewal due 2026-12-01.
var caseV3HT8 = story{
	caseID: "2026-V3HT8",
	days: []day{
		on("2026-03-09", "jreyes",
			openCase{program: "post-employment", manager: "jreyes", name: "Monique Avery"},
		),
		on("2026-03-11", "jreyes",
			note{"2026-03-11-gqwx", "intake", "home-visit", `
two_way: true
services: [assessment, career-planning, benefits-counseling]
background: Monique, 27, works full time as a certified nursing assistant at Maple Grove Care Center (day shift, 7 to 3). Cash assistance ended on 2026-02-28 when her earnings passed the limit. Two children, 2 and 7.
reason: Post-employment services intake at home, at her request, after her shift (003).
observations: Organised household; the younger child's day care closes at 5:30 and she relies on one provider.
content: |-
  Explained post-employment services for the twelve months after cash assistance ends.
  Listed benefits and renewal dates and built the contingency plans together - child care, transportation (her car is 14 years old) and a crisis plan.
  She wants to become an LPN in two to three years.
results: Self-sufficiency plan drafted; renewal dates listed.
impressions: Motivated; one broken-down car or closed day care away from crisis.
plan: Write up the plan; ask her employer about tuition help for LPN prerequisites.
actions:
  - owner: participant
    text: Ask HR about the tuition assistance policy
    due: 2026-03-20
`},
			put{"intake.yaml", `
id: 2026-V3HT8
opened: 2026-03-09
program: post-employment
status: open
manager: jreyes
center: Eastgate Career Center
participant:
  name: Monique Avery
  preferred_name: Monique
  phone: 555-0126
  email: monique.avery@example.com
  address: 77 Prospect Avenue, Eastgate
  channels:
    - text
    - phone
    - mail
  best_times: after 4 pm on weekdays
  language: English
team:
  - name: Wendell Price
    role: navigator
    organization: Riverside Transitional Assistance Office
    phone: 555-0151
    notes: former cash assistance caseworker
  - name: Carmen Ruiz
    role: employer
    organization: Maple Grove Care Center
    phone: 555-0152
    notes: director of nursing; contact only with Monique's permission
eligibility:
  - program: Post-employment services
    determined: 2026-03-09
    eligible: true
    basis: cash assistance closed 2026-02-28 due to earnings
barriers:
  - kind: child-care
    detail: one day care provider; closes 5:30 pm
    status: open
  - kind: transportation
    detail: 14-year-old car; no back-up for the 6:30 am commute
    status: open
assessments:
  - tool: Self-sufficiency assessment
    date: 2026-03-11
    summary: steady job; child care and transportation are single points of failure
skills:
  - certified nursing assistant
  - patient care
  - charting
cash_assistance_ended: 2026-02-28
`},
			commit{"record intake details: team, barriers, cash assistance end"},
		),
		on("2026-03-16", "jreyes",
			put{"iep.yaml", `
created: 2026-03-09
updated: 2026-03-16
vision: A nursing career - LPN, then RN - with a home her children can count on.
employment_goal: Keep her CNA job and start LPN prerequisites
goals:
  - id: G1
    term: short
    text: Keep her job and benefits through the first year off cash assistance
    target: 2027-02-28
    status: active
    objectives:
      - id: O1
        text: Renew benefits on time
        services:
          - S1
      - id: O2
        text: Have working back-up plans for child care and transportation
        services:
          - S2
          - S3
    milestones:
      - id: M1
        text: Back-up child care provider identified
        due: 2026-04-30
      - id: M2
        text: Child care subsidy renewal submitted
        due: 2026-11-20
  - id: G2
    term: long
    text: Become a licensed practical nurse
    target: 2028-06-30
    status: active
    objectives:
      - id: O3
        text: Complete LPN prerequisite courses
        services:
          - S4
    milestones:
      - id: M3
        text: Enrolled in the first prerequisite course
        due: 2026-09-30
services:
  - id: S1
    name: Benefits counseling and renewal help
    code: benefits-counseling
    provider: Eastgate Career Center
    start: 2026-03-16
  - id: S2
    name: Child care resource referral
    code: supportive-services
    provider: Eastgate Family Resource Center
    start: 2026-03-16
  - id: S3
    name: Car repair assistance
    code: supportive-services
    provider: Eastgate Community Action
    start: 2026-06-15
  - id: S4
    name: LPN prerequisite courses
    code: training
    provider: Eastgate Community College
    start: 2026-09-08
next_steps:
  - id: N1
    owner: participant
    text: Visit the two back-up day care homes on the resource list
    due: 2026-04-17
  - id: N2
    owner: manager
    text: Set monthly contact dates after 4 pm and mail a calendar
    due: 2026-03-20
job_targets:
  - title: Certified Nursing Assistant (retention)
    job_family: Healthcare
    scope: external
  - title: Licensed Practical Nurse
    job_family: Healthcare
    scope: external
skill_plan:
  - course: Anatomy and Physiology I (LPN prerequisite)
    provider: Eastgate Community College
    start: 2026-09-08
    end: 2026-12-18
    status: planned
self_sufficiency:
  plan: Keep the CNA job and transitional benefits for the full year, build an emergency fund of 300 dollars, and start LPN prerequisites in September with employer tuition help.
  contingency:
    child_care: Back-up family day care home on her street (to be confirmed); her mother can take the children on weekends and one weekday.
    transportation: Bus 12 runs from 6:05 am to the care center; a co-worker lives nearby and can give a ride; car repair assistance referral if the car fails.
    crisis: Call or text Jordan Reyes; Eastgate family help line for evenings and weekends; emergency fund for car fares and food.
  benefits:
    - name: Income-eligible child care subsidy
      renewal: 2026-12-01
      status: active
      notes: bring four pay stubs and the provider form
    - name: SNAP (food assistance)
      renewal: 2027-02-01
      status: active
    - name: Transitional health coverage
      renewal: 2027-02-28
      status: active
      notes: employer plan available after 90 days; compare in June
`},
			setItem{"iep.yaml", "id: N2", "done", "2026-03-16"},
			commit{"write the self-sufficiency plan"},
		),
		on("2026-04-13", "jreyes",
			note{"2026-04-13-dmep", "contact", "phone", `
two_way: true
services: [retention, supportive-services]
background: Monthly contact, after 4 pm as planned.
reason: Check the back-up child care plan and work.
content: Monique visited both day care homes; the one on her street has a back-up place and accepts the subsidy. HR confirmed tuition assistance of 1,500 dollars a year after six months of service.
results: Back-up child care confirmed.
plan: Job-site visit in May if she and her employer agree.
`},
		),
		on("2026-05-20", "jreyes",
			note{"2026-05-20-vbau", "contact", "job-site", `
two_way: true
services: [retention]
background: Monique gave permission for a short visit at Maple Grove, and the director of nursing agreed (003 - only with permission).
reason: Job-site visit.
observations: Calm, efficient, good rapport with residents; the director called her one of the most dependable aides.
content: Fifteen minutes with Monique and the director at shift change. Discussed the tuition assistance and a schedule that lets her take one evening class.
results: Employer supports an evening class from September.
impressions: Strong retention.
plan: Monthly contact; car check in June.
`},
		),
		on("2026-06-15", "jreyes",
			note{"2026-06-15-ueom", "contact", "phone", `
two_way: true
services: [supportive-services, benefits-counseling]
background: Monique's car failed inspection last week.
reason: Transportation contingency and health coverage comparison.
content: She used the bus and co-worker rides as planned and missed no shifts. Referred her to Eastgate Community Action for car repair assistance. Compared the employer health plan - she will keep transitional coverage for the children until February.
results: Car repair referral made; contingency plan worked.
plan: Check on the repair in July.
`},
			put{"services.yaml", `
referrals:
  - id: R1
    service: Back-up family day care (subsidy accepted)
    provider: Eastgate Family Resource Center
    category: supportive
    referred: 2026-03-16
    status: completed
    updated: 2026-04-10
    outcome: back-up place confirmed on her street
  - id: R2
    service: Car repair assistance
    provider: Eastgate Community Action
    category: supportive
    referred: 2026-06-15
    status: referred
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-04-10"},
			setItem{"iep.yaml", "id: M1", "done", "2026-04-10"},
			set{"iep.yaml", "updated", "2026-06-15"},
			commit{"refer to car repair assistance; back-up child care confirmed"},
		),
		on("2026-07-13", "jreyes",
			note{"2026-07-13-4qii", "contact", "text", `
two_way: true
services: [supportive-services]
background: Monthly contact by text, in the evening.
reason: Car repair and work.
content: Car repair grant approved; repaired on 2026-07-08 and passed inspection. Work is fine; she is saving 25 dollars a week.
results: Transportation back to normal.
plan: Enrol in the prerequisite course in August.
`},
		),
		on("2026-08-06", "jreyes",
			note{"2026-08-06-sk57", "contact", "phone", `
two_way: true
services: [crisis-intervention, supportive-services]
background: Monique called at 6 pm - her regular day care closes tomorrow for three weeks after a licensing inspection.
reason: Crisis - child care (003 - crisis intervention).
observations: Frightened about missing work; calmer once we went through the plan.
content: Activated the contingency plan - the back-up day care home can take her son full time for three weeks with the subsidy transferring; her mother covers the first day. Called the Family Resource Center the next morning to move the subsidy.
results: No missed shifts; subsidy moved temporarily.
impressions: The contingency plan did its job.
plan: Check in when the regular day care reopens.
`},
			appendItems{"services.yaml", "referrals", "", `
  - id: R3
    service: Temporary subsidy transfer to the back-up provider
    provider: Eastgate Family Resource Center
    category: supportive
    referred: 2026-08-07
    status: completed
    updated: 2026-08-28
    outcome: three weeks at the back-up provider; back at the regular day care from 2026-08-31
`},
			setItem{"services.yaml", "id: R2", "status", "completed"},
			setItem{"services.yaml", "id: R2", "updated", "2026-07-08"},
			setItem{"services.yaml", "id: R2", "outcome", "brakes and exhaust repaired; passed inspection"},
			commitAhead{"record the emergency child care arrangement; car repaired", "2026-08-28"}, // referral R3 is dated 2026-08-07 and 2026-08-28
		),
		on("2026-09-14", "jreyes",
			note{"2026-09-14-okmz", "contact", "in-person", `
two_way: true
services: [career-planning, retention]
background: Six months after cash assistance ended.
reason: Plan review (001 - the plan is updated regularly).
content: Reviewed the self-sufficiency plan. Her regular day care reopened on 2026-08-31. She started Anatomy and Physiology I on 2026-09-08 (Tuesday evenings), with employer tuition help. Emergency fund at 310 dollars.
results: Milestone met - enrolled in the first prerequisite.
impressions: On track on every goal.
plan: Benefit renewal for child care due 2026-12-01; start paperwork in November.
`},
			setItem{"iep.yaml", "id: M3", "done", "2026-09-08"},
			setItem{"iep.yaml", "course: Anatomy and Physiology I (LPN prerequisite)", "status", "enrolled"},
			appendItems{"iep.yaml", "reviews", "self_sufficiency", `
  - date: 2026-09-14
    by: jreyes
    summary: Six-month review; contingency plan worked in the August child care closure; first LPN prerequisite under way.
`},
			set{"iep.yaml", "updated", "2026-09-14"},
			commit{"six-month plan review"},
		),
		on("2026-10-19", "jreyes",
			note{"2026-10-19-z4ko", "contact", "phone", `
two_way: true
services: [retention]
background: Monthly contact.
reason: Evening call.
content: Mid-term exam passed with a B. Work is steady; she picked up two extra shifts. Reminded her the child care subsidy renewal is due 2026-12-01 and what to bring.
results: Renewal appointment booked for 2026-11-16.
plan: Help with the renewal in November.
`},
		),
		on("2026-11-16", "jreyes",
			note{"2026-11-16-3vuc", "contact", "in-person", `
two_way: true
services: [benefits-counseling]
background: The child care subsidy renewal is due on 2026-12-01 (003 - maintain eligibility).
reason: Renewal appointment.
content: Completed the renewal together with four pay stubs and the provider form; her income is still within the limit with the extra shifts. Submitted online during the meeting.
results: Renewal submitted two weeks early.
plan: Confirm approval in December; SNAP renewal in February.
`},
			setItem{"iep.yaml", "id: M2", "done", "2026-11-16"},
			setItem{"iep.yaml", "name: Income-eligible child care subsidy", "status", "pending"},
			setItem{"iep.yaml", "name: Income-eligible child care subsidy", "notes", "renewal submitted 2026-11-16; decision expected by 2026-12-01"},
			set{"iep.yaml", "updated", "2026-11-16"},
			commit{"child care subsidy renewal submitted"},
		),
	},
}
