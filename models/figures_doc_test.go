package models

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"
)

// figuresPage is the figures page, from this package.
const figuresPage = "../docs/figures.md"

// figuresTemplate is the page's hand-written text, with the tables the
// test fills in from Figures, CustomerFigures and PoolFigures.
const figuresTemplate = "testdata/figures.md.tmpl"

// figuresStale is what TestFiguresPage says when the committed page is not
// what the figures generate.
const figuresStale = "docs/figures.md is stale: run go test ./models -run TestFiguresPage -update"

// figureRow is one figure as the page lists it.
type figureRow struct {
	Key, Label, Unit, Definition, Applies string
}

// figureNotes say, of some figures, what a planner needs beyond their
// definition (the test that pins a formula, a detail of how it counts); a
// note must name a figure of its group.
var figureNotes = map[string]map[string]string{
	"channel": {
		"abandoned":     "Undefined (`–` in tables, `null` in JSON, an empty cell) on deferred and self-service channels, whose contacts are never given up on; so is `p_abandon`.",
		"service_level": "The threshold T is the channel's `service_level.within`: answered within T means a wait of at most T (`TestFormulaServiceLevelWithin`).",
		"occupancy":     "An agent holding several chats counts once.",
		"aht_seconds":   "Chat slowdown included (each chat already in hand makes a new one longer).",
		"switched_out":  "Counted by the arrival of the contact left behind.",
	},
	"customer": {
		"satisfaction": "Its formula: it starts at 1 and loses 0.2 for each failed contact (turned away, abandoned, a chased reply, or answered without resolving the issue: every failure that counts towards the retry chances), 0.1 for each contact beyond the first, 0.1 for each answer later than the customer expected, `siloed.annoyance` for each contact that started from nothing, and 0.3 if the issue was never resolved (`TestFormulaSatisfaction`).",
	},
	"pool": {
		"available_hours": "Agents present to take contacts: ready, or with contacts in hand, including time spent finishing contacts after a shift.",
	},
}

// unitWords says in words what a Figure's Unit is.
var unitWords = map[string]string{
	"":      "count",
	"share": "share (tables: %)",
	"s":     "seconds",
	"h":     "hours",
	"money": "your currency",
	"x":     "ratio",
}

// rows lists figures for the page: key, label, unit in words and
// definition, and for channel figures the kinds of channel they apply to.
func rows[T any](t *testing.T, figs []Figure[T], channel bool) []figureRow {
	t.Helper()
	var out []figureRow
	for _, f := range figs {
		unit, ok := unitWords[f.Unit]
		if !ok {
			t.Errorf("figure %s: unit %q has no words on the figures page", f.Key, f.Unit)
		}
		r := figureRow{Key: f.Key, Label: f.Label, Unit: unit, Definition: f.Definition}
		if channel {
			var kinds []string
			for _, k := range []ChannelKind{Live, Deferred, SelfService} {
				if FigureApplies(k, f.Key) {
					kinds = append(kinds, string(k))
				}
			}
			r.Applies = strings.Join(kinds, ", ")
			if len(kinds) == 3 {
				r.Applies = "every kind"
			}
		}
		out = append(out, r)
	}
	return out
}

// notes returns the notes of one group in the order of its figures, and
// fails on a note that names no figure of the group.
func notes(t *testing.T, group string, rs []figureRow) []figureRow {
	t.Helper()
	var out []figureRow
	named := map[string]bool{}
	for _, r := range rs {
		named[r.Key] = true
		if n, ok := figureNotes[group][r.Key]; ok {
			out = append(out, figureRow{Key: r.Key, Definition: n})
		}
	}
	for key := range figureNotes[group] {
		if !named[key] {
			t.Errorf("figureNotes[%q] has a note on %q, which is no %s figure", group, key, group)
		}
	}
	return out
}

// generateFiguresPage fills the page's template with every figure.
func generateFiguresPage(t *testing.T) string {
	t.Helper()
	text, err := os.ReadFile(figuresTemplate)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := template.New("figures").Option("missingkey=error").Parse(string(text))
	if err != nil {
		t.Fatal(err)
	}
	channel := rows(t, Figures, true)
	customer := rows(t, CustomerFigures, false)
	pool := rows(t, PoolFigures, false)
	var b bytes.Buffer
	err = tmpl.Execute(&b, map[string][]figureRow{
		"Channel": channel, "ChannelNotes": notes(t, "channel", channel),
		"Customer": customer, "CustomerNotes": notes(t, "customer", customer),
		"Pool": pool, "PoolNotes": notes(t, "pool", pool),
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestFiguresPage checks that docs/figures.md lists every figure of
// Figures, CustomerFigures and PoolFigures as they are defined: key, label,
// unit, definition and, for a channel's, the kinds of channel it applies to
// (FigureApplies), in output order, with the page's hand-written text from
// testdata/figures.md.tmpl. With -update it writes the page instead.
//
// Seen to catch: a definition reworded in figures.go without the page
// regenerated, FigureApplies letting abandonment apply to deferred
// channels (the abandoned row's kinds change), and a note left on a figure
// that was renamed.
func TestFiguresPage(t *testing.T) {
	got := generateFiguresPage(t)
	for _, f := range Figures {
		if !strings.Contains(got, "| `"+f.Key+"` |") {
			t.Errorf("the generated page has no row for %s", f.Key)
		}
	}
	if *update {
		if err := os.WriteFile(figuresPage, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(filepath.Clean(figuresPage))
	if err != nil {
		t.Fatalf("%s: %v", figuresStale, err)
	}
	if got != string(want) {
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(g), len(w)); i++ {
			var gl, wl string
			if i < len(g) {
				gl = g[i]
			}
			if i < len(w) {
				wl = w[i]
			}
			if gl != wl {
				t.Fatalf("%s\nline %d:\n committed %q\n generated %q", figuresStale, i+1, wl, gl)
			}
		}
	}
}
