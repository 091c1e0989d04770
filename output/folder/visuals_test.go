package folder

import (
	"bytes"
	"encoding/base64"
	"io"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestVisualFiles: every chart comes as an SVG and a PNG of the default
// size, and report.html holds each chart's SVG, the same bytes as its file.
func TestVisualFiles(t *testing.T) {
	ds := fixture.ReportDataset(t, fixture.ReportWorld())
	files := VisualFiles(ds)
	charts := chart.Run(ds)
	if got, want := len(files), 2*len(charts)+1; got != want {
		t.Fatalf("%d files, want %d", got, want)
	}
	written := map[string][]byte{}
	for _, f := range files {
		if f.Description == "" {
			t.Errorf("%s: no description", f.Name)
		}
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		written[f.Name] = b.Bytes()
	}
	report := string(written[ReportFile])
	for _, c := range charts {
		svg, png := written["charts/"+c.Name+".svg"], written["charts/"+c.Name+".png"]
		fixture.CheckSVG(t, c.Name, svg, chart.DefaultWidth, chart.DefaultHeight)
		fixture.CheckPNG(t, c.Name, png, chart.DefaultWidth, chart.DefaultHeight)
		if !strings.Contains(report, base64.StdEncoding.EncodeToString(svg)) {
			t.Errorf("report.html does not hold %s.svg", c.Name)
		}
	}
}

// TestVisualFilesWrittenAgain: a run's charts are let go once both their
// images are drawn, and made again when a folder is written again with
// the same files (another name taken meanwhile): the same bytes each time.
func TestVisualFilesWrittenAgain(t *testing.T) {
	ds := fixture.ReportDataset(t, fixture.ReportWorld())
	files := VisualFiles(ds)
	var first []string
	for round := range 3 {
		for k, f := range files {
			var b bytes.Buffer
			if err := f.Write(&b); err != nil {
				t.Fatalf("round %d: %s: %v", round, f.Name, err)
			}
			if round == 0 {
				first = append(first, b.String())
			} else if b.String() != first[k] {
				t.Fatalf("round %d: %s differs from the first", round, f.Name)
			}
		}
	}
}

// TestHeldChartLetGo: a chart of chartsAndReport with remake is let go
// after its SVG and PNG are drawn, and is not without remake.
func TestHeldChartLetGo(t *testing.T) {
	ds := fixture.ReportDataset(t, fixture.ReportWorld())
	for _, remake := range []func(int) chart.Chart{nil, func(i int) chart.Chart { return chart.RunChart(ds, i) }} {
		h := &heldChart{c: chart.Run(ds)[0], remake: remake}
		for k, format := range []string{"svg", "png"} {
			if err := h.render(io.Discard, format); err != nil {
				t.Fatal(err)
			}
			if want := k == 1 && remake != nil; h.gone != want {
				t.Errorf("remake %v, after the %s: gone %v, want %v", remake != nil, format, h.gone, want)
			}
		}
	}
}
