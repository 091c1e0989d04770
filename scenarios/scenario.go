package scenarios

import (
	"fmt"
	"math"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// Scenario is a validated scenario file: its description and the world it
// configures.
type Scenario struct {
	// Name is the scenario's short name (the file's, unless it says
	// otherwise).
	Name string
	// Title is a one-line headline.
	Title string
	// Description says what the scenario shows, for people.
	Description string
	// File is where the scenario came from: a path, or "builtin:NAME".
	File string
	// Replications is the number of replications to run when the command
	// line does not say.
	Replications int
	// Config is the world to simulate.
	Config models.Config
	// Claims are what the scenario's story says, each checked on runs.
	Claims []Claim

	// source is the text the scenario was read from, sets the overrides
	// applied to it and defaultName its default short name: variants are
	// loaded from them.
	source      []byte
	sets        []string
	defaultName string
	// claimProblems keep the claims from being judged.
	claimProblems Errors
	// tree is the scenario's YAML with the overrides applied, comments
	// the document's own (before and after it), and attached the files it
	// names: Resolve writes them out.
	tree     *yaml.Node
	comments [2]string
	attached []attachment
}

// Defaults for fields a scenario may leave out.
const (
	DefaultInterval     = 30 * 60
	DefaultSeed         = 1
	DefaultReplications = 1
	DefaultAnswerWithin = 20
	// MaxReplications is the most replications a run may have, from a
	// scenario file, --set or --reps alike.
	MaxReplications = 100_000
)

// decodeScenario decodes the top level of a scenario.
func (d *decoder) decodeScenario(root *yaml.Node, s *Scenario) {
	cfg := &s.Config
	cfg.Interval = DefaultInterval
	cfg.Seed = DefaultSeed
	cfg.Choice.WaitWeight = 1
	cfg.Journey = models.DefaultJourney()
	s.Replications = DefaultReplications
	// Per-issue settings of channels need the issues, wherever the file
	// puts them: decode them first.
	if v := lookup(root, "issues"); v != nil {
		cfg.Issues = d.decodeIssues(v, "issues")
	}
	issues := issueNames(cfg.Issues)
	var staffing, roster, forecast *yaml.Node
	d.mapping(root, "", []field{
		{"name", func(n *yaml.Node, p string) {
			if v := d.str(n, p); v != "" {
				s.Name = v
			}
		}},
		{"title", func(n *yaml.Node, p string) { s.Title = d.str(n, p) }},
		{"description", func(n *yaml.Node, p string) { s.Description = d.str(n, p) }},
		{"seed", func(n *yaml.Node, p string) {
			if seed, ok := d.seed(n, p); ok {
				cfg.Seed = seed
			}
		}},
		{"replications", func(n *yaml.Node, p string) {
			s.Replications = d.integer(n, p)
			if s.Replications < 1 || s.Replications > MaxReplications {
				d.errorf(n, p, "must be between 1 and %d, not %d", MaxReplications, s.Replications)
			}
		}},
		{"horizon", func(n *yaml.Node, p string) { cfg.Horizon = d.duration(n, p) }},
		{"warmup", func(n *yaml.Node, p string) { cfg.Warmup = d.duration(n, p) }},
		{"interval", func(n *yaml.Node, p string) {
			cfg.Interval = d.duration(n, p)
			if cfg.Interval > 0 && !math.IsInf(cfg.Interval, 0) && math.Mod(86400, cfg.Interval) != 0 {
				d.errorf(n, p, "must divide a day evenly (15m, 30m and 1h do), not %s", models.FormatDuration(cfg.Interval))
			}
		}},
		{"start", func(n *yaml.Node, p string) {
			if day, ok := d.weekday(n, p); ok {
				cfg.Start = day
			}
		}},
		{"end", func(n *yaml.Node, p string) {
			switch v, ok := d.word(n, p, "finish", "cutoff"); {
			case ok:
				cfg.Cutoff = v == "cutoff"
			case v != "":
				d.errorf(n, p, "want finish (answer or lose everyone who arrived) or cutoff (stop at the horizon), not %q", v)
			}
		}},
		{"issues", d.elsewhere(func(n *yaml.Node, p string) { d.decodeIssues(n, p) })},        // decoded above
		{"claims", d.elsewhere(func(n *yaml.Node, _ string) { d.decodeClaims(n, s, false) })}, // decoded once the rest is known
		{"classes", func(n *yaml.Node, p string) { cfg.Classes = d.decodeClasses(n, p) }},
		{"demand", func(n *yaml.Node, p string) { cfg.Demand = d.decodeDemand(n, p) }},
		{"choice", func(n *yaml.Node, p string) { d.decodeChoice(n, p, &cfg.Choice) }},
		{"journey", func(n *yaml.Node, p string) { cfg.Journey = d.decodeJourney(n, p) }},
		{"word_of_mouth", func(n *yaml.Node, p string) { cfg.WordOfMouth = d.decodeWordOfMouth(n, p) }},
		{"channels", func(n *yaml.Node, p string) {
			d.entries(n, p, func(k, n *yaml.Node, p string) {
				cfg.Channels = append(cfg.Channels, d.decodeChannel(k.Value, n, p, issues))
			})
		}},
		{"pools", func(n *yaml.Node, p string) {
			d.entries(n, p, func(k, n *yaml.Node, p string) {
				cfg.Pools = append(cfg.Pools, d.decodePool(k.Value, n, p))
			})
		}},
		{"staffing", d.later(&staffing, staffingForm)},
		{"roster", d.later(&roster, rosterForm)},
		{"forecast", d.later(&forecast, forecastForm)},
	}, "horizon", "channels", "pools")
	// The staffing table names pools and counts intervals: read it once
	// both are known.
	var staffed []string
	if staffing != nil {
		staffed = d.staffingFile(staffing, cfg)
	}
	// So does a roster, pool by pool, in place of the table's.
	if roster != nil {
		d.rosterFile(roster, cfg, staffed)
	}
	// A pool's add and scale change the headcount it ends up with, the
	// table's included.
	d.applyPoolChanges(cfg)
	// So does the forecast, with channels.
	if forecast != nil {
		d.forecastFile(forecast, cfg)
	}
}

// seed reads a seed, a whole number ≥ 0 written as such; ok is false
// when the value is not text (what is wrong is reported either way).
func (d *decoder) seed(n *yaml.Node, path string) (seed uint64, ok bool) {
	v, ok := d.scalar(n, path, seedForm)
	if !ok {
		return 0, false
	}
	seed, err := parseSeed(v)
	if err != nil {
		d.errorf(n, path, "%v", err)
	}
	return seed, true
}

// weekday reads a day of the week; ok is false when the value is not
// text (what is wrong is reported either way).
func (d *decoder) weekday(n *yaml.Node, path string) (day models.Weekday, ok bool) {
	v, ok := d.scalar(n, path, weekdayForm)
	if !ok {
		return 0, false
	}
	day, err := models.ParseWeekday(v)
	if err != nil {
		d.errorf(n, path, "%v", err)
	}
	return day, true
}

func parseSeed(v string) (uint64, error) {
	var seed uint64
	if _, err := fmt.Sscan(v, &seed); err != nil || fmt.Sprint(seed) != v {
		return 0, fmt.Errorf("want a whole number ≥ 0, not %q", v)
	}
	return seed, nil
}

// lookup returns the value of key in mapping n, its first if given twice;
// nil if n is not a mapping or has no such key.
func lookup(n *yaml.Node, key string) *yaml.Node {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := resolve(n.Content[i]); k.Kind == yaml.ScalarNode && k.Value == key {
			return resolve(n.Content[i+1])
		}
	}
	return nil
}
