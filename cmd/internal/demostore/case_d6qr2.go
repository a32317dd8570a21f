package main

// 2026-D6QR2  post-employment, active  (Jordan Reyes)
// A night-shift warehouse associate reached by text (003 - people unavailable
// in the daytime); forklift certification, a conflict with a supervisor, and
// a raise.
var caseD6QR2 = story{
	caseID: "2026-D6QR2",
	days: []day{
		on("2026-05-18", "jreyes",
			openCase{program: "post-employment", manager: "jreyes", name: "Luis Navarro"},
		),
		on("2026-05-20", "jreyes",
			note{"2026-05-20-toqs", "intake", "in-person", `
two_way: true
services: [assessment, career-planning, benefits-counseling]
background: Luis, 34, works nights (10 pm to 6:30 am) as a warehouse associate at Brookside Distribution since March. Cash assistance ended on 2026-04-30. Lives with his wife and their daughter, 3. Spanish is his first language.
reason: Post-employment services intake, at 4 pm before his shift (003).
observations: Friendly, a little guarded; tired. Prefers Spanish for detailed conversations and texts for quick ones.
content: |-
  Explained post-employment services in Spanish and English. Built the benefits list and contingency plans.
  He gets a ride home at 6:30 am from a co-worker; on nights without the ride he waits for the first bus at 5:50 am.
  He wants the forklift certification - it pays 1.75 more an hour at Brookside.
results: Plan drafted; contact by text in the afternoons.
impressions: Reliable worker; transportation and a supervisor he finds difficult are the risks.
plan: Write the plan; ask Brookside about forklift training.
`},
			put{"intake.yaml", `
id: 2026-D6QR2
opened: 2026-05-18
program: post-employment
status: open
manager: jreyes
center: Eastgate Career Center
participant:
  name: Luis Navarro
  preferred_name: Luis
  phone: 555-0127
  channels:
    - text
    - phone
  best_times: 2 to 5 pm; texts any time, replies after 2 pm
  language: Spanish
eligibility:
  - program: Post-employment services
    determined: 2026-05-18
    eligible: true
    basis: cash assistance closed 2026-04-30 due to earnings
barriers:
  - kind: transportation
    detail: night shift ends before buses run; relies on a co-worker's ride
    status: open
  - kind: language
    detail: prefers Spanish for paperwork and detailed conversations
    status: open
assessments:
  - tool: Self-sufficiency assessment
    date: 2026-05-20
    summary: new job, steady hours; transportation and workplace relations are the risks
skills:
  - order picking
  - inventory scanning
  - pallet jack
cash_assistance_ended: 2026-04-30
`},
			commit{"record intake details: barriers, cash assistance end"},
		),
		on("2026-05-27", "jreyes",
			put{"iep.yaml", `
created: 2026-05-18
updated: 2026-05-27
vision: A steadier life with better pay and day shifts within two years.
employment_goal: Keep his warehouse job and earn the forklift certification
goals:
  - id: G1
    term: short
    text: Keep his job through the first year off cash assistance
    target: 2027-04-30
    status: active
    objectives:
      - id: O1
        text: Get to and from night shifts reliably
        services:
          - S1
      - id: O2
        text: Keep SNAP and health coverage through their renewals
        services:
          - S2
    milestones:
      - id: M1
        text: Back-up ride plan for nights without the co-worker
        due: 2026-06-30
  - id: G2
    term: long
    text: Earn the forklift certification and move to a day-shift equipment role
    target: 2027-06-30
    status: active
    objectives:
      - id: O3
        text: Complete forklift operator training
        services:
          - S3
    milestones:
      - id: M2
        text: Forklift certification earned
        due: 2026-09-30
services:
  - id: S1
    name: Transportation assistance
    code: supportive-services
    provider: Eastgate Community Action
    start: 2026-06-01
  - id: S2
    name: Benefits counseling (in Spanish)
    code: benefits-counseling
    provider: Eastgate Career Center
    start: 2026-05-27
  - id: S3
    name: Forklift operator training
    code: training
    provider: Eastgate Adult Learning Center
    start: 2026-08-01
    end: 2026-08-29
next_steps:
  - id: N1
    owner: participant
    text: Ask his supervisor about Brookside's forklift training policy
    due: 2026-06-05
job_targets:
  - title: Forklift Operator
    job_family: Warehousing
    scope: both
skill_plan:
  - course: Forklift operator certification
    provider: Eastgate Adult Learning Center
    start: 2026-08-01
    end: 2026-08-29
    status: planned
self_sufficiency:
  plan: Keep the night-shift job for the first year, renew SNAP and health coverage on time, get the forklift certification for a raise, and aim for a day shift in 2027.
  contingency:
    child_care: His wife cares for their daughter at home; her sister can cover if his wife starts work.
    transportation: Co-worker ride home; on nights without it, a ride-share paid from the transportation fund, or the 5:50 am bus.
    crisis: Text Jordan Reyes (answers by noon); Eastgate family help line in Spanish for evenings; talk to HR before walking off the job over any conflict.
  benefits:
    - name: SNAP (food assistance)
      renewal: 2026-10-31
      status: active
    - name: Transitional health coverage
      renewal: 2027-04-30
      status: active
      notes: his daughter's coverage continues; compare the employer plan in August
`},
			commit{"write the self-sufficiency plan"},
		),
		on("2026-06-17", "jreyes",
			note{"2026-06-17-q7fs", "contact", "text", `
two_way: true
services: [retention, supportive-services]
background: Monthly contact by text in Spanish, afternoon.
reason: Check work and the ride plan.
content: Work going well. Two nights without the ride this month; he waited for the bus and got home at 7. Brookside pays for forklift training only after a year, so we will look for a community course. Offered the transportation fund for ride-shares on those nights.
results: Transportation fund referral to be made; forklift course search.
plan: Referrals in early July.
`},
		),
		on("2026-07-08", "jreyes",
			note{"2026-07-08-iv3b", "contact", "phone", `
two_way: true
services: [supportive-services, training-referral]
background: Luis asked for the transportation fund and a forklift course.
reason: Make both referrals.
content: Referred him to Eastgate Community Action's transportation fund (ride-share credits for early-morning shifts) and to the Adult Learning Center's four-week forklift certification (Saturday mornings, August).
results: Both referrals made.
plan: Check on enrolment in August.
`},
			put{"services.yaml", `
referrals:
  - id: R1
    service: Transportation fund - ride-share credits for early-morning shift ends
    provider: Eastgate Community Action
    category: supportive
    referred: 2026-07-08
    status: referred
  - id: R2
    service: Forklift operator certification
    provider: Eastgate Adult Learning Center
    category: training
    referred: 2026-07-08
    status: referred
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-06-12"},
			commit{"refer to the transportation fund and forklift training"},
		),
		on("2026-08-12", "jreyes",
			note{"2026-08-12-refr", "contact", "text", `
two_way: true
services: [retention]
background: Monthly contact by text.
reason: Check the course and the ride-share credits.
content: Ride-share credits approved; used three times. Forklift course started on 2026-08-01, Saturdays. He is tired but says it is worth it.
results: Both referrals accepted.
plan: Call in September after the certification test.
`},
		),
		on("2026-09-09", "jreyes",
			note{"2026-09-09-o5qw", "contact", "in-person", `
two_way: true
services: [crisis-intervention, retention]
background: Luis texted on 2026-09-08 that he was close to quitting after his shift supervisor shouted at him in front of the team.
reason: Crisis intervention - a difficult supervisor (003).
observations: Angry and embarrassed; calmer after talking it through. Had not walked off, as his crisis plan says.
content: Met at 3 pm before his shift. Talked through what happened and his options. Practised in Spanish and English what to say to HR. He passed the forklift certification on 2026-08-29 - quitting would lose the raise he is now eligible for.
results: He will ask HR for a meeting this week and ask to move to the forklift crew, under another lead.
impressions: The crisis plan held; he needs support through the HR conversation.
plan: Text after the HR meeting.
actions:
  - owner: participant
    text: Request a meeting with HR about the incident and the forklift crew opening
    due: 2026-09-11
`},
			setItem{"services.yaml", "id: R1", "status", "accepted"},
			setItem{"services.yaml", "id: R1", "updated", "2026-07-20"},
			setItem{"iep.yaml", "id: M1", "done", "2026-07-20"},
			setItem{"services.yaml", "id: R2", "status", "completed"},
			setItem{"services.yaml", "id: R2", "updated", "2026-08-29"},
			setItem{"services.yaml", "id: R2", "outcome", "certified forklift operator"},
			setItem{"iep.yaml", "id: M2", "done", "2026-08-29"},
			setItem{"iep.yaml", "course: Forklift operator certification", "status", "completed"},
			commit{"ride credits in place; forklift certification earned"},
		),
		on("2026-10-07", "jreyes",
			note{"2026-10-07-c2go", "contact", "phone", `
two_way: true
services: [retention, benefits-counseling]
background: Follow-up after the HR meeting of 2026-09-11.
reason: Monthly contact; SNAP renewal is due on 2026-10-31.
content: HR moved him to the forklift crew from 2026-09-21 with the 1.75 raise (now 20.25 an hour), under a different lead. Helped with the SNAP renewal form in Spanish; with the raise the benefit goes down but continues.
results: Moved to the forklift crew with a raise; SNAP renewal submitted.
impressions: A turning point - better pay and a better supervisor.
plan: Confirm SNAP in November.
`},
			setItem{"iep.yaml", "name: SNAP (food assistance)", "status", "pending"},
			appendItems{"iep.yaml", "reviews", "self_sufficiency", `
  - date: 2026-10-07
    by: jreyes
    summary: Forklift certified and moved to the forklift crew with a raise; SNAP renewal submitted; transportation plan working.
`},
			set{"iep.yaml", "updated", "2026-10-07"},
			commit{"review the plan: raise and new crew"},
		),
		on("2026-11-04", "jreyes",
			note{"2026-11-04-hczl", "contact", "text", `
two_way: true
services: [benefits-counseling]
background: Monthly contact by text.
reason: SNAP renewal outcome.
content: SNAP renewed to 2027-04-30 at a lower amount. Work is good on the forklift crew. Still using ride credits two or three times a month.
results: Benefits renewed.
plan: Call in mid-November about day-shift openings.
`},
			setItem{"iep.yaml", "name: SNAP (food assistance)", "status", "active"},
			setItem{"iep.yaml", "name: SNAP (food assistance)", "renewal", "2027-04-30"},
			set{"iep.yaml", "updated", "2026-11-04"},
			commit{"SNAP renewed"},
		),
		on("2026-11-18", "jreyes",
			note{"2026-11-18-m3ri", "contact", "phone", `
two_way: true
services: [career-planning, retention]
background: Luis asked about day-shift forklift jobs.
reason: Advancement planning.
content: Brookside posts day-shift openings in January. Talked through applying internally and, if not, two other distribution centers that hire certified operators for days. His wife is looking for part-time work, so the child care contingency may be needed.
results: Plan to apply internally in January.
plan: Update the plan at the next contact; check the child care back-up with his sister-in-law.
`},
		),
	},
}
