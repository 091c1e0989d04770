package report

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// storyCharts returns hand-made A/B charts for the claims of ds that have
// two sides, named as chart.Claims names them (claim-<its number>).
func storyCharts(ds *output.Dataset) []Chart {
	var out []Chart
	for i, c := range output.Claims(ds.Claims) {
		if c.HasSides() {
			name := fmt.Sprintf("claim-%d", i+1)
			out = append(out, Chart{Name: name, Title: "Claim " + name, Note: "A against B.",
				SVG: testChartSVG(name, []float64{c.A.Mean, c.B.Mean})})
		}
	}
	return out
}

// TestReportTellsTheStory: the report of a demo's folder opens with the
// story: each claim in plain words with its verdict (and, on the level,
// what it did to patience; when it did not hold, why), its A/B chart in
// it, one per claim with two sides, counted; how many held; and under
// them, once, the notes that say the statistics (output.ClaimNotes),
// which no claim precedes. The A/B charts are not repeated among the
// run's, and the contents lead to the story and each claim.
//
// Seen to catch: the story's charts left among the run's charts, the
// statistics' wording before the claims, a claim's chart in another
// claim's card, the count of claims held off by one.
func TestReportTellsTheStory(t *testing.T) {
	ds := fixture.StoryDataset(t)
	claims := output.Claims(ds.Claims)
	story := storyCharts(ds)
	out := writeReportString(t, ds, append(testCharts(ds), story...))
	start, end := strings.Index(out, `<section id="story">`), strings.Index(out, `<section id="findings">`)
	if start < 0 || end < start {
		t.Fatalf("no story section before the findings")
	}
	section := out[start:end]
	articles := regexp.MustCompile(`(?s)<article class="card claim (met|missed)" id="([^"]*)">(.*?)</article>`).FindAllStringSubmatch(section, -1)
	if len(articles) != len(claims) {
		t.Fatalf("%d claims in the story, want %d", len(articles), len(claims))
	}
	figures, held := 0, 0
	for i, c := range claims {
		a := html.UnescapeString(articles[i][3])
		mark := map[bool]string{true: "met", false: "missed"}[c.Held]
		if articles[i][1] != mark || !strings.Contains(a, c.Sentence) {
			t.Errorf("claim %d: class %s, want %s, and its sentence %q in\n%s", i+1, articles[i][1], mark, c.Sentence, a)
		}
		if c.Words != "" && !strings.Contains(a, c.Words) {
			t.Errorf("claim %d: its words %q missing", i+1, c.Words)
		}
		if !c.Held && !strings.Contains(a, c.Why) {
			t.Errorf("claim %d: why it did not hold, %q, missing", i+1, c.Why)
		}
		if c.Held {
			held++
		}
		got := figureRE.FindAllStringSubmatch(a, -1)
		switch {
		case c.HasSides() && (len(got) != 1 || got[0][1] != fmt.Sprintf("chart-claim-%d", i+1)):
			t.Errorf("claim %d: figures %v, want its own A/B chart, chart-claim-%d", i+1, len(got), i+1)
		case !c.HasSides() && len(got) != 0:
			t.Errorf("claim %d, on a level: %d figures, want none", i+1, len(got))
		}
		figures += len(got)
	}
	if figures != 3 {
		t.Errorf("%d A/B charts in the story, want 3: one per claim with two sides", figures)
	}
	if want := fmt.Sprintf("%d of %d claims held.", held, len(claims)); !strings.Contains(section, want) {
		t.Errorf("the story does not say %q", want)
	}
	notes := output.ClaimNotes(ds.Meta.Replications, claims)
	lastClaim := strings.LastIndex(section, "</article>")
	for _, n := range notes {
		at := strings.Index(html.UnescapeString(section), n)
		if at < 0 {
			t.Errorf("the note %q is not in the story", n)
		}
		if strings.Count(html.UnescapeString(out), n) != 1 {
			t.Errorf("the note %q is said %d times, want once", n, strings.Count(out, n))
		}
	}
	if first := strings.Index(section, "Figures are means over"); first < lastClaim {
		t.Errorf("the statistics' wording comes before the last claim (at %d, the claims end at %d)", first, lastClaim)
	}
	charts := out[strings.Index(out, `<section id="charts">`):]
	if strings.Contains(charts, `id="chart-claim-`) {
		t.Error("an A/B chart is repeated among the run's charts")
	}
	for _, want := range []string{`<a href="#story">The story</a>`, `<a href="#chart-claim-1">Claim 1</a>`, `<a href="#claim-4">Claim 4</a>`} {
		if !strings.Contains(out, want) {
			t.Errorf("the contents lack %s", want)
		}
	}
	if plain := writeReportString(t, fixture.ReportDataset(t, fixture.ReportWorld()), testCharts(ds)); strings.Contains(plain, `id="story"`) {
		t.Error("a run's report has a story")
	}
}
