package folder

import (
	"bytes"
	"encoding/base64"
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
