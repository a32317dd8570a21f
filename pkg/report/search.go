package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/record"
)

// Search is the status report on candidate search that a case manager
// gives the work security coordinators (000, "Work Security Period": the
// case manager is to "Provide a status report on candidate search to work
// security coordinators"): for each work-security case, where the search
// stands on a day. Its JSON form is the contract of caseplan report search
// -o json.
//
// Every figure is asked of its owner: the phase and its days left of
// casestate (as case show has them), the references of calendar, the
// extension criteria of calendar.WeighExtension (as extension request and
// validate weigh them).
type Search struct {
	Report       string `json:"report"` // "search"
	AsOf         string `json:"as_of"`  // the day: everything is as of it
	Organization string `json:"organization"`
	Commit       string `json:"commit"`
	Committed    string `json:"committed"`
	Caseplan     string `json:"caseplan"`
	Participants string `json:"participants"` // "initials", or "names" with --names
	// Scope says which cases the report holds: "manager" (the open
	// work-security cases of Manager), "all" (every open one) or "cases"
	// (the cases named, Named, whatever their status).
	Scope   string `json:"scope"`
	Manager string `json:"manager,omitempty"`
	// ManagerName is the roster's name of Manager ("" when not on it).
	ManagerName string   `json:"manager_name,omitempty"`
	Named       []string `json:"named,omitempty"`
	Unread      []Unread `json:"unread"`
	// Cases are the cases reported, in case ID order.
	Cases []SearchCase `json:"cases"`
}

// SearchCase is where one candidate's search stands on the day.
type SearchCase struct {
	ID          string `json:"id"`
	Participant string `json:"participant"`
	Manager     string `json:"manager"` // on the day
	Program     string `json:"program"`
	Status      string `json:"status"` // open or closed, on the day

	// Phase, its first and last day and the days left in it, as case
	// show names them (casestate).
	Phase      string `json:"phase"`
	PhaseStart string `json:"phase_start"`
	PhaseEnds  string `json:"phase_ends"`
	DaysLeft   *int   `json:"days_left"`
	// LayoffDate starts the work security period and WorkSecurityEnds is
	// its last day; ExtendedUntil the last day of an approved extension.
	// "" when the records do not say.
	LayoffDate       string `json:"layoff_date"`
	WorkSecurityEnds string `json:"work_security_ends"`
	ExtendedUntil    string `json:"extended_until"`

	JobTargets   []record.JobTarget `json:"job_targets"` // the job search plan (iep.yaml)
	Applications SearchApplications `json:"applications"`
	// Interviews are the job interviews dated by the day, newest first,
	// with their feedback (000: "Get feedback from each interview and
	// share with employee"). Mock interviews are not among them.
	Interviews              []record.Interview `json:"interviews"`
	MockInterviews          SearchCount        `json:"mock_interviews"`
	InformationalInterviews SearchCount        `json:"informational_interviews"`
	References              SearchReferences   `json:"references"`
	Toolbox                 record.Toolbox     `json:"toolbox"` // each "none", "draft", "final", or "" when not recorded

	LastContact string `json:"last_contact"` // as the program counts a contact; "" when none
	Contacts    int    `json:"contacts"`
	// CheckIns are the weekly check-ins kept (000: "Plan weekly meetings
	// or check-ins"): complete weeks with a contact, from the opening to
	// the day (or to the job search's last day, when it is over).
	CheckIns SearchWeeks `json:"check_ins"`
	// Extension is how the records weigh the extension criteria so far
	// (000: regular contact and applications throughout the work security
	// period), as caseplan extension request weighs them for a request
	// made on the day; Weighed is false before the layoff date.
	Extension SearchExtension `json:"extension"`
	// ExtensionRequested is the date of an extension request awaiting the
	// joint committee's decision on the day (000), "" when none does.
	ExtensionRequested string `json:"extension_requested"`
}

// SearchApplications counts the applications dated by the day.
type SearchApplications struct {
	Total    int `json:"total"`
	Internal int `json:"internal"`
	External int `json:"external"`
	// Unstated counts the applications that say neither internal nor
	// external.
	Unstated int `json:"unstated"`
	// ByStatus counts them by status, in record.ApplicationStatuses'
	// order, only the statuses some application has.
	ByStatus []StatusCount `json:"by_status"`
	// Latest are the SearchLatest newest, newest first.
	Latest []record.Application `json:"latest"`
}

// StatusCount is how many applications have one status.
type StatusCount struct {
	Status string `json:"status"`
	Count  int    `json:"count"`
}

// SearchLatest is how many of the latest applications the report lists.
const SearchLatest = 5

// SearchCount is how many of a thing there were by the day, and the last
// one's date ("" when none).
type SearchCount struct {
	Count int    `json:"count"`
	Last  string `json:"last"`
}

// SearchReferences are the references on the day (000: "Secure three
// professional references"; "Suggest the candidate pre-plan with
// reference what she/he will say").
type SearchReferences struct {
	Named    int `json:"named"`    // agreed to be named and not withdrawn
	Required int `json:"required"` // the program's references_required
	Briefed  int `json:"briefed"`  // of those named, pre-planned with
}

// SearchWeeks is a weekly criterion over some days: the complete weeks,
// those with none (held against the candidate) and the total.
type SearchWeeks struct {
	From          string   `json:"from"`
	To            string   `json:"to"`
	CompleteWeeks int      `json:"complete_weeks"`
	Kept          int      `json:"kept"` // complete weeks with at least one
	WeeksWithout  []string `json:"weeks_without"`
	Met           bool     `json:"met"`
	Says          string   `json:"says"` // in words, as extension request says it
}

// SearchExtension is the extension criteria weighed so far.
type SearchExtension struct {
	Weighed      bool        `json:"weighed"`
	Met          bool        `json:"met"` // both criteria met
	Contact      SearchWeeks `json:"contact"`
	Applications SearchWeeks `json:"applications"`
	// Moot says why an extension is not in question on the day, ""
	// when it may be: ExtensionMootPlaced when the candidate is placed
	// (casestate's phase placed: a job has started), so the search is
	// over whatever the criteria weigh (000: an extension continues
	// wages and benefits beyond the work security period; a placed
	// candidate is paid by the new job); ExtensionMootApproved or
	// ExtensionMootRefused once the joint committee has decided the
	// request and no other awaits it: the criteria were for it to weigh,
	// and it has. The criteria are still weighed, for the record.
	Moot string `json:"moot"`
}

// SearchExtension.Moot's values.
const (
	ExtensionMootPlaced   = "placed"   // a placed candidate
	ExtensionMootApproved = "approved" // the committee approved an extension
	ExtensionMootRefused  = "refused"  // the committee refused the request
)

// Withhold returns s with the free text the records give it — the
// feedback of its applications and interviews — passed through withhold,
// the leak guard's withholding a case file uses: the report goes to the
// work security coordinators (000), who are not among the readers of a
// case's sealed fields, so what the guard says belongs there (a health or
// criminal-record term, a date of birth) is withheld from it too. s's
// lists, which are the records', are copied, never changed.
func (s SearchCase) Withhold(withhold func(string) (string, int)) SearchCase {
	w := func(t string) string { t, _ = withhold(t); return t }
	s.Applications.Latest = slices.Clone(s.Applications.Latest)
	for i := range s.Applications.Latest {
		s.Applications.Latest[i].Feedback = w(s.Applications.Latest[i].Feedback)
	}
	s.Interviews = slices.Clone(s.Interviews)
	for i := range s.Interviews {
		s.Interviews[i].Feedback = w(s.Interviews[i].Feedback)
	}
	return s
}

// SearchOf is case c's part of the search report on day; false when it is
// no work-security case (or its intake could not be read). Like
// CaseloadOf it depends only on the case's records, the settings, day and
// names, so a caller may keep it by those.
func SearchOf(c *casefile.Case, cfg *record.Config, day time.Time, names bool) (SearchCase, bool) {
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	if c.Intake == nil || cfg.ProgramKind(c.Intake.Program) != record.ProgramWorkSecurity {
		return SearchCase{}, false
	}
	then, st := casestate.ComputeThen(c, cfg, day)
	in := then.Intake
	sc := SearchCase{
		ID: c.ID, Participant: participant(in.Participant.Name, names), Manager: in.Manager, Program: in.Program,
		Status: in.Status, Phase: st.Phase, PhaseStart: string(st.PhaseStart), PhaseEnds: string(st.PhaseEnds), DaysLeft: st.DaysLeft,
		LastContact: string(st.LastContact), Contacts: st.Contacts,
		JobTargets: []record.JobTarget{}, Interviews: []record.Interview{},
	}
	if then.IEP != nil {
		sc.JobTargets = append(sc.JobTargets, then.IEP.JobTargets...)
	}
	if in.Toolbox != nil {
		sc.Toolbox = *in.Toolbox
	}
	today := dateOf(day)
	sc.References = SearchReferences{
		Named: calendar.ReferencesWithPermission(then, today), Briefed: calendar.ReferencesBriefed(then, today),
		Required: casestate.ReferencesRequired(then, cfg),
	}
	sc.Applications = searchApplications(then)
	sc.MockInterviews, sc.InformationalInterviews = mockInterviews(then), informationalInterviews(then)
	for _, w := range then.Activity {
		for _, iv := range w.Interviews {
			if !iv.Mock() {
				sc.Interviews = append(sc.Interviews, iv)
			}
		}
	}
	slices.SortStableFunc(sc.Interviews, func(a, b record.Interview) int { return cmp.Compare(b.Date, a.Date) })

	contact := calendar.ContactFor(then, cfg)
	p, known := calendar.WorkSecurityPeriodOn(then, cfg, day)
	if known {
		sc.LayoffDate, sc.WorkSecurityEnds = dateString(p.Layoff), dateString(p.End)
		if !p.ExtendedUntil.IsZero() {
			sc.ExtendedUntil = dateString(p.ExtendedUntil)
		}
	}
	// Check-ins from the opening, the notification period included, to
	// the day, or to the search's last day once it is over: a separated
	// candidate's later weeks are no missed check-ins.
	to := day
	if known && to.After(p.LastDay()) {
		to = p.LastDay()
	}
	if opened, ok := in.Opened.Time(); ok {
		ev := calendar.WeighWeeks(then, contact, opened, to)
		sc.CheckIns = searchWeeks(ev, ev.Contact, "contact")
	}
	if e := pendingExtension(then); e != nil {
		sc.ExtensionRequested = string(e.Requested)
	}
	if known && !day.Before(p.Layoff) {
		ev := calendar.WeighExtension(then, contact, p, day)
		sc.Extension = SearchExtension{
			Weighed: true, Met: ev.Contact.Met && ev.Applications.Met,
			Contact: searchWeeks(ev, ev.Contact, "contact"), Applications: searchWeeks(ev, ev.Applications, "applications"),
		}
	} else {
		sc.Extension.Contact.WeeksWithout, sc.Extension.Applications.WeeksWithout = []string{}, []string{}
	}
	switch {
	case st.Phase == casestate.PhasePlaced:
		sc.Extension.Moot = ExtensionMootPlaced
	case sc.ExtensionRequested != "":
		// A request awaits the committee: the criteria are its to weigh.
	case known && !p.ExtendedUntil.IsZero():
		sc.Extension.Moot = ExtensionMootApproved
	case known && p.Refused != "":
		sc.Extension.Moot = ExtensionMootRefused
	}
	return sc, true
}

// searchWeeks is a criterion of the weekly tally ev, in words naming what
// the weeks lacked.
func searchWeeks(ev calendar.ExtensionEvidence, c calendar.Criterion, what string) SearchWeeks {
	w := SearchWeeks{
		From: dateString(ev.From), To: dateString(ev.To), CompleteWeeks: c.CompleteWeeks,
		Kept: c.CompleteWeeks - len(c.WeeksWithout), WeeksWithout: c.WeeksWithout, Met: c.Met, Says: c.Describe(what),
	}
	if w.WeeksWithout == nil {
		w.WeeksWithout = []string{}
	}
	return w
}

// searchApplications counts the case's applications (already rewound to
// the day) and keeps the latest.
func searchApplications(c *casefile.Case) SearchApplications {
	a := SearchApplications{ByStatus: []StatusCount{}, Latest: []record.Application{}}
	var all []record.Application
	status := map[string]int{}
	for _, w := range c.Activity {
		for _, ap := range w.Applications {
			all = append(all, ap)
			a.Total++
			switch {
			case ap.Internal == nil:
				a.Unstated++
			case *ap.Internal:
				a.Internal++
			default:
				a.External++
			}
			status[ap.Status]++
		}
	}
	for _, s := range record.ApplicationStatuses {
		if status[s] > 0 {
			a.ByStatus = append(a.ByStatus, StatusCount{s, status[s]})
		}
	}
	slices.SortStableFunc(all, func(x, y record.Application) int { return cmp.Compare(y.Date, x.Date) })
	a.Latest = append(a.Latest, all[:min(len(all), SearchLatest)]...)
	return a
}

// mockInterviews counts the mock interviews: the tracker's interviews of
// kind mock and the notes of kind mock-interview, one a day — the case
// manager who records the practice both ways has held one, not two.
func mockInterviews(c *casefile.Case) SearchCount {
	days := map[record.Date]bool{}
	for _, w := range c.Activity {
		for _, iv := range w.Interviews {
			if iv.Mock() {
				days[iv.Date] = true
			}
		}
	}
	for _, n := range c.Notes {
		if n.Kind == record.NoteKindMockInterview {
			days[n.Date] = true
		}
	}
	return countDays(days)
}

// informationalInterviews counts the tracker's informational interviews.
func informationalInterviews(c *casefile.Case) SearchCount {
	var n SearchCount
	for _, w := range c.Activity {
		for _, ii := range w.InformationalInterviews {
			n.Count++
			n.Last = max(n.Last, string(ii.Date))
		}
	}
	return n
}

func countDays(days map[record.Date]bool) SearchCount {
	var n SearchCount
	for d := range days {
		n.Count++
		n.Last = max(n.Last, string(d))
	}
	return n
}

// AssembleSearch makes the search report on day of rows (SearchOf, in case
// ID order); scope, manager and named say which cases they are (Search).
func AssembleSearch(cfg *record.Config, day time.Time, src Source, names bool, scope, manager string, named []string, rows []SearchCase) *Search {
	r := &Search{
		Report: "search", AsOf: dateString(day), Commit: src.Commit, Committed: src.Committed.Format(time.RFC3339),
		Caseplan: src.Caseplan, Participants: shownAs(names), Scope: scope, Manager: manager, Named: named,
		Unread: src.unread(), Cases: append([]SearchCase{}, rows...),
	}
	if cfg != nil {
		r.Organization = cfg.Organization
	}
	if s, ok := cfg.StaffByID(manager); ok && manager != "" {
		r.ManagerName = s.Name
	}
	return r
}

// searchTitle is the report's title: whose cases, and the day.
func searchTitle(r *Search) string {
	switch r.Scope {
	case "manager":
		who := r.Manager
		if r.ManagerName != "" {
			who = r.ManagerName + " (" + r.Manager + ")"
		}
		return "Candidate search report of " + who + " as of " + r.AsOf
	case "cases":
		return "Candidate search report of " + strings.Join(r.Named, ", ") + " as of " + r.AsOf
	}
	return "Candidate search report as of " + r.AsOf
}

// searchCommand is the command that makes the report again.
func searchCommand(r *Search) string {
	cmd := "caseplan report search --today " + r.AsOf
	switch r.Scope {
	case "manager":
		cmd += " --manager " + display.ShellQuote(r.Manager)
	case "all":
		cmd += " --all"
	case "cases":
		for _, id := range r.Named {
			cmd += " " + display.ShellQuote(id)
		}
	}
	return cmd
}

// searchAbout is the line under the provenance: what the report's figures
// are as of, and where the criteria come from.
func searchAbout(r *Search) string {
	return "Everything is as of " + r.AsOf + ": what the records date by then. The extension criteria (000: regular contact and applications throughout the work security period) are weighed week by week as caseplan extension request weighs them; only complete weeks count against the candidate."
}

// searchCaseTitle heads one case's section.
func searchCaseTitle(c SearchCase) string {
	return c.ID + ", " + c.Participant + " (" + c.Manager + ")"
}

// searchOverviewTable is one row per case: the figures a coordinator
// scans first.
func searchOverviewTable(r *Search) table {
	t := table{title: "Candidates", headers: []string{"Case", "Participant", "Manager", "Phase", "Days left", "Applications", "Interviews", "References", "Toolbox", "Last contact", "Check-ins", "Extension criteria"}}
	for _, c := range r.Cases {
		t.rows = append(t.rows, []string{c.ID, c.Participant, c.Manager, c.Phase, daysLeft(c.DaysLeft), itoa(c.Applications.Total), itoa(len(c.Interviews)),
			referencesValue(c.References), toolboxValue(c.Toolbox), dash(c.LastContact), weeksValue(c.CheckIns), extensionValue(c.Extension)})
	}
	return t
}

// searchLines are one case's figures, each with what it stands for.
func searchLines(c SearchCase) []line {
	phase := c.Phase
	if c.Status == "closed" && phase != casestate.PhaseClosed {
		phase += " (closed)"
	}
	var when []string
	if c.PhaseStart != "" {
		when = append(when, "from "+c.PhaseStart)
	}
	if c.PhaseEnds != "" {
		when = append(when, "to "+c.PhaseEnds)
	}
	if c.DaysLeft != nil {
		when = append(when, countText(*c.DaysLeft, "day")+" left")
	}
	layoff := ""
	if c.WorkSecurityEnds != "" {
		layoff = "the work security period runs to " + c.WorkSecurityEnds
		if c.ExtendedUntil != "" {
			layoff += "; extended to " + c.ExtendedUntil
		}
	}
	var targets []string
	for _, jt := range c.JobTargets {
		targets = append(targets, targetText(jt))
	}
	apps := c.Applications
	var split []string
	for _, p := range []struct {
		n    int
		what string
	}{{apps.Internal, "internal"}, {apps.External, "external"}, {apps.Unstated, "not said"}} {
		if p.n > 0 {
			split = append(split, p.what+" "+itoa(p.n))
		}
	}
	var statuses []string
	for _, s := range apps.ByStatus {
		statuses = append(statuses, s.Status+" "+itoa(s.Count))
	}
	appRemark := strings.Join(split, ", ")
	if len(statuses) > 0 {
		appRemark += "; " + strings.Join(statuses, ", ")
	}
	interviews := ""
	if len(c.Interviews) > 0 {
		iv := c.Interviews[0]
		interviews = "latest " + string(iv.Date) + " at " + iv.Organization
	}
	var tools []string
	for _, it := range c.Toolbox.Items() {
		tools = append(tools, it.Name+" "+toolboxState(it.State))
	}
	ext := "the work security period has not started: weighed from the layoff date"
	if c.Extension.Weighed {
		ext = c.Extension.Contact.From + " to " + c.Extension.Contact.To + ": regular contact " + c.Extension.Contact.Says + "; applications " + c.Extension.Applications.Says
	}
	if c.ExtensionRequested != "" {
		ext = "requested " + c.ExtensionRequested + ", awaiting the joint committee's decision; " + ext
	}
	switch c.Extension.Moot {
	case ExtensionMootPlaced:
		placed := "placed"
		if c.Phase == casestate.PhasePlaced && c.PhaseStart != "" {
			placed += " from " + c.PhaseStart
		}
		ext = placed + ": an extension is not in question; as weighed, " + ext
	case ExtensionMootApproved:
		ext = "the joint committee approved an extension to " + c.ExtendedUntil + "; as weighed, " + ext
	case ExtensionMootRefused:
		ext = "the joint committee refused the extension requested; as weighed, " + ext
	}
	checkins := "no opening date recorded"
	if c.CheckIns.From != "" {
		checkins = "complete weeks with a contact, " + c.CheckIns.From + " to " + c.CheckIns.To + "; " + c.CheckIns.Says
	}
	return []line{
		{label: "Phase", value: phase, remark: strings.Join(when, ", ")},
		{label: "Layoff date", value: dash(c.LayoffDate), remark: layoff},
		{label: "Job targets", value: itoa(len(c.JobTargets)), remark: strings.Join(targets, "; ")},
		{label: "Applications", value: itoa(apps.Total), remark: appRemark},
		{label: "Job interviews", value: itoa(len(c.Interviews)), remark: interviews},
		{label: "Mock interviews", value: itoa(c.MockInterviews.Count), remark: lastText(c.MockInterviews)},
		{label: "Informational interviews", value: itoa(c.InformationalInterviews.Count), remark: lastText(c.InformationalInterviews)},
		{label: "References", value: referencesValue(c.References), remark: "agreed to be named; " + itoa(c.References.Briefed) + " briefed"},
		{label: "Toolbox", value: toolboxValue(c.Toolbox), remark: strings.Join(tools, ", ")},
		{label: "Last contact", value: dash(c.LastContact), remark: countText(c.Contacts, "contact") + " in all"},
		{label: "Weekly check-ins", value: weeksValue(c.CheckIns), remark: checkins},
		{label: "Extension criteria", value: extensionValue(c.Extension), remark: ext},
	}
}

// searchApplicationsTable is one case's latest applications.
func searchApplicationsTable(c SearchCase) table {
	title := "Latest applications"
	if n := c.Applications.Total; n > len(c.Applications.Latest) {
		title += " (" + itoa(len(c.Applications.Latest)) + " of " + itoa(n) + ")"
	}
	t := table{title: title, headers: []string{"Date", "Organization", "Position", "Scope", "Grade", "Status", "Feedback"}}
	for _, a := range c.Applications.Latest {
		t.rows = append(t.rows, []string{string(a.Date), a.Organization, a.Position, scopeText(a.Internal), dash(a.Grade), a.Status, dash(a.Feedback)})
	}
	return t
}

// searchInterviewsTable is one case's job interviews with their feedback.
func searchInterviewsTable(c SearchCase) table {
	t := table{title: "Job interviews", headers: []string{"Date", "Organization", "Position", "Kind", "Feedback"}}
	for _, iv := range c.Interviews {
		t.rows = append(t.rows, []string{string(iv.Date), iv.Organization, dash(iv.Position), dash(iv.Kind), dash(iv.Feedback)})
	}
	return t
}

func targetText(jt record.JobTarget) string {
	var about []string
	if jt.JobFamily != "" {
		about = append(about, jt.JobFamily)
	}
	switch {
	case jt.GradeMin != "" && jt.GradeMax != "" && jt.GradeMin != jt.GradeMax:
		about = append(about, "grades "+jt.GradeMin+"-"+jt.GradeMax)
	case jt.GradeMin != "" || jt.GradeMax != "":
		about = append(about, "grade "+cmp.Or(jt.GradeMin, jt.GradeMax))
	}
	if jt.Scope != "" {
		about = append(about, jt.Scope)
	}
	if len(about) == 0 {
		return jt.Title
	}
	return jt.Title + " (" + strings.Join(about, ", ") + ")"
}

func scopeText(internal *bool) string {
	switch {
	case internal == nil:
		return "-"
	case *internal:
		return "internal"
	}
	return "external"
}

func referencesValue(r SearchReferences) string {
	if r.Required == 0 {
		return itoa(r.Named)
	}
	return itoa(r.Named) + " of " + itoa(r.Required)
}

// toolboxValue says how many of the three documents are final.
func toolboxValue(t record.Toolbox) string {
	items := t.Items()
	return itoa(len(items)-len(t.Unfinished())) + " of " + itoa(len(items)) + " final"
}

func toolboxState(s string) string {
	if s == "" {
		return "not recorded"
	}
	return s
}

// weeksValue is "kept of complete" weeks.
func weeksValue(w SearchWeeks) string {
	if w.From == "" {
		return "-"
	}
	return itoa(w.Kept) + " of " + itoa(w.CompleteWeeks)
}

func extensionValue(e SearchExtension) string {
	switch {
	case e.Moot == ExtensionMootApproved || e.Moot == ExtensionMootRefused:
		return e.Moot + " by the committee"
	case e.Moot != "":
		return "not in question (" + e.Moot + ")"
	case !e.Weighed:
		return "not yet"
	case e.Met:
		return "met"
	}
	return "not met"
}

func lastText(n SearchCount) string {
	if n.Last == "" {
		return ""
	}
	return "last " + n.Last
}

// countText is n things, the thing in the plural when n is not 1.
func countText(n int, thing string) string {
	if n == 1 || n == -1 {
		return itoa(n) + " " + thing
	}
	return itoa(n) + " " + thing + "s"
}
