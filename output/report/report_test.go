package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// testChartSVG draws a small bar chart of values as a standalone SVG, as
// gonum's are: an XML prolog, a size, a viewBox, and an id of its own that
// every chart repeats (ids are per document, so the report must keep the
// charts apart).
func testChartSVG(title string, values []float64) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?>` + "\n")
	b.WriteString(`<svg width="600" height="260" viewBox="0 0 600 260" xmlns="http://www.w3.org/2000/svg">` + "\n")
	b.WriteString(`<defs><clipPath id="area"><rect x="40" y="30" width="540" height="190"/></clipPath></defs>` + "\n")
	b.WriteString(`<rect width="600" height="260" fill="#ffffff"/>` + "\n")
	fmt.Fprintf(&b, `<text x="300" y="20" text-anchor="middle" font-family="sans-serif" font-size="16">%s</text>`+"\n", title)
	hi := 0.0
	for _, x := range values {
		if !math.IsNaN(x) {
			hi = math.Max(hi, x)
		}
	}
	b.WriteString(`<g clip-path="url(#area)">` + "\n")
	for k, x := range values {
		if math.IsNaN(x) || hi == 0 {
			continue
		}
		w := 540 / float64(len(values))
		h := 190 * x / hi
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#2f6db5"/>`+"\n", 40+float64(k)*w, 220-h, w*0.8, h)
	}
	b.WriteString("</g>\n")
	b.WriteString(`<line x1="40" y1="220" x2="580" y2="220" stroke="#333"/>` + "\n")
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// testCharts returns hand-made charts of ds: offered contacts and service
// level by interval for its first channel, and the expectation level.
func testCharts(ds *output.Dataset) []Chart {
	column := func(t *output.CSVTable, key string, where func(r int) bool) []float64 {
		var out []float64
		if t == nil {
			return out
		}
		for r := range t.Rows {
			if where(r) {
				out = append(out, t.Float(r, key))
			}
		}
		return out
	}
	first := func(r int) bool {
		return len(ds.Meta.Channels) > 0 && ds.Intervals.Text(r, "channel") == ds.Meta.Channels[0].Name
	}
	all := func(int) bool { return true }
	return []Chart{
		{Name: "offered", Title: "Contacts offered", Note: "Per half hour, first channel.",
			SVG: testChartSVG("Contacts offered", column(ds.Intervals, "offered", first))},
		{Name: "service-level", Title: "Service level", Note: "Answered within the threshold ÷ offered.",
			SVG: testChartSVG("Service level", column(ds.Intervals, "service_level", first))},
		{Name: "expectations", Title: "Expectation level", Note: "At the end of each interval.",
			SVG: testChartSVG("Expectation level", column(ds.Expectation, "level", all))},
	}
}

// writeReportString writes the report of ds with charts and returns it,
// its no-break spaces made plain spaces for the tests to read.
func writeReportString(t *testing.T, ds *output.Dataset, charts []Chart) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteRun(&b, ds, charts); err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(b.String(), "\u00a0", " ")
}

var (
	figureRE = regexp.MustCompile(`(?s)<figure id="([^"]*)">(.*?)</figure>`)
	hrefRE   = regexp.MustCompile(`href="#([^"]*)"`)
	idRE     = regexp.MustCompile(` id="([^"]*)"`)
	imgRE    = regexp.MustCompile(`<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]*)" alt="[^"]*">`)
)

// TestReportNamesEveryChannelAndLinksEveryChart: every channel has a line
// in the findings, a card and a table by day; every chart a figure with
// its caption and its SVG, and a link to it from the contents; every link
// leads to an element of the page.
func TestReportNamesEveryChannelAndLinksEveryChart(t *testing.T) {
	ds := fixture.ReportDataset(t, fixture.ReportWorld())
	charts := testCharts(ds)
	out := writeReportString(t, ds, charts)

	for _, ch := range ds.Meta.Channels {
		for _, want := range []string{
			`<tr><td class="t">` + ch.Name + `</td>`,             // the glance table
			`<article class="card `,                              // a card...
			`<h3>` + ch.Name + ` <span class="kind">`,            // ...headed with the name
			`<section id="days-` + ch.Name + `">`,                // a table by day
			`<a href="#days-` + ch.Name + `">` + ch.Name + ` by`, // linked from the contents
		} {
			if !strings.Contains(out, want) {
				t.Errorf("channel %s: %q missing", ch.Name, want)
			}
		}
	}
	figures := map[string]string{}
	for _, m := range figureRE.FindAllStringSubmatch(out, -1) {
		figures[m[1]] = m[2]
	}
	if len(figures) != len(charts) {
		t.Errorf("%d figures, want %d", len(figures), len(charts))
	}
	for _, c := range charts {
		id := "chart-" + c.Name
		body, ok := figures[id]
		if !ok {
			t.Errorf("no <figure id=%q>", id)
			continue
		}
		if !strings.Contains(out, `<a href="#`+id+`">`+c.Title+`</a>`) {
			t.Errorf("the contents do not link to %s", id)
		}
		if !strings.Contains(body, "<figcaption>") || !strings.Contains(body, "<strong>"+c.Title+"</strong>") ||
			!strings.Contains(body, c.Note) {
			t.Errorf("figure %s: caption with title and note missing in\n%s", id, body)
		}
		m := imgRE.FindStringSubmatch(body)
		if m == nil {
			t.Errorf("figure %s: no SVG image in\n%.300s", id, body)
			continue
		}
		svg, err := base64.StdEncoding.DecodeString(m[1])
		if err != nil || !bytes.Equal(svg, c.SVG) {
			t.Errorf("figure %s: the image is not the chart's SVG (%v)", id, err)
		}
	}
	ids := map[string]bool{}
	for _, m := range idRE.FindAllStringSubmatch(out, -1) {
		if ids[m[1]] {
			t.Errorf("id %q is used twice", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range hrefRE.FindAllStringSubmatch(out, -1) {
		if !ids[m[1]] {
			t.Errorf("link to #%s leads nowhere", m[1])
		}
	}
	for _, want := range []string{"<h1>a test</h1>", "<p class=\"desc\">A test world.</p>", "<p class=\"desc\">Its second paragraph.</p>",
		"<dt>replications</dt><dd>2</dd>", "<dt>warm-up</dt><dd>1h</dd>", "<dt>day 1 is a</dt><dd>Monday</dd>",
		"<dt>omnisim</dt><dd>test</dd>", "What customers went through", "The expectation level ", "<section id=\"pools\">"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing", want)
		}
	}
}

// TestReportIsSelfContained: nothing in the page reaches outside it: no
// script, no link, no address; images are data URLs; the policy forbids the
// rest.
func TestReportIsSelfContained(t *testing.T) {
	ds := fixture.ReportDataset(t, fixture.ReportWorld())
	out := writeReportString(t, ds, testCharts(ds))
	for _, bad := range []string{"<script", "<link", "<iframe", "<object", "@import", "url(", "http:", "https:", "//"} {
		if i := strings.Index(out, bad); i >= 0 {
			t.Errorf("%q in the report: %q", bad, out[max(0, i-60):min(len(out), i+60)])
		}
	}
	for _, m := range regexp.MustCompile(`src="([^"]{0,30})`).FindAllStringSubmatch(out, -1) {
		if !strings.HasPrefix(m[1], "data:image/svg+xml;base64,") {
			t.Errorf("image source %q is not a data URL", m[1])
		}
	}
	if !strings.Contains(out, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src data:;`) {
		t.Error("the page has no Content-Security-Policy forbidding requests")
	}
}

// TestReportDeterministic: the same run gives the same bytes, twice from
// one Dataset and once from a second run of the same world.
func TestReportDeterministic(t *testing.T) {
	ds := fixture.ReportDataset(t, fixture.ReportWorld())
	a := writeReportString(t, ds, testCharts(ds))
	b := writeReportString(t, ds, testCharts(ds))
	again := fixture.ReportDataset(t, fixture.ReportWorld())
	c := writeReportString(t, again, testCharts(again))
	if a != b || a != c {
		t.Error("two reports of the same run differ")
	}
}

// TestReportEscapesText: names and descriptions are text, never markup.
func TestReportEscapesText(t *testing.T) {
	ds := fixture.ReportDataset(t, fixture.ReportWorld())
	ds.Meta.Title = `<script>alert("title")</script>`
	ds.Meta.Description = `Fish & <chips>`
	out := writeReportString(t, ds, []Chart{{Name: `x"><b>`, Title: "<i>chart</i>", SVG: testChartSVG("x", []float64{1})}})
	for _, bad := range []string{"<script>", "<chips>", "<i>chart", `"><b>`} {
		if strings.Contains(out, bad) {
			t.Errorf("%q is not escaped", bad)
		}
	}
	for _, want := range []string{"Fish &amp; &lt;chips&gt;", `&lt;i&gt;chart&lt;/i&gt;`, `<figure id="chart-x---b-">`, `href="#chart-x---b-"`} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing", want)
		}
	}
}

// TestReportDegenerate: worlds and datasets with nothing, or nothing
// defined, in them give a whole report that says so, with "–" for an
// undefined figure and never NaN.
func TestReportDegenerate(t *testing.T) {
	oneInterval := func() *models.Config {
		cfg := fixture.OnePhone()
		cfg.Horizon, cfg.Interval = 3600, 3600
		return cfg
	}
	tests := []struct {
		name   string
		ds     func(t *testing.T) *output.Dataset
		charts []Chart
		want   []string
	}{
		{"a channel with no contacts", func(t *testing.T) *output.Dataset {
			cfg := fixture.PhoneAndEmail()
			cfg.Channels[1].Arrivals.Rate = 0
			return fixture.ReportDataset(t, cfg)
		}, nil, []string{"Email had no contacts in the measured window, so its 90 % target could not be judged.", "no contacts"}},
		{"a self-service channel", func(t *testing.T) *output.Dataset {
			cfg := fixture.OnePhone()
			cfg.Channels = append(cfg.Channels, models.Channel{Name: "web", Kind: models.SelfService, Choosable: true,
				Arrivals: models.Arrivals{Rate: 30.0 / 3600}, HandleTime: models.Dist{Kind: models.Exponential, Mean: 120},
				Resolution: []float64{0.5}, SendTo: []string{"phone"}})
			return fixture.ReportDataset(t, cfg)
		}, nil, []string{`<span class="badge none">self-service</span>`, "Web had ", " sessions started and ",
			`<tr><td class="t">web</td><td class="t">self-service</td>`}},
		{"zero agents", func(t *testing.T) *output.Dataset {
			cfg := fixture.OnePhone()
			cfg.Pools[0].Agents = []int{0}
			return fixture.ReportDataset(t, cfg)
		}, nil, []string{"Phone missed its 80 % target over the run: 0 % of its contacts", "It missed the target in every one of the 4 hours",
			"No agent was scheduled in this run", "No agent was scheduled in the measured window.", "not one had an issue resolved", "<td>–</td>"}},
		{"no pools", func(t *testing.T) *output.Dataset {
			ds := fixture.ReportDataset(t, fixture.OnePhone())
			ds.Meta.Pools, ds.Staffing = nil, nil
			return ds
		}, nil, []string{"The run has no pools of agents."}},
		{"no word of mouth", func(t *testing.T) *output.Dataset { return fixture.ReportDataset(t, fixture.OnePhone()) },
			nil, []string{"Word of mouth was off in this scenario"}},
		{"one interval", func(t *testing.T) *output.Dataset { return fixture.ReportDataset(t, oneInterval()) },
			nil, []string{"in its only hour with contacts"}},
		{"a warm-up of most of the run", func(t *testing.T) *output.Dataset {
			cfg := oneInterval()
			cfg.Warmup = 3000
			return fixture.ReportDataset(t, cfg)
		}, nil, []string{"The findings leave out the warm-up (the first 50m)."}},
		{"word of mouth without a level", func(t *testing.T) *output.Dataset {
			ds := fixture.ReportDataset(t, fixture.ReportWorld())
			ds.Expectation = nil
			return ds
		}, nil, []string{"Word of mouth was on, but the run has no expectation levels to show."}},
		{"undefined figures", func(*testing.T) *output.Dataset { return fixture.NanDataset() }, nil,
			[]string{"<td>–</td>", "No customer began a journey"}},
		{"an empty dataset", func(*testing.T) *output.Dataset { return &output.Dataset{} }, nil,
			[]string{"<h1>omnisim run</h1>", "This run has no channels: there is nothing to report.", "No charts were drawn for this run."}},
		{"no dataset", func(*testing.T) *output.Dataset { return nil }, nil, []string{"This run has no channels"}},
		{"charts that are not SVG", func(t *testing.T) *output.Dataset { return fixture.ReportDataset(t, fixture.OnePhone()) },
			[]Chart{{Name: "empty"}, {Name: "png", SVG: []byte("\x89PNG\r\n")}, {Name: "html", SVG: []byte("<html></html>")},
				{Name: "cut", SVG: []byte(`<svg xmlns="http://www.w3.org/2000/svg"><g>`)}, {Name: "", Title: "Nameless", SVG: testChartSVG("n", nil)},
				{Name: "twice", SVG: testChartSVG("a", nil)}, {Name: "twice", SVG: testChartSVG("b", nil)}},
			[]string{`<figure id="chart-empty">`, "This chart cannot be shown: it is empty.", "it is &lt;html&gt;, not SVG",
				"it is not well-formed SVG", `<figure id="chart-1">`, `<figure id="chart-twice">`, `<figure id="chart-twice-2">`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := writeReportString(t, tc.ds(t), tc.charts)
			for _, want := range tc.want {
				if !strings.Contains(out, want) {
					t.Errorf("%q missing from\n%s", want, out)
				}
			}
			for _, bad := range []string{"NaN", "Inf", "%!", "ZgotmplZ", "<nil>"} {
				if i := strings.Index(out, bad); i >= 0 {
					t.Errorf("%q in the report: %q", bad, out[max(0, i-80):min(len(out), i+80)])
				}
			}
			if !strings.HasSuffix(out, "</html>\n") || strings.Count(out, "<figure ") != len(tc.charts) {
				t.Errorf("the report is not whole, or lost a chart:\n%s", out)
			}
		})
	}
}

// findingsDataset is a phone channel over four half hours of a Monday
// morning, with service levels 90 %, 41 %, 85 % and 70 % on 100, 120, 80
// and 100 contacts, and a 80 % target; and customers over two days, 100
// with 90 % resolved and 300 with 50 %.
func findingsDataset() *output.Dataset {
	return &output.Dataset{
		Meta: output.Meta{Name: "f", Replications: 1, HorizonSeconds: 2 * 86400, IntervalSeconds: 1800, Start: "mon",
			Channels: []output.ChannelMeta{{Name: "phone", Kind: "live", WithinSecond: 20, Target: 0.8}}},
		Intervals: &output.CSVTable{
			Columns: []string{"channel", "interval", "day", "weekday", "time", "start_seconds", "offered", "answered", "abandoned", "blocked", "service_level", "asa_seconds"},
			Rows: [][]string{
				{"phone", "20", "1", "mon", "10:00", "36000", "100", "95", "5", "0", "0.9", "10"},
				{"phone", "21", "1", "mon", "10:30", "37800", "120", "100", "20", "0", "0.41", "60"},
				{"phone", "22", "1", "mon", "11:00", "39600", "80", "80", "0", "0", "0.85", "12"},
				{"phone", "23", "1", "mon", "11:30", "41400", "100", "90", "10", "0", "0.7", "30"},
				{"phone", "24", "1", "mon", "12:00", "43200", "0", "0", "0", "0", "", ""},
				{"phone", "25", "1", "mon", "12:30", "45000", "5", "0", "0", "5", "0", ""},
			}},
		Customers: &output.CSVTable{Columns: []string{"day", "weekday", "customers", "resolved_share", "gave_up_share", "contacts_per_customer", "satisfaction"},
			Rows: [][]string{{"1", "mon", "100", "0.9", "0.1", "1", "0.9"}, {"2", "tue", "300", "0.5", "0.5", "2", "0.5"}}},
	}
}

// TestReportFindings: the sentences' figures, checked by hand. Service
// level over the run: (90 + 49.2 + 68 + 70 + 0) ÷ 405 = 68.44 %; three of
// the five half hours with contacts missed 80 %, one of them closed (every
// contact turned away); the worst open one is 10:30 at 41 %; the busiest
// 10:30 with 120; ASA (950 + 6,000 + 960 + 2,700) ÷ 365 = 29.07 s. Customers: resolved (90 + 150) ÷ 400 = 60 %, contacts
// (100 + 600) ÷ 400 = 1.75 each and 700 ÷ 240 = 2.92 per resolution.
//
// A single replication gives no confidence interval, so no verdict: the
// findings say where the service level fell below the target, and that it
// is undecided whether the target was met. With replications, totals.csv's
// mean and half-width and intervals.csv's verdicts decide, and counts, means
// per replication, are rounded in sentences.
func TestReportFindings(t *testing.T) {
	out := writeReportString(t, findingsDataset(), nil)
	for _, want := range []string{
		"Whether phone met its service-level target over the run is undecided: a single replication gives no confidence interval to judge by.",
		"Whether phone met its 80 % target over the run is undecided: 68.4 % of its contacts were answered within 20s, and a single replication gives no confidence interval to judge by.",
		"A single replication decides no verdict by half hour. Its service level was below the target in 3 of 5 half hours with contacts " +
			"(in 1 of them every contact was turned away: the channel closed, or every line busy); the worst was Monday 10:30, at 41 %.",
		"It was offered 405 contacts and answered 365; 8.6 % were abandoned; the answered waited 29.07 s on average.",
		"The busiest half hour was Monday 10:30, with 120 contacts offered and a service level of 41 %.",
		"400 customers began a journey; 60 % had their issue resolved and 40 % gave up.",
		"They made 1.75 contacts each on average, 2.92 per resolved issue.",
		"Their satisfaction averaged 60 %",
		`<span class="badge none">80 % target undecided</span>`,
		`<td class="t">undecided</td>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from\n%s", want, out)
		}
	}

	ds := findingsDataset()
	ds.Meta.Replications = 3
	verdicts := []string{"undecided", "missed", "met", "missed", "", "missed"}
	ds.Intervals.Columns = append(ds.Intervals.Columns, "service_level_verdict")
	for r := range ds.Intervals.Rows {
		ds.Intervals.Rows[r] = append(ds.Intervals.Rows[r], verdicts[r])
	}
	ds.Totals = &output.CSVTable{Columns: []string{"scope", "name", "figure", "unit", "mean", "ci95"},
		Rows: [][]string{{"channel", "phone", "service_level", "share", "0.6844", "0.02"}}}
	out = writeReportString(t, ds, nil)
	for _, want := range []string{
		"Phone missed its service-level target over the run.",
		"Phone missed its 80 % target over the run: 68.4 % of its contacts were answered within 20s.",
		"Of 5 half hours with contacts, it met the target in 1, missed it in 3, and in 1 the 95 % confidence interval held the target (undecided); " +
			"the worst was Monday 10:30, at 41 %.",
		"It was offered about 405 contacts and answered about 365;",
		"with about 120 contacts offered",
		"About 400 customers began a journey;",
		`<span class="badge missed">missed 80 % target</span>`,
		`<td>68.44 % ± 2.00</td>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from\n%s", want, out)
		}
	}
}

// TestReportGolden: the whole page of the golden world with fake results,
// against testdata/report.golden.html (go test -update rewrites it).
func TestReportGolden(t *testing.T) {
	r := fixture.GoldenReport()
	r.Description = "Three channels share two pools for two days.\nWord of mouth is on.\n\nA second paragraph."
	ds := r.Dataset("test")
	charts := []Chart{
		{Name: "queue", Title: "Contacts by interval", Note: "Offered and answered.", SVG: testChartSVG("queue", []float64{3, 1, 4, 1, 5})},
		{Name: "service-level", Title: "Service level", SVG: testChartSVG("sl", []float64{0.9, 0.5})},
	}
	var b bytes.Buffer
	if err := WriteRun(&b, ds, charts); err != nil {
		t.Fatal(err)
	}
	fixture.CheckGolden(t, "report.golden.html", b.String())
}

// TestDurationKeepsOneUnit: a duration with its half-width is written in
// one unit, the mean's, whatever the size of the half-width: an email's ASA
// of 12.36 h ± 32.9 min is "12.36 h ± 0.55", never "12.36 h ± 32.90 min".
func TestDurationKeepsOneUnit(t *testing.T) {
	e := models.Estimate{Mean: 12.36 * 3600, HalfWidth: 32.9 * 60}
	for name, got := range map[string]string{
		"Estimate":        output.Estimate(e.Mean, e.HalfWidth, output.UnitSeconds),
		"reportPlusMinus": reportPlusMinus(e, output.UnitSeconds),
	} {
		if got != "12.36 h ± 0.55" {
			t.Errorf("%s = %q, want %q", name, got, "12.36 h ± 0.55")
		}
	}
}

// TestReportMovesPastManyChannels: the report's table of moves is as
// small as the heat map, and says so.
func TestReportMovesPastManyChannels(t *testing.T) {
	out := writeReportString(t, fixture.ManyDataset(100, 2, 2), nil)
	for _, want := range []string{`<th>85 others</th>`, `the other 85 are added up as &#34;85 others&#34;, and flows.csv has every pair.`} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from the report", want)
		}
	}
	if n := strings.Count(out, "<tr>"); n > 100*3+100 {
		t.Errorf("the report has %d rows: want one per channel and day, the moves' 16 and a few", n)
	}
}
