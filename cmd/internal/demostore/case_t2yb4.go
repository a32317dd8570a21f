package main

// 2026-T2YB4  WIOA, active but contact overdue  (Ana Lucero)
// An older worker with health and digital barriers. The last two-way contact
// was on 2026-10-09; a voicemail and a letter since do not count as contacts
// (002), so validate warns that contact is overdue. This warning is
// intentional: it is what the tickler is for.
var caseT2YB4 = story{
	caseID: "2026-T2YB4",
	days: []day{
		on("2026-06-01", "alucero",
			openCase{program: "wioa", manager: "alucero", name: "Raymond Pruitt"},
		),
		on("2026-06-03", "alucero",
			note{"2026-06-03-hae3", "intake", "in-person", `
two_way: true
services: [assessment, career-planning]
background: Raymond, 58, was a shift supervisor at a Riverside distribution center for 22 years until it closed in April. A back injury in 2024 limits heavy lifting.
reason: WIOA career planning intake.
observations: Proud of his long service; uneasy about computers and about competing with younger applicants.
content: |-
  Explained career planning and the IEP. Assessed transferable skills - scheduling crews, safety, inventory systems, training new staff.
  Digital skills check showed he can use email but has never built an online profile or had a video interview.
  Discussed dispatcher and logistics coordinator roles that use his experience without heavy lifting.
results: Eligible as a dislocated worker; goal - logistics coordinator or dispatcher.
impressions: Employable with digital skills support and a resume that shows his supervisory experience.
plan: IEP next week; refer to the digital literacy class.
actions:
  - owner: participant
    text: Bring his old performance reviews for resume material
    due: 2026-06-08
`},
		),
		on("2026-06-08", "alucero",
			put{"intake.yaml", `
id: 2026-T2YB4
opened: 2026-06-01
program: wioa
status: open
manager: alucero
center: Riverside Career Center
participant:
  name: Raymond Pruitt
  phone: 555-0122
  address: 61 Foundry Street, Riverside
  channels:
    - phone
    - mail
  best_times: late mornings
  language: English
eligibility:
  - program: WIOA Title I dislocated worker
    determined: 2026-06-03
    eligible: true
    basis: distribution center closure; separation notice and unemployment claim seen
barriers:
  - kind: digital
    detail: no online job search experience; no email address he checks
    status: open
  - kind: health
    detail: back injury; no lifting over 20 pounds
    status: open
assessments:
  - tool: Transferable skills inventory
    date: 2026-06-03
    summary: crew scheduling, safety programs, inventory systems, training staff
  - tool: Digital skills check
    date: 2026-06-03
    summary: basic email only; needs help with online applications and video interviews
skills:
  - crew scheduling
  - warehouse safety
  - inventory systems
  - training new staff
`},
			put{"iep.yaml", `
created: 2026-06-01
updated: 2026-06-08
vision: A supervisory or coordinating job in logistics where experience counts and lifting is not required.
employment_goal: Logistics coordinator or dispatcher
goals:
  - id: G1
    term: short
    text: Build the digital skills to search and apply online
    target: 2026-08-14
    status: active
    objectives:
      - id: O1
        text: Complete the digital literacy class
        services:
          - S2
      - id: O2
        text: Set up an email address and an online job profile
        services:
          - S1
    milestones:
      - id: M1
        text: Digital literacy class completed
        due: 2026-08-14
      - id: M2
        text: Online profile and resume posted
        due: 2026-07-31
  - id: G2
    term: long
    text: Be employed as a logistics coordinator or dispatcher
    target: 2026-12-31
    status: active
    objectives:
      - id: O3
        text: Apply to five coordinator or dispatcher jobs a week
        services:
          - S3
          - S4
services:
  - id: S1
    name: Career planning and IEP
    code: career-planning
    provider: Riverside Career Center
    start: 2026-06-01
  - id: S2
    name: Digital literacy class
    code: training
    provider: Riverside Public Library
    start: 2026-07-06
    end: 2026-08-14
  - id: S3
    name: Job search assistance
    code: job-search
    provider: Riverside Career Center
    start: 2026-06-24
  - id: S4
    name: Mock interviews
    code: mock-interview
    provider: Riverside Career Center
    start: 2026-08-17
next_steps:
  - id: N1
    owner: participant
    text: Create an email address he will check every day
    due: 2026-06-15
  - id: N2
    owner: manager
    text: Refer Raymond to the library's digital literacy class
    due: 2026-06-24
job_targets:
  - title: Logistics Coordinator
    job_family: Transportation and logistics
    scope: external
  - title: Dispatcher
    job_family: Transportation and logistics
    scope: external
skill_plan:
  - course: Digital literacy for job seekers
    provider: Riverside Public Library
    start: 2026-07-06
    end: 2026-08-14
    status: planned
`},
			commit{"record intake details and write the Individual Employment Plan"},
		),
		on("2026-06-24", "alucero",
			note{"2026-06-24-nyqx", "contact", "in-person", `
two_way: true
services: [job-search, training-referral]
background: Raymond set up an email address last week.
reason: Resume work and the digital literacy referral.
content: Built his resume together around supervision and safety results. Referred him to the library class (July 6 to August 14, two mornings a week).
results: Resume draft done; class place confirmed.
plan: Next contact in July.
`},
			put{"services.yaml", `
referrals:
  - id: R1
    service: Digital literacy class
    provider: Riverside Public Library
    category: education
    referred: 2026-06-24
    status: accepted
    updated: 2026-06-26
`},
			setItem{"iep.yaml", "id: N1", "done", "2026-06-18"},
			setItem{"iep.yaml", "id: N2", "done", "2026-06-24"},
			commitAhead{"refer to the digital literacy class", "2026-06-26"}, // the referral's update is dated 2026-06-26
		),
		on("2026-07-20", "alucero",
			note{"2026-07-20-kyzz", "contact", "phone", `
two_way: true
services: [job-search]
background: Two weeks into the library class.
reason: Monthly contact.
content: He likes the class and has posted his resume on two job boards. Applied to one dispatcher job online with his instructor's help.
results: Online profile posted.
plan: Mock interview in August.
`},
		),
		on("2026-08-17", "alucero",
			note{"2026-08-17-5jev", "mock-interview", "in-person", `
two_way: true
services: [mock-interview]
background: Raymond finished the digital literacy class on 2026-08-14.
reason: Mock interview, including a practice video interview.
observations: Strong on experience; defensive when asked about his age indirectly ("how do you keep up with technology").
content: Practised a positive answer about learning new systems (the class, the new warehouse system he rolled out in 2022). First video interview practice on the center's laptop.
results: Better answers; he can join a video call alone.
impressions: Ready to interview.
plan: Apply to five jobs a week; call monthly.
`},
			setItem{"services.yaml", "id: R1", "status", "completed"},
			setItem{"services.yaml", "id: R1", "updated", "2026-08-14"},
			setItem{"services.yaml", "id: R1", "outcome", "completed; can search and apply online on his own"},
			setItem{"iep.yaml", "id: M1", "done", "2026-08-14"},
			setItem{"iep.yaml", "id: M2", "done", "2026-07-17"},
			setItem{"iep.yaml", "id: G1", "status", "achieved"},
			setItem{"iep.yaml", "course: Digital literacy for job seekers", "status", "completed"},
			setItem{"intake.yaml", "kind: digital", "status", "addressed"},
			commit{"digital literacy goal achieved"},
		),
		on("2026-09-14", "alucero",
			note{"2026-09-14-swe5", "contact", "phone", `
two_way: true
services: [job-search]
background: A month of applying on his own.
reason: Monthly contact.
content: Eleven applications, one phone screen with a freight broker (no next step). Reviewed two dispatcher postings with him and referred him to the center's job fair on 2026-10-01.
results: Registered for the job fair.
plan: Contact after the job fair.
`},
		),
		on("2026-10-09", "alucero",
			note{"2026-10-09-zsox", "contact", "in-person", `
two_way: true
services: [job-search, job-referral]
background: Raymond met three employers at the job fair on 2026-10-01.
reason: Follow up on the job fair.
observations: Discouraged - no callbacks yet - and mentioned his back has been bad this month.
content: Referred him to a dispatcher opening at Riverside Transit's paratransit contractor. Talked about pacing the search around his health; offered a referral to the state vocational rehabilitation agency for the back injury, which he is thinking about.
results: One job referral; VR referral offered.
impressions: Needs more frequent contact; risk of disengaging.
plan: Call within two weeks about the referral and VR.
actions:
  - owner: manager
    text: Call about the paratransit dispatcher referral and the VR decision
    due: 2026-10-23
`},
		),
		on("2026-10-30", "alucero",
			note{"2026-10-30-na3v", "contact", "phone", `
two_way: false
background: Planned follow-up call after the 2026-10-09 meeting.
reason: Follow up on the paratransit referral and the VR decision.
content: No answer; left a voicemail asking him to call back.
results: No contact made.
plan: Send a letter if no call back within a week.
`},
		),
		on("2026-11-10", "alucero",
			note{"2026-11-10-yo2j", "contact", "letter", `
two_way: false
background: No reply to the voicemail of 2026-10-30.
reason: Re-establish contact (003 - letters for people hard to reach by phone).
content: Mailed a letter asking Raymond to call or come in, with the center's walk-in hours and the dispatcher posting, which is still open.
results: Letter sent; no contact yet.
plan: Try a home visit if there is no reply by 2026-11-24; discuss a potential exit at 90 days without service.
`},
		),
		// The participant's agreements to the plan (001: the plan is an
		// agreement between the customer and the case manager), recorded
		// from the signed copies once caseplan kept them.
		on("2026-11-25", "alucero",
			appendItems{"iep.yaml", "agreements", "", `
  - date: 2026-06-01
    how: signed
    notes: Signed the plan at the first meeting; the signed copy is in the paper file.
`},
			commit{"record the participant's agreements to the plan"},
		),
	},
}
