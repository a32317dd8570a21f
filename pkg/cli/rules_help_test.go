package cli

import (
	"reflect"
	"strings"
	"testing"
)

// TestRulesHelpNamesEveryJSONField: rules --help listed the -o json
// fields without "waivable", which the README documents (a supervisor's
// script asks it which rules waiver add takes) and the output has. Every
// field of the contract is named in the help.
func TestRulesHelpNamesEveryJSONField(t *testing.T) {
	c, _, err := newCmdRoot(&globals{}).Find([]string{"rules"})
	if err != nil {
		t.Fatal(err)
	}
	typ := reflect.TypeOf(ruleItem{})
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if !strings.Contains(c.Long, `"`+name+`"`) {
			t.Errorf("rules --help: -o json does not name %q", name)
		}
	}
}
