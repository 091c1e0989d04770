package classroom

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// Settings are what a trainer chose: the story, and B's change. They are
// what a link carries, in its query (Encode, ParseSettings), so that a
// colleague who opens it sees the same runs.
type Settings struct {
	// Story names the story.
	Story string
	// Seed is both sides' seed; 0 means the story's own.
	Seed uint64
	// Preset is the number of the story's preset that B applies, from 1;
	// 0 for none.
	Preset int
	// Agents adds agents to every interval or shift of a pool, by pool
	// (in the story's order; 0 for no change).
	Agents []int
	// Volume is B's demand in per cent of the story's (100 for no change).
	Volume int
	// WordOfMouth turns word of mouth on or off in B; nil leaves the
	// story's.
	WordOfMouth *bool
	// Coupling is how strongly word of mouth acts on patience in B
	// (word_of_mouth.coupling); NaN leaves the story's.
	Coupling float64
	// Channels turns customers' choice of each channel on or off in B, in
	// the story's order; nil entries leave the story's.
	Channels []*bool
}

// The ranges of the settings: wide enough for any lesson, narrow enough
// that no setting makes a run of a built-in take long.
const (
	MinAgents, MaxAgents   = -50, 50
	MinVolume, MaxVolume   = 50, 200
	MinCoupling            = 0.0
	MaxCoupling            = 2.0
	maxSeed                = 1 << 53
	maxQueryLength         = 4096
	maxPoolsOrChannelsKeys = 200
)

// DefaultSettings returns the settings that change nothing in story s.
func DefaultSettings(s *Story) Settings {
	return Settings{Story: s.Name, Agents: make([]int, len(s.Pools)), Volume: 100, Coupling: math.NaN(),
		Channels: make([]*bool, len(s.Channels))}
}

// ParseSettings reads settings from a link's query, strictly: an unknown
// key, a key given twice, a value out of range or a pool or channel the
// story does not have is an error that says what is wanted.
func ParseSettings(raw string, lib *Library) (Settings, error) {
	if len(raw) > maxQueryLength {
		return Settings{}, fmt.Errorf("the link's settings are %d characters long; at most %d are read", len(raw), maxQueryLength)
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return Settings{}, fmt.Errorf("the link's settings do not read as a query (%v)", err)
	}
	if len(q) > maxPoolsOrChannelsKeys {
		return Settings{}, fmt.Errorf("the link has %d settings; at most %d are read", len(q), maxPoolsOrChannelsKeys)
	}
	one := func(key string) (string, bool, error) {
		vs, ok := q[key]
		if !ok {
			return "", false, nil
		}
		if len(vs) != 1 {
			return "", false, fmt.Errorf("%s is given %d times; give it once", key, len(vs))
		}
		return vs[0], true, nil
	}
	name, ok, err := one("story")
	if err != nil {
		return Settings{}, err
	}
	if !ok || name == "" {
		return Settings{}, fmt.Errorf("the link names no story: add story=NAME (one of %s)", lib.names())
	}
	story := lib.Lookup(name)
	if story == nil {
		return Settings{}, fmt.Errorf("there is no story named %q (the stories: %s)", name, lib.names())
	}
	s := DefaultSettings(story)
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the problems are said in the keys' order, not the map's
	var errs []error
	for _, key := range keys {
		if key == "story" {
			continue
		}
		v, _, err := one(key)
		if err == nil {
			err = s.set(story, key, v)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return Settings{}, errors.Join(errs...)
	}
	return s, nil
}

// set reads one setting of the query.
func (s *Settings) set(story *Story, key, v string) error {
	switch {
	case key == "seed":
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil || n < 1 || n > maxSeed {
			return fmt.Errorf("seed=%s: want a whole number from 1 to %d", v, uint64(maxSeed))
		}
		s.Seed = n
	case key == "preset":
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > len(story.Presets) {
			if len(story.Presets) == 0 {
				return fmt.Errorf("preset=%s: %s has no presets; leave preset out", v, story.Name)
			}
			return fmt.Errorf("preset=%s: want 0 (none) or a preset of %s, from 1 to %d", v, story.Name, len(story.Presets))
		}
		s.Preset = n
	case key == "volume":
		n, err := strconv.Atoi(v)
		if err != nil || n < MinVolume || n > MaxVolume {
			return fmt.Errorf("volume=%s: want a whole percentage of the story's demand from %d to %d", v, MinVolume, MaxVolume)
		}
		s.Volume = n
	case key == "wom":
		b, err := onOff(v)
		if err != nil {
			return fmt.Errorf("wom=%s: %v", v, err)
		}
		s.WordOfMouth = &b
	case key == "coupling":
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || !(x >= MinCoupling && x <= MaxCoupling) {
			return fmt.Errorf("coupling=%s: want a number from %g to %g (how much word of mouth shortens patience)", v, MinCoupling, MaxCoupling)
		}
		s.Coupling = x
	case strings.HasPrefix(key, "agents."):
		pool := strings.TrimPrefix(key, "agents.")
		i := slices.Index(story.Pools, pool)
		if i < 0 {
			return fmt.Errorf("%s: %s has no pool %q (its pools: %s)", key, story.Name, pool, strings.Join(story.Pools, ", "))
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < MinAgents || n > MaxAgents {
			return fmt.Errorf("%s=%s: want a whole number of agents to add from %d to %+d", key, v, MinAgents, MaxAgents)
		}
		s.Agents[i] = n
	case strings.HasPrefix(key, "channel."):
		ch := strings.TrimPrefix(key, "channel.")
		i := slices.IndexFunc(story.Channels, func(c ChannelControl) bool { return c.Name == ch })
		if i < 0 {
			names := make([]string, len(story.Channels))
			for j, c := range story.Channels {
				names[j] = c.Name
			}
			return fmt.Errorf("%s: %s has no channel %q (its channels: %s)", key, story.Name, ch, strings.Join(names, ", "))
		}
		if !story.Choosing {
			return fmt.Errorf("%s: in %s customers do not choose their channel, so a channel cannot be turned on or off", key, story.Name)
		}
		b, err := onOff(v)
		if err != nil {
			return fmt.Errorf("%s=%s: %v", key, v, err)
		}
		s.Channels[i] = &b
	default:
		return fmt.Errorf("%q is not a setting (the settings: story, seed, preset, volume, wom, coupling, agents.POOL, channel.NAME)", key)
	}
	return nil
}

func onOff(v string) (bool, error) {
	switch v {
	case "on":
		return true, nil
	case "off":
		return false, nil
	}
	return false, fmt.Errorf("want on or off")
}

// Encode writes the settings as a link's query, leaving out what changes
// nothing, keys in a fixed order: ParseSettings reads it back.
func (s Settings) Encode(story *Story) string {
	var parts []string
	add := func(k, v string) { parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v)) }
	add("story", s.Story)
	if s.Seed != 0 {
		add("seed", strconv.FormatUint(s.Seed, 10))
	}
	if s.Preset != 0 {
		add("preset", strconv.Itoa(s.Preset))
	}
	for i, n := range s.Agents {
		if n != 0 && i < len(story.Pools) {
			add("agents."+story.Pools[i], strconv.Itoa(n))
		}
	}
	if s.Volume != 100 {
		add("volume", strconv.Itoa(s.Volume))
	}
	if s.WordOfMouth != nil {
		add("wom", onOffText(*s.WordOfMouth))
	}
	if !math.IsNaN(s.Coupling) {
		add("coupling", strconv.FormatFloat(s.Coupling, 'g', -1, 64))
	}
	for i, b := range s.Channels {
		if b != nil && i < len(story.Channels) {
			add("channel."+story.Channels[i].Name, onOffText(*b))
		}
	}
	return strings.Join(parts, "&")
}

func onOffText(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// Sets returns B's change as --set overrides of the story's scenario: the
// preset's first, then the sliders', which win where both say something.
func (s Settings) Sets(story *Story) []string {
	var sets []string
	if s.Preset > 0 && s.Preset <= len(story.Presets) {
		sets = append(sets, story.Presets[s.Preset-1].Sets...)
	}
	for i, n := range s.Agents {
		if n != 0 && i < len(story.Pools) {
			sets = append(sets, fmt.Sprintf("pools.%s.add=%d", story.Pools[i], n))
		}
	}
	if s.Volume != 100 {
		sets = append(sets, volumeSets(story, float64(s.Volume)/100)...)
	}
	if s.WordOfMouth != nil {
		sets = append(sets, "word_of_mouth.enabled="+strconv.FormatBool(*s.WordOfMouth))
	}
	if !math.IsNaN(s.Coupling) {
		sets = append(sets, "word_of_mouth.coupling="+strconv.FormatFloat(s.Coupling, 'g', -1, 64))
	}
	for i, b := range s.Channels {
		if b != nil && i < len(story.Channels) {
			sets = append(sets, fmt.Sprintf("channels.%s.choice=%t", story.Channels[i].Name, *b))
		}
	}
	return sets
}

// volumeSets scales every arrival process of the story's scenario, the
// customers who choose and each channel's own, by f.
func volumeSets(story *Story, f float64) []string {
	cfg := &story.scenario.Config
	var sets []string
	scale := func(path string, a models.Arrivals) {
		switch {
		case len(a.Volumes) > 0:
			vs := make([]string, len(a.Volumes))
			for i, v := range a.Volumes {
				vs[i] = strconv.FormatFloat(v*f, 'g', 10, 64)
			}
			sets = append(sets, path+".volumes=["+strings.Join(vs, ", ")+"]")
		case a.Rate > 0:
			sets = append(sets, path+".rate="+strconv.FormatFloat(a.Rate*f*3600, 'g', 10, 64)+"/h")
		}
	}
	scale("demand", cfg.Demand.Arrivals)
	for _, ch := range cfg.Channels {
		scale("channels."+ch.Name+".arrivals", ch.Arrivals)
	}
	return sets
}
