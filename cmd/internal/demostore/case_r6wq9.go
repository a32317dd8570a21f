package main

// 2026-R6WQ9  work security, closed: separated  (Marcus Bell)
// A half-time position; notice 2026-02-02, layoff 2026-04-03. The search
// stalled in May, the joint committee denied an extension, and the case
// closed at the end of the work security period with separation planning.
var caseR6WQ9 = story{
	caseID: "2026-R6WQ9",
	days: []day{
		on("2026-02-03", "mbell",
			openCase{program: "work-security", manager: "mbell", name: "Dennis Koval", noticeDate: "2026-02-02", layoffDate: "2026-04-03"},
		),
		on("2026-02-05", "mbell",
			note{"2026-02-05-zvme", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Dennis is a half-time Lab Operations Assistant at the Center for Materials Research. The center's equipment grant moves to a partner institution and his position ends on 2026-04-03.
reason: Intake meeting for the work security program (000).
observations: Quiet, answered in few words; said he has not looked for a job in eleven years. Works half time by choice and wants to keep mornings free for his father's care.
content: |-
  Explained the program, the 60-day notification period, the work security period to 2026-07-02 and what counts as an active search.
  Completed the Skills Assessment Form and the job-hunt readiness checklist. No current resume.
  Discussed half-time targets and the job-share idea in the program guide - pairing with another part-time candidate to be marketed as one full-time position.
results: Agreed targets (lab and stockroom support, 0.5 to 0.6 FTE, grades 052 to 054) and weekly check-ins on Thursdays by phone.
impressions: Reliable worker with a narrow search; the half-time constraint and interview nerves are the risks.
plan: Resume draft within a week; plan and references next.
actions:
  - owner: participant
    text: Bring a list of jobs held and equipment used to draft the resume
    due: 2026-02-10
  - owner: manager
    text: Ask the union about half-time candidates for a job share
    due: 2026-02-12
`},
			put{"intake.yaml", `
id: 2026-R6WQ9
opened: 2026-02-03
program: work-security
status: open
manager: mbell
center: Riverside Career Center
participant:
  name: Dennis Koval
  phone: 555-0114
  email: dkoval@example.com
  address: 7 Orchard Court, Apt 2, Riverside
  channels:
    - phone
  best_times: afternoons after 1
  language: English
team:
  - name: Ines Ferreira
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0182
    email: iferreira@nsu.example.org
  - name: Paul Szabo
    role: hr-laying-off
    organization: Northfield University, Center for Materials Research
    phone: 555-0184
    email: pszabo@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-02-03
    eligible: true
    basis: layoff notice of 2026-02-02; eleven years of service
barriers:
  - kind: other
    detail: caregiver for his father in the mornings; needs half-time afternoon work
    status: open
assessments:
  - tool: Skills Assessment Form
    date: 2026-02-05
    summary: equipment upkeep, inventory and safety records; limited computer skills
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-02-05
    summary: no resume, no interview in eleven years; knows the labs well
skills:
  - laboratory equipment upkeep
  - chemical inventory
  - safety records
layoff:
  notice_date: 2026-02-02
  layoff_date: 2026-04-03
  grant_funding_ended: false
  position: Lab Operations Assistant
  grade: "053"
  fte: 0.5
  department: Center for Materials Research
toolbox:
  resume: none
  cover_letter: none
  thank_you_letter: none
`},
			commit{"record the intake meeting: participant, team, barriers, layoff"},
		),
		on("2026-02-11", "mbell",
			put{"iep.yaml", `
created: 2026-02-03
updated: 2026-02-11
vision: Half-time laboratory support work at Northfield, afternoons, close to home.
employment_goal: Laboratory or stockroom assistant, 0.5 to 0.6 FTE, grade 052 to 054
goals:
  - id: G1
    term: short
    text: Be placed in a half-time lab support position by the end of the work security period
    target: 2026-07-02
    status: active
    objectives:
      - id: O1
        text: Have a resume and a cover letter by 2026-02-20
        services:
          - S1
      - id: O2
        text: Apply to every half-time lab or stockroom posting each week
        services:
          - S2
          - S3
      - id: O3
        text: Practise interviewing
        services:
          - S4
    milestones:
      - id: M1
        text: Resume and cover letter final
        due: 2026-02-20
      - id: M2
        text: Three references agreed
        due: 2026-03-06
      - id: M3
        text: First interview
        due: 2026-04-03
services:
  - id: S1
    name: Toolbox writing help
    code: resume-help
    provider: Riverside Career Center
    start: 2026-02-11
    end: 2026-02-20
  - id: S2
    name: Job search plan and weekly activity review
    code: job-search
    provider: Riverside Career Center
    start: 2026-02-11
  - id: S3
    name: Job development and job-share matching
    code: job-development
    provider: Riverside Career Center
    start: 2026-02-16
  - id: S4
    name: Mock interviews
    code: mock-interview
    provider: Riverside Career Center
    start: 2026-03-16
next_steps:
  - id: N1
    owner: participant
    text: Review the resume draft and correct the equipment list
    due: 2026-02-16
  - id: N2
    owner: manager
    text: Send Dennis the weekly list of half-time postings
    due: 2026-02-13
job_targets:
  - title: Laboratory Assistant
    job_family: Research operations
    grade_min: "052"
    grade_max: "054"
    scope: internal
  - title: Stockroom Assistant
    job_family: Research operations
    grade_min: "052"
    grade_max: "053"
    scope: internal
  - title: Lab Technician, part time
    job_family: Laboratory
    scope: external
skill_plan:
  - course: Computer Basics for the Workplace
    provider: Northfield Learning and Development
    start: 2026-02-24
    end: 2026-03-17
    status: enrolled
  - course: Interviewing with Confidence
    provider: Northfield Learning and Development
    start: 2026-03-11
    end: 2026-03-11
    status: planned
`},
			commit{"write the employment plan: goals, job targets, skill plan"},
		),
		on("2026-02-20", "mbell",
			put{"references.yaml", `
references:
  - name: Harold Ng
    title: Facilities Manager
    organization: Center for Materials Research
    relationship: supervisor for eleven years
    phone: 555-0134
    email: hng@northfield.example.org
    permission: 2026-02-16
    briefed: 2026-02-19
  - name: Beatriz Oduya
    title: Research Scientist
    organization: Center for Materials Research
    relationship: scientist he supported daily
    phone: 555-0135
    permission: 2026-02-17
  - name: Frank Lisowski
    title: Stockroom Supervisor
    organization: Department of Chemistry
    relationship: counterpart in the chemistry stockroom
    phone: 555-0136
    permission: 2026-02-19
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-02-17"},
			setItem{"iep.yaml", "id: N2", "done", "2026-02-13"},
			setItem{"iep.yaml", "id: M1", "done", "2026-02-19"},
			setItem{"iep.yaml", "id: M2", "done", "2026-02-19"},
			set{"iep.yaml", "updated", "2026-02-20"},
			set{"intake.yaml", "toolbox.resume", "final"},
			set{"intake.yaml", "toolbox.cover_letter", "draft"},
			commit{"add three references; resume final"},
		),
		on("2026-02-27", "mbell",
			week{`
applications:
  - date: 2026-02-23
    organization: Department of Chemistry
    position: Stockroom Assistant (0.5 FTE)
    internal: true
    grade: "053"
    status: applied
  - date: 2026-02-26
    organization: Department of Biology
    position: Laboratory Assistant (0.6 FTE)
    internal: true
    grade: "053"
    status: applied
courses:
  - date: 2026-02-24
    title: Computer Basics for the Workplace
    provider: Northfield Learning and Development
    status: enrolled
`},
		),
		on("2026-03-19", "mbell",
			note{"2026-03-19-q4ts", "contact", "phone", `
two_way: true
services: [job-search, job-development]
background: Weekly check-in; two internal applications in and the computer course under way.
reason: Review the search and the job-share idea.
observations: More talkative than at intake; proud of finishing the computer course.
content: Chemistry had not answered; I called their HR officer, who will interview him as a layoff candidate. The union found a half-time candidate in Biology interested in a job share. Talked through how a shared position would work.
results: Chemistry screening set for 2026-03-26; Dennis agreed to meet the job-share candidate.
impressions: Progress, but only two postings in range; the search needs external applications too.
plan: Mock interview before the Chemistry screening; add two external applications a week.
actions:
  - owner: participant
    text: Apply to two external part-time lab jobs
    due: 2026-03-27
`},
		),
		on("2026-03-24", "mbell",
			note{"2026-03-24-uz77", "mock-interview", "in-person", `
two_way: true
services: [mock-interview]
background: Screening with Chemistry on 2026-03-26.
reason: Mock interview.
observations: Knew the work thoroughly but undersold it; long pauses on behavioural questions.
content: Practised five common questions and the layoff answer. Built three short stories from his work (the freezer failure, the inventory audit, training students on safety).
results: Answers much stronger on the second run.
impressions: Nervous but coachable.
plan: Call after the screening for feedback.
`},
		),
		on("2026-04-17", "mbell",
			setItem{"activity/2026-W09.yaml", "date: 2026-02-23", "status", "rejected"},
			setItem{"activity/2026-W09.yaml", "date: 2026-02-23", "feedback", "chose a candidate with hazardous-waste certification"},
			week{`
applications:
  - date: 2026-04-13
    organization: Riverside Community College
    position: Science Lab Technician (part time)
    internal: false
    status: applied
interviews:
  - date: 2026-04-14
    organization: Department of Chemistry
    position: Stockroom Assistant (0.5 FTE)
    kind: hiring-manager
    feedback: good knowledge; they chose an internal transfer with hazardous-waste certification
`},
		),
		on("2026-05-14", "mbell",
			note{"2026-05-14-dl2y", "contact", "phone", `
two_way: true
services: [job-search, supportive-services]
background: Dennis missed the check-ins of 2026-04-30 and 2026-05-07; no applications logged since mid-April.
reason: Reach him after two missed check-ins.
observations: Sounded tired and discouraged; his father was in hospital for a week.
content: Talked about the family situation and the extension criteria - regular contact and applications throughout the period. Offered the Employee Assistance Program for caregiver support; he agreed to a referral. Agreed to text check-ins when calls are hard.
results: EAP referral made; he will apply to the Biology posting this week.
impressions: At risk of not meeting the extension criteria; the caregiving load is real.
plan: Weekly texts, call every other week.
actions:
  - owner: participant
    text: Apply to the Biology lab assistant reposting
    due: 2026-05-18
`},
			put{"services.yaml", `
referrals:
  - id: R1
    service: Employee assistance (caregiver support)
    provider: Northfield Employee Assistance Program
    category: supportive
    referred: 2026-05-14
    status: referred
`},
			setItem{"iep.yaml", "id: M3", "done", "2026-03-26"},
			setItem{"iep.yaml", "course: Computer Basics for the Workplace", "status", "completed"},
			setItem{"iep.yaml", "course: Interviewing with Confidence", "status", "completed"},
			set{"iep.yaml", "updated", "2026-05-14"},
			commit{"refer to the Employee Assistance Program; update the plan"},
		),
		on("2026-06-10", "mbell",
			note{"2026-06-10-b7eh", "extension", "in-person", `
two_way: true
services: [career-planning]
background: The work security period ends on 2026-07-02. Six applications in total, two interviews, none since April.
reason: Decide whether to apply to the Joint Work Security Committee for an extension (000).
observations: Candid that the search slowed in May; his father is now home with visiting nurses.
content: Went over the extension criteria with Dennis and the union representative. The application goes in with the tracker and a note on the caregiving months.
results: Extension application sent to the joint committee today.
impressions: The gap in May will weigh against him.
plan: Prepare for separation in parallel in case the extension is denied.
`},
			put{"outcome.yaml", `
extensions:
  - requested: 2026-06-10
    decision: pending
    notes: application sent with the activity tracker and a caregiving statement
`},
			setItem{"services.yaml", "id: R1", "status", "completed"},
			setItem{"services.yaml", "id: R1", "updated", "2026-06-10"},
			setItem{"services.yaml", "id: R1", "outcome", "four counselling sessions; arranged visiting nurses"},
			commit{"request a work security extension"},
		),
		on("2026-06-19", "tvance",
			put{"outcome.yaml", `
extensions:
  - requested: 2026-06-10
    decided: 2026-06-19
    decision: denied
    by: Joint Work Security Committee
    notes: no applications between mid-April and June; the criteria ask for applications throughout the period
`},
			commit{"record the joint committee's decision: extension denied"},
		),
		on("2026-06-22", "mbell",
			note{"2026-06-22-lpcv", "contact", "in-person", `
two_way: true
services: [career-planning, job-search]
background: The joint committee denied the extension on 2026-06-19 (no applications between mid-April and June). Work security ends 2026-07-02.
reason: Prepare for separation (000).
observations: Disappointed but not surprised; asked practical questions.
content: |-
  Went through what happens on 2026-07-03 - severance under the union contract, continuing health coverage and its costs, unemployment insurance and how to file.
  Gave him the list of temporary staffing agencies that place lab support staff and the Riverside Career Center's job seeker services, which stay open to him.
results: Dennis registered with two temporary agencies during the meeting.
impressions: Better prepared than a month ago; he may prefer temporary afternoon work while his father recovers.
plan: Last check-in on 2026-07-01; close the case at the end of the work security period.
`},
		),
		on("2026-07-02", "mbell",
			note{"2026-07-02-ifju", "closure", "phone", `
two_way: true
services: [career-planning]
background: Last day of the work security period.
reason: Closing call.
content: Dennis starts a temporary afternoon assignment through one of the agencies next week. He has the center's contact details and the unemployment filing steps.
results: Case closed as separated.
plan: None.
`},
			appendItems{"outcome.yaml", "closure", "", `
  date: 2026-07-02
  reason: separated
  notes: work security ended without placement; extension denied; temporary agency work arranged
`},
			setItem{"iep.yaml", "id: G1", "status", "dropped"},
			set{"intake.yaml", "status", "closed"},
			commit{"close the case: separated"},
		),
	},
}
