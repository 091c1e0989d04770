package folder

import (
	"io"
	"sync"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/report"
)

// VisualFiles returns the files of a run's output folder drawn from ds: every
// chart as charts/<name>.svg and charts/<name>.png at the default size, and
// report.html with the charts inline. Pass them to RunFiles.
func VisualFiles(ds *output.Dataset) []output.File {
	return chartsAndReport(chart.Run(ds), "the report for people, one self-contained page: the scenario, the headline findings, "+
		"the charts and the tables. It needs no network; open it in a browser.",
		func(w io.Writer, charts []report.Chart) error { return report.WriteRun(w, ds, charts) },
		func(i int) chart.Chart { return chart.RunChart(ds, i) })
}

// chartsAndReport returns charts as files of an output folder,
// charts/<name>.svg and charts/<name>.png at the default size, then
// report.html, which page writes with the charts as SVG (described by
// description). Each chart is drawn as SVG once, for its file and for the
// report, when the first of the two is written.
//
// With remake, which makes chart i again, each chart is let go once both
// its images are drawn (a 365-day run's charts hold 14 MB of lines, which
// the folder's memory limit would otherwise keep the collector working
// around until the last file), and made again by remake if its PNG is
// asked for again (a folder written again under another name).
func chartsAndReport(charts []chart.Chart, description string, page func(w io.Writer, charts []report.Chart) error, remake func(i int) chart.Chart) []output.File {
	svgs := make([]func() ([]byte, error), len(charts))
	var files []output.File
	for i := range charts {
		h := &heldChart{c: charts[i], i: i, remake: remake}
		if remake != nil {
			// Only h holds what draws the chart.
			charts[i] = chart.Chart{Name: h.c.Name, Title: h.c.Title, Note: h.c.Note}
		}
		c := charts[i]
		svgs[i] = sync.OnceValues(func() (b []byte, err error) {
			err = h.draw(func(c chart.Chart) error {
				b, err = c.Bytes("svg", chart.DefaultWidth, chart.DefaultHeight)
				return err
			})
			return b, err
		})
		files = append(files,
			output.File{
				Name:        ChartsDir + "/" + c.Name + ".svg",
				Description: c.Title + ", as SVG. " + c.Note,
				Ahead:       true,
				Write: func(w io.Writer) error {
					b, err := svgs[i]()
					if err != nil {
						return err
					}
					_, err = w.Write(b)
					return err
				},
			},
			output.File{
				Name:        ChartsDir + "/" + c.Name + ".png",
				Description: c.Title + ", as PNG. " + c.Note,
				Ahead:       true,
				Write: func(w io.Writer) error {
					return h.render(w, "png")
				},
			})
	}
	files = append(files, output.File{
		Name:        ReportFile,
		Description: description,
		Ahead:       true,
		Write: func(w io.Writer) error {
			rc := make([]report.Chart, len(charts))
			for i, c := range charts {
				b, err := svgs[i]()
				if err != nil {
					return err
				}
				rc[i] = report.Chart{Name: c.Name, Title: c.Title, Note: c.Note, SVG: b}
			}
			return page(w, rc)
		},
	})
	return files
}

// heldChart is a chart of chartsAndReport's and how many of its two
// images are drawn: with remake, it lets the chart go once both are.
type heldChart struct {
	mu     sync.Mutex
	c      chart.Chart
	i      int
	drawn  int
	gone   bool
	remake func(i int) chart.Chart
}

// render draws the chart to w in format at the default size, making it
// again first if it was let go.
func (h *heldChart) render(w io.Writer, format string) error {
	return h.draw(func(c chart.Chart) error { return c.Render(w, format, chart.DefaultWidth, chart.DefaultHeight) })
}

// draw draws one of the chart's two images with image, making the chart
// again first if it was let go.
func (h *heldChart) draw(image func(chart.Chart) error) error {
	h.mu.Lock()
	if h.gone {
		h.c, h.gone, h.drawn = h.remake(h.i), false, 0
	}
	c := h.c
	h.mu.Unlock()
	err := image(c)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.drawn++; h.drawn == 2 && h.remake != nil {
		h.c, h.gone = chart.Chart{}, true
	}
	return err
}
