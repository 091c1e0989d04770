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
}

// Defaults for fields a scenario may leave out.
const (
	DefaultInterval     = 30 * 60
	DefaultSeed         = 1
	DefaultReplications = 1
	DefaultAnswerWithin = 20
	maxReplications     = 100_000
)

// decodeScenario decodes the top level of a scenario.
func (d *decoder) decodeScenario(root *yaml.Node, s *Scenario) {
	cfg := &s.Config
	cfg.Interval = DefaultInterval
	cfg.Seed = DefaultSeed
	s.Replications = DefaultReplications
	d.mapping(root, "", []field{
		{"name", func(n *yaml.Node, p string) {
			if v := d.str(n, p); v != "" {
				s.Name = v
			}
		}},
		{"title", func(n *yaml.Node, p string) { s.Title = d.str(n, p) }},
		{"description", func(n *yaml.Node, p string) { s.Description = d.str(n, p) }},
		{"seed", func(n *yaml.Node, p string) {
			v, ok := d.scalar(n, p, "a whole number ≥ 0")
			if !ok {
				return
			}
			seed, err := parseSeed(v)
			if err != nil {
				d.errorf(n, p, "%v", err)
			}
			cfg.Seed = seed
		}},
		{"replications", func(n *yaml.Node, p string) {
			s.Replications = d.integer(n, p)
			if s.Replications < 1 || s.Replications > maxReplications {
				d.errorf(n, p, "must be between 1 and %d, not %d", maxReplications, s.Replications)
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
		{"end", func(n *yaml.Node, p string) {
			switch v := d.str(n, p); v {
			case "finish":
				cfg.Cutoff = false
			case "cutoff":
				cfg.Cutoff = true
			case "":
			default:
				d.errorf(n, p, "want finish (answer or lose everyone who arrived) or cutoff (stop at the horizon), not %q", v)
			}
		}},
		{"channels", func(n *yaml.Node, p string) {
			d.entries(n, p, func(name string, n *yaml.Node, p string) {
				cfg.Channels = append(cfg.Channels, d.decodeChannel(name, n, p))
			})
		}},
		{"pools", func(n *yaml.Node, p string) {
			d.entries(n, p, func(name string, n *yaml.Node, p string) {
				cfg.Pools = append(cfg.Pools, d.decodePool(name, n, p))
			})
		}},
	}, "horizon", "channels", "pools")
}

func parseSeed(v string) (uint64, error) {
	var seed uint64
	if _, err := fmt.Sscan(v, &seed); err != nil || fmt.Sprint(seed) != v {
		return 0, fmt.Errorf("want a whole number ≥ 0, not %q", v)
	}
	return seed, nil
}

func (d *decoder) decodeChannel(name string, n *yaml.Node, path string) models.Channel {
	ch := models.Channel{
		Name:         name,
		Kind:         models.Live,
		Patience:     models.Dist{Kind: models.Never},
		AnswerWithin: DefaultAnswerWithin,
	}
	d.mapping(n, path, []field{
		{"kind", func(n *yaml.Node, p string) {
			switch v := models.ChannelKind(d.str(n, p)); v {
			case models.Live, models.Deferred, models.SelfService:
				ch.Kind = v
			case "":
			default:
				d.errorf(n, p, "want live, deferred or self-service, not %q", v)
			}
		}},
		{"arrivals", func(n *yaml.Node, p string) { ch.Arrivals = d.decodeArrivals(n, p) }},
		{"handle_time", func(n *yaml.Node, p string) { ch.HandleTime = d.decodeDist(n, p, false) }},
		{"patience", func(n *yaml.Node, p string) { ch.Patience = d.decodeDist(n, p, true) }},
		{"service_level", func(n *yaml.Node, p string) {
			d.mapping(n, p, []field{
				{"within", func(n *yaml.Node, p string) { ch.AnswerWithin = d.duration(n, p) }},
				{"target", func(n *yaml.Node, p string) { ch.TargetServiceLevel = d.fraction(n, p) }},
			})
		}},
	}, "arrivals", "handle_time")
	return ch
}

func (d *decoder) decodeArrivals(n *yaml.Node, path string) models.Arrivals {
	var a models.Arrivals
	hasRate, hasVolumes := false, false
	d.mapping(n, path, []field{
		{"rate", func(n *yaml.Node, p string) { hasRate = true; a.Rate = d.rate(n, p) }},
		{"volumes", func(n *yaml.Node, p string) {
			hasVolumes = true
			d.list(n, p, func(n *yaml.Node, p string) { a.Volumes = append(a.Volumes, d.number(n, p)) })
			if n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
				d.errorf(n, p, "must list at least one volume")
			}
		}},
	})
	if resolve(n).Kind == yaml.MappingNode && hasRate == hasVolumes {
		d.errorf(n, path, "give either rate (such as 200/h) or volumes (contacts per interval), not %s",
			map[bool]string{true: "both", false: "neither"}[hasRate])
	}
	return a
}

func (d *decoder) decodePool(name string, n *yaml.Node, path string) models.Pool {
	p := models.Pool{Name: name}
	d.mapping(n, path, []field{
		{"skills", func(n *yaml.Node, at string) {
			d.list(n, at, func(n *yaml.Node, at string) { p.Skills = append(p.Skills, d.str(n, at)) })
		}},
		{"agents", func(n *yaml.Node, at string) {
			if n.Kind == yaml.SequenceNode {
				d.list(n, at, func(n *yaml.Node, at string) { p.Agents = append(p.Agents, d.integer(n, at)) })
				if len(n.Content) == 0 {
					d.errorf(n, at, "must list at least one headcount")
				}
				return
			}
			p.Agents = []int{d.integer(n, at)}
		}},
	}, "skills", "agents")
	return p
}
