package scenarios

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/sim"
)

// The stories omnisim exists to tell, each a built-in scenario, each shown
// to come out of the mechanisms: a test over replications finds the effect
// with 95 % confidence (Student t over independent replications; where two
// variants are compared, the difference is paired replication by
// replication, the variants sharing their random streams), and a
// counter-test turns the mechanism off and finds the effect gone.

const storyReps = 20

// runStory runs a built-in scenario with overrides.
func runStory(t *testing.T, name string, sets ...string) (*Scenario, []*models.Result) {
	t.Helper()
	s, err := Builtin(name, sets)
	if err != nil {
		t.Fatal(err)
	}
	results, err := models.RunReplications(&s.Config, storyReps, 0)
	if err != nil {
		t.Fatal(err)
	}
	return s, results
}

// week adds up a channel's days of week w (from 0) of the measured window
// in one replication.
func week(cfg *models.Config, r *models.Result, ch, w int) models.Counts {
	var c models.Counts
	days := r.ChannelDays(cfg, ch)
	first := int(cfg.Warmup/86400) + 7*w
	for d := first; d < first+7; d++ {
		c.Add(days[d])
	}
	return c
}

func channelIndex(t *testing.T, cfg *models.Config, name string) int {
	for i, ch := range cfg.Channels {
		if ch.Name == name {
			return i
		}
	}
	t.Fatalf("no channel %q", name)
	return -1
}

// perRep computes f for every replication and returns its mean and 95 %
// half-width.
func perRep(results []*models.Result, f func(i int, r *models.Result) float64) (mean, half float64) {
	vals := make([]float64, len(results))
	for i, r := range results {
		vals[i] = f(i, r)
	}
	return sim.MeanCI(vals, 0.95)
}

func figure(key string) func(models.Counts) float64 {
	f, _ := models.FigureByKey(key)
	return f.Of
}

// TestStoryOneFastChannel: a quick social team draws demand through word
// of mouth until it overloads. Over four weeks its demand grows, the
// expectation level rises, and its service level in week 4 is well below
// week 1's. Without word of mouth, none of that happens.
func TestStoryOneFastChannel(t *testing.T) {
	if testing.Short() {
		t.Skip("story test: 20 replications of four weeks")
	}
	sl, offered := figure("service_level"), figure("offered")
	s, on := runStory(t, "one-fast-channel")
	cfg := &s.Config
	social := channelIndex(t, cfg, "social")
	drop := func(results []*models.Result) (float64, float64) {
		return perRep(results, func(_ int, r *models.Result) float64 {
			return sl(week(cfg, r, social, 3)) - sl(week(cfg, r, social, 0))
		})
	}
	growth := func(results []*models.Result) (float64, float64) {
		return perRep(results, func(_ int, r *models.Result) float64 {
			return offered(week(cfg, r, social, 3))/offered(week(cfg, r, social, 0)) - 1
		})
	}
	w1, _ := perRep(on, func(_ int, r *models.Result) float64 { return sl(week(cfg, r, social, 0)) })
	w4, _ := perRep(on, func(_ int, r *models.Result) float64 { return sl(week(cfg, r, social, 3)) })
	d, dh := drop(on)
	g, gh := growth(on)
	lv, lh := perRep(on, func(_ int, r *models.Result) float64 {
		days, first := r.ExpectationDays(cfg), int(cfg.Warmup/86400)
		return days[first+27] - days[first+6]
	})
	t.Logf("with word of mouth: social service level %.1f %% in week 1, %.1f %% in week 4 (change %+.1f ± %.1f points); demand %+.0f ± %.0f %%; expectation level %+.2f ± %.2f",
		100*w1, 100*w4, 100*d, 100*dh, 100*g, 100*gh, lv, lh)
	if !(d+dh < -0.15) {
		t.Errorf("social service level should fall by more than 15 points from week 1 to week 4, fell %.1f ± %.1f", -100*d, 100*dh)
	}
	if !(g-gh > 0.3) {
		t.Errorf("social demand should grow by more than 30 %%, grew %.0f ± %.0f %%", 100*g, 100*gh)
	}
	if !(lv-lh > 0) {
		t.Errorf("the expectation level should rise, moved %+.2f ± %.2f", lv, lh)
	}

	_, off := runStory(t, "one-fast-channel", "word_of_mouth.enabled=false")
	d, dh = drop(off)
	g, gh = growth(off)
	t.Logf("without word of mouth: social service level change %+.1f ± %.1f points; demand %+.0f ± %.0f %%", 100*d, 100*dh, 100*g, 100*gh)
	if d-dh < -0.05 {
		t.Errorf("without word of mouth social service should hold within 5 points, fell %.1f ± %.1f", -100*d, 100*dh)
	}
	if g+gh > 0.3 {
		t.Errorf("without word of mouth social demand should not grow by 30 %%, grew %.0f ± %.0f %%", 100*g, 100*gh)
	}
}

// TestStoryWordOfMouth: stories of instant chat answers raise expectations,
// and phone abandonment and email chasing rise with them, though phone and
// email staffing and demand stay as they were. With patience decoupled from
// expectations (coupling 0), phone abandonment does not rise.
func TestStoryWordOfMouth(t *testing.T) {
	if testing.Short() {
		t.Skip("story test: 20 replications of four weeks, twice")
	}
	abandon, offered, chased := figure("p_abandon"), figure("offered"), figure("switched_out")
	s, on := runStory(t, "word-of-mouth")
	cfg := &s.Config
	phone, email := channelIndex(t, cfg, "phone"), channelIndex(t, cfg, "email")
	_, off := runStory(t, "word-of-mouth", "word_of_mouth.coupling=0")
	rise := func(r *models.Result) float64 {
		return abandon(week(cfg, r, phone, 3)) - abandon(week(cfg, r, phone, 0))
	}
	m, h := perRep(on, func(_ int, r *models.Result) float64 { return rise(r) })
	t.Logf("phone abandonment, week 4 less week 1: %+.2f ± %.2f points", 100*m, 100*h)
	if !(m-h > 0) {
		t.Errorf("phone abandonment should rise from week 1 to week 4")
	}
	dm, dh := perRep(on, func(_ int, r *models.Result) float64 {
		return offered(week(cfg, r, phone, 3))/offered(week(cfg, r, phone, 0)) - 1
	})
	t.Logf("phone demand, week 4 against week 1: %+.1f ± %.1f %%", 100*dm, 100*dh)
	if math.Abs(dm)+dh > 0.08 {
		t.Errorf("phone demand should stay within 8 %% of week 1's, changed %+.1f ± %.1f %%", 100*dm, 100*dh)
	}
	cm, ch := perRep(on, func(i int, r *models.Result) float64 {
		return chased(week(cfg, r, email, 3)) - chased(week(cfg, off[i], email, 3))
	})
	t.Logf("emails chased on another channel in week 4, with coupling less without: %+.0f ± %.0f", cm, ch)
	if !(cm-ch > 0) {
		t.Errorf("expectations should make emailers chase more")
	}

	// The counter-test, and the effect attributed to the coupling, paired
	// replication by replication.
	om, oh := perRep(off, func(_ int, r *models.Result) float64 { return rise(r) })
	em, eh := perRep(on, func(i int, r *models.Result) float64 { return rise(r) - rise(off[i]) })
	t.Logf("without coupling: %+.2f ± %.2f points; the coupling's part: %+.2f ± %.2f points", 100*om, 100*oh, 100*em, 100*eh)
	if om-oh > 0 {
		t.Errorf("without coupling phone abandonment should not rise, rose %.2f ± %.2f points", 100*om, 100*oh)
	}
	if !(em-eh > 0) {
		t.Errorf("the rise should be the coupling's doing")
	}
}

// TestStorySiloedVsIntegrated: with the same people, demand and random
// draws, siloed channels need more contacts per resolution and leave
// customers less satisfied than integrated ones. When a silo costs nothing
// (neutral factors), the difference is gone.
func TestStorySiloedVsIntegrated(t *testing.T) {
	if testing.Short() {
		t.Skip("story test: 20 replications of two weeks, three times")
	}
	cust := func(key string) func(models.CustomerCounts) float64 {
		for _, f := range models.CustomerFigures {
			if f.Key == key {
				return f.Of
			}
		}
		panic(key)
	}
	cpr, sat := cust("contacts_per_resolution"), cust("satisfaction")
	_, siloed := runStory(t, "siloed-vs-integrated")
	_, integrated := runStory(t, "siloed-vs-integrated", "journey.history=integrated")
	_, neutral := runStory(t, "siloed-vs-integrated", "journey.siloed={handle_factor: 1, resolution_factor: 1, annoyance: 0}")
	diff := func(a, b []*models.Result, f func(models.CustomerCounts) float64) (float64, float64) {
		return perRep(a, func(i int, r *models.Result) float64 { return f(r.Customers.Total) - f(b[i].Customers.Total) })
	}
	m, h := diff(siloed, integrated, cpr)
	t.Logf("contacts per resolution, siloed less integrated: %+.3f ± %.3f", m, h)
	if !(m-h > 0) {
		t.Errorf("siloed channels should need more contacts per resolution")
	}
	m, h = diff(siloed, integrated, sat)
	t.Logf("satisfaction, siloed less integrated: %+.3f ± %.3f", m, h)
	if !(m+h < 0) {
		t.Errorf("siloed channels should leave customers less satisfied")
	}
	m, h = diff(neutral, integrated, cpr)
	t.Logf("contacts per resolution, siloed at no cost less integrated: %+.3f ± %.3f", m, h)
	if math.Abs(m) > 1e-9 || h > 1e-9 {
		t.Errorf("a silo that costs nothing should change nothing: %+.3f ± %.3f", m, h)
	}
}
