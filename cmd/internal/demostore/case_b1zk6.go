package main

// 2026-B1ZK6  post-employment, closed at the participant's request  (Ana Lucero)
// Cash assistance ended 2025-12-31; employed as a pharmacy technician.
// Self-sufficiency plan, benefit renewals, a job-site visit with permission,
// a promotion in September, closed 2026-10-16.
var caseB1ZK6 = story{
	caseID: "2026-B1ZK6",
	days: []day{
		on("2026-01-20", "alucero",
			openCase{program: "post-employment", manager: "alucero", name: "Keisha Bryant"},
		),
		on("2026-01-22", "alucero",
			note{"2026-01-22-rq5s", "intake", "in-person", `
two_way: true
services: [assessment, career-planning, benefits-counseling]
background: Keisha, 31, left cash assistance on 2025-12-31 after starting full time as a pharmacy technician at Riverside Community Pharmacy in December. Two children, 6 and 10.
reason: Post-employment services intake (003); met at 5:30 pm because she works days.
observations: Proud of the new job and tired; worried about what happens when her transitional benefits end.
content: |-
  Explained post-employment services - twelve months after cash assistance ends, a self-sufficiency plan, contingency plans, help keeping benefits, and job retention and advancement support.
  Listed her benefits and renewal dates. Discussed back-up child care for school vacations and sick days, and her commute (one bus, 35 minutes).
  Agreed evening phone calls and texts; no calls at work.
results: Benefits and renewal dates listed; contingency planning started.
impressions: Stable job, thin back-up plans; child care is the weak point.
plan: Self-sufficiency plan next week.
actions:
  - owner: participant
    text: Ask her sister and a neighbour about back-up child care
    due: 2026-01-27
`},
			put{"intake.yaml", `
id: 2026-B1ZK6
opened: 2026-01-20
program: post-employment
status: open
manager: alucero
center: Riverside Career Center
participant:
  name: Keisha Bryant
  preferred_name: Keisha
  phone: 555-0125
  email: keisha.bryant@example.com
  address: 302 Elm Street, Apt 4B, Riverside
  channels:
    - text
    - phone
  best_times: evenings after 6; never during her shift
  language: English
team:
  - name: Wendell Price
    role: navigator
    organization: Riverside Transitional Assistance Office
    phone: 555-0151
    notes: former cash assistance caseworker; shares benefit renewal notices with permission
eligibility:
  - program: Post-employment services
    determined: 2026-01-20
    eligible: true
    basis: cash assistance closed 2025-12-31 due to earnings
barriers:
  - kind: child-care
    detail: no back-up care for school vacations and sick days
    status: open
assessments:
  - tool: Self-sufficiency assessment
    date: 2026-01-22
    summary: stable income; benefits renewals and back-up child care are the risks
skills:
  - pharmacy technician (state registered)
  - customer service
  - insurance claims at the counter
cash_assistance_ended: 2025-12-31
`},
			commit{"record intake details: team, barriers, cash assistance end"},
		),
		on("2026-01-27", "alucero",
			put{"iep.yaml", `
created: 2026-01-20
updated: 2026-01-27
vision: Financially independent, with savings, and a step up at the pharmacy within a year.
employment_goal: Keep her pharmacy technician job and move up to lead technician
goals:
  - id: G1
    term: short
    text: Keep her job and her benefits through the first six months off cash assistance
    target: 2026-06-30
    status: active
    objectives:
      - id: O1
        text: Renew every benefit on time
        services:
          - S1
      - id: O2
        text: Put back-up child care in place
        services:
          - S2
    milestones:
      - id: M1
        text: Back-up child care arranged for school vacation week
        due: 2026-02-13
      - id: M2
        text: SNAP recertification submitted
        due: 2026-06-15
  - id: G2
    term: long
    text: Advance to lead pharmacy technician
    target: 2026-12-31
    status: active
    objectives:
      - id: O3
        text: Complete the compounding certificate her employer values
        services:
          - S3
services:
  - id: S1
    name: Benefits counseling and renewal help
    code: benefits-counseling
    provider: Riverside Career Center
    start: 2026-01-27
  - id: S2
    name: Child care resource referral
    code: supportive-services
    provider: Riverside Child Care Resource Center
    start: 2026-02-02
  - id: S3
    name: Compounding certificate course
    code: training
    provider: Riverside Community College
    start: 2026-04-06
    end: 2026-06-26
next_steps:
  - id: N1
    owner: participant
    text: Send copies of her benefit notices
    due: 2026-02-03
  - id: N2
    owner: manager
    text: Plan contact dates for the year (evening calls, monthly)
    due: 2026-01-30
    done: 2026-01-27
job_targets:
  - title: Lead Pharmacy Technician
    job_family: Pharmacy
    scope: both
skill_plan:
  - course: Sterile and non-sterile compounding certificate
    provider: Riverside Community College
    start: 2026-04-06
    end: 2026-06-26
    status: planned
self_sufficiency:
  plan: Keep the job and transitional benefits, build a 500 dollar emergency fund by summer, and add the compounding certificate to qualify for lead technician.
  contingency:
    child_care: Sister covers school vacation mornings; neighbour covers sick days up to two a month; the school's after-care program as the regular arrangement.
    transportation: Bus is the primary route; a co-worker on the same line can give a ride; taxi voucher from the center for emergencies.
    crisis: Call Ana Lucero (evening messages answered next morning) or the Riverside 24-hour family help line; emergency fund for car fares and food.
  benefits:
    - name: SNAP (food assistance)
      renewal: 2026-06-30
      status: active
    - name: Transitional child care subsidy
      renewal: 2026-07-01
      status: active
      notes: needs four recent pay stubs at renewal
    - name: Transitional health coverage
      renewal: 2026-12-31
      status: active
      notes: employer coverage becomes available after 90 days; compare costs in March
`},
			commit{"write the self-sufficiency plan"},
		),
		on("2026-02-17", "alucero",
			note{"2026-02-17-xtdb", "contact", "phone", `
two_way: true
services: [retention, supportive-services]
background: Monthly contact; school vacation week was 2026-02-16 to 2026-02-20.
reason: Evening call to check the child care back-up plan and work.
content: The back-up plan worked - her sister had the children Monday to Wednesday and the after-care vacation program the rest. Work is good; she asked about employer health coverage, which starts in March.
results: Contingency plan used successfully.
plan: Compare employer coverage and transitional coverage in March.
`},
		),
		on("2026-03-10", "alucero",
			note{"2026-03-10-gwwg", "contact", "phone", `
two_way: true
services: [benefits-counseling, training-referral]
background: Employer health coverage became available on 2026-03-01.
reason: Compare coverage and start the compounding certificate referral.
content: Compared the employer plan with transitional coverage; transitional coverage is cheaper for the children until December, employer plan for her. She enrolled herself in the employer plan. Referred her to the compounding certificate; her employer pays half.
results: Coverage decision made; training referral made.
plan: Job-site visit in April, with her permission.
`},
			put{"services.yaml", `
referrals:
  - id: R1
    service: Back-up child care options
    provider: Riverside Child Care Resource Center
    category: supportive
    referred: 2026-02-02
    status: completed
    updated: 2026-02-11
    outcome: list of vacation programs; after-care vacation week booked
  - id: R2
    service: Compounding certificate (tuition shared with the employer)
    provider: Riverside Community College
    category: training
    referred: 2026-03-10
    status: referred
`},
			setItem{"iep.yaml", "id: M1", "done", "2026-02-13"},
			setItem{"iep.yaml", "id: N1", "done", "2026-02-02"},
			set{"iep.yaml", "updated", "2026-03-10"},
			commit{"record referrals: child care options, compounding certificate"},
		),
		on("2026-04-14", "alucero",
			note{"2026-04-14-n7qr", "contact", "job-site", `
two_way: true
services: [retention]
background: Keisha agreed to a short visit at the pharmacy, and her manager agreed as well (003 - job-site visits only with the participant's permission).
reason: Job-site visit.
observations: Busy counter; Keisha handled an insurance rejection calmly. Her manager praised her reliability.
content: Met Keisha and the pharmacy manager for fifteen minutes after the lunch rush. The manager confirmed a lead technician opening in the autumn and that the compounding certificate would count.
results: Advancement path confirmed.
impressions: Well regarded; advancement is realistic.
plan: Monthly evening calls; SNAP renewal in June.
`},
		),
		on("2026-06-09", "alucero",
			note{"2026-06-09-kmef", "contact", "in-person", `
two_way: true
services: [benefits-counseling]
background: SNAP recertification and the child care subsidy renewal are due this month and next.
reason: Help with the renewals (003 - maintain eligibility).
content: Completed the SNAP recertification together and gathered four pay stubs for the child care subsidy renewal. Her income is still within the subsidy limit.
results: SNAP recertification submitted; child care renewal ready to submit.
plan: Confirm both approvals in July.
`},
			setItem{"services.yaml", "id: R2", "status", "in-progress"},
			setItem{"services.yaml", "id: R2", "updated", "2026-04-06"},
			setItem{"iep.yaml", "course: Sterile and non-sterile compounding certificate", "status", "enrolled"},
			setItem{"iep.yaml", "id: M2", "done", "2026-06-09"},
			setItem{"iep.yaml", "name: SNAP (food assistance)", "renewal", "2026-12-31"},
			setItem{"iep.yaml", "name: Transitional child care subsidy", "status", "pending"},
			set{"iep.yaml", "updated", "2026-06-09"},
			commit{"benefit renewals submitted; certificate course under way"},
		),
		on("2026-08-11", "alucero",
			note{"2026-08-11-nwzo", "contact", "phone", `
two_way: true
services: [retention, benefits-counseling]
background: Monthly contact; she finished the compounding certificate on 2026-06-26.
reason: Evening call.
content: SNAP recertified to December; the child care subsidy renewed to 2027-07-01. Emergency fund at 450 dollars. Applied for the lead technician post.
results: Benefits secure; advancement application in.
plan: Call in September.
`},
		),
		on("2026-09-15", "alucero",
			note{"2026-09-15-l3fi", "contact", "phone", `
two_way: true
services: [retention]
background: Keisha interviewed for lead technician on 2026-09-08.
reason: Evening call.
observations: Delighted.
content: She was promoted to lead pharmacy technician from 2026-09-14 with a raise to 24.75 an hour. Talked through the new schedule (one late shift a week) and adjusted the child care contingency - her sister covers the late shift.
results: Promoted; contingency plan updated.
impressions: The long-term goal is met; she is stable.
plan: Discuss closing the case in October.
`},
			setItem{"iep.yaml", "name: Transitional child care subsidy", "status", "active"},
			setItem{"iep.yaml", "name: Transitional child care subsidy", "renewal", "2027-07-01"},
			setItem{"iep.yaml", "course: Sterile and non-sterile compounding certificate", "status", "completed"},
			setItem{"services.yaml", "id: R2", "status", "completed"},
			setItem{"services.yaml", "id: R2", "updated", "2026-06-26"},
			setItem{"services.yaml", "id: R2", "outcome", "certificate earned"},
			setItem{"iep.yaml", "id: G1", "status", "achieved"},
			setItem{"iep.yaml", "id: G2", "status", "achieved"},
			appendItems{"iep.yaml", "reviews", "self_sufficiency", `
  - date: 2026-09-15
    by: alucero
    summary: Promoted to lead technician; benefits renewed; child care contingency updated for one late shift a week.
`},
			set{"iep.yaml", "updated", "2026-09-15"},
			commit{"review the plan after the promotion; benefits renewed, certificate earned"},
		),
		on("2026-10-16", "alucero",
			note{"2026-10-16-ofq7", "closure", "phone", `
two_way: true
services: [retention]
background: Keisha has been off cash assistance since 2025-12-31 and promoted in September.
reason: She asked to end post-employment services.
content: Agreed to close. Reviewed her renewal dates (SNAP in December, health coverage in December, child care subsidy in July 2027) and gave her the center's number for the rest of the twelve months.
results: Case closed at her request.
plan: None.
`},
			put{"outcome.yaml", `
closure:
  date: 2026-10-16
  reason: withdrew
  notes: asked to end services after her promotion; stable job, benefits renewed
`},
			set{"intake.yaml", "status", "closed"},
			setItem{"intake.yaml", "kind: child-care", "status", "addressed"},
			commit{"close the case at the participant's request"},
		),
	},
}
