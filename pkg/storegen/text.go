package storegen

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
)

// who names the participant as the program's documents do: a candidate in
// work security (000), a customer in WIOA (002), a participant in
// post-employment services (003).
func (s *story) who() string {
	switch s.program {
	case record.ProgramWorkSecurity:
		return "the candidate"
	case record.ProgramWIOA:
		return "the customer"
	}
	return "the participant"
}

// writeText writes a note's seven elements (001: background, reason,
// observations, content, results, impressions, plan) and its action
// items. Action items are never marked done in the note itself: a note is
// not edited after it is committed.
func (s *story) writeText(n *record.Note, d *draft) {
	who := s.who()
	Who := strings.ToUpper(who[:1]) + who[1:]
	employer := pick(s.r, employers)
	target := s.job.title
	apps := s.rangeN(1, 6)
	day := string(n.Date)
	switch n.Kind {
	case "intake":
		n.Background = fmt.Sprintf("%s was referred to the %s program and came to the %s for the first meeting. Last position: %s.", Who, s.g.cfg.Programs[s.program].Name, s.first.Center, target)
		n.Reason = "Intake meeting: explain the program, assess skills and readiness, agree on how to stay in touch."
		n.Observations = pick(s.r, []string{
			"Worried about the change but organised; brought a printed resume that needs updating.",
			"Calm and clear about what they want; has not looked for work in several years.",
			"Anxious about money; engaged once the program's supports were explained.",
		})
		n.Content = fmt.Sprintf("Explained the program and who does what. Completed the skills assessment and the job-hunt readiness checklist.\nAgreed a first range of target jobs (%s and related roles) and contact by %s.", target, pick(s.r, []string{"phone on Fridays", "text and a monthly meeting", "email and video calls"}))
		n.Results = "Program expectations signed; job targets and contact schedule agreed."
		n.Impressions = "Motivated; the skills transfer to most administrative and service roles."
		n.Plan = "Write the employment plan next week; start the weekly activity tracker."
		n.Actions = s.actions(d, 2)
	case "contact":
		if n.Mode == "job-site" {
			n.Background = fmt.Sprintf("Visit at %s's job site, with the permission recorded in the intake.", who)
			n.Reason = "Retention check at the start of a shift (003)."
			n.Content = "Met briefly with the participant and, with their agreement, the shift lead. Schedule, transport and child care are holding."
			n.Results = "No retention issues; next review of benefits in a month."
			break
		}
		n.Background = pick(s.r, []string{"Regular check-in.", "Scheduled contact.", "Check-in asked for by " + who + "."})
		n.Reason = pick(s.r, []string{"Review the week's applications and plan the next.", "Follow up on the referrals and the plan.", "Check progress on the plan's objectives."})
		n.Content = fmt.Sprintf("%s applied to %d positions since the last contact, including %s at %s. Reviewed the activity tracker and the next steps of the plan.", Who, apps, article(target)+" "+target, employer)
		if s.extraLen > 0 {
			n.Observations = pick(s.r, []string{"In good spirits.", "Tired; juggling the search with family duties.", "More confident in interviews."})
		}
		n.Results = pick(s.r, []string{"On track.", "Two new leads.", "Plan kept; targets widened slightly."})
		n.Plan = pick(s.r, []string{"Next contact in a week.", "Contact again after the interview.", "Monthly contact as agreed."})
		n.Actions = s.actions(d, s.r.IntN(2))
	case "mock-interview":
		n.Background = fmt.Sprintf("%s has an interview at %s soon.", Who, employer)
		n.Reason = "Mock interview before the real one."
		n.Observations = "Good examples but long answers."
		n.Content = "Forty-minute mock interview on the posting, then feedback. Practised a short, neutral answer about leaving the last job and a two-minute introduction."
		n.Results = "Answers tightened to under two minutes."
		n.Plan = "Send a thank-you letter within a day of each interview."
		n.Actions = s.actions(d, 1)
	case "interview-feedback":
		n.Background = fmt.Sprintf("%s interviewed with %s for %s position.", Who, employer, article(target)+" "+target)
		n.Reason = "Debrief after the interview."
		n.Content = "Went through the questions asked and the answers given; the panel asked about software and scheduling."
		n.Results = pick(s.r, []string{"Waiting to hear back.", "Second interview offered.", "Not selected; feedback asked for."})
		n.Plan = "Keep applying while waiting."
	case "referral":
		ref := pick(s.r, referralKinds)
		n.Background = fmt.Sprintf("%s asked for help with %s.", Who, strings.ToLower(ref.service))
		n.Reason = "Referral to a supportive service."
		n.Content = fmt.Sprintf("Referred %s to %s for %s; explained what to bring.", who, ref.provider, strings.ToLower(ref.service))
		n.Results = "Referral made."
		n.Plan = "Check in a week on whether the service started."
	case "case-conference":
		n.Background = "Case conference with the team on the case."
		n.Reason = "Review progress and agree who does what."
		n.Content = "Reviewed the plan, the references and the applications so far; agreed the next steps and the dates for them."
		n.Results = "Plan kept; next steps agreed."
		n.Impressions = "Good progress; interview practice is the main gap."
	case "follow-up":
		n.Background = "Follow-up after placement or exit."
		n.Reason = "Scheduled follow-up."
		n.Content = fmt.Sprintf("Called %s about work, hours and any need for help.", who)
		n.Results = "Follow-up recorded in the outcome."
	case "transfer":
		n.Background = fmt.Sprintf("%s moved and chose the %s.", Who, s.second.Center)
		n.Reason = "Transfer the case and its IEP to the new designated counselor (002)."
		n.Content = fmt.Sprintf("Three-way call with %s and the new counselor; went through the plan and the open next steps.", who)
		n.Results = "Case transferred; the new counselor takes over from today."
	case "extension":
		n.Background = "The work security period ends soon without a placement."
		n.Reason = "Request an extension from the joint committee (000)."
		n.Content = "Went through the activity tracker and the contacts week by week since the layoff date; prepared the request with the evidence."
		n.Results = "Extension requested."
	case "closure":
		n.Background = "Closing the case."
		n.Reason = "The case's work is done."
		n.Content = fmt.Sprintf("Went through what %s achieved and how to reach the center again.", who)
		n.Results = "Case closed."
	case "amendment":
		n.Background = fmt.Sprintf("A date in the contact note %s was wrong.", d.amends.ID)
		n.Reason = "Correct the record (notes are never edited; 001)."
		n.Content = fmt.Sprintf("Correction to the note of %s: the contact was by %s, not as written.", d.amends.Date, pick(s.r, []string{"phone", "video"}))
	default: // one-way messages
		n.Background = "No answer to the last two calls."
		n.Reason = "Keep in touch."
		n.Content = fmt.Sprintf("Sent %s a reminder of the next appointment and the job leads of the week (%s).", who, day)
	}
}

// actions returns up to n action items for the participant or the manager,
// due within two weeks of the note.
func (s *story) actions(d *draft, n int) []record.Action {
	texts := []struct{ owner, text string }{
		{"participant", "Send the updated resume and a cover letter draft"},
		{"participant", "Apply to the two postings discussed"},
		{"manager", "Share the list of hiring events for the month"},
		{"participant", "Ask a former supervisor to be a reference"},
		{"manager", "Check the referral's start date with the provider"},
	}
	var out []record.Action
	for _, t := range pickN(s.r, texts, n) {
		out = append(out, record.Action{Owner: t.owner, Text: t.text, Due: date(add(d.date, s.rangeN(3, 14)))})
	}
	return out
}
