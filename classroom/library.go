package classroom

import (
	"fmt"
	"slices"
	"strings"

	"github.com/omnisim/omnisim/scenarios"
)

// Story is a scenario of the library as the page offers it: its title,
// description and claims in words, and the controls that apply to it.
type Story struct {
	// Name is the scenario's short name, the story's key in a link.
	Name string `json:"name"`
	// Title and Description are the scenario's, in plain words.
	Title       string `json:"title"`
	Description string `json:"description"`
	// Claims are the claims' sentences with "…" where a run's numbers go.
	Claims []string `json:"claims"`
	// Presets are the changes the claims' variants make, offered as B.
	Presets []Preset `json:"presets"`
	// Pools are the pools whose agents a slider changes.
	Pools []string `json:"pools"`
	// Channels are the channels, each with whether customers may choose
	// it in the story as written.
	Channels []ChannelControl `json:"channels"`
	// WordOfMouth tells whether word of mouth is on in the story as
	// written, and Coupling its strength (0 when off).
	WordOfMouth bool    `json:"word_of_mouth"`
	Coupling    float64 `json:"coupling"`
	// Choosing tells whether customers choose their channel (the story
	// has a demand): only then can a channel be turned on or off.
	Choosing bool `json:"choosing"`
	// Replications is how many replications each side runs.
	Replications int `json:"replications"`
	// HorizonDays is the run's length in days, rounded up.
	HorizonDays int `json:"horizon_days"`

	scenario *scenarios.Scenario
}

// ChannelControl is a channel of a story and whether customers may choose
// it in the story as written.
type ChannelControl struct {
	Name string `json:"name"`
	On   bool   `json:"on"`
}

// Preset is a change a claim's variant makes: its overrides (--set) and a
// label that says them.
type Preset struct {
	Label string   `json:"label"`
	Sets  []string `json:"sets"`
}

// Library is the stories a server offers, in order: the built-in scenarios
// and the files it was started with.
type Library struct {
	stories []*Story
}

// MaxReplications caps the replications of a side, so that a scenario file
// that asks for thousands cannot hold the server for minutes.
const MaxReplications = 40

// NewLibrary loads the built-in scenarios and the scenario files named,
// which come first. A file that does not load is an error; so are two
// stories of one name.
func NewLibrary(files ...string) (*Library, error) {
	l := &Library{}
	for _, f := range files {
		sc, err := scenarios.Load(f, nil)
		if err != nil {
			return nil, err
		}
		if err := l.add(sc); err != nil {
			return nil, err
		}
	}
	for _, info := range scenarios.Builtins() {
		if l.Lookup(info.Name) != nil {
			continue // a file of the same name comes first
		}
		sc, err := scenarios.Builtin(info.Name, nil)
		if err != nil {
			return nil, err
		}
		if err := l.add(sc); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// add adds a scenario as a story.
func (l *Library) add(sc *scenarios.Scenario) error {
	if l.Lookup(sc.Name) != nil {
		return fmt.Errorf("classroom: two scenarios named %q", sc.Name)
	}
	if sc.Replications > MaxReplications {
		return fmt.Errorf("classroom: %s runs %d replications, and a story in the classroom runs at most %d: set replications lower in the file", sc.Name, sc.Replications, MaxReplications)
	}
	l.stories = append(l.stories, storyOf(sc))
	return nil
}

// storyOf describes a scenario as a story.
func storyOf(sc *scenarios.Scenario) *Story {
	cfg := &sc.Config
	s := &Story{Name: sc.Name, Title: sc.Title, Description: strings.TrimSpace(sc.Description), Claims: []string{},
		Presets: []Preset{}, Pools: []string{}, Channels: []ChannelControl{}, WordOfMouth: cfg.WordOfMouth.Enabled,
		Choosing: cfg.Demand.Arrivals.Rate > 0 || len(cfg.Demand.Arrivals.Volumes) > 0, Replications: sc.Replications,
		HorizonDays: int((cfg.Horizon + 86400 - 1) / 86400), scenario: sc}
	if s.WordOfMouth {
		s.Coupling = cfg.WordOfMouth.Coupling
	}
	if s.Title == "" {
		s.Title = sc.Name
	}
	for _, p := range cfg.Pools {
		s.Pools = append(s.Pools, p.Name)
	}
	for _, ch := range cfg.Channels {
		s.Channels = append(s.Channels, ChannelControl{Name: ch.Name, On: ch.Choosable})
	}
	for _, c := range sc.Claims {
		s.Claims = append(s.Claims, strings.Join(strings.Fields(c.Fill(func(string) string { return "…" })), " "))
		for _, sets := range [][]string{c.A.Set, c.B.Set, c.Counter} {
			if len(sets) == 0 || slices.ContainsFunc(s.Presets, func(p Preset) bool { return slices.Equal(p.Sets, sets) }) {
				continue
			}
			s.Presets = append(s.Presets, Preset{Label: presetLabel(sets), Sets: slices.Clone(sets)})
		}
	}
	return s
}

// presetLabel says a variant's overrides in words where it knows them
// ("word of mouth off"), else as written.
func presetLabel(sets []string) string {
	words := map[string]string{
		"word_of_mouth.enabled=false": "word of mouth off",
		"word_of_mouth.coupling=0":    "word of mouth leaves patience alone",
		"journey.history=integrated":  "one shared history across channels",
	}
	parts := make([]string, len(sets))
	for i, s := range sets {
		if w, ok := words[s]; ok {
			parts[i] = w
		} else {
			parts[i] = s
		}
	}
	return strings.Join(parts, "; ")
}

// Stories returns the stories, in the library's order.
func (l *Library) Stories() []*Story { return slices.Clone(l.stories) }

// Lookup returns the story of that name, nil if there is none.
func (l *Library) Lookup(name string) *Story {
	for _, s := range l.stories {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// names lists the stories' names, for messages.
func (l *Library) names() string {
	names := make([]string, len(l.stories))
	for i, s := range l.stories {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}
