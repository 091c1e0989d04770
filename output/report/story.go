package report

import (
	"fmt"
	"strings"

	"github.com/omnisim/omnisim/output"
)

// reportClaim is a claim of the story in the page: its verdict, its
// sentence and words, and its A/B chart when it has one.
type reportClaim struct {
	ID       string
	Class    string // "met" or "missed"
	Badge    string
	Sentence string
	Words    string
	Why      string
	Figure   *reportFigure
}

// storyChartPrefix begins the names of the claims' A/B charts
// (chart.Claims): claim-1, claim-2...
const storyChartPrefix = "claim-"

// splitStoryCharts separates the claims' A/B charts from the run's.
func splitStoryCharts(charts []Chart) (story, run []Chart) {
	for _, c := range charts {
		if strings.HasPrefix(c.Name, storyChartPrefix) {
			story = append(story, c)
		} else {
			run = append(run, c)
		}
	}
	return story, run
}

// story fills the page's story: each claim in plain words with its
// verdict and its A/B chart (numbered from first), how many held, and the
// footnotes that say the statistics once (output.ClaimNotes). It returns
// the contents' entries, one per claim.
func (v *reportView) story(p *reportPage, charts []Chart, first int) []reportLink {
	claims := output.Claims(v.claims)
	if len(claims) == 0 {
		return nil
	}
	byName := map[string]reportFigure{}
	for _, f := range v.figuresFrom(charts, first) {
		byName[f.name] = f
	}
	held := 0
	var links []reportLink
	for i, c := range claims {
		rc := reportClaim{ID: v.id("claim-", fmt.Sprint(i+1)), Class: "met", Badge: "✓ held", Sentence: c.Sentence, Words: c.Words}
		if c.Held {
			held++
		} else {
			rc.Class, rc.Badge, rc.Why = "missed", "✗ not borne out", c.Why
		}
		link := reportLink{ID: rc.ID, Text: fmt.Sprintf("Claim %d", i+1)}
		if f, ok := byName[fmt.Sprintf("%s%d", storyChartPrefix, i+1)]; ok {
			rc.Figure = &f
			link.ID = f.ID
		}
		p.Story = append(p.Story, rc)
		links = append(links, link)
	}
	p.StoryLead = fmt.Sprintf("%d of %d claims held.", held, len(claims))
	p.StoryNotes = output.ClaimNotes(v.meta.Replications, claims)
	return links
}
