package scenarios

import (
	"strings"
	"testing"
)

// TestClaimsDecode checks that every problem of a claims section is
// reported at once, each at its place.
func TestClaimsDecode(t *testing.T) {
	src := `horizon: 14d
warmup: 1d
interval: 1h
channels:
  phone: {handle_time: 3m, arrivals: {rate: 10/h}}
pools:
  agents: {skills: [phone], agents: 2}
claims:
  - says: "{a} to {b} {nope}"
    figure: phone.servce_level
    a: week 1
    b: week 3
    expect: up
  - says: "{counter}"
    figure: phone.p_abandon
    a: day 1
    b: {days: days 2-20, set: [pools.agents.agents=-1]}
    expect: steady
  - says: same
    figure: phone.offered
    expect: rise
    by: lots
  - says: fine
    figure: phone.offered
    b: {set: [pools.agents.agents=3]}
    expect: rise
    counter: [pools.agents.agentz=2]
`
	_, err := Parse("claims.yaml", "claims", []byte(src), nil)
	if err == nil {
		t.Fatal("no error")
	}
	got := err.Error()
	for _, want := range []string{
		"claims.yaml:9:11: claims[0].says: unknown placeholder {nope}",
		`claims.yaml:10:13: claims[0].figure: no figure "phone.servce_level"`,
		"claims.yaml:12:8: claims[0].b: week 3 ends on day 22, after the run's last day, 14",
		`claims.yaml:13:13: claims[0].expect: want rise, fall or steady (a change from a to b), or above or below (a level, with than), not "up"`,
		"claims.yaml:14:5: claims[1]: a steady claim needs by",
		"claims.yaml:14:5: claims[1].says: {counter} and {part} need a counter",
		"claims.yaml:16:8: claims[1].a: day 1 starts on day 1, in the warm-up (days 1 to 1)",
		"claims.yaml:17:15: claims[1].b.days: days 2-20 ends on day 20",
		"claims.yaml:19:5: claims[2]: sides a and b are the same",
		`claims.yaml:22:9: claims[2].by: want a number ≥ 0 or a percentage, not "lots"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}

	// The variants are checked once the file itself has no problem.
	src = strings.Join(strings.Split(src, "  - says: \"{a}")[:1], "") + `  - says: fine
    figure: phone.offered
    b: {set: [pools.agents.agents=-1]}
    expect: rise
    counter: [pools.agents.agentz=2]
`
	_, err = Parse("claims.yaml", "claims", []byte(src), nil)
	if err == nil {
		t.Fatal("no error for bad variants")
	}
	got = err.Error()
	for _, want := range []string{
		"claims.yaml:11:8: claims[0].b.set: the variant does not load: pools.agents.agents: must be ≥ 0, not -1",
		`claims.yaml:13:14: claims[0].counter: the variant does not load: pools.agents.agentz: unknown key`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// TestParseClaimDays checks the days a side may name.
func TestParseClaimDays(t *testing.T) {
	for _, c := range []struct {
		text        string
		skip        int
		first, last int
		ok          bool
	}{
		{"week 1", 0, 1, 7, true},
		{"week 1", 1, 2, 8, true},
		{"Week 4", 1, 23, 29, true},
		{"day 3", 1, 3, 3, true},
		{"days 2-8", 0, 2, 8, true},
		{"days 8-2", 0, 0, 0, false},
		{"week 0", 0, 0, 0, false},
		{"fortnight 1", 0, 0, 0, false},
		{"days", 0, 0, 0, false},
	} {
		first, last, err := parseClaimDays(c.text, c.skip)
		if (err == nil) != c.ok || first != c.first || last != c.last {
			t.Errorf("parseClaimDays(%q, %d): got %d, %d, %v", c.text, c.skip, first, last, err)
		}
	}
}
