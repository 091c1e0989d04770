package experiment

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// TestParsePrecision checks the targets' format: KPI=HALFWIDTH, a share's
// half-width as a fraction or a percentage, any other figure's as a
// number > 0 in its unit; each figure once; every problem at once, a line
// each, naming its flag.
//
// Seen to catch: a share's "1%" read as 1 (ParseFloat for every figure);
// !(target > 0) made target < 0 (a zero half-width, never met, taken);
// a figure's second target taken; the problems cut to the first.
func TestParsePrecision(t *testing.T) {
	cfg := queue(1, 14)
	got, err := ParsePrecision(cfg, []string{"phone.service_level=1%", " phone.asa_seconds = 2.5 ", "phone.p_wait=0.02"})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name string
		half float64
	}{{"phone.service_level", 0.01}, {"phone.asa_seconds", 2.5}, {"phone.p_wait", 0.02}}
	if len(got) != len(want) {
		t.Fatalf("got %d targets, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].KPI.Name != w.name || got[i].HalfWidth != w.half {
			t.Errorf("target %d: %s=%v, want %s=%v", i, got[i].KPI.Name, got[i].HalfWidth, w.name, w.half)
		}
	}

	_, err = ParsePrecision(cfg, []string{
		"phone.service_level",
		"phone.nope=0.01",
		"phone.service_level=0",
		"phone.asa_seconds=fast",
		"phone.asa_seconds=-1",
		"phone.p_wait=1%",
		"phone.p_wait=2%",
	})
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	wants := []string{
		"--precision phone.service_level: want KPI=HALFWIDTH",
		"--precision phone.nope=0.01: ",
		`--precision phone.service_level=0: the half-width "0" is not a share > 0`,
		`--precision phone.asa_seconds=fast: the half-width "fast" is not a number > 0`,
		`--precision phone.asa_seconds=-1: the half-width "-1" is not a number > 0`,
		"--precision phone.p_wait=2%: phone.p_wait has a target already",
	}
	if len(lines) != len(wants) {
		t.Fatalf("got %d problems, want %d:\n%s", len(lines), len(wants), err)
	}
	for i, w := range wants {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("problem %d: %q, want it to start %q", i+1, lines[i], w)
		}
	}
}

// TestPrecisionNext checks the size of the next round against its rule:
// a half-width h over n replications shrinks as 1/√n, so a target τ wants
// ⌈n·(h/τ)²⌉; the round asks for the most any unmet target wants, at
// least n+1 and at most 2n, within MaxReps; a target with no half-width
// yet asks for 2n. Each case's count is worked out by hand.
//
// Seen to catch: (h/τ)² made h/τ; the cap 2n left out; MaxReps left
// out. Left alive, as equivalent: the floor n+1 made n−1, and a met
// target's wish counted: a target not met has h > τ, so it wants at
// least n+1 already, and a met one at most n.
func TestPrecisionNext(t *testing.T) {
	share := models.KPI{Name: "a", Share: true}
	other := models.KPI{Name: "b"}
	tests := []struct {
		name     string
		maxReps  int
		reps     int
		targets  []float64
		achieved []float64
		want     int
	}{
		// 10·(0.012/0.01)² = 14.4 → 15.
		{"the 1/√n law", 1000, 10, []float64{0.01}, []float64{0.012}, 15},
		// 10·(0.03/0.01)² = 90, more than 2·10.
		{"at most twice as many", 1000, 10, []float64{0.01}, []float64{0.03}, 20},
		{"within MaxReps", 12, 10, []float64{0.01}, []float64{0.03}, 12},
		// 10·(0.0101/0.01)² = 10.201 → 11, and at least 11 anyway.
		{"at least one more", 1000, 10, []float64{0.01}, []float64{0.0101}, 11},
		{"no half-width yet", 1000, 10, []float64{0.01}, []float64{math.NaN()}, 20},
		// The second target, met, wants nothing; the first 10·1.2² = 14.4.
		{"a met target wants nothing", 1000, 10, []float64{0.01, 5}, []float64{0.012, 1}, 15},
		// 10·(0.015/0.01)² = 22.5 → 23, capped at 20; 10·(6/5)² = 14.4.
		{"the most of the targets", 1000, 10, []float64{0.01, 5}, []float64{0.015, 6}, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Precision{MaxReps: tt.maxReps, Reps: tt.reps}
			for i, h := range tt.targets {
				kpi := share
				if i == 1 {
					kpi = other
				}
				p.Targets = append(p.Targets, Target{KPI: kpi, HalfWidth: h})
				p.Achieved = append(p.Achieved, models.Estimate{Mean: 1, HalfWidth: tt.achieved[i]})
			}
			if got := p.next(); got != tt.want {
				t.Errorf("next() = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestPrecisionMet checks that a target is met when the half-width
// reached is at most the one wanted, and never without a half-width (no
// data, or a single replication: NaN).
//
// Seen to catch: <= made <; AllMet looking at the first target only.
func TestPrecisionMet(t *testing.T) {
	p := &Precision{
		Targets:  []Target{{HalfWidth: 0.01}, {HalfWidth: 0.01}, {HalfWidth: 0.01}},
		Achieved: []models.Estimate{{HalfWidth: 0.01}, {HalfWidth: 0.0100001}, {HalfWidth: math.NaN()}},
	}
	for i, want := range []bool{true, false, false} {
		if got := p.Met(i); got != want {
			t.Errorf("Met(%d) with %v wanted, %v reached: %v, want %v", i, p.Targets[i].HalfWidth, p.Achieved[i].HalfWidth, got, want)
		}
	}
	if p.AllMet() {
		t.Error("AllMet with two targets unmet")
	}
	p.Targets, p.Achieved = p.Targets[:1], p.Achieved[:1]
	if !p.AllMet() {
		t.Error("not AllMet with the one target met")
	}
}

// TestRefine checks the sequential procedure end to end on a small queue:
// it stops once the target is met, or at MaxReps; what it pooled is exactly the replications 0..Reps−1, as one
// run of them pools them; grow is told each round's total; and none of it
// depends on the number of workers.
//
// Seen to catch: a round running the replications from 0 again (Span(0,
// next) for Span(Reps, next)); the loop's test p.Reps < MaxReps made <=
// (then it never ends: killed by the time-out); grow not told.
func TestRefine(t *testing.T) {
	cfg := queue(2, 14)
	targets, err := ParsePrecision(cfg, []string{"phone.service_level=2%"})
	if err != nil {
		t.Fatal(err)
	}
	var first *Precision
	for _, workers := range []int{1, 3} {
		pooled := models.NewPooled(cfg)
		start := Run{Config: cfg, Reps: Span(0, MinPrecisionReps), Workers: workers}
		if err := start.Gather(pooled); err != nil {
			t.Fatal(err)
		}
		p := &Precision{Targets: targets, MaxReps: 1000}
		var grown []int
		if err := p.Refine(Run{Config: cfg, Workers: workers}, pooled, func(n int) { grown = append(grown, n) }); err != nil {
			t.Fatal(err)
		}
		if !p.AllMet() || p.Reps <= MinPrecisionReps || pooled.Replications() != p.Reps {
			t.Fatalf("%d workers: %d replications (%d pooled), half-width %v: want the target 0.02 met after more than %d",
				workers, p.Reps, pooled.Replications(), p.Achieved[0].HalfWidth, MinPrecisionReps)
		}
		if len(grown) == 0 || grown[len(grown)-1] != p.Reps {
			t.Errorf("%d workers: grow told %v, want the rounds' totals ending at %d", workers, grown, p.Reps)
		}
		whole := models.NewPooled(cfg)
		if err := (Run{Config: cfg, Reps: Span(0, p.Reps), Workers: 1}).Gather(whole); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(gobOf(t, pooled), gobOf(t, whole)) {
			t.Errorf("%d workers: the rounds pooled otherwise than a run of replications 0 to %d", workers, p.Reps-1)
		}
		if first == nil {
			first = p
		} else if p.Reps != first.Reps || p.Achieved[0] != first.Achieved[0] {
			t.Errorf("%d workers: %d replications, %v; 1 worker: %d, %v", workers, p.Reps, p.Achieved[0], first.Reps, first.Achieved[0])
		}
	}

	// Out of reach: it stops at MaxReps, the target unmet.
	pooled := models.NewPooled(cfg)
	if err := (Run{Config: cfg, Reps: Span(0, MinPrecisionReps)}).Gather(pooled); err != nil {
		t.Fatal(err)
	}
	p := &Precision{Targets: []Target{{KPI: targets[0].KPI, HalfWidth: 1e-9}}, MaxReps: 8}
	if err := p.Refine(Run{Config: cfg}, pooled, nil); err != nil {
		t.Fatal(err)
	}
	if p.Reps != 8 || p.Met(0) || pooled.Replications() != 8 {
		t.Errorf("out of reach: %d replications (%d pooled), met %v; want 8, unmet", p.Reps, pooled.Replications(), p.Met(0))
	}
}
