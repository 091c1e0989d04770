package report

import (
	"slices"
	"testing"

	"github.com/omnisim/omnisim/output"
)

// TestClassesSection: the report's table by class has a row per channel
// and class of totals.csv's class rows, in their order, each figure in
// its unit with its half-width; a run without classes has no such
// section.
func TestClassesSection(t *testing.T) {
	totals := &output.CSVTable{Columns: []string{"scope", "name", "figure", "unit", "mean", "ci95"}}
	add := func(scope, name, figure, mean, ci string) {
		totals.Rows = append(totals.Rows, []string{scope, name, figure, "", mean, ci})
	}
	add(output.ScopeChannel, "phone", "offered", "100", "1")
	if _, ok := (&reportView{totals: totals}).classes(); ok {
		t.Fatal("a section by class for a run without classes")
	}
	for _, cl := range []struct{ name, abandon string }{{"phone/vip", "0.05"}, {"phone/standard", "0.2"}} {
		add(output.ScopeClass, cl.name, "offered", "10", "1")
		add(output.ScopeClass, cl.name, "p_abandon", cl.abandon, "0.01")
	}
	s, ok := (&reportView{totals: totals}).classes()
	if !ok {
		t.Fatal("no section by class")
	}
	var got [][]string
	for _, row := range s.Table.Rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, c.Text)
		}
		got = append(got, cells)
	}
	want := [][]string{{"phone", "vip", "10.0 ± 1.0", "5.00 % ± 1.00"}, {"phone", "standard", "10.0 ± 1.0", "20.00 % ± 1.00"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("rows %q, want %q", got, want)
	}
}
