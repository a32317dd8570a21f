#!/usr/bin/env bash
# .ci/demo-store.sh — build the demo case store from nothing with the real
# caseplan binary.
#
#   usage: .ci/demo-store.sh STORE_DIR
#
# STORE_DIR is an existing git repository with a schemas/ directory and no
# cases/ yet. The binary is ${CASEPLAN:-caseplan}.
#
# The store belongs to a fictional organisation, the Riverside Workforce
# Partnership, and holds fifteen fictional cases of 2026 in all three program
# kinds of DESIGN.md §4 and their phases as of 2026-11-22. Every change goes
# through caseplan — `case new`, `note add`, `staff add`, and `caseplan commit`
# for the records that have no command yet — authored by the staff member who
# did the work, with --today set to the day it happened, so each commit was
# valid on its day and the history reads like a year of an office's work.
#
# The cases, as of 2026-11-22:
#
#   2026-2MB7E  work-security    closed: placed internally (follow-up done)  alucero
#   2026-R6WQ9  work-security    closed: separated, extension denied         mbell
#   2026-F3VD6  work-security    approved extension to 2026-12-02            mbell
#   2026-J8PZ1  work-security    placed, open for follow-up                  dshah
#   2026-C9KXW  work-security    work security period (layoff 2026-09-04)    alucero
#   2026-7QH2M  work-security    notification period (layoff 2026-12-18)    mbell
#   2026-N4TR8  work-security    notification period, grant ended (30 days)  dshah
#   2026-X7EC5  wioa             exited 2026-07-10, 12-month follow-up       dshah
#   2026-H5GN3  wioa             active: in training, regular contact        mbell
#   2026-T2YB4  wioa             active, contact overdue (the one warning)   alucero
#   2026-K9MS0  wioa             active, transferred Riverside -> Eastgate   mbell -> dshah
#   2026-P4AJ7  wioa             closed: moved out of state                  alucero
#   2026-B1ZK6  post-employment  closed at the participant's request         alucero
#   2026-V3HT8  post-employment  active: benefits renewal, crisis handled    jreyes
#   2026-D6QR2  post-employment  active: evening/text contact, raise         jreyes
#
# How the script is organised: each case is written below as a story in date
# order; `on DATE STAFF` says when and who, and each helper call after it is
# one step (a caseplan command, or a hand edit that a later `commit` step
# commits). The steps are not run at once but queued, and replayed at the end
# sorted by date, so the history interleaves the cases as a real office's
# would. Set VERBOSE=1 to print each step as it runs, and CHECK_EACH=1 to run
# `caseplan validate` after every commit (slower; for working on this script).
#
# Needs bash 4, GNU date, awk and sha1sum.
#
# All people, employers, phone numbers (555-01xx) and addresses are fictional.
# The source documents cited (000-003) are in the project's domain folder:
# 000 work security case management planner, 001 federal brief on workforce
# case management, 002 WIOA career planning issuance, 003 post-employment
# services policy.
set -euo pipefail

die() { echo "demo-store: $*" >&2; exit 1; }
[ $# -eq 1 ] || { echo "usage: .ci/demo-store.sh STORE_DIR" >&2; exit 2; }
[ -d "$1/.git" ] || die "$1 is not a git repository"
STORE=$(cd "$1" && pwd)
[ -d "$STORE/schemas" ] || die "$STORE has no schemas/ directory"
[ ! -e "$STORE/cases" ] || die "$STORE already has cases/; this script builds the store from nothing"
CASEPLAN=${CASEPLAN:-caseplan}
command -v "$CASEPLAN" >/dev/null || die "no caseplan binary ($CASEPLAN); set CASEPLAN=/path/to/caseplan"
export CASEPLAN_STORE=$STORE
unset CASEPLAN_TODAY CASEPLAN_AUTHOR
CASES=$STORE/cases
START=$SECONDS

# ---------------------------------------------------------------------------
# The staff, as commit authors. The roster itself is cases/caseplan.yaml.
declare -A STAFF=(
  [tvance]="Theresa Vance <tvance@example.org>"
  [mbell]="Marcus Bell <mbell@example.org>"
  [alucero]="Ana Lucero <alucero@example.org>"
  [dshah]="Devika Shah <dshah@example.org>"
  [jreyes]="Jordan Reyes <jreyes@example.org>"
)

# ---------------------------------------------------------------------------
# The step queue. The stories below call the helpers in the next section;
# each helper appends one line "DATE<TAB>SEQ<TAB>STAFF do_X ARGS..." (shell-quoted)
# and keeps any here-document it was given as a payload file. replay runs the
# lines sorted by date, then by the order they were written.
QUEUE=$(mktemp -d "${TMPDIR:-/tmp}/demo-store.XXXXXX")
trap 'rm -rf "$QUEUE"' EXIT
SEQ=0 DAY= WHO=

# on DATE STAFF — the steps that follow happen on DATE, done by STAFF.
on() { DAY=$1 WHO=$2; [ -n "${STAFF[$WHO]:-}" ] || die "on $DAY: unknown staff $WHO"; }

enqueue() {
  SEQ=$((SEQ + 1))
  printf '%s\t%06d\t%s\n' "$DAY" "$SEQ" "$(printf '%q ' "$WHO" "$@")" >>"$QUEUE/steps"
}

# stash — save stdin (a here-document) as a payload file; print its path.
stash() { local f; f=$(mktemp "$QUEUE/payload.XXXXXX"); cat >"$f"; printf '%s' "$f"; }

replay() {
  local day seq cmd
  while IFS=$'\t' read -r day seq cmd <&3; do
    [ -z "$EDITED" ] || [ "$day" = "$DAY" ] || die "$DAY: hand edits to $EDITED were not committed that day"
    eval "run_step $day $cmd"
  done 3< <(sort -t $'\t' -k1,1 -k2,2 "$QUEUE/steps")
  [ -z "$EDITED" ] || die "$DAY: hand edits to $EDITED were never committed"
}

# caseplan commit commits every hand edit under cases/, so a case's edits
# must be committed by its own commit step, the same day. EDITED names the
# case with uncommitted edits; edited and committed keep it.
EDITED=
edited() {
  [ -z "$EDITED" ] || [ "$EDITED" = "$1" ] || die "$DAY: editing $1 while the edits to $EDITED are not committed"
  EDITED=$1
}
committed() {
  [ -z "$EDITED" ] || [ "$EDITED" = "$1" ] || die "$DAY: commit for $1 would also take the hand edits to $EDITED"
  EDITED=
}

# run_step DATE STAFF do_X ARGS... — run one queued step as STAFF on DATE.
run_step() {
  DAY=$1 WHO=$2
  shift 2
  [ -z "${VERBOSE:-}" ] || echo "$DAY $WHO ${*:1:3}" >&2
  "$@"
  # CHECK_EACH: once a step has committed everything, the whole store must
  # be valid on its day (the git CLI is used only for this check).
  if [ -n "${CHECK_EACH:-}" ] && [ -z "$(git -C "$STORE" status --porcelain -- cases)" ]; then
    "$CASEPLAN" validate --today "$DAY" >/dev/null 2>"$QUEUE/check" ||
      { cat "$QUEUE/check" >&2; die "$DAY: the store is invalid after: $*"; }
  fi
}

# cp_ ARGS... — run caseplan as the acting staff member on the acting day.
# Its messages go to a log that is shown only when it fails.
#
# Commit time: caseplan stamps commits with the wall clock, so today the whole
# history carries the day the script ran. GIT_AUTHOR_DATE and
# GIT_COMMITTER_DATE say when each step really happened (office hours on its
# day, a few minutes apart) for a caseplan that honours git's convention.
COMMITS=0 CLOCK_DAY= CLOCK_MIN=0
cp_() {
  [ "$CLOCK_DAY" = "$DAY" ] || CLOCK_DAY=$DAY CLOCK_MIN=$((9 * 60))
  CLOCK_MIN=$((CLOCK_MIN + 4))
  case $1 in case | note | commit | staff) COMMITS=$((COMMITS + 1)) ;; esac
  local when; when=$(printf '%sT%02d:%02d:00+00:00' "$DAY" $((CLOCK_MIN / 60)) $((CLOCK_MIN % 60)))
  GIT_AUTHOR_DATE=$when GIT_COMMITTER_DATE=$when \
    "$CASEPLAN" --today "$DAY" --author "${STAFF[$WHO]}" "$@" 2>"$QUEUE/log" || {
    cat "$QUEUE/log" >&2
    die "$DAY $WHO: caseplan $* failed"
  }
}

# ---------------------------------------------------------------------------
# Helpers the stories use. Each queues one step; the do_ function beside it
# is what runs at replay. A CASE argument is a case ID; FILE is a path inside
# the case directory (iep.yaml, activity/2026-W04.yaml, ...).

# open_case ID PROGRAM MANAGER NAME [case new flags] — open a case on the day.
open_case() { enqueue do_open "$@"; }
do_open() {
  local id=$1 program=$2 manager=$3 name=$4
  shift 4
  cp_ case new --id "$id" --program "$program" --manager "$manager" --name "$name" --opened "$DAY" "$@" >/dev/null
}

# note [@LABEL] CASE KIND MODE <<YAML — add a case note whose fields (two_way,
# services, the seven elements of 001, actions) come from the here-document.
# @LABEL keeps the new note's ID for a later amendment.
note() {
  local label=
  case $1 in @*) label=${1#@}; shift ;; esac
  local p; p=$(stash)
  enqueue do_note "$label" "$1" "$2" "$3" "$p"
}
do_note() {
  local label=$1 id=$2 kind=$3 mode=$4 payload=$5
  # caseplan note add --file checks the file before it applies --kind and
  # --mode, so they go into the YAML itself.
  { printf 'kind: %s\nmode: %s\n' "$kind" "$mode"; cat "$payload"; } >"$QUEUE/note.yaml"
  cp_ note add "$id" --date "$DAY" --file "$QUEUE/note.yaml" >"$QUEUE/note.id"
  [ -z "$label" ] || cp "$QUEUE/note.id" "$QUEUE/note.$label"
}

# amend CASE @LABEL MODE <<YAML — correct the note kept as @LABEL with a new
# note of kind amendment (001: notes are never edited). caseplan has no
# `note amend` yet and `note add` refuses kind amendment, so the note is
# written by hand and committed with caseplan commit.
amend() { local p; p=$(stash); enqueue do_amend "$1" "${2#@}" "$3" "$p"; }
do_amend() {
  local id=$1 label=$2 mode=$3 payload=$4 amends nid
  amends=$(tr -d '\n' <"$QUEUE/note.$label")
  nid=$DAY-$(printf '%s' "$id$DAY$amends" | sha1sum | cut -c1-4)
  committed "$id"
  mkdir -p "$CASES/$id/notes"
  {
    echo '# yaml-language-server: $schema=../../../schemas/note.schema.json'
    printf 'id: %s\ndate: %s\nauthor: %s\nkind: amendment\nmode: %s\n' "$nid" "$DAY" "$WHO" "$mode"
    cat "$payload"
    printf 'amends: %s\n' "$amends"
  } >"$CASES/$id/notes/$nid.yaml"
  cp_ commit -m "amend note $amends" >/dev/null
}

# put CASE FILE <<YAML — write a whole record file; the schema modeline is
# added here. Commit it (with other edits) with `commit`.
put() { local p; p=$(stash); enqueue do_put "$1" "$2" "$p"; }
do_put() {
  local f=$CASES/$1/$2 up=../..
  edited "$1"
  case $2 in */*) up=../../.. ;; esac
  mkdir -p "$(dirname "$f")"
  {
    echo "# yaml-language-server: \$schema=$up/schemas/$(schema_of "$2").schema.json"
    cat "$3"
  } >"$f"
}
schema_of() { case $1 in activity/*) echo activity ;; *) basename "$1" .yaml ;; esac; }

# append CASE FILE KEY [BEFORE] <<YAML — add list items (the here-document,
# indented as in the file) at the end of the top-level list KEY. When the file
# has no KEY yet it is started just before the top-level key BEFORE, or at the
# end of the file.
append() { local p; p=$(stash); enqueue do_append "$1" "$2" "$3" "${4:-}" "$p"; }
do_append() {
  local f=$CASES/$1/$2
  edited "$1"
  awk -v key="$3" -v before="$4" -v payload="$5" '
    function dump(   line) { while ((getline line < payload) > 0) print line; close(payload) }
    function toplevel(s) { return s ~ /^[A-Za-z_][A-Za-z0-9_]*:/ }
    inkey && toplevel($0) { dump(); inkey = 0; done = 1 }
    !done && !inkey && before != "" && index($0, before ":") == 1 { print key ":"; dump(); done = 1 }
    index($0, key ":") == 1 { inkey = 1 }
    { print }
    END { if (inkey) dump(); else if (!done) { print key ":"; dump() } }
  ' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
}

# set_ CASE FILE KEY VALUE — set a top-level scalar (KEY) or a scalar of a
# top-level map (PARENT.KEY), adding it at the end of its map if it is new.
set_() { enqueue do_set "$@"; }
do_set() {
  local f=$CASES/$1/$2
  edited "$1"
  awk -v path="$3" -v value="$4" '
    BEGIN { n = split(path, p, "."); if (n == 1) { key = p[1]; want = "" } else { key = p[2]; want = p[1] } }
    function toplevel(s) { return s ~ /^[A-Za-z_][A-Za-z0-9_]*:/ }
    # a top-level key
    want == "" && index($0, key ":") == 1 { print key ": " value; done = 1; next }
    # a key inside the map "want"
    want != "" && inmap && toplevel($0) && !done { print "  " key ": " value; done = 1 }
    want != "" && toplevel($0) { inmap = (index($0, want ":") == 1) }
    want != "" && inmap && index($0, "  " key ":") == 1 { print "  " key ": " value; done = 1; next }
    { print }
    END { if (!done) { if (want != "" && !inmap) print want ":"; print (want != "" ? "  " : "") key ": " value } }
  ' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
}

# item CASE FILE "KEY: VALUE" FIELD VALUE — in the list item that starts with
# "- KEY: VALUE" (e.g. "id: M1"), set FIELD, adding it at the end of the item.
item() { enqueue do_item "$@"; }
do_item() {
  local f=$CASES/$1/$2
  edited "$1"
  grep -qF -- "- $3" "$f" || die "$DAY: $1/$2 has no item \"- $3\""
  awk -v match_="- $3" -v field="$4" -v value="$5" '
    function indent(s) { match(s, /^ */); return RLENGTH }
    # the item ends at a line indented no deeper than its dash
    initem && $0 != "" && indent($0) <= dash {
      if (!done) print pad field ": " value
      initem = 0; done = 1
    }
    initem && index($0, pad field ":") == 1 { print pad field ": " value; done = 1; next }
    !done && substr($0, indent($0) + 1) == match_ {
      initem = 1; dash = indent($0); pad = sprintf("%" (dash + 2) "s", "")
    }
    { print }
    END { if (initem && !done) print pad field ": " value }
  ' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
}

# commit CASE MESSAGE — validate and commit the hand edits (caseplan commit).
commit() { enqueue do_commit "$@"; }
do_commit() { committed "$1"; cp_ commit -m "$2" >/dev/null; }

# week CASE <<YAML — the candidate's activity tracker for the ISO week of the
# day (000: the weekly Candidate Activity Tracker), written and committed.
week() { local p; p=$(stash); enqueue do_week "$1" "$p"; }
do_week() {
  local w; w=$(date -d "$DAY" +%G-W%V)
  { printf 'week: %s\n' "$w"; cat "$2"; } >"$QUEUE/week"
  do_put "$1" "activity/$w.yaml" "$QUEUE/week"
  committed "$1"
  cp_ commit -m "log the activity tracker for $w" >/dev/null
}

# staff_add ARGS — caseplan staff add.
staff_add() { enqueue do_staff_add "$@"; }
do_staff_add() { cp_ staff add "$@" >/dev/null; }

# ---------------------------------------------------------------------------
# The store settings: organisation, offices, roster and programs, written by
# hand as an office would, and committed by the coordinator.
store_settings() { enqueue do_store_settings; }
do_store_settings() {
  mkdir -p "$CASES"
  cat >"$CASES/caseplan.yaml" <<'YAML'
# yaml-language-server: $schema=../schemas/caseplan.schema.json
# Riverside Workforce Partnership: store settings for caseplan.
# Every commit author and every case manager must be on the staff roster.
organization: Riverside Workforce Partnership
centers:
  - Riverside Career Center
  - Eastgate Career Center
staff:
  - id: tvance
    name: Theresa Vance
    email: tvance@example.org
    role: coordinator
    center: Riverside Career Center
  - id: mbell
    name: Marcus Bell
    email: mbell@example.org
    role: case-manager
    center: Riverside Career Center
  - id: alucero
    name: Ana Lucero
    email: alucero@example.org
    role: case-manager
    center: Riverside Career Center
  - id: dshah
    name: Devika Shah
    email: dshah@example.org
    role: case-manager
    center: Eastgate Career Center
programs:
  # Layoff candidates of Northfield University under the university and
  # Northfield Staff Union work security agreement (document 000).
  work-security:
    kind: work-security
    name: Work Security
    settings:
      notification_days: 60 # 000: notification period "ordinarily 60 days"
      notification_days_grant_ended: 30 # 000: "possibly 30 days if grant funding ends"
      work_security_days: 90 # 000: work security period "up to 90 days"
      extension_max_days: 90 # 000: the joint committee may extend "up to three additional months"
      checkin_interval_days: 7 # 000: "plan weekly meetings or check-ins"
      references_required: 3 # 000: "secure three professional references"
      review_interval_days: 90 # 001: the plan is referenced often and updated regularly
  # WIOA Title I career planning with an Individual Employment Plan (002).
  wioa:
    kind: wioa
    name: WIOA career planning
    settings:
      first_contact_days: 10 # 002: counselors "must contact them within 10 days"
      contact_interval_days: 30 # 002: "should contact the customer within 30 days"
      follow_up_months: 12 # 001/002: twelve months of follow-up after exit
      inactivity_exit_days: 90 # caseplan default: no service for 90 days is a potential exit
      review_interval_days: 90 # 001: the plan is referenced often and updated regularly
  # Post-employment services after cash assistance ends (003).
  post-employment:
    kind: post-employment
    name: Post-employment services
    settings:
      post_assistance_months: 12 # 003: services "for 12 months following the loss of cash assistance"
      review_interval_days: 90 # 001: the plan is referenced often and updated regularly
YAML
  cp_ commit -m "create the demo store" >/dev/null
}

on 2026-01-05 tvance
store_settings

# ---------------------------------------------------------------------------
# 2026-2MB7E  work security, closed: placed internally  (Ana Lucero)
# Notice 2026-01-12, layoff 2026-03-13; offer in the work security period,
# started 2026-04-20, one follow-up, closed 2026-06-01.
C=2026-2MB7E

on 2026-01-14 alucero
open_case $C work-security alucero "Rosa Delgado" --notice-date 2026-01-12 --layoff-date 2026-03-13

on 2026-01-15 alucero
note $C intake in-person <<'YAML'
two_way: true
services: [assessment, career-planning]
background: Rosa has been Department Administrator in Earth Sciences for six years. The department is consolidating its administration with Geography and her position is eliminated; notice was given on 2026-01-12.
reason: Intake meeting for the work security program, as soon as possible after notice (000).
observations: Upset about the news but organised; brought a printed resume last updated in 2019 and a list of colleagues she could ask for references.
content: |-
  Explained the program - preference for internal jobs, the 60-day notification period and the 90-day work security period - and who does what (candidate, case manager, union representative, HR).
  Rosa completed the Skills Assessment Form and the job-hunt readiness checklist. Reviewed her resume; no cover letter or thank-you letter yet.
  Agreed a first range of target jobs (department administrator, financial associate, grants specialist, grades 055-057) and weekly check-ins on Fridays by phone, in person every other week.
  Agreed with her manager through HR on two half-days a week of release time for the job search.
results: Program expectations signed; job targets and weekly schedule agreed; resume draft to be updated.
impressions: Motivated and well regarded in the department; her budget and purchasing skills transfer to most administrative units. Interview practice is the main gap.
plan: Write the employment plan next week; start the weekly activity tracker; case conference with union and HR in February.
actions:
  - owner: participant
    text: Send the updated resume and a cover letter draft
    due: 2026-01-23
  - owner: manager
    text: Ask Earth Sciences HR for the position history summary (no surprises)
    due: 2026-01-23
YAML
put $C intake.yaml <<'YAML'
id: 2026-2MB7E
opened: 2026-01-14
program: work-security
status: open
manager: alucero
center: Riverside Career Center
participant:
  name: Rosa Delgado
  preferred_name: Rosa
  phone: 555-0112
  email: rosa.delgado@example.com
  address: 48 Linden Street, Riverside
  channels:
    - email
    - phone
  best_times: weekdays before 9 or after 4
  language: English
team:
  - name: Carl Whitaker
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0181
    email: cwhitaker@nsu.example.org
  - name: Helen Marsh
    role: hr-laying-off
    organization: Northfield University, Earth Sciences
    phone: 555-0183
    email: hmarsh@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-01-14
    eligible: true
    basis: layoff notice of 2026-01-12; six years of service in a union-covered position
assessments:
  - tool: Skills Assessment Form
    date: 2026-01-15
    summary: strong in budget reconciliation, purchasing and faculty support; little presentation software
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-01-15
    summary: ready on targeting and networking; has not interviewed since 2019
skills:
  - budget reconciliation
  - purchasing and reimbursements
  - faculty and visitor support
  - event logistics
layoff:
  notice_date: 2026-01-12
  layoff_date: 2026-03-13
  grant_funding_ended: false
  position: Department Administrator
  grade: "056"
  fte: 1
  department: Department of Earth Sciences
toolbox:
  resume: draft
  cover_letter: none
  thank_you_letter: none
YAML
commit $C "record the intake meeting: participant, team, assessments, layoff"

on 2026-01-20 alucero
put $C iep.yaml <<'YAML'
created: 2026-01-14
updated: 2026-01-20
vision: Keep a budget and administration role at Northfield, in a larger unit with room to grow.
employment_goal: Department or finance administrator, grade 055 to 057, at Northfield University
goals:
  - id: G1
    term: short
    text: Be placed in a comparable Northfield position by the end of the work security period
    target: 2026-06-11
    status: active
    objectives:
      - id: O1
        text: Finish the toolbox (resume, cover letter, thank-you letter) by the end of January
        services:
          - S1
      - id: O2
        text: Apply to every relevant internal posting in grades 055 to 057 each week
        services:
          - S2
          - S3
      - id: O3
        text: Interview with confidence
        services:
          - S4
    milestones:
      - id: M1
        text: Final resume and cover letter reviewed by the case manager
        due: 2026-01-30
      - id: M2
        text: Three references agreed and briefed
        due: 2026-02-20
      - id: M3
        text: First internal interview
        due: 2026-02-27
  - id: G2
    term: long
    text: Move into a finance manager role within three years
    target: 2029-01-31
    status: active
    objectives:
      - id: O4
        text: Build advanced spreadsheet and reporting skills
        services:
          - S5
services:
  - id: S1
    name: Toolbox review
    code: resume-help
    provider: Riverside Career Center
    start: 2026-01-20
    end: 2026-01-30
  - id: S2
    name: Job search plan and weekly activity review
    code: job-search
    provider: Riverside Career Center
    start: 2026-01-20
  - id: S3
    name: Job development with hiring units (priority candidacy)
    code: job-development
    provider: Riverside Career Center
    start: 2026-01-26
  - id: S4
    name: Mock interviews
    code: mock-interview
    provider: Riverside Career Center
    start: 2026-02-02
  - id: S5
    name: Excel for Financial Reporting
    code: training
    provider: Northfield Learning and Development
    start: 2026-02-10
    end: 2026-03-03
next_steps:
  - id: N1
    owner: participant
    text: Send the updated resume and a cover letter draft
    due: 2026-01-23
  - id: N2
    owner: manager
    text: Ask Earth Sciences HR for the position history summary
    due: 2026-01-23
  - id: N3
    owner: participant
    text: Mark internal applications as a layoff candidate on NorthfieldJobs
    due: 2026-01-27
job_targets:
  - title: Department Administrator
    job_family: General administration
    grade_min: "055"
    grade_max: "057"
    scope: internal
  - title: Financial Associate
    job_family: Finance
    grade_min: "055"
    grade_max: "056"
    scope: both
  - title: Grants and Contracts Specialist
    job_family: Research administration
    grade_min: "056"
    grade_max: "057"
    scope: both
skill_plan:
  - course: Interviewing with Confidence
    provider: Northfield Learning and Development
    start: 2026-02-04
    end: 2026-02-04
    status: enrolled
  - course: Excel for Financial Reporting
    provider: Northfield Learning and Development
    start: 2026-02-10
    end: 2026-03-03
    status: enrolled
YAML
commit $C "write the employment plan: goals, job targets, skill plan"

on 2026-01-23 alucero
note $C contact phone <<'YAML'
two_way: true
services: [job-search, resume-help]
background: First weekly check-in of the notification period.
reason: Review the resume draft and the first week of the activity tracker.
observations: Rosa had already rewritten her resume around results (a 12% cut in purchasing costs) and sounded steadier than at intake.
content: Went through the resume line by line; suggested a two-line summary and moving the systems list up. Reviewed two internal postings she found; both are in range.
results: Resume final after one more pass; two applications to go in on Monday. HR sent the position history, no concerns.
impressions: On track; she needs a nudge to apply outside Northfield as well.
plan: Finalise the cover letter template; apply to the two postings; one external application a week.
actions:
  - owner: participant
    text: Apply to the Library and Chemistry postings
    due: 2026-01-26
  - owner: participant
    text: Ask two former supervisors to act as references
    due: 2026-01-30
YAML

on 2026-01-30 alucero
week $C <<'YAML'
applications:
  - date: 2026-01-26
    organization: Northfield University Library
    position: Finance and Administration Coordinator
    internal: true
    grade: "056"
    status: applied
  - date: 2026-01-26
    organization: Department of Chemistry
    position: Department Administrator
    internal: true
    grade: "056"
    status: applied
  - date: 2026-01-29
    organization: Riverside Regional Hospital
    position: Finance Assistant
    internal: false
    status: applied
informational_interviews:
  - date: 2026-01-28
    organization: Office of Sponsored Programs
    contact: Grants manager met at a training last year
    notes: explained the grants specialist career path and the certification most units ask for
networking:
  - date: 2026-01-29
    event: Northfield administrators' lunch group
    contacts: 3
YAML
put $C references.yaml <<'YAML'
references:
  - name: Gordon Avery
    title: Professor and former Department Chair
    organization: Department of Earth Sciences
    relationship: chair she supported for four years
    phone: 555-0131
    email: gavery@northfield.example.org
    permission: 2026-01-28
  - name: Lorraine Pike
    title: Finance Manager
    organization: Faculty of Science Finance Office
    relationship: dotted-line finance supervisor
    phone: 555-0132
    email: lpike@northfield.example.org
    permission: 2026-01-29
YAML
item $C iep.yaml "id: N1" done 2026-01-22
item $C iep.yaml "id: N2" done 2026-01-21
item $C iep.yaml "id: M1" done 2026-01-30
set_ $C iep.yaml updated 2026-01-30
set_ $C intake.yaml toolbox.resume final
set_ $C intake.yaml toolbox.cover_letter final
commit $C "add two references; toolbox final; first next steps done"

on 2026-02-04 alucero
note $C mock-interview in-person <<'YAML'
two_way: true
services: [mock-interview]
background: Rosa has an internal screening for the Library coordinator post next week.
reason: Mock interview before her first interview in seven years.
observations: Good examples but long answers; she apologised for the layoff twice without being asked.
content: Forty-minute mock interview on the Library posting, then feedback. Practised a short, neutral answer about the layoff agreed with HR and the union (the department is consolidating). Worked on a two-minute elevator pitch.
results: Answers tightened to under two minutes; she wrote her layoff statement down.
impressions: Will interview well once the first one is behind her.
plan: Second mock before any hiring-manager interview. She sends a thank-you letter within a day of each interview.
actions:
  - owner: participant
    text: Draft a thank-you letter template and send it for review
    due: 2026-02-06
YAML

on 2026-02-13 alucero
item $C activity/2026-W05.yaml "date: 2026-01-26" status interview
week $C <<'YAML'
applications:
  - date: 2026-02-09
    organization: School of Public Policy
    position: Financial Associate
    internal: true
    grade: "055"
    status: applied
interviews:
  - date: 2026-02-11
    organization: Northfield University Library
    position: Finance and Administration Coordinator
    kind: screening
    feedback: recruiter liked the purchasing results; asked about reporting tools
courses:
  - date: 2026-02-10
    title: Excel for Financial Reporting
    provider: Northfield Learning and Development
    status: enrolled
YAML

on 2026-02-18 alucero
note @c01ref $C interview-feedback phone <<'YAML'
two_way: true
services: [job-development]
background: Rosa had the hiring-manager interview for the Library coordinator post on 2026-02-17.
reason: Get the hiring unit's feedback and share it with Rosa (000).
observations: The Library HR officer was positive and asked whether Rosa could start in April.
content: Called the Library HR officer, then Rosa. Feedback - strong budget examples, should say more about the reporting systems she used. The unit is choosing between two candidates; as a layoff candidate Rosa has preference if qualified.
results: Rosa sent her thank-you letter the same day and a short note on the reporting systems.
impressions: Good chance of an offer.
plan: Keep applying meanwhile; case conference next week.
YAML

on 2026-02-20 alucero
amend $C @c01ref phone <<'YAML'
two_way: false
background: Rosa pointed out a wrong date in the interview-feedback note.
reason: Correct the record (notes are never edited; 001).
content: Correction to the interview-feedback note of 2026-02-18 - the hiring-manager interview was on 2026-02-16, not 2026-02-17.
YAML

on 2026-02-24 alucero
note $C case-conference in-person <<'YAML'
two_way: true
services: [career-planning]
background: Case conference planned at intake, halfway through the notification period.
reason: Review the job search with the union representative and Earth Sciences HR (000).
observations: Everyone in the room agreed Rosa's search is active and well targeted.
content: |-
  Attendees - Rosa, Carl Whitaker (union), Helen Marsh (Earth Sciences HR), Ana Lucero.
  Reviewed the tracker - six applications, one screening, one hiring-manager interview. HR confirmed the job history has no surprises. Carl will raise Rosa's candidacy with the School of Public Policy unit.
  Agreed the work security period starts 2026-03-14; release time continues until the layoff date.
results: Plan reviewed and kept; union to advocate with School of Public Policy.
impressions: Strong candidate; placement likely within the work security period.
plan: Weekly check-ins continue; next review after the Library decision.
YAML
append $C references.yaml references <<'YAML'
  - name: Denise Kamara
    title: Senior Research Administrator
    organization: Department of Geography
    relationship: colleague on the joint seminar budget
    phone: 555-0133
    email: dkamara@northfield.example.org
    permission: 2026-02-09
YAML
item $C references.yaml "name: Gordon Avery" briefed 2026-02-09
item $C references.yaml "name: Lorraine Pike" briefed 2026-02-10
set_ $C intake.yaml toolbox.thank_you_letter final
append $C iep.yaml reviews <<'YAML'
  - date: 2026-02-24
    by: alucero
    summary: Case conference with union and HR; toolbox final, three references briefed, two interviews so far. Plan kept.
YAML
item $C iep.yaml "id: M2" done 2026-02-10
item $C iep.yaml "id: M3" done 2026-02-11
item $C iep.yaml "id: N3" done 2026-01-26
item $C iep.yaml "course: Interviewing with Confidence" status completed
set_ $C iep.yaml updated 2026-02-24
commit $C "review the plan after the case conference; third reference agreed"

on 2026-03-27 alucero
item $C activity/2026-W05.yaml "date: 2026-01-26" status offer
item $C activity/2026-W05.yaml "date: 2026-01-26" feedback "verbal offer on 2026-03-26"
week $C <<'YAML'
applications:
  - date: 2026-03-23
    organization: Department of Music
    position: Department Administrator
    internal: true
    grade: "056"
    status: applied
interviews:
  - date: 2026-03-24
    organization: Northfield University Library
    position: Finance and Administration Coordinator
    kind: panel
    feedback: final panel with the Library finance team; verbal offer on 2026-03-26
YAML

on 2026-04-01 alucero
note $C contact in-person <<'YAML'
two_way: true
services: [job-development, career-planning]
background: The Library made a written offer on 2026-03-30 - Finance and Administration Coordinator, grade 056, start 2026-04-20.
reason: Go over the offer with Rosa before she accepts (000 - expect eleventh-hour questions).
observations: Pleased; her one question was whether her vacation balance carries over.
content: Went through the offer, salary at her current step, and the benefits continuity. HR confirmed the vacation balance carries over. Rosa accepted by email during the meeting. Asked the Library to name a buddy for her first month.
results: Offer accepted; work security benefits end on 2026-04-19.
impressions: A good match for her skills.
plan: Follow-up call a month after she starts; close the case after the follow-up if all is well.
YAML
put $C outcome.yaml <<'YAML'
placement:
  employer: Northfield University Library
  position: Finance and Administration Coordinator
  start: 2026-04-20
  wage: 31.25
  wage_unit: hour
  hours: 37.5
  internal: true
YAML
item $C iep.yaml "course: Excel for Financial Reporting" status completed
item $C iep.yaml "id: G1" status achieved
item $C activity/2026-W07.yaml "date: 2026-02-09" status withdrawn
item $C activity/2026-W13.yaml "date: 2026-03-23" status withdrawn
commit $C "record the placement at the University Library"

on 2026-05-20 alucero
note $C follow-up phone <<'YAML'
two_way: true
services: [follow-up]
background: Rosa started at the University Library on 2026-04-20.
reason: One-month follow-up after placement.
observations: Upbeat; already running the monthly budget report.
content: Asked about the work, her supervisor and training. The buddy arrangement worked well; she is taking the unit's systems training in June. No retention help needed.
results: Employed full time at the offered wage.
impressions: Placement is secure.
plan: Close the case on 2026-06-01 as placed.
YAML

on 2026-06-01 alucero
note $C closure none <<'YAML'
background: Placed at the University Library on 2026-04-20; follow-up on 2026-05-20 found her settled.
reason: Close the case.
content: Goals met - placed within the work security period in a comparable internal position. Thanked the union representative and both HR officers.
results: Case closed as placed.
plan: None; Rosa knows she can contact the center again.
YAML
append $C outcome.yaml follow_ups <<'YAML'
  - due: 2026-05-20
    done: 2026-05-20
    employed: true
    wage: 31.25
    notes: settled in; no retention help needed
YAML
append $C outcome.yaml closure <<'YAML'
  date: 2026-06-01
  reason: placed
  notes: placed internally in the work security period
YAML
set_ $C intake.yaml status closed
commit $C "record the follow-up and close the case: placed"

# ---------------------------------------------------------------------------
# 2026-R6WQ9  work security, closed: separated  (Marcus Bell)
# A half-time position; notice 2026-02-02, layoff 2026-04-03. The search
# stalled in May, the joint committee denied an extension, and the case
# closed at the end of the work security period with separation planning.
C=2026-R6WQ9

on 2026-02-03 mbell
open_case $C work-security mbell "Dennis Koval" --notice-date 2026-02-02 --layoff-date 2026-04-03

on 2026-02-05 mbell
note $C intake in-person <<'YAML'
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
YAML
put $C intake.yaml <<'YAML'
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
YAML
commit $C "record the intake meeting: participant, team, barriers, layoff"

on 2026-02-11 mbell
put $C iep.yaml <<'YAML'
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
YAML
commit $C "write the employment plan: goals, job targets, skill plan"

on 2026-02-20 mbell
put $C references.yaml <<'YAML'
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
YAML
item $C iep.yaml "id: N1" done 2026-02-17
item $C iep.yaml "id: N2" done 2026-02-13
item $C iep.yaml "id: M1" done 2026-02-19
item $C iep.yaml "id: M2" done 2026-02-19
set_ $C iep.yaml updated 2026-02-20
set_ $C intake.yaml toolbox.resume final
set_ $C intake.yaml toolbox.cover_letter draft
commit $C "add three references; resume final"

on 2026-02-27 mbell
week $C <<'YAML'
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
YAML

on 2026-03-19 mbell
note $C contact phone <<'YAML'
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
YAML

on 2026-03-24 mbell
note $C mock-interview in-person <<'YAML'
two_way: true
services: [mock-interview]
background: Screening with Chemistry on 2026-03-26.
reason: Mock interview.
observations: Knew the work thoroughly but undersold it; long pauses on behavioural questions.
content: Practised five common questions and the layoff answer. Built three short stories from his work (the freezer failure, the inventory audit, training students on safety).
results: Answers much stronger on the second run.
impressions: Nervous but coachable.
plan: Call after the screening for feedback.
YAML

on 2026-04-17 mbell
item $C activity/2026-W09.yaml "date: 2026-02-23" status rejected
item $C activity/2026-W09.yaml "date: 2026-02-23" feedback "chose a candidate with hazardous-waste certification"
week $C <<'YAML'
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
YAML

on 2026-05-14 mbell
note $C contact phone <<'YAML'
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
YAML
put $C services.yaml <<'YAML'
referrals:
  - id: R1
    service: Employee assistance (caregiver support)
    provider: Northfield Employee Assistance Program
    category: supportive
    referred: 2026-05-14
    status: referred
YAML
item $C iep.yaml "id: M3" done 2026-03-26
item $C iep.yaml "course: Computer Basics for the Workplace" status completed
item $C iep.yaml "course: Interviewing with Confidence" status completed
set_ $C iep.yaml updated 2026-05-14
commit $C "refer to the Employee Assistance Program; update the plan"

on 2026-06-10 mbell
note $C extension in-person <<'YAML'
two_way: true
services: [career-planning]
background: The work security period ends on 2026-07-02. Six applications in total, two interviews, none since April.
reason: Decide whether to apply to the Joint Work Security Committee for an extension (000).
observations: Candid that the search slowed in May; his father is now home with visiting nurses.
content: Went over the extension criteria with Dennis and the union representative. The application goes in with the tracker and a note on the caregiving months.
results: Extension application sent to the joint committee today.
impressions: The gap in May will weigh against him.
plan: Prepare for separation in parallel in case the extension is denied.
YAML
put $C outcome.yaml <<'YAML'
extensions:
  - requested: 2026-06-10
    decision: pending
    notes: application sent with the activity tracker and a caregiving statement
YAML
item $C services.yaml "id: R1" status completed
item $C services.yaml "id: R1" updated 2026-06-10
item $C services.yaml "id: R1" outcome "four counselling sessions; arranged visiting nurses"
commit $C "request a work security extension"

on 2026-06-19 tvance
put $C outcome.yaml <<'YAML'
extensions:
  - requested: 2026-06-10
    decided: 2026-06-19
    decision: denied
    by: Joint Work Security Committee
    notes: no applications between mid-April and June; the criteria ask for applications throughout the period
YAML
commit $C "record the joint committee's decision: extension denied"

on 2026-06-22 mbell
note $C contact in-person <<'YAML'
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
YAML

on 2026-07-02 mbell
note $C closure phone <<'YAML'
two_way: true
services: [career-planning]
background: Last day of the work security period.
reason: Closing call.
content: Dennis starts a temporary afternoon assignment through one of the agencies next week. He has the center's contact details and the unemployment filing steps.
results: Case closed as separated.
plan: None.
YAML
append $C outcome.yaml closure <<'YAML'
  date: 2026-07-02
  reason: separated
  notes: work security ended without placement; extension denied; temporary agency work arranged
YAML
item $C iep.yaml "id: G1" status dropped
set_ $C intake.yaml status closed
commit $C "close the case: separated"

# ---------------------------------------------------------------------------
# 2026-F3VD6  work security, in an approved extension  (Marcus Bell)
# Notice 2026-04-06, layoff 2026-06-05, work security period to 2026-09-03;
# the joint committee extended it to 2026-12-02. Still searching, with a
# second interview coming up.
C=2026-F3VD6

on 2026-04-07 mbell
open_case $C work-security mbell "Yvonne Castillo" --notice-date 2026-04-06 --layoff-date 2026-06-05

on 2026-04-09 mbell
note $C intake in-person <<'YAML'
two_way: true
services: [assessment, career-planning]
background: Yvonne is a Grants Administrator (grade 057) in the Office of Sponsored Programs, which is merging its pre-award and post-award teams. Notice given 2026-04-06; layoff date 2026-06-05.
reason: Intake meeting (000).
observations: Very prepared - brought a current resume and a list of twelve units with grants staff. Frustrated that the reorganisation was announced by email.
content: |-
  Explained the program, roles and the timeline. Completed the Skills Assessment Form and the readiness checklist.
  Reviewed her resume (strong) and agreed targets - research administration roles at grades 056 to 058 in departments and research centers; external universities and hospitals as well.
  Agreed weekly check-ins on Mondays, alternating phone and in person.
results: Targets agreed; cover letter template to be drafted; references by the end of April.
impressions: Highly employable internally; the few grade 057 postings at a time are the constraint.
plan: Write the plan; set up informational interviews with three research centers.
actions:
  - owner: participant
    text: Draft a cover letter for departmental research administrator postings
    due: 2026-04-14
YAML
put $C intake.yaml <<'YAML'
id: 2026-F3VD6
opened: 2026-04-07
program: work-security
status: open
manager: mbell
center: Riverside Career Center
participant:
  name: Yvonne Castillo
  phone: 555-0115
  email: yvonne.castillo@example.com
  channels:
    - email
    - phone
    - video
  best_times: mornings
  language: English
team:
  - name: Ines Ferreira
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0182
    email: iferreira@nsu.example.org
  - name: Rachel Dunmore
    role: hr-laying-off
    organization: Northfield University, Office of Sponsored Programs
    phone: 555-0185
    email: rdunmore@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-04-07
    eligible: true
    basis: layoff notice of 2026-04-06; nine years of service
assessments:
  - tool: Skills Assessment Form
    date: 2026-04-09
    summary: federal and foundation grant budgets, award setup, subcontracts; strong writing
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-04-09
    summary: resume current; little networking outside her office
skills:
  - grant budgets
  - award setup and closeout
  - subcontract monitoring
  - federal cost principles
layoff:
  notice_date: 2026-04-06
  layoff_date: 2026-06-05
  grant_funding_ended: false
  position: Grants Administrator
  grade: "057"
  fte: 1
  department: Office of Sponsored Programs
toolbox:
  resume: final
  cover_letter: draft
  thank_you_letter: none
YAML
commit $C "record the intake meeting: participant, team, assessments, layoff"

on 2026-04-14 mbell
put $C iep.yaml <<'YAML'
created: 2026-04-07
updated: 2026-04-14
vision: A research administration career at Northfield, at her current grade or the next.
employment_goal: Research administrator or grants manager, grade 056 to 058
goals:
  - id: G1
    term: short
    text: Be placed in a research administration position at Northfield
    target: 2026-09-03
    status: active
    objectives:
      - id: O1
        text: Apply to every research administration posting in range each week
        services:
          - S1
          - S2
      - id: O2
        text: Meet people in three research centers before the layoff date
        services:
          - S3
      - id: O3
        text: Interview well for senior roles
        services:
          - S4
    milestones:
      - id: M1
        text: Three informational interviews held
        due: 2026-05-29
      - id: M2
        text: Three references agreed and briefed
        due: 2026-05-01
  - id: G2
    term: long
    text: Earn a research administration certification
    target: 2027-06-30
    status: active
    objectives:
      - id: O4
        text: Prepare for the certification exam
        services:
          - S5
services:
  - id: S1
    name: Job search plan and weekly activity review
    code: job-search
    provider: Riverside Career Center
    start: 2026-04-14
  - id: S2
    name: Job development with hiring units (priority candidacy)
    code: job-development
    provider: Riverside Career Center
    start: 2026-04-14
  - id: S3
    name: Informational interview plan
    code: career-planning
    provider: Riverside Career Center
    start: 2026-04-14
    end: 2026-05-29
  - id: S4
    name: Mock interviews
    code: mock-interview
    provider: Riverside Career Center
    start: 2026-05-11
  - id: S5
    name: Research administration certification prep
    code: training
    provider: Northfield Learning and Development
next_steps:
  - id: N1
    owner: participant
    text: Send the cover letter draft
    due: 2026-04-14
    done: 2026-04-13
  - id: N2
    owner: manager
    text: Introduce Yvonne to the administrative directors of three research centers
    due: 2026-04-24
job_targets:
  - title: Research Administrator
    job_family: Research administration
    grade_min: "056"
    grade_max: "058"
    scope: internal
  - title: Grants Manager
    job_family: Research administration
    grade_min: "057"
    grade_max: "058"
    scope: both
  - title: Post-award Specialist
    job_family: Research administration
    scope: external
skill_plan:
  - course: Project Management Fundamentals
    provider: Northfield Learning and Development
    start: 2026-05-05
    end: 2026-05-26
    status: enrolled
YAML
commit $C "write the employment plan: goals, job targets, skill plan"

on 2026-04-24 mbell
put $C references.yaml <<'YAML'
references:
  - name: Thomas Reinholt
    title: Director of Sponsored Programs
    organization: Office of Sponsored Programs
    relationship: director, her second-line manager
    phone: 555-0137
    email: treinholt@northfield.example.org
    permission: 2026-04-20
    briefed: 2026-04-22
  - name: Amelia Hart
    title: Professor of Chemistry
    organization: Department of Chemistry
    relationship: principal investigator on five of her awards
    email: ahart@northfield.example.org
    permission: 2026-04-21
    briefed: 2026-04-23
  - name: Victor Osei
    title: Grants Manager
    organization: Riverside Regional Hospital Research Institute
    relationship: counterpart on a shared subaward
    phone: 555-0138
    permission: 2026-04-23
    briefed: 2026-04-24
YAML
item $C iep.yaml "id: M2" done 2026-04-24
item $C iep.yaml "id: N2" done 2026-04-22
set_ $C iep.yaml updated 2026-04-24
commit $C "add three references, briefed"

on 2026-05-01 mbell
week $C <<'YAML'
applications:
  - date: 2026-04-27
    organization: School of Engineering
    position: Research Administrator
    internal: true
    grade: "057"
    status: applied
  - date: 2026-04-30
    organization: Westbrook University
    position: Post-award Grants Specialist
    internal: false
    status: applied
informational_interviews:
  - date: 2026-04-28
    organization: Center for Neuroscience
    contact: administrative director
    notes: expects a grants manager opening in the autumn when a new center grant starts
  - date: 2026-04-30
    organization: Institute for Coastal Studies
    contact: finance manager
    notes: no openings; offered to forward her resume
networking:
  - date: 2026-04-29
    event: Regional research administrators' meeting
    contacts: 5
YAML

on 2026-05-18 mbell
note $C mock-interview video <<'YAML'
two_way: true
services: [mock-interview]
background: School of Engineering screening scheduled for 2026-05-21.
reason: Mock interview for a senior research administrator role.
observations: Confident and precise; tended to criticise the reorganisation when asked why she was leaving.
content: Mock panel interview over video with a colleague from the center playing the faculty member. Reworked her answer on the layoff to one neutral sentence and a forward-looking point.
results: Layoff answer rewritten; two new examples on managing difficult deadlines.
impressions: Ready for panels.
plan: Thank-you letter the same day; call me after the screening.
actions:
  - owner: participant
    text: Draft a thank-you letter template
    due: 2026-05-20
YAML
item $C iep.yaml "id: M1" done 2026-05-14
set_ $C intake.yaml toolbox.cover_letter final
set_ $C intake.yaml toolbox.thank_you_letter draft
commit $C "informational interviews done; toolbox update"

on 2026-07-10 mbell
week $C <<'YAML'
applications:
  - date: 2026-07-06
    organization: Center for Neuroscience
    position: Grants Manager
    internal: true
    grade: "058"
    status: applied
  - date: 2026-07-08
    organization: School of Public Health
    position: Research Administrator
    internal: true
    grade: "056"
    status: applied
  - date: 2026-07-09
    organization: Riverside Regional Hospital Research Institute
    position: Grants Specialist
    internal: false
    status: applied
courses:
  - date: 2026-07-07
    title: Excel Pivot Tables
    provider: Northfield Learning and Development
    status: completed
YAML

on 2026-08-14 mbell
note $C extension in-person <<'YAML'
two_way: true
services: [career-planning]
background: The work security period ends on 2026-09-03. Fourteen applications (ten internal), five interviews, weekly contact throughout.
reason: Apply to the Joint Work Security Committee for an extension (000).
observations: Yvonne meets the criteria - regular contact and applications to all relevant positions throughout the period.
content: Prepared the application with Yvonne and the union representative - the activity trackers, interview feedback and the Neuroscience posting expected in October.
results: Extension application sent today; asked for the full three months.
impressions: A strong application.
plan: Continue the search; the committee meets on 2026-08-26.
YAML
put $C outcome.yaml <<'YAML'
extensions:
  - requested: 2026-08-14
    decision: pending
    notes: asked for three months; trackers and interview feedback attached
YAML
commit $C "request a work security extension"

on 2026-08-26 tvance
put $C outcome.yaml <<'YAML'
extensions:
  - requested: 2026-08-14
    decided: 2026-08-26
    decision: approved
    until: 2026-12-02
    by: Joint Work Security Committee
    notes: regular contact and applications throughout the period; three months granted
YAML
commit $C "record the joint committee's decision: extension approved to 2026-12-02"
note $C extension phone <<'YAML'
two_way: true
services: [career-planning]
background: The Joint Work Security Committee approved an extension to 2026-12-02 at today's meeting.
reason: Tell Yvonne and set expectations for the extension period.
content: Called Yvonne with the decision. During the extension she stays in regular contact with the coordinators and her case manager and keeps applying to every relevant posting.
results: Yvonne confirmed; check-ins continue with Marcus Bell weekly.
plan: Marcus to review the plan in September.
YAML

on 2026-09-18 mbell
append $C iep.yaml reviews <<'YAML'
  - date: 2026-09-18
    by: mbell
    summary: Extension approved to 2026-12-02. Widened targets to grade 056 and to hospital research institutes; added certification prep this autumn.
YAML
append $C iep.yaml skill_plan <<'YAML'
  - course: Research Administration Certification Prep
    provider: Northfield Learning and Development
    start: 2026-10-01
    end: 2026-11-19
    status: enrolled
YAML
item $C iep.yaml "course: Project Management Fundamentals" status completed
item $C iep.yaml "id: G1" target 2026-12-02
set_ $C iep.yaml updated 2026-09-18
commit $C "review the plan for the extension period"

on 2026-10-16 mbell
week $C <<'YAML'
applications:
  - date: 2026-10-12
    organization: Center for Neuroscience
    position: Grants Manager
    internal: true
    grade: "058"
    status: applied
    feedback: reposted after the center grant was funded
  - date: 2026-10-14
    organization: Department of Physics
    position: Research Administrator
    internal: true
    grade: "056"
    status: applied
courses:
  - date: 2026-10-15
    title: Research Administration Certification Prep
    provider: Northfield Learning and Development
    status: enrolled
YAML

on 2026-11-13 mbell
item $C activity/2026-W42.yaml "date: 2026-10-12" status interview
week $C <<'YAML'
interviews:
  - date: 2026-11-10
    organization: Center for Neuroscience
    position: Grants Manager
    kind: hiring-manager
    feedback: second interview with the faculty director requested
  - date: 2026-11-12
    organization: Department of Physics
    position: Research Administrator
    kind: screening
networking:
  - date: 2026-11-11
    event: Research administrators' autumn forum
    contacts: 4
YAML

on 2026-11-19 mbell
note $C interview-feedback phone <<'YAML'
two_way: true
services: [job-development]
background: Yvonne met the Neuroscience faculty director for a second interview on 2026-11-18. The extension ends on 2026-12-02.
reason: Feedback from the hiring unit, and timing against the end of the extension.
observations: The hiring HR officer said Yvonne is the leading candidate.
content: The unit expects to decide before Thanksgiving. Told HR the extension ends on 2026-12-02 and asked them to move quickly; as a layoff candidate she has preference. Briefed Yvonne and prepared her for eleventh-hour questions about start date and salary.
results: Decision expected the week of 2026-11-23.
impressions: Placement is close.
plan: Call HR on 2026-11-24 if no word; plan a start date before 2026-12-02 if offered.
actions:
  - owner: manager
    text: Call Neuroscience HR if no decision
    due: 2026-11-24
YAML

# ---------------------------------------------------------------------------
# 2026-J8PZ1  work security, placed and open for follow-up  (Devika Shah)
# Notice 2026-05-04, layoff 2026-07-03; placed internally from 2026-09-14;
# first follow-up done, the next one is due 2026-12-14.
C=2026-J8PZ1

on 2026-05-05 dshah
open_case $C work-security dshah "Malik Porter" --notice-date 2026-05-04 --layoff-date 2026-07-03

on 2026-05-07 dshah
note $C intake in-person <<'YAML'
two_way: true
services: [assessment, career-planning]
background: Malik is an IT Support Specialist (grade 055) in Medical Campus IT, which is moving desktop support to an outside vendor. Notice 2026-05-04, layoff 2026-07-03.
reason: Intake meeting (000).
observations: Practical and quick; wants to stay in IT at Northfield and is open to a campus move.
content: |-
  Explained the program and timeline. Completed the Skills Assessment Form and the readiness checklist.
  Resume is a long list of tools; we agreed to rewrite it around problems solved. Agreed targets - desktop support, IT support and junior systems roles at grades 055 to 057, at any campus.
  Weekly check-ins on Thursdays, by video when he is on shift.
results: Targets agreed; resume rewrite this week.
impressions: Strong demand for his skills; the main work is presentation.
plan: Employment plan next week; ask his manager to be a reference.
actions:
  - owner: participant
    text: Rewrite the resume around five problems solved
    due: 2026-05-12
YAML
put $C intake.yaml <<'YAML'
id: 2026-J8PZ1
opened: 2026-05-05
program: work-security
status: open
manager: dshah
center: Eastgate Career Center
participant:
  name: Malik Porter
  preferred_name: Malik
  phone: 555-0116
  email: malik.porter@example.com
  channels:
    - text
    - video
    - email
  best_times: weekdays 7 to 8 am or after 5 pm
  language: English
team:
  - name: Carl Whitaker
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0181
    email: cwhitaker@nsu.example.org
  - name: Sandra Blake
    role: hr-laying-off
    organization: Northfield University, Medical Campus IT
    phone: 555-0186
    email: sblake@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-05-05
    eligible: true
    basis: layoff notice of 2026-05-04; five years of service
assessments:
  - tool: Skills Assessment Form
    date: 2026-05-07
    summary: desktop and device support, ticket triage, user training; some scripting
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-05-07
    summary: resume lists tools, not results; networking good
skills:
  - desktop and laptop support
  - ticket triage
  - device imaging
  - user training
layoff:
  notice_date: 2026-05-04
  layoff_date: 2026-07-03
  grant_funding_ended: false
  position: IT Support Specialist
  grade: "055"
  fte: 1
  department: Medical Campus IT
toolbox:
  resume: draft
  cover_letter: none
  thank_you_letter: none
YAML
commit $C "record the intake meeting: participant, team, assessments, layoff"

on 2026-05-12 dshah
put $C iep.yaml <<'YAML'
created: 2026-05-05
updated: 2026-05-12
vision: Keep growing in IT at Northfield toward systems administration.
employment_goal: Desktop or IT support role, grade 055 to 057, any Northfield campus
goals:
  - id: G1
    term: short
    text: Be placed in an internal IT support role before or during the work security period
    target: 2026-10-01
    status: active
    objectives:
      - id: O1
        text: Resume and cover letter rewritten around results
        services:
          - S1
      - id: O2
        text: Apply to every IT support posting in range each week
        services:
          - S2
          - S3
      - id: O3
        text: Prepare for technical and panel interviews
        services:
          - S4
    milestones:
      - id: M1
        text: Resume and cover letter final
        due: 2026-05-22
      - id: M2
        text: Three references agreed
        due: 2026-06-05
  - id: G2
    term: long
    text: Move into systems administration
    target: 2028-06-30
    status: active
    objectives:
      - id: O4
        text: Earn an entry-level systems certification
        services:
          - S5
services:
  - id: S1
    name: Toolbox review
    code: resume-help
    provider: Eastgate Career Center
    start: 2026-05-12
    end: 2026-05-22
  - id: S2
    name: Job search plan and weekly activity review
    code: job-search
    provider: Eastgate Career Center
    start: 2026-05-12
  - id: S3
    name: Job development with hiring units (priority candidacy)
    code: job-development
    provider: Eastgate Career Center
    start: 2026-05-18
  - id: S4
    name: Mock interviews
    code: mock-interview
    provider: Eastgate Career Center
    start: 2026-06-08
  - id: S5
    name: Systems administration certificate course
    code: training
    provider: Northfield Learning and Development
    start: 2026-06-15
    end: 2026-08-28
next_steps:
  - id: N1
    owner: participant
    text: Send the rewritten resume
    due: 2026-05-15
  - id: N2
    owner: manager
    text: Release Malik's resume to the internal candidate pool as a layoff candidate
    due: 2026-05-15
job_targets:
  - title: Desktop Support Analyst
    job_family: Information technology
    grade_min: "055"
    grade_max: "056"
    scope: internal
  - title: IT Support Specialist
    job_family: Information technology
    grade_min: "055"
    grade_max: "055"
    scope: internal
  - title: Junior Systems Administrator
    job_family: Information technology
    grade_min: "056"
    grade_max: "057"
    scope: both
skill_plan:
  - course: Systems Administration Certificate
    provider: Northfield Learning and Development
    start: 2026-06-15
    end: 2026-08-28
    status: planned
YAML
commit $C "write the employment plan: goals, job targets, skill plan"

on 2026-05-22 dshah
week $C <<'YAML'
applications:
  - date: 2026-05-18
    organization: School of Public Policy
    position: Desktop Support Analyst
    internal: true
    grade: "056"
    status: applied
  - date: 2026-05-20
    organization: Northfield University Library
    position: IT Support Specialist
    internal: true
    grade: "055"
    status: applied
  - date: 2026-05-21
    organization: Eastgate School District
    position: Technology Support Technician
    internal: false
    status: applied
networking:
  - date: 2026-05-19
    event: Northfield IT staff community meetup
    contacts: 6
YAML

on 2026-06-02 dshah
put $C references.yaml <<'YAML'
references:
  - name: Andre Voss
    title: Manager, Client Services
    organization: Medical Campus IT
    relationship: current manager
    phone: 555-0139
    email: avoss@northfield.example.org
    permission: 2026-05-27
    briefed: 2026-06-01
  - name: Kimberly Tran
    title: Department Administrator
    organization: Department of Pathology
    relationship: client department he supported for three years
    email: ktran@northfield.example.org
    permission: 2026-05-28
    briefed: 2026-06-01
  - name: Jerome Whitlock
    title: Systems Engineer
    organization: Medical Campus IT
    relationship: senior colleague and mentor
    phone: 555-0140
    permission: 2026-06-01
YAML
item $C iep.yaml "id: N1" done 2026-05-14
item $C iep.yaml "id: N2" done 2026-05-15
item $C iep.yaml "id: M1" done 2026-05-21
item $C iep.yaml "id: M2" done 2026-06-01
set_ $C iep.yaml updated 2026-06-02
set_ $C intake.yaml toolbox.resume final
set_ $C intake.yaml toolbox.cover_letter final
commit $C "add three references; toolbox final"

on 2026-06-11 dshah
note $C mock-interview video <<'YAML'
two_way: true
services: [mock-interview]
background: School of Public Policy invited Malik to a technical interview on 2026-06-16.
reason: Mock interview with technical questions.
observations: Excellent on troubleshooting scenarios; answers on customer service were generic.
content: Forty-five minutes over video - three troubleshooting scenarios, two behavioural questions and the layoff question. Built a story around the clinic rollout he led.
results: Stronger customer-service examples; layoff answer agreed.
impressions: Well prepared for a technical panel.
plan: Thank-you letter after the interview; feedback call with the hiring unit.
YAML

on 2026-07-17 dshah
item $C activity/2026-W21.yaml "date: 2026-05-18" status interview
week $C <<'YAML'
applications:
  - date: 2026-07-13
    organization: Faculty of Arts and Sciences IT
    position: IT Support Specialist
    internal: true
    grade: "055"
    status: applied
  - date: 2026-07-15
    organization: Riverside Regional Hospital
    position: Desktop Support Technician
    internal: false
    status: applied
courses:
  - date: 2026-07-14
    title: Systems Administration Certificate
    provider: Northfield Learning and Development
    status: enrolled
YAML

on 2026-08-21 dshah
note $C interview-feedback phone <<'YAML'
two_way: true
services: [job-development]
background: Malik had the final interview with School of Public Policy on 2026-08-18.
reason: Hiring unit feedback and the offer.
observations: Hiring HR called to say an offer is coming; Malik was delighted.
content: Public Policy offers Desktop Support Analyst, grade 056, start 2026-09-14. Went over the offer with Malik - a grade up, same benefits; he asked to finish his course first, which the unit accepted. He accepted by phone.
results: Offer accepted; start 2026-09-14.
impressions: A good placement and a step up.
plan: Call on his first week; follow-ups at one and three months.
YAML
put $C outcome.yaml <<'YAML'
placement:
  employer: Northfield University, School of Public Policy
  position: Desktop Support Analyst
  start: 2026-09-14
  wage: 33.1
  wage_unit: hour
  hours: 40
  internal: true
follow_ups:
  - due: 2026-10-14
  - due: 2026-12-14
YAML
item $C activity/2026-W21.yaml "date: 2026-05-18" status hired
item $C iep.yaml "id: G1" status achieved
commit $C "record the placement at the School of Public Policy"

on 2026-10-13 dshah
note $C follow-up phone <<'YAML'
two_way: true
services: [follow-up]
background: One-month follow-up after placement.
reason: Follow-up call (000 - ensure placement success).
observations: Confident; his supervisor has already given him the device rollout project.
content: Asked about the work, training and his supervisor. He is taking on imaging for the school's new lab and passed the systems certificate exam on 2026-08-28. No problems with pay or benefits.
results: Employed full time at the offered wage.
impressions: Secure placement.
plan: Three-month follow-up on 2026-12-14, then close.
YAML
item $C outcome.yaml "due: 2026-10-14" done 2026-10-13
item $C outcome.yaml "due: 2026-10-14" employed true
item $C outcome.yaml "due: 2026-10-14" wage 33.1
item $C outcome.yaml "due: 2026-10-14" notes "settled; leading the lab device rollout"
item $C iep.yaml "course: Systems Administration Certificate" status completed
set_ $C iep.yaml updated 2026-10-13
commit $C "record the one-month follow-up; certificate completed"

# ---------------------------------------------------------------------------
# 2026-C9KXW  work security, in the work security period  (Ana Lucero)
# Notice 2026-07-06, layoff 2026-09-04; the work security period runs to
# 2026-12-03. Active search, interviews in November.
C=2026-C9KXW

on 2026-07-07 alucero
open_case $C work-security alucero "Naomi Fischer" --notice-date 2026-07-06 --layoff-date 2026-09-04

on 2026-07-09 alucero
note $C intake in-person <<'YAML'
two_way: true
services: [assessment, career-planning]
background: Naomi is an Events Coordinator (grade 054) in Alumni Relations, which is cutting in-person events after a budget review. Notice 2026-07-06, layoff 2026-09-04.
reason: Intake meeting (000).
observations: Outgoing and well connected across campus; worried about her grade, since event roles are rare.
content: |-
  Explained the program, roles and timeline; agreed the messaging about the layoff with HR and the union (budget review, not performance).
  Completed the Skills Assessment Form and the readiness checklist. Her event skills map onto program coordination and communications roles.
  Agreed targets - program coordinator, communications assistant and events roles at grades 053 to 055; external nonprofits too. Weekly check-ins on Wednesdays.
results: Targets agreed; resume to be reframed toward program coordination.
impressions: Strong network; she needs to show transferable skills on paper.
plan: Plan next week; portfolio of event materials as a work sample (000).
actions:
  - owner: participant
    text: Collect a portfolio of three events - budget, run of show, attendance results
    due: 2026-07-17
YAML
put $C intake.yaml <<'YAML'
id: 2026-C9KXW
opened: 2026-07-07
program: work-security
status: open
manager: alucero
center: Riverside Career Center
participant:
  name: Naomi Fischer
  preferred_name: Naomi
  phone: 555-0117
  email: naomi.fischer@example.com
  address: 210 Canal Street, Riverside
  channels:
    - phone
    - email
  best_times: any weekday
  language: English
team:
  - name: Ines Ferreira
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0182
    email: iferreira@nsu.example.org
  - name: Gregory Lam
    role: hr-laying-off
    organization: Northfield University, Alumni Relations
    phone: 555-0187
    email: glam@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-07-07
    eligible: true
    basis: layoff notice of 2026-07-06; seven years of service
assessments:
  - tool: Skills Assessment Form
    date: 2026-07-09
    summary: event planning, vendor contracts, volunteer coordination, social media
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-07-09
    summary: strong network; resume reads as events-only
skills:
  - event planning
  - vendor contracts
  - volunteer coordination
  - social media
layoff:
  notice_date: 2026-07-06
  layoff_date: 2026-09-04
  grant_funding_ended: false
  position: Events Coordinator
  grade: "054"
  fte: 1
  department: Alumni Relations
toolbox:
  resume: draft
  cover_letter: draft
  thank_you_letter: none
YAML
commit $C "record the intake meeting: participant, team, assessments, layoff"

on 2026-07-14 alucero
put $C iep.yaml <<'YAML'
created: 2026-07-07
updated: 2026-07-14
vision: Plan and run programs that bring people together, at Northfield or a nonprofit.
employment_goal: Program coordinator or events role, grade 053 to 055
goals:
  - id: G1
    term: short
    text: Be placed in a program coordination or events role during the work security period
    target: 2026-12-03
    status: active
    objectives:
      - id: O1
        text: Reframe the resume and build a portfolio of event work
        services:
          - S1
      - id: O2
        text: Apply to every relevant posting each week, internal and external
        services:
          - S2
          - S3
      - id: O3
        text: Practise interviews for program roles
        services:
          - S4
    milestones:
      - id: M1
        text: Resume, cover letter and portfolio final
        due: 2026-07-31
      - id: M2
        text: Three references agreed
        due: 2026-08-21
      - id: M3
        text: First interview for a program role
        due: 2026-09-30
services:
  - id: S1
    name: Toolbox and portfolio review
    code: resume-help
    provider: Riverside Career Center
    start: 2026-07-14
    end: 2026-07-31
  - id: S2
    name: Job search plan and weekly activity review
    code: job-search
    provider: Riverside Career Center
    start: 2026-07-14
  - id: S3
    name: Job development with hiring units (priority candidacy)
    code: job-development
    provider: Riverside Career Center
    start: 2026-07-20
  - id: S4
    name: Mock interviews
    code: mock-interview
    provider: Riverside Career Center
    start: 2026-08-17
next_steps:
  - id: N1
    owner: participant
    text: Send the reframed resume and the portfolio
    due: 2026-07-21
  - id: N2
    owner: manager
    text: Ask the union for open program coordinator roles it knows of
    due: 2026-07-17
job_targets:
  - title: Program Coordinator
    job_family: Program management
    grade_min: "053"
    grade_max: "055"
    scope: both
  - title: Communications Assistant
    job_family: Communications
    grade_min: "053"
    grade_max: "054"
    scope: internal
  - title: Events Manager
    job_family: Events
    scope: external
skill_plan:
  - course: Project Management Fundamentals
    provider: Northfield Learning and Development
    start: 2026-08-04
    end: 2026-08-25
    status: enrolled
  - course: Writing for the Web
    provider: Northfield Learning and Development
    start: 2026-09-15
    end: 2026-11-17
    status: planned
YAML
commit $C "write the employment plan: goals, job targets, skill plan"

on 2026-07-24 alucero
week $C <<'YAML'
applications:
  - date: 2026-07-20
    organization: Office for the Arts
    position: Program Coordinator
    internal: true
    grade: "054"
    status: applied
  - date: 2026-07-22
    organization: Riverside Food Bank
    position: Events and Volunteer Manager
    internal: false
    status: applied
informational_interviews:
  - date: 2026-07-23
    organization: Center for Public Engagement
    contact: program director
    notes: expects a coordinator posting in the autumn; liked the portfolio idea
YAML

on 2026-07-31 alucero
put $C references.yaml <<'YAML'
references:
  - name: Margaret Doyle
    title: Director of Alumni Events
    organization: Alumni Relations
    relationship: current manager
    phone: 555-0141
    email: mdoyle@northfield.example.org
    permission: 2026-07-27
    briefed: 2026-07-30
  - name: Samuel Greer
    title: Executive Director
    organization: Riverside Arts Council
    relationship: partner on the annual alumni arts night
    phone: 555-0143
    permission: 2026-07-29
YAML
item $C iep.yaml "id: N1" done 2026-07-21
item $C iep.yaml "id: N2" done 2026-07-16
item $C iep.yaml "id: M1" done 2026-07-30
set_ $C intake.yaml toolbox.resume final
set_ $C intake.yaml toolbox.cover_letter final
commit $C "add two references; toolbox final"

on 2026-08-14 alucero
note $C contact phone <<'YAML'
two_way: true
services: [job-search]
background: Weekly check-in, three weeks before the layoff date.
reason: Review applications and references.
observations: Busy - she is also running the last summer reunion before she leaves.
content: Reviewed the tracker (five applications). Her third reference, a faculty member she worked with on reunions, agreed yesterday. Checked release time is being honoured.
results: Third reference in place; references complete before the layoff date.
impressions: On track.
plan: Mock interview next week.
YAML
append $C references.yaml references <<'YAML'
  - name: Lydia Moreau
    title: Professor of History
    organization: Department of History
    relationship: faculty chair of the reunion committee
    email: lmoreau@northfield.example.org
    permission: 2026-08-13
    briefed: 2026-08-14
YAML
item $C iep.yaml "id: M2" done 2026-08-13
commit $C "third reference agreed"

on 2026-08-20 alucero
note $C mock-interview in-person <<'YAML'
two_way: true
services: [mock-interview]
background: Office for the Arts screening on 2026-08-25.
reason: Mock interview for a program coordinator role.
observations: Lively and engaging; drifted into event details and lost the question.
content: Practised the STAR structure on three questions, the layoff answer and questions to ask the panel. Used the portfolio as a prop.
results: Answers tighter; portfolio works well.
impressions: Good interviewer once structured.
plan: Thank-you letter after the screening.
YAML

on 2026-09-04 alucero
note $C contact phone <<'YAML'
two_way: true
services: [job-search]
background: Naomi's layoff date; the work security period runs to 2026-12-03.
reason: Weekly check-in on the layoff date.
observations: Tired after the last event, but glad to have time to search.
content: Office for the Arts went with an internal candidate with grant experience. Discussed pacing for the work security period - at least three applications a week, one informational interview a week.
results: Remote access to the jobs portal confirmed.
impressions: Committed.
plan: Weekly check-ins; case conference in early October.
YAML

on 2026-09-18 alucero
week $C <<'YAML'
applications:
  - date: 2026-09-14
    organization: Center for Public Engagement
    position: Program Coordinator
    internal: true
    grade: "054"
    status: applied
  - date: 2026-09-15
    organization: Office of Student Life
    position: Events Coordinator
    internal: true
    grade: "054"
    status: applied
  - date: 2026-09-17
    organization: Riverside Chamber of Commerce
    position: Programs and Events Manager
    internal: false
    status: applied
courses:
  - date: 2026-09-15
    title: Writing for the Web
    provider: Northfield Learning and Development
    status: enrolled
networking:
  - date: 2026-09-16
    event: Riverside nonprofit networking breakfast
    contacts: 4
YAML

on 2026-10-02 alucero
note $C case-conference in-person <<'YAML'
two_way: true
services: [career-planning]
background: Four weeks into the work security period; eleven applications, one interview.
reason: Case conference with the union and HR (000).
content: |-
  Attendees - Naomi, Ines Ferreira (union), Gregory Lam (Alumni Relations HR), Ana Lucero.
  HR reported Student Life will interview layoff candidates first. The union will advocate with the Center for Public Engagement. Agreed to add communications assistant roles at grade 053.
results: Plan reviewed; targets widened to grade 053 communications roles.
impressions: Good engagement; more interviews likely this month.
plan: Weekly check-ins; ask Student Life HR for an interview date.
YAML
append $C iep.yaml reviews <<'YAML'
  - date: 2026-10-02
    by: alucero
    summary: Case conference; targets widened to grade 053 communications roles; union to advocate with the Center for Public Engagement.
YAML
item $C iep.yaml "course: Project Management Fundamentals" status completed
item $C iep.yaml "course: Writing for the Web" status enrolled
set_ $C intake.yaml toolbox.thank_you_letter final
set_ $C iep.yaml updated 2026-10-02
commit $C "review the plan after the case conference"

on 2026-10-23 alucero
item $C activity/2026-W38.yaml "date: 2026-09-15" status interview
week $C <<'YAML'
applications:
  - date: 2026-10-19
    organization: Office of Communications
    position: Communications Assistant
    internal: true
    grade: "053"
    status: applied
interviews:
  - date: 2026-10-20
    organization: Office of Student Life
    position: Events Coordinator
    kind: screening
    feedback: strong; invited to meet the hiring manager
informational_interviews:
  - date: 2026-10-22
    organization: Riverside Arts Council
    contact: executive director
    notes: suggested two board members hiring for a festival
YAML

on 2026-11-06 alucero
note $C interview-feedback phone <<'YAML'
two_way: true
services: [job-development]
background: Naomi met the Student Life hiring manager on 2026-11-04; the Center for Public Engagement screened her on 2026-11-05.
reason: Get feedback from both hiring units.
content: Student Life - excellent on logistics, less on budget ownership; final decision after a second candidate. Public Engagement - moving her to a panel on 2026-11-18.
results: Shared feedback with Naomi; prepared budget examples from the reunion program.
impressions: Two live opportunities.
plan: Mock panel before 2026-11-18.
YAML

on 2026-11-20 alucero
week $C <<'YAML'
interviews:
  - date: 2026-11-18
    organization: Center for Public Engagement
    position: Program Coordinator
    kind: panel
    feedback: panel went well; references to be checked next week
courses:
  - date: 2026-11-17
    title: Writing for the Web
    provider: Northfield Learning and Development
    status: completed
YAML

# ---------------------------------------------------------------------------
# 2026-7QH2M  work security, in the notification period  (Marcus Bell)
# Notice 2026-10-19, layoff 2026-12-18. Two references so far (the third is
# due before the layoff date), weekly trackers.
C=2026-7QH2M

on 2026-10-20 mbell
open_case $C work-security mbell "Peter Lindgren" --notice-date 2026-10-19 --layoff-date 2026-12-18

on 2026-10-22 mbell
note $C intake in-person <<'YAML'
two_way: true
services: [assessment, career-planning]
background: Peter is a Facilities Coordinator (grade 054) in Facilities Services, where work orders are moving to a new central service desk. Notice 2026-10-19, layoff 2026-12-18.
reason: Intake meeting (000).
observations: Angry at first about how the change was announced; calmer once we turned to planning. Has worked at Northfield for fourteen years.
content: |-
  Explained the program, roles and timeline, and the case conference planned for mid-November.
  Completed the Skills Assessment Form and the readiness checklist. Resume last updated in 2012.
  Agreed targets - operations and facilities coordinator roles, building manager assistant, grades 053 to 055; external property management too. Weekly check-ins on Tuesdays.
results: Targets and schedule agreed; resume rewrite first.
impressions: Deep knowledge of campus buildings and vendors; needs support with the online application process.
plan: Employment plan next week; Computer Basics course.
actions:
  - owner: participant
    text: List the buildings, projects and vendors he managed for the resume
    due: 2026-10-27
YAML
put $C intake.yaml <<'YAML'
id: 2026-7QH2M
opened: 2026-10-20
program: work-security
status: open
manager: mbell
center: Riverside Career Center
participant:
  name: Peter Lindgren
  phone: 555-0118
  email: plindgren@example.com
  address: 3 Harbor View Road, Riverside
  channels:
    - phone
    - in-person
  best_times: weekdays 3 to 5 pm
  language: English
team:
  - name: Carl Whitaker
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0181
    email: cwhitaker@nsu.example.org
  - name: Diane Foley
    role: hr-laying-off
    organization: Northfield University, Facilities Services
    phone: 555-0188
    email: dfoley@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-10-20
    eligible: true
    basis: layoff notice of 2026-10-19; fourteen years of service
barriers:
  - kind: digital
    detail: unsure with online applications and video interviews
    status: open
assessments:
  - tool: Skills Assessment Form
    date: 2026-10-22
    summary: vendor coordination, work order triage, building systems knowledge, scheduling
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-10-22
    summary: resume out of date; has never applied online
skills:
  - vendor coordination
  - work order management
  - building systems
  - scheduling
layoff:
  notice_date: 2026-10-19
  layoff_date: 2026-12-18
  grant_funding_ended: false
  position: Facilities Coordinator
  grade: "054"
  fte: 1
  department: Facilities Services
toolbox:
  resume: none
  cover_letter: none
  thank_you_letter: none
YAML
commit $C "record the intake meeting: participant, team, barriers, layoff"

on 2026-10-27 mbell
put $C iep.yaml <<'YAML'
created: 2026-10-20
updated: 2026-10-27
vision: Keep working with the buildings and people he knows, in a coordinator role at Northfield.
employment_goal: Facilities or operations coordinator, grade 053 to 055
goals:
  - id: G1
    term: short
    text: Be placed in a facilities or operations role before the end of work security
    target: 2027-03-18
    status: active
    objectives:
      - id: O1
        text: Resume and cover letter written; comfortable applying online
        services:
          - S1
          - S5
      - id: O2
        text: Apply to every relevant posting each week
        services:
          - S2
          - S3
      - id: O3
        text: Prepare for interviews, including by video
        services:
          - S4
    milestones:
      - id: M1
        text: Resume final
        due: 2026-11-06
      - id: M2
        text: Three references agreed
        due: 2026-12-04
      - id: M3
        text: First online application submitted on his own
        due: 2026-11-13
services:
  - id: S1
    name: Toolbox writing help
    code: resume-help
    provider: Riverside Career Center
    start: 2026-10-27
    end: 2026-11-06
  - id: S2
    name: Job search plan and weekly activity review
    code: job-search
    provider: Riverside Career Center
    start: 2026-10-27
  - id: S3
    name: Job development with hiring units (priority candidacy)
    code: job-development
    provider: Riverside Career Center
    start: 2026-11-02
  - id: S4
    name: Mock interviews, including by video
    code: mock-interview
    provider: Riverside Career Center
    start: 2026-11-16
  - id: S5
    name: Computer Basics for the Workplace
    code: training
    provider: Northfield Learning and Development
    start: 2026-11-03
    end: 2026-11-24
next_steps:
  - id: N1
    owner: participant
    text: Review the resume draft
    due: 2026-10-30
  - id: N2
    owner: manager
    text: Sit with Peter for his first online application
    due: 2026-11-03
  - id: N3
    owner: participant
    text: Ask three people to be references
    due: 2026-11-13
job_targets:
  - title: Facilities Coordinator
    job_family: Facilities
    grade_min: "053"
    grade_max: "055"
    scope: internal
  - title: Operations Coordinator
    job_family: General administration
    grade_min: "053"
    grade_max: "054"
    scope: internal
  - title: Property Management Coordinator
    job_family: Facilities
    scope: external
skill_plan:
  - course: Computer Basics for the Workplace
    provider: Northfield Learning and Development
    start: 2026-11-03
    end: 2026-11-24
    status: enrolled
YAML
commit $C "write the employment plan: goals, job targets, skill plan"

on 2026-10-30 mbell
week $C <<'YAML'
applications:
  - date: 2026-10-29
    organization: Department of Athletics
    position: Operations Coordinator
    internal: true
    grade: "054"
    status: applied
informational_interviews:
  - date: 2026-10-28
    organization: Northfield Housing Operations
    contact: operations manager he worked with on dorm repairs
    notes: may post a building coordinator role in December
YAML

on 2026-11-03 mbell
note $C contact in-person <<'YAML'
two_way: true
services: [job-search, resume-help]
background: Weekly check-in; Peter asked for help applying online.
reason: Sit with Peter for an online application (next step N2).
observations: Nervous with the portal at first, then quick once he saw the steps.
content: Went through the Athletics application together, checked it was marked as a layoff-candidate application, and found the new Housing Operations posting. He started Computer Basics today.
results: Resume final; he will submit the Housing application himself on Monday.
impressions: Growing in confidence.
plan: He applies on his own this week; references next.
YAML
put $C references.yaml <<'YAML'
references:
  - name: Raymond Castro
    title: Associate Director, Facilities Services
    organization: Facilities Services
    relationship: manager for eight years
    phone: 555-0144
    email: rcastro@northfield.example.org
    permission: 2026-11-02
  - name: Elaine Whitby
    title: Building Manager
    organization: School of Law
    relationship: building manager he coordinated with weekly
    phone: 555-0145
    permission: 2026-11-03
YAML
item $C iep.yaml "id: N1" done 2026-10-29
item $C iep.yaml "id: N2" done 2026-11-03
item $C iep.yaml "id: M1" done 2026-11-03
set_ $C iep.yaml updated 2026-11-03
set_ $C intake.yaml toolbox.resume final
commit $C "add two references; resume final"

on 2026-11-13 mbell
item $C iep.yaml "id: M3" done 2026-11-11
week $C <<'YAML'
applications:
  - date: 2026-11-09
    organization: Northfield Housing Operations
    position: Building Operations Coordinator
    internal: true
    grade: "055"
    status: applied
  - date: 2026-11-11
    organization: Riverside Property Group
    position: Maintenance Coordinator
    internal: false
    status: applied
courses:
  - date: 2026-11-10
    title: Computer Basics for the Workplace
    provider: Northfield Learning and Development
    status: enrolled
YAML

on 2026-11-17 mbell
note $C mock-interview video <<'YAML'
two_way: true
services: [mock-interview]
background: Athletics invited Peter to a video screening on 2026-11-20.
reason: Mock interview by video - his first.
observations: Looked down at his notes; very good examples once relaxed.
content: Set up the camera and sound together, then a 30-minute mock screening. Practised the layoff answer agreed with HR and the union and two examples about vendor problems.
results: Comfortable with video; notes moved to a sticky note beside the camera.
impressions: Ready for the screening.
plan: Thank-you email the same day; ask a third reference this week.
actions:
  - owner: participant
    text: Ask the Athletics facilities manager to be a third reference
    due: 2026-11-24
YAML

on 2026-11-20 mbell
week $C <<'YAML'
applications:
  - date: 2026-11-16
    organization: School of Law
    position: Facilities Coordinator
    internal: true
    grade: "054"
    status: applied
interviews:
  - date: 2026-11-20
    organization: Department of Athletics
    position: Operations Coordinator
    kind: screening
    feedback: went well by his account; decision on next round after Thanksgiving
YAML

# ---------------------------------------------------------------------------
# 2026-N4TR8  work security, notification period, grant funding ended
# (Devika Shah). A 30-day notice: notice 2026-11-02, layoff 2026-12-02, so
# everything - references included - is done at speed.
C=2026-N4TR8

on 2026-11-03 dshah
open_case $C work-security dshah "Lucía Marín" --notice-date 2026-11-02 --layoff-date 2026-12-02 --grant-ended

on 2026-11-04 dshah
note $C intake video <<'YAML'
two_way: true
services: [assessment, career-planning]
background: Lucía is a Research Assistant (grade 053) at the Institute for Coastal Studies. The federal grant that funds her position ends, so the notice period is 30 days - notice 2026-11-02, layoff 2026-12-02.
reason: Intake meeting as soon as possible after notice (000); held by video because she is at the field station this week.
observations: Composed; had expected the grant to end and already updated her resume. Spanish and English, prefers email.
content: |-
  Explained the program and the short timeline - the references and the plan must be in place by 2026-12-02.
  Completed the Skills Assessment Form and the readiness checklist over video.
  Agreed targets - research assistant and lab or field technician roles at grades 052 to 054, other grant-funded projects at Northfield, and environmental agencies. Check-ins twice a week until the layoff date.
results: Targets agreed; references this week.
impressions: Well prepared; the short notice period is the main risk.
plan: Plan by Monday; ask the principal investigator about bridge funding (000 - bridging salary).
actions:
  - owner: participant
    text: Ask three references this week
    due: 2026-11-10
  - owner: manager
    text: Ask the Institute HR officer about bridge funding or a grant transfer
    due: 2026-11-09
YAML
put $C intake.yaml <<'YAML'
id: 2026-N4TR8
opened: 2026-11-03
program: work-security
status: open
manager: dshah
center: Eastgate Career Center
participant:
  name: Lucía Marín
  preferred_name: Lucía
  phone: 555-0119
  email: lucia.marin@example.com
  channels:
    - email
    - video
  best_times: weekday evenings; at the field station Tuesdays and Wednesdays
  language: Spanish and English
team:
  - name: Carl Whitaker
    role: union-representative
    organization: Northfield Staff Union
    phone: 555-0181
    email: cwhitaker@nsu.example.org
  - name: Martin Ekberg
    role: hr-laying-off
    organization: Northfield University, Institute for Coastal Studies
    phone: 555-0189
    email: mekberg@northfield.example.org
eligibility:
  - program: work-security
    determined: 2026-11-03
    eligible: true
    basis: layoff notice of 2026-11-02 (end of grant funding); three years of service
assessments:
  - tool: Skills Assessment Form
    date: 2026-11-04
    summary: field sampling, water-quality lab methods, data entry and cleaning, GIS basics
  - tool: How Ready Are You For The Job Hunt?
    date: 2026-11-04
    summary: resume current; few contacts outside the institute
skills:
  - field sampling
  - water-quality analysis
  - data cleaning
  - GIS basics
  - Spanish
layoff:
  notice_date: 2026-11-02
  layoff_date: 2026-12-02
  grant_funding_ended: true
  position: Research Assistant
  grade: "053"
  fte: 1
  department: Institute for Coastal Studies
toolbox:
  resume: final
  cover_letter: draft
  thank_you_letter: none
YAML
commit $C "record the intake meeting: participant, team, assessments, layoff"

on 2026-11-09 dshah
put $C iep.yaml <<'YAML'
created: 2026-11-03
updated: 2026-11-09
vision: Keep doing environmental field and lab research, at Northfield or a public agency.
employment_goal: Research assistant or environmental technician, grade 052 to 054
goals:
  - id: G1
    term: short
    text: Be placed in a research or technician role during the work security period
    target: 2027-03-02
    status: active
    objectives:
      - id: O1
        text: Apply to every grant-funded research assistant posting each week
        services:
          - S1
          - S2
      - id: O2
        text: Network with environmental agencies and other research groups
        services:
          - S3
    milestones:
      - id: M1
        text: Three references agreed before the layoff date
        due: 2026-11-20
      - id: M2
        text: Two informational interviews
        due: 2026-12-02
services:
  - id: S1
    name: Job search plan and activity review
    code: job-search
    provider: Eastgate Career Center
    start: 2026-11-09
  - id: S2
    name: Job development with hiring units and bridge funding enquiry
    code: job-development
    provider: Eastgate Career Center
    start: 2026-11-09
  - id: S3
    name: Informational interview plan
    code: career-planning
    provider: Eastgate Career Center
    start: 2026-11-09
next_steps:
  - id: N1
    owner: participant
    text: Ask three references
    due: 2026-11-10
  - id: N2
    owner: manager
    text: Ask the Institute HR officer about bridge funding
    due: 2026-11-09
    done: 2026-11-06
job_targets:
  - title: Research Assistant
    job_family: Research
    grade_min: "052"
    grade_max: "054"
    scope: internal
  - title: Environmental Technician
    job_family: Laboratory
    scope: external
skill_plan:
  - course: GIS for Researchers
    provider: Northfield Learning and Development
    start: 2026-11-17
    end: 2026-12-01
    status: enrolled
YAML
commit $C "write the employment plan: goals, job targets, skill plan"

on 2026-11-13 dshah
put $C references.yaml <<'YAML'
references:
  - name: Helena Brandt
    title: Associate Professor and Principal Investigator
    organization: Institute for Coastal Studies
    relationship: principal investigator of her project
    email: hbrandt@northfield.example.org
    permission: 2026-11-09
    briefed: 2026-11-12
  - name: Oscar Valdés
    title: Field Station Manager
    organization: Institute for Coastal Studies
    relationship: field supervisor
    phone: 555-0146
    permission: 2026-11-10
  - name: Nadia Rossi
    title: Environmental Analyst
    organization: Riverside Watershed Authority
    relationship: partner agency contact on the sampling program
    phone: 555-0147
    email: nrossi@watershed.example.org
    permission: 2026-11-12
YAML
item $C iep.yaml "id: N1" done 2026-11-12
item $C iep.yaml "id: M1" done 2026-11-12
commit $C "add three references"
week $C <<'YAML'
applications:
  - date: 2026-11-09
    organization: Department of Earth Sciences
    position: Research Assistant
    internal: true
    grade: "053"
    status: applied
  - date: 2026-11-11
    organization: Riverside Watershed Authority
    position: Environmental Technician
    internal: false
    status: applied
informational_interviews:
  - date: 2026-11-12
    organization: Riverside Watershed Authority
    contact: monitoring program lead
    notes: a technician post opens in January; encouraged her to apply now
YAML

on 2026-11-18 dshah
note $C contact video <<'YAML'
two_way: true
services: [job-search, job-development]
background: Check-in two weeks before the layoff date.
reason: Review applications and the bridge funding enquiry.
observations: Calm and organised.
content: HR confirmed there is no bridge funding, but the principal investigator is applying for a new grant that could rehire her in the spring. Earth Sciences will interview her next week as a layoff candidate.
results: Interview on 2026-11-24; references complete.
impressions: Good prospects internally and at the watershed authority.
plan: Mock interview on 2026-11-23; prepare for the work security period (remote access, messages).
YAML

on 2026-11-20 dshah
week $C <<'YAML'
applications:
  - date: 2026-11-16
    organization: School of Public Health
    position: Research Assistant
    internal: true
    grade: "053"
    status: applied
courses:
  - date: 2026-11-17
    title: GIS for Researchers
    provider: Northfield Learning and Development
    status: enrolled
networking:
  - date: 2026-11-19
    event: Coastal science seminar
    contacts: 2
YAML

# ---------------------------------------------------------------------------
# 2026-X7EC5  WIOA, exited and in 12-month follow-up  (Devika Shah)
# Dislocated worker; CDL training, placed 2026-06-15, exited 2026-07-10,
# quarterly follow-ups to 2027-07-10 (the first one done).
C=2026-X7EC5

on 2026-02-09 dshah
open_case $C wioa dshah "Derek Whitman"
note $C intake in-person <<'YAML'
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
YAML

on 2026-02-16 dshah
put $C intake.yaml <<'YAML'
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
YAML
put $C iep.yaml <<'YAML'
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
YAML
commit $C "record intake details and write the Individual Employment Plan"

on 2026-03-02 dshah
note $C contact in-person <<'YAML'
two_way: true
services: [career-planning, training-referral]
background: Derek visited two CDL schools last week.
reason: Choose the training program and request the training account.
observations: Had done his homework - brought both schools' placement rates and a list of questions.
content: He chose Valley Driver Training Institute (eight weeks, placement rate and carrier partnerships better). Submitted the training account request together and approved payment of the DOT medical exam fee as a supportive service.
results: Training account requested; start date 2026-03-16 pending approval.
impressions: Committed and organised.
plan: Call on the first day of training.
YAML
put $C services.yaml <<'YAML'
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
YAML
item $C iep.yaml "id: N1" done 2026-02-27
item $C iep.yaml "id: N2" done 2026-03-02
set_ $C iep.yaml updated 2026-03-02
commit $C "refer to CDL training and the medical exam"

on 2026-03-16 dshah
note $C contact phone <<'YAML'
two_way: true
services: [training-referral]
background: First day of CDL Class A training.
reason: Check in on the first day.
content: Derek is in a class of ten; the training account was approved on 2026-03-10. Classroom for two weeks, then yard and road practice.
results: Enrolled; attendance reports go to the center weekly.
plan: Contact again after the permit test.
YAML

on 2026-04-13 dshah
note $C contact phone <<'YAML'
two_way: true
services: [career-planning]
background: Midway through CDL training.
reason: Monthly contact and progress check.
observations: Upbeat; said backing the trailer is the hardest part.
content: Passed the permit test on 2026-03-27. Attendance full. Two carriers recruit at the school in May; talked about which to prefer (home time versus pay).
results: On track to finish on 2026-05-08.
plan: Contact after the road test; start job search assistance in late April.
YAML

on 2026-05-11 dshah
note $C contact in-person <<'YAML'
two_way: true
services: [job-search, job-referral]
background: Derek finished training on 2026-05-08 and passed the road test the same day.
reason: Start the job search with his new license.
content: Reviewed his resume for driving jobs, applied together to two regional carriers and referred him to a local carrier that hires through the center. Discussed interview questions carriers ask (safety record, hours of service).
results: Three applications; one referral made.
impressions: Very employable now.
plan: Follow up in two weeks or as soon as he hears back.
YAML
item $C services.yaml "id: R1" status completed
item $C services.yaml "id: R1" updated 2026-05-08
item $C services.yaml "id: R1" outcome "completed the program; CDL Class A road test passed 2026-05-08"
item $C iep.yaml "id: M1" done 2026-03-10
item $C iep.yaml "id: M2" done 2026-03-27
item $C iep.yaml "id: M3" done 2026-05-08
item $C iep.yaml "id: G1" status achieved
item $C iep.yaml "course: CDL Class A training (eight weeks)" status completed
set_ $C iep.yaml updated 2026-05-11
commit $C "training completed; CDL earned"

on 2026-06-05 dshah
note $C contact phone <<'YAML'
two_way: true
services: [job-referral]
background: Derek interviewed with Kestrel Regional Freight and one other carrier.
reason: Follow-up on applications.
content: Kestrel offered a regional driver position, home every night, 26.50 an hour, about 45 hours a week, starting 2026-06-15. The second carrier offered more pay with nights away. He chose Kestrel.
results: Offer accepted.
impressions: Good outcome against his goal.
plan: Call after his first week; exit after a month if all is well.
YAML
put $C outcome.yaml <<'YAML'
placement:
  employer: Kestrel Regional Freight
  position: Regional Truck Driver (CDL-A)
  start: 2026-06-15
  wage: 26.5
  wage_unit: hour
  hours: 45
  internal: false
YAML
item $C iep.yaml "id: G2" status achieved
commit $C "record the placement at Kestrel Regional Freight"

on 2026-06-19 dshah
note $C contact text <<'YAML'
two_way: true
services: [follow-up]
background: Derek started at Kestrel on 2026-06-15.
reason: First-week check-in.
content: Texted in the evening - the first week of ride-along went well; solo routes from next week.
results: No problems.
plan: Exit from services in July; follow-up for twelve months after.
YAML

on 2026-07-10 dshah
note $C follow-up phone <<'YAML'
two_way: true
services: [follow-up, career-planning]
background: Derek has worked at Kestrel for almost four weeks.
reason: Exit from WIOA services and explain follow-up.
observations: Relaxed; said it is the best job he has had.
content: Confirmed he needs no further services. Explained the twelve months of follow-up - a call every three months - and that he can come back at any time.
results: Exited 2026-07-10; follow-ups scheduled quarterly to 2027-07-10.
plan: First follow-up call in October.
YAML
set_ $C intake.yaml exited 2026-07-10
item $C intake.yaml "kind: financial" status addressed
append $C outcome.yaml follow_ups <<'YAML'
  - due: 2026-10-10
  - due: 2027-01-10
  - due: 2027-04-10
  - due: 2027-07-10
YAML
commit $C "exit from services; schedule twelve months of follow-up"

on 2026-10-09 dshah
note $C follow-up phone <<'YAML'
two_way: true
services: [follow-up]
background: First quarterly follow-up after exit.
reason: Follow-up call.
content: Still at Kestrel, now on a fixed route; raise to 27.50 an hour after the 90-day review. No issues; his wife has started a job too.
results: Employed, wage 27.50.
plan: Next follow-up in January.
YAML
item $C outcome.yaml "due: 2026-10-10" done 2026-10-09
item $C outcome.yaml "due: 2026-10-10" employed true
item $C outcome.yaml "due: 2026-10-10" wage 27.5
item $C outcome.yaml "due: 2026-10-10" notes "fixed regional route; raise after the 90-day review"
commit $C "record the first follow-up"

# ---------------------------------------------------------------------------
# 2026-H5GN3  WIOA, active in training with regular contact  (Marcus Bell)
# Career changer in a medical billing and coding certificate, with a child
# care referral.
C=2026-H5GN3

on 2026-08-10 mbell
open_case $C wioa mbell "Farah Nasser"
note $C intake in-person <<'YAML'
two_way: true
services: [assessment, career-planning]
background: Farah, 36, managed a clothing store in the Riverside mall for eight years until it closed in June. Two children, 4 and 9.
reason: WIOA career planning intake.
observations: Articulate and organised; wants regular weekday hours for her children. Interested in healthcare office work.
content: |-
  Explained career planning, the IEP and contact expectations.
  Interest profiler and a computer skills check today. Discussed medical billing and coding - a six-month certificate at Riverside Community College, evening or day sections, good local demand.
  Child care for her 4-year-old is the main barrier to a day section.
results: Eligible as a dislocated worker; training goal identified; child care subsidy referral needed.
impressions: Good fit for the certificate; strong customer and team-lead experience.
plan: IEP this week; training account request and child care referral by the end of August.
actions:
  - owner: participant
    text: Bring proof of the store closure and her last pay stubs
    due: 2026-08-14
YAML

on 2026-08-14 mbell
put $C intake.yaml <<'YAML'
id: 2026-H5GN3
opened: 2026-08-10
program: wioa
status: open
manager: mbell
center: Riverside Career Center
participant:
  name: Farah Nasser
  preferred_name: Farah
  phone: 555-0121
  email: farah.nasser@example.com
  address: 18 Birch Terrace, Riverside
  channels:
    - text
    - email
    - phone
  best_times: 9 am to 2 pm while the children are at school
  language: English
eligibility:
  - program: WIOA Title I dislocated worker
    determined: 2026-08-12
    eligible: true
    basis: store closure; separation letter and pay stubs seen
barriers:
  - kind: child-care
    detail: needs a full-day preschool place for her younger child to attend day classes
    status: open
assessments:
  - tool: Interest profiler
    date: 2026-08-10
    summary: conventional and enterprising; office and healthcare administration
  - tool: Computer skills check
    date: 2026-08-10
    summary: comfortable with spreadsheets and point-of-sale systems; typing 45 wpm
skills:
  - retail management
  - scheduling staff
  - customer service
  - cash handling
YAML
put $C iep.yaml <<'YAML'
created: 2026-08-10
updated: 2026-08-14
vision: A healthcare office job with weekday hours and room to grow.
employment_goal: Medical billing and coding specialist
goals:
  - id: G1
    term: short
    text: Complete the medical billing and coding certificate
    target: 2027-02-26
    status: active
    objectives:
      - id: O1
        text: Enrol in the certificate with a training account
        services:
          - S1
          - S2
      - id: O2
        text: Arrange child care so she can attend day classes
        services:
          - S3
    milestones:
      - id: M1
        text: Enrolled for the September start
        due: 2026-09-14
      - id: M2
        text: First term passed
        due: 2026-12-18
      - id: M3
        text: Certificate exam passed
        due: 2027-02-26
  - id: G2
    term: long
    text: Work as a billing and coding specialist in a clinic or hospital
    target: 2027-05-31
    status: active
    objectives:
      - id: O3
        text: Apply for billing roles in the last month of training
        services:
          - S4
services:
  - id: S1
    name: Career planning and IEP
    code: career-planning
    provider: Riverside Career Center
    start: 2026-08-10
  - id: S2
    name: Occupational skills training - medical billing and coding certificate
    code: training
    provider: Riverside Community College
    start: 2026-09-14
    end: 2027-02-26
  - id: S3
    name: Child care subsidy referral
    code: supportive-services
    provider: Riverside Child Care Resource Center
    start: 2026-08-31
  - id: S4
    name: Job search assistance
    code: job-search
    provider: Riverside Career Center
    start: 2027-01-18
next_steps:
  - id: N1
    owner: participant
    text: Apply to the college and book the placement test
    due: 2026-08-28
  - id: N2
    owner: manager
    text: Submit the training account request
    due: 2026-08-31
job_targets:
  - title: Medical Billing Specialist
    job_family: Healthcare administration
    scope: external
  - title: Medical Coder
    job_family: Healthcare administration
    scope: external
skill_plan:
  - course: Medical Billing and Coding Certificate
    provider: Riverside Community College
    start: 2026-09-14
    end: 2027-02-26
    status: planned
YAML
commit $C "record intake details and write the Individual Employment Plan"

on 2026-08-31 mbell
note $C contact in-person <<'YAML'
two_way: true
services: [training-referral, supportive-services]
background: Farah applied to the college and passed the placement test on 2026-08-26.
reason: Training account and child care referral.
content: Submitted the training account request for the certificate (day section, September start). Referred her to the Child Care Resource Center for an income-eligible subsidy and a preschool place.
results: Both referrals made.
impressions: Moving quickly.
plan: Check on the subsidy in two weeks.
YAML
put $C services.yaml <<'YAML'
referrals:
  - id: R1
    service: Medical billing and coding certificate (training account)
    provider: Riverside Community College
    category: training
    referred: 2026-08-31
    status: referred
  - id: R2
    service: Income-eligible child care subsidy and preschool place
    provider: Riverside Child Care Resource Center
    category: supportive
    referred: 2026-08-31
    status: referred
YAML
item $C iep.yaml "id: N1" done 2026-08-26
item $C iep.yaml "id: N2" done 2026-08-31
set_ $C iep.yaml updated 2026-08-31
commit $C "refer to training and child care"

on 2026-09-21 mbell
note $C contact phone <<'YAML'
two_way: true
services: [training-referral]
background: Classes started on 2026-09-14.
reason: Check the first week and the child care arrangement.
content: The training account was approved on 2026-09-08. The subsidy was approved and her son started preschool on 2026-09-14. First week of anatomy and terminology went well.
results: Enrolled; child care in place.
impressions: On track.
plan: Monthly contact; ask for her mid-term grades.
YAML
item $C services.yaml "id: R1" status in-progress
item $C services.yaml "id: R1" updated 2026-09-14
item $C services.yaml "id: R2" status accepted
item $C services.yaml "id: R2" updated 2026-09-11
item $C services.yaml "id: R2" outcome "subsidy approved; preschool place from 2026-09-14"
item $C intake.yaml "kind: child-care" status addressed
item $C iep.yaml "id: M1" done 2026-09-14
item $C iep.yaml "course: Medical Billing and Coding Certificate" status enrolled
commit $C "training and child care under way"

on 2026-10-14 mbell
note $C contact email <<'YAML'
two_way: true
services: [career-planning]
background: Monthly contact during training.
reason: Progress check by email (back and forth on the same day, 002).
content: Farah reported an A and a B+ so far; she is struggling a little with the coding software and joined the college's lab hours. Asked whether the center can help with a laptop; pointed her to the college's loan program.
results: Laptop loan requested from the college.
plan: Video call in early November.
YAML

on 2026-11-02 mbell
note $C contact video <<'YAML'
two_way: true
services: [career-planning]
background: Mid-term of the first term.
reason: Monthly contact.
observations: Tired but positive; the laptop loan came through.
content: Mid-term grades - A, A-, B+. Talked about externships in the second term and which clinics take students.
results: She will ask the program director about externship sites.
plan: Contact mid-November; plan review.
YAML

on 2026-11-16 mbell
note $C contact in-person <<'YAML'
two_way: true
services: [career-planning]
background: Plan review meeting at the center.
reason: Review the IEP (001 - the plan is referenced often and updated regularly).
content: Reviewed goals, milestones and services. First term ends on 2026-12-18; the externship starts in January at a Riverside clinic. Child care subsidy renewal is due in March; noted it.
results: Plan kept; externship noted in the review.
impressions: Strong progress.
plan: Contact in December after finals.
YAML
append $C iep.yaml reviews <<'YAML'
  - date: 2026-11-16
    by: mbell
    summary: On track in training; externship at a Riverside clinic from January; child care subsidy renewal in March.
YAML
set_ $C iep.yaml updated 2026-11-16
commit $C "review the plan"

# ---------------------------------------------------------------------------
# 2026-T2YB4  WIOA, active but contact overdue  (Ana Lucero)
# An older worker with health and digital barriers. The last two-way contact
# was on 2026-10-09; a voicemail and a letter since do not count as contacts
# (002), so validate warns that contact is overdue. This warning is
# intentional: it is what the tickler is for.
C=2026-T2YB4

on 2026-06-01 alucero
open_case $C wioa alucero "Raymond Pruitt"

on 2026-06-03 alucero
note $C intake in-person <<'YAML'
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
YAML

on 2026-06-08 alucero
put $C intake.yaml <<'YAML'
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
YAML
put $C iep.yaml <<'YAML'
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
YAML
commit $C "record intake details and write the Individual Employment Plan"

on 2026-06-24 alucero
note $C contact in-person <<'YAML'
two_way: true
services: [job-search, training-referral]
background: Raymond set up an email address last week.
reason: Resume work and the digital literacy referral.
content: Built his resume together around supervision and safety results. Referred him to the library class (July 6 to August 14, two mornings a week).
results: Resume draft done; class place confirmed.
plan: Next contact in July.
YAML
put $C services.yaml <<'YAML'
referrals:
  - id: R1
    service: Digital literacy class
    provider: Riverside Public Library
    category: education
    referred: 2026-06-24
    status: accepted
    updated: 2026-06-26
YAML
item $C iep.yaml "id: N1" done 2026-06-18
item $C iep.yaml "id: N2" done 2026-06-24
commit $C "refer to the digital literacy class"

on 2026-07-20 alucero
note $C contact phone <<'YAML'
two_way: true
services: [job-search]
background: Two weeks into the library class.
reason: Monthly contact.
content: He likes the class and has posted his resume on two job boards. Applied to one dispatcher job online with his instructor's help.
results: Online profile posted.
plan: Mock interview in August.
YAML

on 2026-08-17 alucero
note $C mock-interview in-person <<'YAML'
two_way: true
services: [mock-interview]
background: Raymond finished the digital literacy class on 2026-08-14.
reason: Mock interview, including a practice video interview.
observations: Strong on experience; defensive when asked about his age indirectly ("how do you keep up with technology").
content: Practised a positive answer about learning new systems (the class, the new warehouse system he rolled out in 2022). First video interview practice on the center's laptop.
results: Better answers; he can join a video call alone.
impressions: Ready to interview.
plan: Apply to five jobs a week; call monthly.
YAML
item $C services.yaml "id: R1" status completed
item $C services.yaml "id: R1" updated 2026-08-14
item $C services.yaml "id: R1" outcome "completed; can search and apply online on his own"
item $C iep.yaml "id: M1" done 2026-08-14
item $C iep.yaml "id: M2" done 2026-07-17
item $C iep.yaml "id: G1" status achieved
item $C iep.yaml "course: Digital literacy for job seekers" status completed
item $C intake.yaml "kind: digital" status addressed
commit $C "digital literacy goal achieved"

on 2026-09-14 alucero
note $C contact phone <<'YAML'
two_way: true
services: [job-search]
background: A month of applying on his own.
reason: Monthly contact.
content: Eleven applications, one phone screen with a freight broker (no next step). Reviewed two dispatcher postings with him and referred him to the center's job fair on 2026-10-01.
results: Registered for the job fair.
plan: Contact after the job fair.
YAML

on 2026-10-09 alucero
note $C contact in-person <<'YAML'
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
YAML

on 2026-10-30 alucero
note $C contact phone <<'YAML'
two_way: false
background: Planned follow-up call after the 2026-10-09 meeting.
reason: Follow up on the paratransit referral and the VR decision.
content: No answer; left a voicemail asking him to call back.
results: No contact made.
plan: Send a letter if no call back within a week.
YAML

on 2026-11-10 alucero
note $C contact letter <<'YAML'
two_way: false
background: No reply to the voicemail of 2026-10-30.
reason: Re-establish contact (003 - letters for people hard to reach by phone).
content: Mailed a letter asking Raymond to call or come in, with the center's walk-in hours and the dispatcher posting, which is still open.
results: Letter sent; no contact yet.
plan: Try a home visit if there is no reply by 2026-11-24; discuss a potential exit at 90 days without service.
YAML

# ---------------------------------------------------------------------------
# 2026-K9MS0  WIOA, transferred between centers  (Marcus Bell, then Devika Shah)
# The customer moved to Eastgate and chose to change centers; the case and its
# IEP were formally transferred on 2026-07-06 (002).
C=2026-K9MS0

on 2026-03-16 mbell
open_case $C wioa mbell "Brianna Kowalski"
note $C intake in-person <<'YAML'
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
YAML

on 2026-03-20 mbell
put $C intake.yaml <<'YAML'
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
YAML
put $C iep.yaml <<'YAML'
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
YAML
commit $C "record intake details and write the Individual Employment Plan"

on 2026-04-13 mbell
note $C contact phone <<'YAML'
two_way: true
services: [job-search]
background: Monthly contact.
reason: Check the course registration and the first applications.
content: Registered for bookkeeping basics, which starts on 2026-04-21. Applied to four office coordinator jobs; one phone screen.
results: On track.
plan: Contact in May.
YAML

on 2026-05-11 mbell
note $C contact email <<'YAML'
two_way: true
services: [job-search]
background: Monthly contact.
reason: Progress check by email (back and forth the same day).
content: Course going well. Two interviews for coordinator roles, no offers; feedback was that they wanted someone with bookkeeping software experience, which the course covers.
results: Keep applying; highlight the course on her resume.
plan: Contact in June.
YAML

on 2026-06-08 mbell
note $C contact phone <<'YAML'
two_way: true
services: [career-planning]
background: Monthly contact.
reason: Progress check.
content: Brianna and her partner are moving to Eastgate at the end of June. She finishes the course on 2026-06-16. She would like to continue her plan at the Eastgate Career Center, closer to home.
results: Agreed to transfer the case and her IEP to Eastgate once she has moved.
plan: Talk to the Eastgate counselor; three-way call in early July.
YAML

on 2026-07-06 mbell
note $C transfer phone <<'YAML'
two_way: true
services: [career-planning]
background: Brianna moved to Eastgate on 2026-06-27 and chose to continue at the Eastgate Career Center (002 - a customer may change centers).
reason: Transfer the case and the IEP to a newly designated counselor at Eastgate.
content: Three-way call with Brianna and Devika Shah (Eastgate). Went over the IEP, the completed bookkeeping course, applications so far and the interview feedback. Devika becomes the designated counselor from today.
results: Case and IEP transferred to Devika Shah, Eastgate Career Center.
plan: Devika meets Brianna in person next week.
YAML
put $C intake.yaml <<'YAML'
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
YAML
item $C iep.yaml "id: N1" done 2026-04-02
item $C iep.yaml "id: M1" done 2026-06-16
item $C iep.yaml "id: G1" status achieved
item $C iep.yaml "course: Bookkeeping basics" status completed
commit $C "transfer the case and its IEP to Devika Shah, Eastgate Career Center"

on 2026-07-14 dshah
note $C contact in-person <<'YAML'
two_way: true
services: [career-planning, job-search]
background: First meeting at Eastgate after the transfer of 2026-07-06.
reason: Meet the customer and review the transferred IEP.
observations: Settled in the new apartment; keen to start working again soon.
content: Reviewed the IEP with Brianna. Her short-term goal is achieved (bookkeeping course). Added Eastgate employers and the hospital system's office roles to her targets. Registered her for the Eastgate office professionals networking group.
results: IEP reviewed and kept; targets widened to healthcare offices.
impressions: Job-ready; a good local market for her.
plan: Contact every three to four weeks.
YAML
append $C iep.yaml reviews <<'YAML'
  - date: 2026-07-14
    by: dshah
    summary: Reviewed after the transfer to Eastgate; short-term goal achieved; targets widened to healthcare office roles.
YAML
append $C iep.yaml job_targets skill_plan <<'YAML'
  - title: Practice Coordinator
    job_family: Healthcare administration
    scope: external
YAML
set_ $C iep.yaml updated 2026-07-14
commit $C "review the plan after the transfer"

on 2026-08-11 dshah
note $C contact phone <<'YAML'
two_way: true
services: [job-search, job-referral]
background: Monthly contact.
reason: Progress check and job referral.
content: Six applications since the move. Referred her to a practice coordinator opening at Eastgate Family Medicine, an employer the center works with.
results: Applied to the referral the same day.
plan: Contact in September.
YAML

on 2026-09-08 dshah
note $C contact text <<'YAML'
two_way: true
services: [job-search]
background: Monthly contact.
reason: Progress check by text.
content: Eastgate Family Medicine interviewed her on 2026-09-03; they chose an internal candidate but asked to keep her resume. Two more applications this week.
results: First office manager-level interview reached.
plan: Contact in October.
YAML
item $C iep.yaml "id: M2" done 2026-09-03
commit $C "first interview milestone met"

on 2026-10-06 dshah
note $C contact phone <<'YAML'
two_way: true
services: [job-search, mock-interview]
background: Monthly contact.
reason: Prepare for an office manager interview.
content: Brianna has an interview on 2026-10-08 at a law office for an office manager position. Did a short phone mock interview on managing vendors and budgets.
results: Prepared for the interview.
plan: Call after the interview.
YAML

on 2026-11-03 dshah
note $C contact in-person <<'YAML'
two_way: true
services: [job-search]
background: The law office hired someone else; Brianna has two new interviews this month.
reason: Monthly contact.
content: Reviewed feedback from the law office (strong, but they wanted legal billing experience). Prepared her for interviews at Eastgate Dental Group (2026-11-12) and a property management company (2026-11-16).
results: Two interviews scheduled.
plan: Interview feedback calls with both employers.
YAML

on 2026-11-17 dshah
note $C interview-feedback phone <<'YAML'
two_way: true
services: [job-development]
background: Brianna interviewed at Eastgate Dental Group on 2026-11-12 and at Harborline Property Management on 2026-11-16.
reason: Get feedback from the employers and share it with Brianna.
observations: The dental group's practice owner was enthusiastic.
content: Eastgate Dental Group will make an offer this week for Office Manager, about 25 an hour, full time. Harborline has more candidates to see. Talked with Brianna about what to ask about before accepting (hours, benefits, paid time off).
results: Offer expected; she will call when it arrives.
impressions: Placement close.
plan: Record the placement when she accepts; then exit and follow-up.
YAML

# ---------------------------------------------------------------------------
# 2026-P4AJ7  WIOA, closed: moved out of state  (Ana Lucero)
# HVAC pre-apprenticeship referral; the customer moved away to care for a
# parent and the case was closed on 2026-08-21.
C=2026-P4AJ7

on 2026-04-20 alucero
open_case $C wioa alucero "Terrence Hale"
note $C intake in-person <<'YAML'
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
YAML

on 2026-04-22 alucero
put $C intake.yaml <<'YAML'
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
YAML
put $C iep.yaml <<'YAML'
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
YAML
commit $C "record intake details and write the Individual Employment Plan"

on 2026-05-12 alucero
note $C contact in-person <<'YAML'
two_way: true
services: [training-referral, supportive-services]
background: Terrence submitted his pre-apprenticeship application on 2026-05-06.
reason: Training referral and transportation support.
content: Referred him formally to the pre-apprenticeship with a training account, and approved a monthly bus pass for the training period.
results: Both referrals made.
plan: Contact after the college's decision.
YAML
put $C services.yaml <<'YAML'
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
YAML
item $C iep.yaml "id: N1" done 2026-05-06
commit $C "refer to the pre-apprenticeship and transportation help"

on 2026-06-09 alucero
note $C contact phone <<'YAML'
two_way: true
services: [training-referral]
background: The pre-apprenticeship started on 2026-06-08.
reason: First-week contact.
content: Accepted into the June cohort on 2026-05-27; first day went well. Bus pass received.
results: Enrolled.
plan: Monthly contact.
YAML
item $C services.yaml "id: R1" status in-progress
item $C services.yaml "id: R1" updated 2026-06-08
item $C services.yaml "id: R2" status accepted
item $C services.yaml "id: R2" updated 2026-06-05
item $C iep.yaml "id: M1" done 2026-05-27
item $C iep.yaml "course: HVAC pre-apprenticeship" status enrolled
item $C intake.yaml "kind: transportation" status addressed
commit $C "training under way; bus pass in place"

on 2026-07-07 alucero
note $C contact text <<'YAML'
two_way: true
services: [career-planning]
background: Monthly contact during training.
reason: Progress check by text.
content: Doing well in the lab sessions; mentioned his mother in North Carolina has been ill.
results: On track in training.
plan: Contact in August.
YAML

on 2026-08-04 alucero
note $C contact in-person <<'YAML'
two_way: true
services: [career-planning]
background: Terrence asked to meet.
reason: Discuss a move out of state.
observations: Upset; has clearly thought it through.
content: His mother needs full-time care and he is moving to North Carolina on 2026-08-20, three weeks before the end of the pre-apprenticeship. The college will give him a transcript of the hours completed. Gave him the details of the career center in his new county and the apprenticeship program there, and how to ask for his records to be shared.
results: Training to stop on 2026-08-19; case to be closed after the move.
impressions: The right decision for his family; his progress carries over.
plan: Close the case as moved after 2026-08-20.
YAML

on 2026-08-21 alucero
note $C closure none <<'YAML'
background: Terrence moved to North Carolina on 2026-08-20.
reason: Close the case.
content: Training stopped at 10 of 12 weeks with a transcript of hours. Bus pass ended. Sent him a letter with the new center's details.
results: Case closed as moved.
plan: None.
YAML
item $C services.yaml "id: R1" status expired
item $C services.yaml "id: R1" updated 2026-08-19
item $C services.yaml "id: R1" outcome "left after 10 of 12 weeks to move out of state; transcript of hours issued"
item $C services.yaml "id: R2" status completed
item $C services.yaml "id: R2" updated 2026-08-19
item $C iep.yaml "course: HVAC pre-apprenticeship" status dropped
item $C iep.yaml "id: G1" status dropped
put $C outcome.yaml <<'YAML'
closure:
  date: 2026-08-21
  reason: moved
  notes: moved out of state to care for a parent; referred to the career center in his new county
YAML
set_ $C intake.yaml status closed
commit $C "close the case: moved out of state"

# ---------------------------------------------------------------------------
# 2026-B1ZK6  post-employment, closed at the participant's request  (Ana Lucero)
# Cash assistance ended 2025-12-31; employed as a pharmacy technician.
# Self-sufficiency plan, benefit renewals, a job-site visit with permission,
# a promotion in September, closed 2026-10-16.
C=2026-B1ZK6

on 2026-01-20 alucero
open_case $C post-employment alucero "Keisha Bryant"

on 2026-01-22 alucero
note $C intake in-person <<'YAML'
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
YAML
put $C intake.yaml <<'YAML'
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
YAML
commit $C "record intake details: team, barriers, cash assistance end"

on 2026-01-27 alucero
put $C iep.yaml <<'YAML'
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
YAML
commit $C "write the self-sufficiency plan"

on 2026-02-17 alucero
note $C contact phone <<'YAML'
two_way: true
services: [retention, supportive-services]
background: Monthly contact; school vacation week was 2026-02-16 to 2026-02-20.
reason: Evening call to check the child care back-up plan and work.
content: The back-up plan worked - her sister had the children Monday to Wednesday and the after-care vacation program the rest. Work is good; she asked about employer health coverage, which starts in March.
results: Contingency plan used successfully.
plan: Compare employer coverage and transitional coverage in March.
YAML

on 2026-03-10 alucero
note $C contact phone <<'YAML'
two_way: true
services: [benefits-counseling, training-referral]
background: Employer health coverage became available on 2026-03-01.
reason: Compare coverage and start the compounding certificate referral.
content: Compared the employer plan with transitional coverage; transitional coverage is cheaper for the children until December, employer plan for her. She enrolled herself in the employer plan. Referred her to the compounding certificate; her employer pays half.
results: Coverage decision made; training referral made.
plan: Job-site visit in April, with her permission.
YAML
put $C services.yaml <<'YAML'
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
YAML
item $C iep.yaml "id: M1" done 2026-02-13
item $C iep.yaml "id: N1" done 2026-02-02
set_ $C iep.yaml updated 2026-03-10
commit $C "record referrals: child care options, compounding certificate"

on 2026-04-14 alucero
note $C contact job-site <<'YAML'
two_way: true
services: [retention]
background: Keisha agreed to a short visit at the pharmacy, and her manager agreed as well (003 - job-site visits only with the participant's permission).
reason: Job-site visit.
observations: Busy counter; Keisha handled an insurance rejection calmly. Her manager praised her reliability.
content: Met Keisha and the pharmacy manager for fifteen minutes after the lunch rush. The manager confirmed a lead technician opening in the autumn and that the compounding certificate would count.
results: Advancement path confirmed.
impressions: Well regarded; advancement is realistic.
plan: Monthly evening calls; SNAP renewal in June.
YAML

on 2026-06-09 alucero
note $C contact in-person <<'YAML'
two_way: true
services: [benefits-counseling]
background: SNAP recertification and the child care subsidy renewal are due this month and next.
reason: Help with the renewals (003 - maintain eligibility).
content: Completed the SNAP recertification together and gathered four pay stubs for the child care subsidy renewal. Her income is still within the subsidy limit.
results: SNAP recertification submitted; child care renewal ready to submit.
plan: Confirm both approvals in July.
YAML
item $C services.yaml "id: R2" status in-progress
item $C services.yaml "id: R2" updated 2026-04-06
item $C iep.yaml "course: Sterile and non-sterile compounding certificate" status enrolled
item $C iep.yaml "id: M2" done 2026-06-09
item $C iep.yaml "name: SNAP (food assistance)" renewal 2026-12-31
item $C iep.yaml "name: Transitional child care subsidy" status pending
set_ $C iep.yaml updated 2026-06-09
commit $C "benefit renewals submitted; certificate course under way"

on 2026-08-11 alucero
note $C contact phone <<'YAML'
two_way: true
services: [retention, benefits-counseling]
background: Monthly contact; she finished the compounding certificate on 2026-06-26.
reason: Evening call.
content: SNAP recertified to December; the child care subsidy renewed to 2027-07-01. Emergency fund at 450 dollars. Applied for the lead technician post.
results: Benefits secure; advancement application in.
plan: Call in September.
YAML

on 2026-09-15 alucero
note $C contact phone <<'YAML'
two_way: true
services: [retention]
background: Keisha interviewed for lead technician on 2026-09-08.
reason: Evening call.
observations: Delighted.
content: She was promoted to lead pharmacy technician from 2026-09-14 with a raise to 24.75 an hour. Talked through the new schedule (one late shift a week) and adjusted the child care contingency - her sister covers the late shift.
results: Promoted; contingency plan updated.
impressions: The long-term goal is met; she is stable.
plan: Discuss closing the case in October.
YAML
item $C iep.yaml "name: Transitional child care subsidy" status active
item $C iep.yaml "name: Transitional child care subsidy" renewal 2027-07-01
item $C iep.yaml "course: Sterile and non-sterile compounding certificate" status completed
item $C services.yaml "id: R2" status completed
item $C services.yaml "id: R2" updated 2026-06-26
item $C services.yaml "id: R2" outcome "certificate earned"
item $C iep.yaml "id: G1" status achieved
item $C iep.yaml "id: G2" status achieved
append $C iep.yaml reviews self_sufficiency <<'YAML'
  - date: 2026-09-15
    by: alucero
    summary: Promoted to lead technician; benefits renewed; child care contingency updated for one late shift a week.
YAML
set_ $C iep.yaml updated 2026-09-15
commit $C "review the plan after the promotion; benefits renewed, certificate earned"

on 2026-10-16 alucero
note $C closure phone <<'YAML'
two_way: true
services: [retention]
background: Keisha has been off cash assistance since 2025-12-31 and promoted in September.
reason: She asked to end post-employment services.
content: Agreed to close. Reviewed her renewal dates (SNAP in December, health coverage in December, child care subsidy in July 2027) and gave her the center's number for the rest of the twelve months.
results: Case closed at her request.
plan: None.
YAML
put $C outcome.yaml <<'YAML'
closure:
  date: 2026-10-16
  reason: withdrew
  notes: asked to end services after her promotion; stable job, benefits renewed
YAML
set_ $C intake.yaml status closed
item $C intake.yaml "kind: child-care" status addressed
commit $C "close the case at the participant's request"

# ---------------------------------------------------------------------------
# Jordan Reyes joins Eastgate as the post-employment career navigator (003).
on 2026-03-02 tvance
staff_add --name "Jordan Reyes" --email jreyes@example.org --role navigator --center "Eastgate Career Center"

# ---------------------------------------------------------------------------
# 2026-V3HT8  post-employment, active  (Jordan Reyes)
# Cash assistance ended 2026-02-28; a nursing assistant and single parent.
# A job-site visit, a child care crisis handled with the contingency plan,
# and a child care subsidy renewal due 2026-12-01.
C=2026-V3HT8

on 2026-03-09 jreyes
open_case $C post-employment jreyes "Monique Avery"

on 2026-03-11 jreyes
note $C intake home-visit <<'YAML'
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
YAML
put $C intake.yaml <<'YAML'
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
YAML
commit $C "record intake details: team, barriers, cash assistance end"

on 2026-03-16 jreyes
put $C iep.yaml <<'YAML'
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
YAML
item $C iep.yaml "id: N2" done 2026-03-16
commit $C "write the self-sufficiency plan"

on 2026-04-13 jreyes
note $C contact phone <<'YAML'
two_way: true
services: [retention, supportive-services]
background: Monthly contact, after 4 pm as planned.
reason: Check the back-up child care plan and work.
content: Monique visited both day care homes; the one on her street has a back-up place and accepts the subsidy. HR confirmed tuition assistance of 1,500 dollars a year after six months of service.
results: Back-up child care confirmed.
plan: Job-site visit in May if she and her employer agree.
YAML

on 2026-05-20 jreyes
note $C contact job-site <<'YAML'
two_way: true
services: [retention]
background: Monique gave permission for a short visit at Maple Grove, and the director of nursing agreed (003 - only with permission).
reason: Job-site visit.
observations: Calm, efficient, good rapport with residents; the director called her one of the most dependable aides.
content: Fifteen minutes with Monique and the director at shift change. Discussed the tuition assistance and a schedule that lets her take one evening class.
results: Employer supports an evening class from September.
impressions: Strong retention.
plan: Monthly contact; car check in June.
YAML

on 2026-06-15 jreyes
note $C contact phone <<'YAML'
two_way: true
services: [supportive-services, benefits-counseling]
background: Monique's car failed inspection last week.
reason: Transportation contingency and health coverage comparison.
content: She used the bus and co-worker rides as planned and missed no shifts. Referred her to Eastgate Community Action for car repair assistance. Compared the employer health plan - she will keep transitional coverage for the children until February.
results: Car repair referral made; contingency plan worked.
plan: Check on the repair in July.
YAML
put $C services.yaml <<'YAML'
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
YAML
item $C iep.yaml "id: N1" done 2026-04-10
item $C iep.yaml "id: M1" done 2026-04-10
set_ $C iep.yaml updated 2026-06-15
commit $C "refer to car repair assistance; back-up child care confirmed"

on 2026-07-13 jreyes
note $C contact text <<'YAML'
two_way: true
services: [supportive-services]
background: Monthly contact by text, in the evening.
reason: Car repair and work.
content: Car repair grant approved; repaired on 2026-07-08 and passed inspection. Work is fine; she is saving 25 dollars a week.
results: Transportation back to normal.
plan: Enrol in the prerequisite course in August.
YAML

on 2026-08-06 jreyes
note $C contact phone <<'YAML'
two_way: true
services: [crisis-intervention, supportive-services]
background: Monique called at 6 pm - her regular day care closes tomorrow for three weeks after a licensing inspection.
reason: Crisis - child care (003 - crisis intervention).
observations: Frightened about missing work; calmer once we went through the plan.
content: Activated the contingency plan - the back-up day care home can take her son full time for three weeks with the subsidy transferring; her mother covers the first day. Called the Family Resource Center the next morning to move the subsidy.
results: No missed shifts; subsidy moved temporarily.
impressions: The contingency plan did its job.
plan: Check in when the regular day care reopens.
YAML
append $C services.yaml referrals <<'YAML'
  - id: R3
    service: Temporary subsidy transfer to the back-up provider
    provider: Eastgate Family Resource Center
    category: supportive
    referred: 2026-08-07
    status: completed
    updated: 2026-08-28
    outcome: three weeks at the back-up provider; back at the regular day care from 2026-08-31
YAML
item $C services.yaml "id: R2" status completed
item $C services.yaml "id: R2" updated 2026-07-08
item $C services.yaml "id: R2" outcome "brakes and exhaust repaired; passed inspection"
commit $C "record the emergency child care arrangement; car repaired"

on 2026-09-14 jreyes
note $C contact in-person <<'YAML'
two_way: true
services: [career-planning, retention]
background: Six months after cash assistance ended.
reason: Plan review (001 - the plan is updated regularly).
content: Reviewed the self-sufficiency plan. Her regular day care reopened on 2026-08-31. She started Anatomy and Physiology I on 2026-09-08 (Tuesday evenings), with employer tuition help. Emergency fund at 310 dollars.
results: Milestone met - enrolled in the first prerequisite.
impressions: On track on every goal.
plan: Benefit renewal for child care due 2026-12-01; start paperwork in November.
YAML
item $C iep.yaml "id: M3" done 2026-09-08
item $C iep.yaml "course: Anatomy and Physiology I (LPN prerequisite)" status enrolled
append $C iep.yaml reviews self_sufficiency <<'YAML'
  - date: 2026-09-14
    by: jreyes
    summary: Six-month review; contingency plan worked in the August child care closure; first LPN prerequisite under way.
YAML
set_ $C iep.yaml updated 2026-09-14
commit $C "six-month plan review"

on 2026-10-19 jreyes
note $C contact phone <<'YAML'
two_way: true
services: [retention]
background: Monthly contact.
reason: Evening call.
content: Mid-term exam passed with a B. Work is steady; she picked up two extra shifts. Reminded her the child care subsidy renewal is due 2026-12-01 and what to bring.
results: Renewal appointment booked for 2026-11-16.
plan: Help with the renewal in November.
YAML

on 2026-11-16 jreyes
note $C contact in-person <<'YAML'
two_way: true
services: [benefits-counseling]
background: The child care subsidy renewal is due on 2026-12-01 (003 - maintain eligibility).
reason: Renewal appointment.
content: Completed the renewal together with four pay stubs and the provider form; her income is still within the limit with the extra shifts. Submitted online during the meeting.
results: Renewal submitted two weeks early.
plan: Confirm approval in December; SNAP renewal in February.
YAML
item $C iep.yaml "id: M2" done 2026-11-16
item $C iep.yaml "name: Income-eligible child care subsidy" status pending
item $C iep.yaml "name: Income-eligible child care subsidy" notes "renewal submitted 2026-11-16; decision expected by 2026-12-01"
set_ $C iep.yaml updated 2026-11-16
commit $C "child care subsidy renewal submitted"

# ---------------------------------------------------------------------------
# 2026-D6QR2  post-employment, active  (Jordan Reyes)
# A night-shift warehouse associate reached by text (003 - people unavailable
# in the daytime); forklift certification, a conflict with a supervisor, and
# a raise.
C=2026-D6QR2

on 2026-05-18 jreyes
open_case $C post-employment jreyes "Luis Navarro"

on 2026-05-20 jreyes
note $C intake in-person <<'YAML'
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
YAML
put $C intake.yaml <<'YAML'
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
YAML
commit $C "record intake details: barriers, cash assistance end"

on 2026-05-27 jreyes
put $C iep.yaml <<'YAML'
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
YAML
commit $C "write the self-sufficiency plan"

on 2026-06-17 jreyes
note $C contact text <<'YAML'
two_way: true
services: [retention, supportive-services]
background: Monthly contact by text in Spanish, afternoon.
reason: Check work and the ride plan.
content: Work going well. Two nights without the ride this month; he waited for the bus and got home at 7. Brookside pays for forklift training only after a year, so we will look for a community course. Offered the transportation fund for ride-shares on those nights.
results: Transportation fund referral to be made; forklift course search.
plan: Referrals in early July.
YAML

on 2026-07-08 jreyes
note $C contact phone <<'YAML'
two_way: true
services: [supportive-services, training-referral]
background: Luis asked for the transportation fund and a forklift course.
reason: Make both referrals.
content: Referred him to Eastgate Community Action's transportation fund (ride-share credits for early-morning shifts) and to the Adult Learning Center's four-week forklift certification (Saturday mornings, August).
results: Both referrals made.
plan: Check on enrolment in August.
YAML
put $C services.yaml <<'YAML'
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
YAML
item $C iep.yaml "id: N1" done 2026-06-12
commit $C "refer to the transportation fund and forklift training"

on 2026-08-12 jreyes
note $C contact text <<'YAML'
two_way: true
services: [retention]
background: Monthly contact by text.
reason: Check the course and the ride-share credits.
content: Ride-share credits approved; used three times. Forklift course started on 2026-08-01, Saturdays. He is tired but says it is worth it.
results: Both referrals accepted.
plan: Call in September after the certification test.
YAML

on 2026-09-09 jreyes
note $C contact in-person <<'YAML'
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
YAML
item $C services.yaml "id: R1" status accepted
item $C services.yaml "id: R1" updated 2026-07-20
item $C iep.yaml "id: M1" done 2026-07-20
item $C services.yaml "id: R2" status completed
item $C services.yaml "id: R2" updated 2026-08-29
item $C services.yaml "id: R2" outcome "certified forklift operator"
item $C iep.yaml "id: M2" done 2026-08-29
item $C iep.yaml "course: Forklift operator certification" status completed
commit $C "ride credits in place; forklift certification earned"

on 2026-10-07 jreyes
note $C contact phone <<'YAML'
two_way: true
services: [retention, benefits-counseling]
background: Follow-up after the HR meeting of 2026-09-11.
reason: Monthly contact; SNAP renewal is due on 2026-10-31.
content: HR moved him to the forklift crew from 2026-09-21 with the 1.75 raise (now 20.25 an hour), under a different lead. Helped with the SNAP renewal form in Spanish; with the raise the benefit goes down but continues.
results: Moved to the forklift crew with a raise; SNAP renewal submitted.
impressions: A turning point - better pay and a better supervisor.
plan: Confirm SNAP in November.
YAML
item $C iep.yaml "name: SNAP (food assistance)" status pending
append $C iep.yaml reviews self_sufficiency <<'YAML'
  - date: 2026-10-07
    by: jreyes
    summary: Forklift certified and moved to the forklift crew with a raise; SNAP renewal submitted; transportation plan working.
YAML
set_ $C iep.yaml updated 2026-10-07
commit $C "review the plan: raise and new crew"

on 2026-11-04 jreyes
note $C contact text <<'YAML'
two_way: true
services: [benefits-counseling]
background: Monthly contact by text.
reason: SNAP renewal outcome.
content: SNAP renewed to 2027-04-30 at a lower amount. Work is good on the forklift crew. Still using ride credits two or three times a month.
results: Benefits renewed.
plan: Call in mid-November about day-shift openings.
YAML
item $C iep.yaml "name: SNAP (food assistance)" status active
item $C iep.yaml "name: SNAP (food assistance)" renewal 2027-04-30
set_ $C iep.yaml updated 2026-11-04
commit $C "SNAP renewed"

on 2026-11-18 jreyes
note $C contact phone <<'YAML'
two_way: true
services: [career-planning, retention]
background: Luis asked about day-shift forklift jobs.
reason: Advancement planning.
content: Brookside posts day-shift openings in January. Talked through applying internally and, if not, two other distribution centers that hire certified operators for days. His wife is looking for part-time work, so the child care contingency may be needed.
results: Plan to apply internally in January.
plan: Update the plan at the next contact; check the child care back-up with his sister-in-law.
YAML

# ---------------------------------------------------------------------------
# Run the queued steps in date order, then check the store as of 2026-11-22.
replay
echo "demo-store: $COMMITS commits in $STORE after $((SECONDS - START))s" >&2
"$CASEPLAN" validate --today 2026-11-22
"$CASEPLAN" verify --today 2026-11-22
