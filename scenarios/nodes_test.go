package scenarios

import (
	"strings"
	"testing"
)

// TestTooManyNodes checks that a scenario or a grid holding half a million
// list items is refused by counting, before the YAML is parsed, and that
// a --set value counts too.
func TestTooManyNodes(t *testing.T) {
	long := valid + "\nnote: [" + strings.Repeat("1,", MaxNodes) + "1]\n"
	_, err := Parse("long.yaml", "long", []byte(long), nil)
	if err == nil || !strings.Contains(err.Error(), "long.yaml: holds about") ||
		!strings.Contains(err.Error(), "more than the limit of 500000: write long series as a staffing or forecast table (CSV)") {
		t.Errorf("got %v, want the file refused by its count", err)
	}
	set := "pools.agents.agents=[" + strings.Repeat("1,", MaxNodes) + "1]"
	if _, err := Parse("s.yaml", "s", []byte(valid), []string{set}); err == nil || !strings.Contains(err.Error(), "more than the limit of 500000") {
		t.Errorf("got %v, want the override counted", err)
	}
	grid := "parameters:\n  - path: pools.agents.agents\n    values: [" + strings.Repeat("1,", MaxNodes) + "1]\n"
	if _, err := ParseGrid("grid.yaml", []byte(grid)); err == nil || !strings.Contains(err.Error(), "grid.yaml: holds about") {
		t.Errorf("got %v, want the grid refused by its count", err)
	}
	if n := countNodes([]byte(valid)); n > 1000 {
		t.Errorf("a small scenario counts %d nodes", n)
	}
}
