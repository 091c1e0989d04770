package scenarios

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// A Claim is one sentence of a scenario's story together with what it
// measures, so that omnisim demo can tell the story with the numbers of a
// run and a test can check that the story still holds. A claim sets one
// figure on side A against the same figure on side B: days of the run
// against other days (a trend: week 1 against week 4), the scenario
// against a variant of it (--set overrides), or both. The change B − A is
// measured replication by replication; the variants run with the same
// seed, so they see the same customers (common random numbers) and the
// change is measured precisely.
type Claim struct {
	// Says is the sentence, with placeholders for the numbers measured:
	// {a} and {b} (each side's mean), {change} (B − A with the 95 %
	// half-width), and with a counter {counter} (the change with the
	// mechanism off) and {part} (the mechanism's part: the change less
	// the change without it, paired).
	Says string
	// Figure names the figure as models.ParseKPI takes it, or
	// "expectation" for the global expectation level at the end of a
	// side's days.
	Figure string
	// A and B are the two sides.
	A, B Side
	// Expect is ExpectRise, ExpectFall or ExpectSteady for a change, or
	// ExpectAbove or ExpectBelow for a level: side A's figure against Than.
	Expect string
	// Than is the level an ExpectAbove or ExpectBelow claim sets side A's
	// figure against (a share as a fraction).
	Than float64
	// By is the size of the change claimed: B − A beyond By (rise, fall)
	// or within it (steady), in the figure's unit (a share's in points as
	// a fraction), or as a fraction of A when Relative.
	By float64
	// Relative measures the change as B ÷ A − 1 in each replication.
	Relative bool
	// Counter holds --set overrides that turn the mechanism off, applied to
	// both sides: the change must then be gone (not beyond CounterWithin
	// in the claimed direction), and the change with the mechanism must
	// exceed the change without it, paired replication by replication.
	Counter []string
	// CounterWithin is how much change in the claimed direction may be
	// left without the mechanism.
	CounterWithin float64
	// At says where the claim is written: "file:line:col".
	At string
}

// The directions a claim may expect.
const (
	ExpectRise   = "rise"
	ExpectFall   = "fall"
	ExpectSteady = "steady"
	ExpectAbove  = "above"
	ExpectBelow  = "below"
)

// IsLevel tells whether a claim is about a level rather than a change.
func (c Claim) IsLevel() bool { return c.Expect == ExpectAbove || c.Expect == ExpectBelow }

// ExpectationFigure is the figure name of the global expectation level.
const ExpectationFigure = "expectation"

// Side is one side of a claim: days of the run, of a variant.
type Side struct {
	// First and Last are the days measured, from 1 as daily.csv counts
	// them (day 1 starts at time 0), both included; 0 and 0 mean the
	// measured window, [warm-up, horizon). Week N, as a scenario writes
	// it, is the N-th seven days after the whole days of warm-up.
	First, Last int
	// Days is the days as written ("week 4"), "" for the window.
	Days string
	// Set holds the --set overrides of the side's variant.
	Set []string
}

// placeholders are the names a claim's sentence may use.
var placeholders = []string{"a", "b", "change", "counter", "part"}

var placeholder = regexp.MustCompile(`\{[^{}]*\}`)

// Fill returns the claim's sentence with each of its placeholders ({a},
// {b}, {change}, {counter}, {part}) replaced by what fill gives for its
// name: the numbers a run measured (experiment.Verdict.Sentence). Braces
// around any other name are left as they are.
func (c Claim) Fill(fill func(name string) string) string {
	return placeholder.ReplaceAllStringFunc(c.Says, func(m string) string {
		if name := m[1 : len(m)-1]; slices.Contains(placeholders, name) {
			return fill(name)
		}
		return m
	})
}

// decodeClaims decodes the claims section, once the rest of the scenario
// is known: figures and days are checked against it, and each variant is
// loaded to check its overrides.
func (d *decoder) decodeClaims(n *yaml.Node, s *Scenario, variants bool) {
	var checks []func()
	defer func() {
		if variants && len(d.errs) == 0 {
			for _, check := range checks {
				check()
			}
		}
	}()
	d.list(n, "claims", func(n *yaml.Node, p string) {
		c := Claim{At: fmt.Sprintf("%s:%d:%d", d.file, n.Line, n.Column)}
		var sides [2]*yaml.Node
		var counterNode *yaml.Node
		hasThan := false
		d.mapping(n, p, []field{
			{"says", func(n *yaml.Node, p string) {
				c.Says = d.str(n, p)
				for _, m := range placeholder.FindAllString(c.Says, -1) {
					if !slices.Contains(placeholders, m[1:len(m)-1]) {
						d.errorf(n, p, "unknown placeholder %s (use {a}, {b}, {change}, and with a counter {counter} and {part})", m)
					}
				}
			}},
			{"figure", func(n *yaml.Node, p string) {
				c.Figure = d.str(n, p)
				if c.Figure != "" && c.Figure != ExpectationFigure {
					if _, err := models.ParseKPI(&s.Config, c.Figure); err != nil {
						d.errorf(n, p, "%v, or expectation", err)
					}
				}
			}},
			{"a", func(n *yaml.Node, p string) { sides[0] = n; c.A = d.decodeSide(n, p, &s.Config) }},
			{"b", func(n *yaml.Node, p string) { sides[1] = n; c.B = d.decodeSide(n, p, &s.Config) }},
			{"expect", func(n *yaml.Node, p string) {
				var ok bool
				if c.Expect, ok = d.word(n, p, ExpectRise, ExpectFall, ExpectSteady, ExpectAbove, ExpectBelow); !ok && c.Expect != "" {
					d.errorf(n, p, "want rise, fall or steady (a change from a to b), or above or below (a level, with than), not %q", c.Expect)
				}
			}},
			{"by", func(n *yaml.Node, p string) { c.By = d.amount(n, p) }},
			{"than", func(n *yaml.Node, p string) { hasThan = true; c.Than = d.amount(n, p) }},
			{"relative", func(n *yaml.Node, p string) { c.Relative = d.boolean(n, p) }},
			{"counter", func(n *yaml.Node, p string) { counterNode = n; c.Counter = d.strings(n, p) }},
			{"counter_within", func(n *yaml.Node, p string) { c.CounterWithin = d.amount(n, p) }},
		}, "says", "figure", "expect")
		if c.Expect == ExpectSteady && !(c.By > 0) {
			d.errorf(n, p, "a steady claim needs by: the most change it allows")
		}
		if c.Expect == ExpectSteady && c.Counter != nil {
			d.errorf(counterNode, p+".counter", "a steady claim has no counter: it claims no effect to turn off")
		}
		if c.Counter == nil && (strings.Contains(c.Says, "{counter}") || strings.Contains(c.Says, "{part}")) {
			d.errorf(n, p+".says", "{counter} and {part} need a counter")
		}
		switch {
		case c.IsLevel() && (sides[1] != nil || c.Counter != nil || c.By != 0 || c.Relative):
			d.errorf(n, p, "an %s claim sets side a against than: it has no b, by, relative or counter", c.Expect)
		case c.IsLevel() && !hasThan:
			d.errorf(n, p, "an %s claim needs than: the level side a is set against", c.Expect)
		case !c.IsLevel() && hasThan:
			d.errorf(n, p, "than goes with expect: above or below; a change is sized by by")
		case c.IsLevel() && (strings.Contains(c.Says, "{b}") || strings.Contains(c.Says, "{change}")):
			d.errorf(n, p+".says", "an %s claim has only {a}", c.Expect)
		case !c.IsLevel() && c.A.First == c.B.First && c.A.Last == c.B.Last && slices.Equal(c.A.Set, c.B.Set):
			d.errorf(n, p, "sides a and b are the same: give them different days or a variant (set)")
		}
		checks = append(checks, func() {
			seen := map[string]bool{}
			check := func(n *yaml.Node, path string, sets []string) {
				if key := strings.Join(sets, "\x00"); !seen[key] {
					seen[key] = true
					d.checkVariant(s, n, path, sets, c.Figure)
				}
			}
			for i, side := range []Side{c.A, c.B} {
				if side.Set != nil {
					check(sides[i], fmt.Sprintf("%s.%c.set", p, 'a'+i), side.Set)
				}
				if c.Counter != nil {
					check(counterNode, p+".counter", append(slices.Clip(side.Set), c.Counter...))
				}
			}
		})
		s.Claims = append(s.Claims, c)
	})
}

// claimErrorf records a problem that keeps the claims from being judged
// but not the scenario from running.
func (d *decoder) claimErrorf(n *yaml.Node, path, format string, args ...any) {
	errs := d.errs
	d.errorf(n, path, format, args...)
	d.claimErrs = append(d.claimErrs, d.errs[len(errs)])
	d.errs = errs
}

// ClaimProblems returns what keeps the scenario's claims from being judged
// (days beyond a horizon shortened by --set), nil if nothing does.
func (s *Scenario) ClaimProblems() error {
	if len(s.claimProblems) == 0 {
		return nil
	}
	return s.claimProblems
}

// checkVariant loads the variant of s with the overrides sets, and
// records its first problem at n if it does not load or lacks the figure.
func (d *decoder) checkVariant(s *Scenario, n *yaml.Node, path string, sets []string, figure string) {
	v, err := s.variant(sets, false)
	if err != nil {
		msg := err.Error()
		if es, ok := err.(Errors); ok && len(es) > 0 {
			msg = es[0].Msg
			if es[0].Path != "" {
				msg = es[0].Path + ": " + msg
			}
		}
		d.errorf(n, path, "the variant does not load: %s", msg)
		return
	}
	if figure != "" && figure != ExpectationFigure {
		if _, err := models.ParseKPI(&v.Config, figure); err != nil {
			d.errorf(n, path, "the variant has %v", err)
		}
	}
}

// decodeSide decodes a side: days as a scalar ("week 4"), or a mapping
// {days, set}.
func (d *decoder) decodeSide(n *yaml.Node, p string, cfg *models.Config) Side {
	var side Side
	days := func(n *yaml.Node, p string) {
		text, ok := d.scalar(n, p, claimDaysForm)
		if !ok {
			return
		}
		known := cfg.Horizon > 0 && cfg.Horizon < 1e12 && cfg.Interval > 0 && cfg.Warmup >= 0 && cfg.Warmup < cfg.Horizon
		skip := 0
		if known {
			skip = int(cfg.Warmup / 86400)
		}
		first, last, err := parseClaimDays(text, skip)
		if err != nil {
			d.errorf(n, p, "%v", err)
			return
		}
		if !known {
			side.First, side.Last, side.Days = first, last, text
			return // the horizon or the warm-up is reported
		}
		total := cfg.Days()
		report := d.errorf
		if d.lenient {
			report = d.claimErrorf
		}
		switch {
		case last > total:
			report(n, p, "%s ends on day %d, after the run's last day, %d", text, last, total)
		case first <= skip:
			report(n, p, "%s starts on day %d, in the warm-up (days 1 to %d)", text, first, skip)
		}
		side.First, side.Last, side.Days = first, last, text
	}
	if n.Kind == yaml.ScalarNode {
		days(n, p)
		return side
	}
	d.mapping(n, p, []field{
		{"days", days},
		{"set", func(n *yaml.Node, p string) { side.Set = d.strings(n, p) }},
	})
	return side
}

// parseClaimDays reads "week N", "day N" or "days N-M": days from 1, as
// daily.csv counts them; week N is the N-th seven days after the skip
// whole days of warm-up.
func parseClaimDays(text string, skip int) (first, last int, err error) {
	f := strings.Fields(strings.ToLower(text))
	bad := fmt.Errorf("want days such as week 1, days 2-8 or day 3, not %q", text)
	if len(f) != 2 {
		return 0, 0, bad
	}
	num := func(s string) (int, bool) {
		v, err := strconv.Atoi(s)
		return v, err == nil && v >= 1
	}
	switch f[0] {
	case "week":
		w, ok := num(f[1])
		if !ok {
			return 0, 0, bad
		}
		return skip + 7*w - 6, skip + 7*w, nil
	case "day", "days":
		a, b, isRange := strings.Cut(f[1], "-")
		x, ok := num(a)
		if !ok {
			return 0, 0, bad
		}
		if !isRange {
			return x, x, nil
		}
		y, ok := num(b)
		if !ok || y < x {
			return 0, 0, bad
		}
		return x, y, nil
	}
	return 0, 0, bad
}

// strings decodes a list of text.
func (d *decoder) strings(n *yaml.Node, p string) []string {
	out := []string{}
	d.list(n, p, func(n *yaml.Node, p string) { out = append(out, d.str(n, p)) })
	return out
}

// amount reads a size of change: a number, or a percentage (5% is 0.05).
func (d *decoder) amount(n *yaml.Node, p string) float64 {
	v := d.parsed(n, p, amountForm, func(s string) (float64, error) {
		s = strings.TrimSpace(s)
		scale := 1.0
		if t, ok := strings.CutSuffix(s, "%"); ok {
			s, scale = strings.TrimSpace(t), 0.01
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v < 0 || v != v || v > 1e12 {
			return 0, fmt.Errorf("want a number ≥ 0 or a percentage, not %q", n.Value)
		}
		return v * scale, nil
	})
	if v != v {
		return 0
	}
	return v
}

// variant loads the variant of s with the further overrides sets: the
// same text, with s's own overrides first. With claims false, the
// variant's claims are not checked (their variants are not loaded).
func (s *Scenario) variant(sets []string, claims bool) (*Scenario, error) {
	all := append(slices.Clip(s.sets), sets...)
	return parse(s.File, s.defaultName, s.source, all, claims)
}

// Variant loads the scenario again with the further --set overrides sets
// after its own, as a claim's side or counter does.
func (s *Scenario) Variant(sets []string) (*Scenario, error) {
	return s.variant(sets, false)
}
