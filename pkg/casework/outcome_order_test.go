package casework

import (
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

func TestSetInOrder(t *testing.T) {
	const modeline = "# yaml-language-server: $schema=../../schemas/outcome.schema.json\n"
	for _, tc := range []struct {
		name string
		in   string
		edit Edit
		want string
	}{
		{
			name: "a missing key goes after the key before it in the record's order",
			in:   modeline + "extensions:\n  - requested: 2026-05-27 # by email\n    decision: pending\n    notes: two interviews\n",
			edit: setInOrder(record.Outcome{}, []string{"extensions", "0", "decided"}, record.Date("2026-06-01")),
			want: modeline + "extensions:\n  - requested: 2026-05-27 # by email\n    decided: 2026-06-01\n    decision: pending\n    notes: two interviews\n",
		},
		{
			name: "an existing key changes where it stands",
			in:   modeline + "extensions:\n  - requested: 2026-05-27\n    decision: pending # waiting\n",
			edit: setInOrder(record.Outcome{}, []string{"extensions", "0", "decision"}, "approved"),
			want: modeline + "extensions:\n  - requested: 2026-05-27\n    decision: approved # waiting\n",
		},
		{
			name: "a key goes past a multi-line value and keeps the comment that follows",
			in:   modeline + "placement:\n  employer: Example Co\n  position: Clerk\n  start: 2026-06-15\n  wage: 20\n  hours: 30\n# the follow-ups\nfollow_ups:\n  - due: 2026-07-15\n",
			edit: setInOrder(record.Outcome{}, []string{"closure"}, record.Closure{Date: "2026-06-20", Reason: "placed"}),
			want: modeline + "placement:\n  employer: Example Co\n  position: Clerk\n  start: 2026-06-15\n  wage: 20\n  hours: 30\n# the follow-ups\nfollow_ups:\n  - due: 2026-07-15\nclosure:\n  date: 2026-06-20\n  reason: placed\n",
		},
		{
			name: "a mapping goes between its neighbours",
			in:   modeline + "extensions:\n  - requested: 2026-05-27\n\n# the follow-ups\nfollow_ups:\n  - due: 2026-07-15\n",
			edit: setInOrder(record.Outcome{}, []string{"placement"}, record.Placement{Employer: "Example Co", Position: "Clerk", Start: "2026-06-15"}),
			want: modeline + "extensions:\n  - requested: 2026-05-27\nplacement:\n  employer: Example Co\n  position: Clerk\n  start: 2026-06-15\n\n# the follow-ups\nfollow_ups:\n  - due: 2026-07-15\n",
		},
		{
			name: "with no key before it, the key goes first, under the modeline",
			in:   modeline + "closure:\n  date: 2026-06-20\n  reason: placed\n",
			edit: appendInOrder(record.Outcome{}, []string{"extensions"}, record.Extension{Requested: "2026-05-27", Decision: "pending"}),
			want: modeline + "extensions:\n  - requested: 2026-05-27\n    decision: pending\nclosure:\n  date: 2026-06-20\n  reason: placed\n",
		},
		{
			name: "a placement's wage goes after its start, whatever follows",
			in:   modeline + "placement:\n  employer: Example Co\n  position: Clerk\n  start: 2026-06-15\n  hours: 30 # part time\nclosure:\n  date: 2026-06-20\n  reason: placed\n",
			edit: setInOrder(record.Outcome{}, []string{"placement", "wage"}, 20),
			want: modeline + "placement:\n  employer: Example Co\n  position: Clerk\n  start: 2026-06-15\n  wage: 20\n  hours: 30 # part time\nclosure:\n  date: 2026-06-20\n  reason: placed\n",
		},
		{
			name: "an extension written in flow style by hand is decided in place",
			in:   modeline + "extensions:\n  - {requested: 2026-05-27, decision: pending}\n",
			edit: setInOrder(record.Outcome{}, []string{"extensions", "0", "decided"}, record.Date("2026-06-01")),
			want: modeline + "extensions:\n  - {requested: 2026-05-27, decided: 2026-06-01, decision: pending}\n",
		},
		{
			name: "a planned follow-up's done goes after its due",
			in:   modeline + "follow_ups:\n  - due: 2026-07-15\n    notes: call her\n",
			edit: setInOrder(record.Outcome{}, []string{"follow_ups", "0", "done"}, record.Date("2026-07-14")),
			want: modeline + "follow_ups:\n  - due: 2026-07-15\n    done: 2026-07-14\n    notes: call her\n",
		},
		{
			name: "a list that exists is appended to",
			in:   modeline + "follow_ups:\n  - due: 2026-07-15\nclosure:\n  date: 2026-06-20\n  reason: placed\n",
			edit: appendInOrder(record.Outcome{}, []string{"follow_ups"}, record.FollowUp{Due: "2026-10-15"}),
			want: modeline + "follow_ups:\n  - due: 2026-07-15\n  - due: 2026-10-15\nclosure:\n  date: 2026-06-20\n  reason: placed\n",
		},
		{
			name: "a missing list goes in order",
			in:   modeline + "placement:\n  employer: Example Co\n  position: Clerk\n  start: 2026-06-15\nclosure:\n  date: 2026-06-20\n  reason: placed\n",
			edit: appendInOrder(record.Outcome{}, []string{"follow_ups"}, record.FollowUp{Due: "2026-10-15"}),
			want: modeline + "placement:\n  employer: Example Co\n  position: Clerk\n  start: 2026-06-15\nfollow_ups:\n  - due: 2026-10-15\nclosure:\n  date: 2026-06-20\n  reason: placed\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.edit([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
