package report

import (
	"bytes"
	"html/template"
	"math/rand/v2"
	"testing"
)

// tableTemplate is how the report's template wrote a table before
// reportTable.HTML: what HTML must write, byte for byte.
var tableTemplate = template.Must(template.New("table").Parse(`<div class="scroll">
<table>
<thead><tr>{{range .HeadCells}}<th{{with .Class}} class="{{.}}"{{end}}>{{.Text}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td{{with .Class}} class="{{.}}"{{end}}>{{.Text}}</td>{{end}}</tr>
{{end}}</tbody>{{if .Foot}}
<tfoot>
{{range .Foot}}<tr>{{range .}}<td{{with .Class}} class="{{.}}"{{end}}>{{.Text}}</td>{{end}}</tr>
{{end}}</tfoot>{{end}}
</table>
</div>
`))

// randomTable makes a table of random size whose texts and marks hold
// what escaping must see to: markup, quotes, '+', NUL, characters beyond
// ASCII and invalid UTF-8.
func randomTable(r *rand.Rand) *reportTable {
	const alphabet = "ab 1,.%–<>&\"'+\x00\xff\xc3é\u00a0\u2028;#"
	text := func() string {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	marks := []string{"", "", "met", "missed", text()}
	cells := func(n int) []reportCell {
		out := make([]reportCell, n)
		for j := range out {
			out[j] = reportCell{Text: text(), Left: r.IntN(2) == 0, Dim: r.IntN(3) == 0, Mark: marks[r.IntN(len(marks))]}
		}
		return out
	}
	t := &reportTable{}
	cols := r.IntN(6)
	for range cols + r.IntN(2) - r.IntN(2) {
		t.Head = append(t.Head, text())
	}
	for range r.IntN(5) {
		t.Rows = append(t.Rows, cells(cols+r.IntN(2)))
	}
	for range r.IntN(3) {
		t.Foot = append(t.Foot, cells(cols))
	}
	return t
}

// TestTableHTMLAsTemplate checks reportTable.HTML against the template it
// replaced, byte for byte, on random tables and on the tables of a report.
func TestTableHTMLAsTemplate(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 11))
	tables := []*reportTable{{}, {Head: []string{"a"}}}
	for range 3000 {
		tables = append(tables, randomTable(r))
	}
	ds := findingsDataset()
	p := newReportPage(ds, nil)
	tables = append(tables, p.Glance, p.Waits)
	for _, s := range p.Tables {
		tables = append(tables, s.Table)
	}
	for i, tb := range tables {
		if tb == nil {
			continue
		}
		var want bytes.Buffer
		if err := tableTemplate.Execute(&want, tb); err != nil {
			t.Fatal(err)
		}
		if got := string(tb.HTML()); got != want.String() {
			t.Fatalf("table %d: got\n%q\nwant\n%q", i, got, want.String())
		}
	}
}
