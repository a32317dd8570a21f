package yamledit

import (
	"testing"
)

type person struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
}

func TestAppendItem(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "keeps comments and blank lines",
			in: `# Store settings
organization: Example Board   # who we are

staff:
  # the first one
  - id: ab
    name: A B

programs:
  wioa: {kind: wioa}
`,
			want: `# Store settings
organization: Example Board   # who we are

staff:
  # the first one
  - id: ab
    name: A B
  - id: cd
    name: C D

programs:
  wioa: {kind: wioa}
`,
		},
		{
			name: "unindented sequence at end of file without newline",
			in:   "staff:\n- id: ab\n  name: A B",
			want: "staff:\n- id: ab\n  name: A B\n- id: cd\n  name: C D\n",
		},
		{
			name: "empty list",
			in:   "staff: []\nother: 1\n",
			want: "staff:\n  - id: cd\n    name: C D\nother: 1\n",
		},
		{
			name: "absent key",
			in:   "other: 1\n",
			want: "other: 1\nstaff:\n  - id: cd\n    name: C D\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AppendItem([]byte(tt.in), "staff", person{"cd", "C D"})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestAppendItemFlowList(t *testing.T) {
	if _, err := AppendItem([]byte("staff: [{id: a}]\n"), "staff", person{"b", "B"}); err == nil {
		t.Fatal("want an error for a flow-style list")
	}
}
