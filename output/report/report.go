package report

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"unsafe"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// Chart is a chart for the HTML report: its name (the anchor
// #chart-<name> leads to it), title and note (the caption), and the chart
// rendered as SVG.
type Chart struct {
	Name, Title, Note string
	// SVG is the chart as a standalone SVG document.
	SVG []byte
}

// WriteRun writes ds as report.html: one self-contained page for people,
// made to be projected as it is. It holds the scenario's description and the
// run's settings; the headline findings, computed from ds: where and when
// each channel missed its target, its worst and busiest interval, what
// customers went through and, under word of mouth, how expectations moved;
// the charts, each a figure with its caption that the contents link to; and
// tables by day per channel, of customers, of pools and of customers' moves
// between channels.
//
// The page needs nothing else: its style is inline, each chart an <img>
// whose source is the SVG as a data URL, and a Content-Security-Policy
// forbids any request, so that a page which tried to reach the network would
// show it in the browser's console. Images isolate the charts: an SVG
// drawn inline would share the page's ids and style sheets, and gonum's
// embedded fonts arrive as a <style> that would apply to the whole page; an
// SVG in an <img> is parsed as XML on its own, and can run no script. A
// chart that is not SVG shows as a note saying so.
//
// Figures with no data print as "–"; a run with no channels, contacts,
// agents or charts gives a report that says so. The same Dataset and charts
// always give the same bytes.
func WriteRun(w io.Writer, ds *output.Dataset, charts []Chart) error {
	if ds == nil {
		ds = &output.Dataset{}
	}
	return writePage(w, newReportPage(ds, charts), "report")
}

// writePage writes a page of the report's template (what names it in an
// error), whole or not at all. The page is made in memory, room made at
// once for its charts' images and some more (pageSlack), not grown by
// doubling from nothing: a 365-day baseline's report is 3.7 MB, 3.3 of
// them images. Into a bytes.Buffer (an output folder's file drawn ahead)
// it is made in place, cut back to where it began on an error.
func writePage(w io.Writer, page *reportPage, what string) error {
	size := pageSlack
	for _, f := range page.Charts {
		size += len(f.Img)
	}
	b, ok := w.(*bytes.Buffer)
	if !ok {
		b = new(bytes.Buffer)
	}
	from := b.Len()
	b.Grow(size)
	if err := reportTemplate.Execute(b, page); err != nil {
		b.Truncate(from)
		return fmt.Errorf("output: %s: %w", what, err)
	}
	if ok {
		return nil
	}
	_, err := w.Write(b.Bytes())
	return err
}

// pageSlack is the room writePage makes for a page besides its charts'
// images: its text and tables (a 365-day baseline's take 0.34 MB).
const pageSlack = 512 << 10

// setContents sets the page's contents: the headline findings with the
// given entries under them, then every chart and every table.
func (p *reportPage) setContents(findings ...reportLink) {
	chartLinks := reportLink{ID: "charts", Text: "Charts"}
	for _, f := range p.Charts {
		chartLinks.Sub = append(chartLinks.Sub, reportLink{ID: f.ID, Text: f.Title})
	}
	tables := reportLink{ID: "tables", Text: "Tables"}
	for _, s := range p.Tables {
		tables.Sub = append(tables.Sub, reportLink{ID: s.ID, Text: s.Title})
	}
	p.Contents = []reportLink{{ID: "findings", Text: "Headline findings", Sub: findings}, chartLinks, tables}
}

// reportCSP is the report's Content-Security-Policy: no request of any
// kind; only its own style and images from data URLs.
const reportCSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

// reportPage is what the report's template shows.
type reportPage struct {
	CSP        string
	Title      string
	Subtitle   string
	Paragraphs []string
	// Sets are the overrides the run applied to the scenario, Command its
	// command line and ScenarioFile the scenario as run, in the folder.
	Sets         []string
	Command      string
	ScenarioFile string
	Facts        []reportFact
	Contents     []reportLink

	// Story holds the claims of a story omnisim demo told, StoryLead how
	// many held and StoryNotes the footnotes that say the statistics.
	Story      []reportClaim
	StoryLead  string
	StoryNotes []string

	Lead     []string
	Glance   *reportTable
	Channels []reportChannel
	Journey  []string
	// JourneyNote says how the customers' figures over the run are made.
	JourneyNote string
	Mouth       []string
	Waits       *reportTable
	Notes       []string

	Charts []reportFigure
	Tables []reportSection
	Footer string
}

// reportFact is one of the run's settings in the header.
type reportFact struct{ Label, Value string }

// reportLink is an entry of the contents, with entries under it.
type reportLink struct {
	ID, Text string
	Sub      []reportLink
}

// reportChannel is what the findings say of one channel: a badge with the
// verdict and sentences.
type reportChannel struct {
	ID         string
	Name, Kind string
	Badge      string
	Class      string // "met", "missed" or "none"
	Sentences  []string
}

// reportFigure is a chart in the page.
type reportFigure struct {
	// name is the chart's (Chart.Name).
	name   string
	ID     string
	Number int
	Title  string
	Note   string
	// Img is the chart as an <img> element whose source is a data URL.
	// It is written here rather than by the template, whose escaping of
	// attributes would write each '+' of the base64 as "&#43;".
	Img template.HTML
	// Problem says why the chart cannot be shown, when it cannot.
	Problem string
}

// reportSection is a table with its heading and notes.
type reportSection struct {
	ID, Title string
	Notes     []string
	Table     *reportTable
}

// reportTable is a table of formatted cells under their headings, with
// rows at its foot for totals.
type reportTable struct {
	Head []string
	Rows [][]reportCell
	Foot [][]reportCell
}

// reportCell is a cell of a reportTable.
type reportCell struct {
	Text string
	Left bool   // text rather than a number
	Dim  bool   // outside the measured window
	Mark string // "met" or "missed": a verdict, in colour
}

func newReportPage(ds *output.Dataset, charts []Chart) *reportPage {
	v := newReportView(ds)
	m := ds.Meta
	p := &reportPage{CSP: reportCSP, Title: m.Title, Subtitle: m.Name}
	if p.Title == "" {
		p.Title, p.Subtitle = m.Name, ""
	}
	if p.Title == "" {
		p.Title = "omnisim run"
	}
	if m.File != "" && m.File != "builtin:"+m.Name {
		p.Subtitle = strings.TrimPrefix(p.Subtitle+" · "+m.File, " · ")
	}
	p.Paragraphs = reportParagraphs(m.Description)
	p.Sets, p.Command, p.ScenarioFile = m.Sets, m.Command, m.ScenarioFile
	p.Facts = v.facts()

	storyCharts, runCharts := splitStoryCharts(charts)
	story := v.story(p, storyCharts, 1)
	v.findings(p)
	p.Charts = v.figuresFrom(runCharts, len(storyCharts)+1)
	p.Tables = v.tables()

	var findings []reportLink
	for _, c := range p.Channels {
		findings = append(findings, reportLink{ID: c.ID, Text: c.Name})
	}
	if len(p.Journey) > 0 {
		findings = append(findings, reportLink{ID: "journey", Text: "What customers went through"})
	}
	if len(p.Mouth) > 0 {
		findings = append(findings, reportLink{ID: "word-of-mouth", Text: "Word of mouth"})
	}
	p.setContents(findings...)
	if len(p.Story) > 0 {
		p.Contents = append([]reportLink{{ID: "story", Text: "The story", Sub: story}}, p.Contents...)
	}

	p.Footer = "Made by omnisim"
	if m.Version != "" {
		p.Footer += " " + m.Version
	}
	if m.Name != "" {
		p.Footer += " from the scenario " + m.Name
	}
	if m.Seed != 0 || m.Name != "" {
		p.Footer += fmt.Sprintf(", seed %d", m.Seed)
	}
	p.Footer += "."
	return p
}

// reportParagraphs splits a description into its paragraphs: lines separated by
// a blank line; the lines of a paragraph join with spaces.
func reportParagraphs(s string) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p := strings.Join(strings.Fields(para), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// facts returns the run's settings for the header.
func (v *reportView) facts() []reportFact {
	m := v.meta
	reps := "–"
	if m.Replications > 0 {
		reps = output.Thousands(int64(m.Replications))
	}
	warmup := "none"
	if m.WarmupSeconds > 0 {
		warmup = models.FormatDuration(m.WarmupSeconds)
	}
	wom := "off"
	if m.WordOfMouth {
		wom = "on"
	}
	version := m.Version
	if version == "" {
		version = "–"
	}
	facts := []reportFact{
		{"replications", reps},
		{"horizon", reportDuration(m.HorizonSeconds)},
		{"warm-up", warmup},
		{"interval", reportDuration(m.IntervalSeconds)},
		{"day 1 is a", reportWeekday(m.Start)},
		{"word of mouth", wom},
		{"seed", fmt.Sprint(m.Seed)},
		{"omnisim", version},
	}
	// The agents as run: a description's count may have been overridden.
	for _, p := range m.Pools {
		if p.Staffing != "" {
			facts = append(facts, reportFact{"agents, " + p.Name, p.Staffing})
		}
	}
	return facts
}

// reportDuration writes a length of time from the scenario's settings: "7d",
// "30m"; "–" when it is missing.
func reportDuration(sec float64) string {
	if !(sec > 0) || math.IsInf(sec, 0) {
		return "–"
	}
	return models.FormatDuration(sec)
}

// figures turns the charts into the page's figures, numbered from 1
// (figuresFrom).
func (v *reportView) figures(charts []Chart) []reportFigure { return v.figuresFrom(charts, 1) }

// figuresFrom turns the charts into the page's figures, numbered from
// first, each with an id of its own and its SVG as a data URL.
func (v *reportView) figuresFrom(charts []Chart, first int) []reportFigure {
	var out []reportFigure
	for i, c := range charts {
		f := reportFigure{name: c.Name, ID: v.id("chart-", c.Name), Number: first + i, Title: c.Title, Note: c.Note}
		if f.Title == "" {
			f.Title = c.Name
		}
		if f.Title == "" {
			f.Title = fmt.Sprintf("Chart %d", first+i)
		}
		if err := reportSVGProblem(c.SVG); err != nil {
			f.Problem = "This chart cannot be shown: " + err.Error() + "."
		} else {
			// Base64 needs no escaping in an attribute; the title does.
			f.Img = imgElement(c.SVG, f.Title)
		}
		out = append(out, f)
	}
	return out
}

// imgElement returns the <img> element of an SVG, its source the SVG as a
// data URL (base64) and alt its title (escaped): the text
//
//	<img src="data:image/svg+xml;base64,BASE64" alt="TITLE">
//
// made in one piece of memory, the base64 encoded in place.
func imgElement(svg []byte, title string) template.HTML {
	const head, mid, tail = `<img src="data:image/svg+xml;base64,`, `" alt="`, `">`
	alt := template.HTMLEscapeString(title)
	n := base64.StdEncoding.EncodedLen(len(svg))
	b := make([]byte, 0, len(head)+n+len(mid)+len(alt)+len(tail))
	b = append(b, head...)
	b = b[:len(b)+n]
	base64.StdEncoding.Encode(b[len(head):], svg)
	b = append(append(append(b, mid...), alt...), tail...)
	return template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
}

// reportAnchor turns a name into the part of an id after its prefix: lower-case
// ASCII letters, digits, '-' and '_', anything else a '-'. Ids and the links
// to them then match however a browser encodes a link.
func reportAnchor(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// reportSVGProblem says why b is not what a browser needs to draw it as an
// image, a well-formed XML document whose root is an svg element; nil if it
// is. A chart as omnisim draws it is read once, by svgSurelyWellFormed;
// anything it cannot vouch for is decoded token by token (xmlSVGProblem),
// which says what is wrong.
func reportSVGProblem(b []byte) error {
	if svgSurelyWellFormed(b) {
		return nil
	}
	return xmlSVGProblem(b)
}

// xmlSVGProblem is reportSVGProblem by encoding/xml's decoder alone.
func xmlSVGProblem(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return errors.New("it is empty")
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("it is not well-formed SVG (%v)", err)
		}
		if s, ok := tok.(xml.StartElement); ok && root == "" {
			root = s.Name.Local
			if root != "svg" {
				return fmt.Errorf("it is <%s>, not SVG", root)
			}
		}
	}
	if root == "" {
		return errors.New("it holds no SVG element")
	}
	return nil
}

// reportWeekdays are the weekdays as the CSV files write them, with their
// names for people.
var reportWeekdays = map[string]string{
	"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
	"fri": "Friday", "sat": "Saturday", "sun": "Sunday",
}

// reportWeekday returns the full name of a weekday as the CSV files write
// it ("mon": "Monday"), or the text itself when it is no weekday.
func reportWeekday(s string) string {
	if n, ok := reportWeekdays[s]; ok {
		return n
	}
	if s == "" {
		return "–"
	}
	return s
}

// reportWeekdayShort returns a weekday as a table shows it: "Mon".
func reportWeekdayShort(s string) string {
	if n, ok := reportWeekdays[s]; ok {
		return n[:3]
	}
	return s
}
