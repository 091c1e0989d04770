package folder

import (
	"bytes"
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
		func(w io.Writer, charts []report.Chart) error { return report.WriteRun(w, ds, charts) })
}

// chartsAndReport returns charts as files of an output folder,
// charts/<name>.svg and charts/<name>.png at the default size, then
// report.html, which page writes with the charts as SVG (described by
// description). Each chart is drawn as SVG once, for its file and for the
// report, when the first of the two is written.
func chartsAndReport(charts []chart.Chart, description string, page func(w io.Writer, charts []report.Chart) error) []output.File {
	svgs := make([]func() ([]byte, error), len(charts))
	var files []output.File
	for i, c := range charts {
		svgs[i] = sync.OnceValues(func() ([]byte, error) {
			var b bytes.Buffer
			err := c.Render(&b, "svg", chart.DefaultWidth, chart.DefaultHeight)
			return b.Bytes(), err
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
					return c.Render(w, "png", chart.DefaultWidth, chart.DefaultHeight)
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
