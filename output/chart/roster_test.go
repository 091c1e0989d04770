package chart

import (
	"bytes"
	"slices"
	"strconv"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// coverageTable is a roster's coverage.csv for a pool over n half hours.
func coverageTable(n int, need, roster func(k int) string) *output.CSVTable {
	t := fixture.TableOf([]string{"pool", "interval", "start_seconds", "need", "roster"})
	for k := range n {
		t.Rows = append(t.Rows, []string{"agents", strconv.Itoa(k), strconv.Itoa(1800 * k), need(k), roster(k)})
	}
	return t
}

// TestRosterChart draws the coverage chart of a day, and of degenerate
// tables (none, no rows, NaN): drawn, never a panic; drawn empty, with its
// note, when there is nothing to draw.
func TestRosterChart(t *testing.T) {
	num := func(v int) func(int) string { return func(int) string { return strconv.Itoa(v) } }
	cases := []struct {
		name  string
		table *output.CSVTable
		empty bool
	}{
		{"a day", coverageTable(48, func(k int) string { return strconv.Itoa(k % 7) }, func(k int) string { return strconv.Itoa(k%7 + k%2) }), false},
		{"one interval", coverageTable(1, num(3), num(4)), false},
		{"no rows", coverageTable(0, num(0), num(0)), true},
		{"nil", nil, true},
		{"NaN", coverageTable(3, func(int) string { return "NaN" }, func(int) string { return "" }), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Roster(tc.table, models.Monday, 1800)
			for _, format := range Formats {
				var b bytes.Buffer
				if err := c.Render(&b, format, 800, 400); err != nil || b.Len() == 0 {
					t.Fatalf("%s: %v, %d bytes", format, err, b.Len())
				}
			}
			fig, err := c.build(frame{width: 600, height: 300})
			if err != nil {
				t.Fatal(err)
			}
			empty := slices.ContainsFunc(fig.notes, func(n string) bool { return n != "" }) && len(fig.panels) == 1
			if empty != tc.empty {
				t.Errorf("drawn empty %v, want %v (note %q)", empty, tc.empty, c.Note)
			}
		})
	}
}
