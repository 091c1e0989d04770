package classroom

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// testLibrary is the built-in library, loaded once for the package's tests.
var testLibrary = func() *Library {
	l, err := NewLibrary()
	if err != nil {
		panic(err)
	}
	return l
}()

// TestParseSettings reads links' settings: a good one is read as written
// and writes back the same; a bad one is refused with a message that
// names the setting and what is wanted, never a panic. Seen to catch: a
// range check off by one (volume=201, agents.x=51), a repeated key taken
// silently, an unknown key ignored.
func TestParseSettings(t *testing.T) {
	good := []string{
		"story=one-fast-channel",
		"story=one-fast-channel&seed=7&preset=1&agents.social-team=2&volume=150&wom=off&coupling=0.5&channel.social=off",
		"story=phone-day&agents.agents=-3&volume=50",
		"story=word-of-mouth&agents.chat-team=50&volume=200",
	}
	for _, q := range good {
		st, err := ParseSettings(q, testLibrary)
		if err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		if got := st.Encode(testLibrary.Lookup(st.Story)); got != q {
			t.Errorf("%s: encoded back as %s", q, got)
		}
	}
	bad := []struct{ q, want string }{
		{"", "names no story"},
		{"story=nope", `no story named "nope"`},
		{"story=one-fast-channel&story=phone-day", "given 2 times"},
		{"story=one-fast-channel&volume=201", "volume=201: want a whole percentage"},
		{"story=one-fast-channel&volume=49", "from 50 to 200"},
		{"story=one-fast-channel&volume=1e2", "volume=1e2"},
		{"story=one-fast-channel&agents.social-team=51", "from -50 to +50"},
		{"story=one-fast-channel&agents.tier9=1", `no pool "tier9"`},
		{"story=one-fast-channel&channel.fax=on", `no channel "fax"`},
		{"story=phone-day&channel.phone=off", "do not choose their channel"},
		{"story=one-fast-channel&wom=yes", "want on or off"},
		{"story=one-fast-channel&coupling=NaN", "coupling=NaN"},
		{"story=one-fast-channel&coupling=2.01", "from 0 to 2"},
		{"story=one-fast-channel&preset=2", "from 1 to 1"},
		{"story=phone-day&preset=1", "has no presets"},
		{"story=one-fast-channel&seed=0", "seed=0"},
		{"story=one-fast-channel&speed=3", `"speed" is not a setting`},
		{"story=one-fast-channel&%zz", "do not read as a query"},
		{"story=one-fast-channel&x=" + strings.Repeat("a", maxQueryLength), "characters long"},
	}
	for _, c := range bad {
		_, err := ParseSettings(c.q, testLibrary)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%.60s: got %v, want an error with %q", c.q, err, c.want)
		}
	}
	// Every problem at once, a line each.
	_, err := ParseSettings("story=one-fast-channel&volume=300&wom=yes&agents.tier9=1", testLibrary)
	if err == nil || strings.Count(err.Error(), "\n") != 2 {
		t.Errorf("three problems: got %v, want three lines", err)
	}
	for _, want := range []string{"volume=300", "want on or off", `no pool "tier9"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("three problems: got %v, want one with %q", err, want)
		}
	}
}

// TestSets turns settings into the overrides B runs with, and checks that
// the scenario they make has what the sliders say: agents added to every
// shift, the demand scaled, word of mouth and a channel's choice set.
func TestSets(t *testing.T) {
	story := testLibrary.Lookup("one-fast-channel")
	st, err := ParseSettings("story=one-fast-channel&preset=1&agents.social-team=3&volume=150&coupling=0.6&channel.email=off&wom=on", testLibrary)
	if err != nil {
		t.Fatal(err)
	}
	sets := st.Sets(story)
	if sets[0] != "word_of_mouth.enabled=false" {
		t.Errorf("the preset's override comes first, got %v", sets)
	}
	sc, err := story.scenario.Variant(sets)
	if err != nil {
		t.Fatal(err)
	}
	a, b := &story.scenario.Config, &sc.Config
	for i := range a.Pools {
		for j := range a.Pools[i].Shifts {
			want := a.Pools[i].Shifts[j].Agents
			if a.Pools[i].Name == "social-team" {
				want += 3
			}
			if got := b.Pools[i].Shifts[j].Agents; got != want {
				t.Errorf("%s shift %d: %d agents, want %d", a.Pools[i].Name, j, got, want)
			}
		}
	}
	for k, v := range a.Demand.Arrivals.Volumes {
		if got := b.Demand.Arrivals.Volumes[k]; math.Abs(got-1.5*v) > 1e-9*v {
			t.Errorf("volume %d: %g, want 1.5 × %g", k, got, v)
		}
	}
	if !b.WordOfMouth.Enabled || b.WordOfMouth.Coupling != 0.6 {
		t.Errorf("word of mouth: enabled %v coupling %g, want the slider's on and 0.6 after the preset", b.WordOfMouth.Enabled, b.WordOfMouth.Coupling)
	}
	for _, ch := range b.Channels {
		if want := ch.Name != "email"; ch.Choosable != want {
			t.Errorf("%s: choosable %v, want %v", ch.Name, ch.Choosable, want)
		}
	}
	if got := DefaultSettings(story).Sets(story); len(got) != 0 {
		t.Errorf("the default settings change %v, want nothing", got)
	}
}

// TestSetsRate scales a rate as well as volumes: textbook's phone has
// 100 customers per 30 minutes.
func TestSetsRate(t *testing.T) {
	story := testLibrary.Lookup("textbook")
	st, err := ParseSettings("story=textbook&volume=120", testLibrary)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := story.scenario.Variant(st.Sets(story))
	if err != nil {
		t.Fatal(err)
	}
	got, want := sc.Config.Channels[0].Arrivals.Rate, 1.2*story.scenario.Config.Channels[0].Arrivals.Rate
	if math.Abs(got-want) > 1e-9*want {
		t.Errorf("rate %g, want %g", got, want)
	}
}

// TestPresets offers each claim's variant once, in the order the claims
// name them.
func TestPresets(t *testing.T) {
	story := testLibrary.Lookup("jump-the-line")
	var labels []string
	for _, p := range story.Presets {
		labels = append(labels, p.Label)
	}
	want := []string{"channels.social.jump_the_line=false", "word of mouth off"}
	if !slices.Equal(labels, want) {
		t.Errorf("presets %q, want %q", labels, want)
	}
}

// FuzzParseSettings reads any query: settings or an error, never a panic,
// and settings that are read write back a query that reads the same.
func FuzzParseSettings(f *testing.F) {
	f.Add("story=one-fast-channel&volume=150&agents.social-team=2")
	f.Add("story=phone-day&seed=3&wom=on&coupling=0.1")
	f.Add("story=%zz&&=")
	f.Fuzz(func(t *testing.T, q string) {
		st, err := ParseSettings(q, testLibrary)
		if err != nil {
			return
		}
		story := testLibrary.Lookup(st.Story)
		again, err := ParseSettings(st.Encode(story), testLibrary)
		if err != nil {
			t.Fatalf("%q read, but its encoding %q does not: %v", q, st.Encode(story), err)
		}
		if again.Encode(story) != st.Encode(story) {
			t.Fatalf("%q: encodes as %q, then as %q", q, st.Encode(story), again.Encode(story))
		}
	})
}
