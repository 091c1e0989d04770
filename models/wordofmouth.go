package models

import (
	"math"
	"math/rand/v2"

	"github.com/omnisim/omnisim/sim"
)

// WordOfMouth sets how customers' experiences travel and what they change.
//
// A customer who finishes (resolved, or given up) shares the story of each
// contact with chance ShareGood or ShareBad (times PublicFactor on a public
// channel). A story tells how long the wait was on a channel against what
// its reputation promised. Each story moves, for everyone, (a) that
// channel's reputation, the wait people expect there, which drives channel
// choice, and (b) a global expectation level: stories of service faster
// than a channel's usual raise it, slower ones lower it, and it scales
// patience on every channel by exp(−Coupling · level). So customers
// answered in five minutes on social media become less patient on the
// phone (adaptive patience: Zohar, Mandelbaum and Shimkin 2002).
//
// A reputation is the average of what people have heard, in logarithms of
// the wait: each story counts as many times as the people it reached
// (Reach), the starting expectation counts as Inertia people, and stories
// fade with half-life Memory, so that without news a reputation drifts back
// to where it started. The global level is the same kind of average (with
// LevelInertia) of how much faster than each channel's starting expectation
// the stories were.
type WordOfMouth struct {
	// Enabled turns word of mouth on (a scenario enables it by having a
	// word_of_mouth section).
	Enabled bool
	// ShareGood is the chance a customer shares a good experience
	// (scenario key share_good).
	ShareGood float64
	// ShareBad is the chance a customer shares a bad one: a failed or
	// unresolved contact, or a wait longer than expected (share_bad).
	ShareBad float64
	// PublicFactor multiplies the chance of sharing a contact made on a
	// public channel (public_factor); the chance is capped at 1.
	PublicFactor float64
	// Reach is how many people a story reaches.
	Reach float64
	// Inertia is how many people's worth of belief a channel's starting
	// expectation carries: the larger, the more stories it takes to move its
	// reputation.
	Inertia float64
	// LevelInertia is the same for the global expectation level, which
	// hears every channel's stories and so usually needs more (scenario key
	// level_inertia).
	LevelInertia float64
	// Memory is the half-life of what people remember, in seconds.
	Memory float64
	// Coupling is how strongly the global expectation level scales patience.
	Coupling float64
}

// DefaultWordOfMouth is word of mouth as a scenario enables it without
// saying more.
func DefaultWordOfMouth() WordOfMouth {
	return WordOfMouth{
		Enabled:      true,
		ShareGood:    0.05,
		ShareBad:     0.3,
		PublicFactor: 3,
		Reach:        10,
		Inertia:      5000,
		LevelInertia: 50000,
		Memory:       7 * 86400,
		Coupling:     0.5,
	}
}

func (w *WordOfMouth) check(p problems) {
	share(p.At("share_good"), w.ShareGood)
	share(p.At("share_bad"), w.ShareBad)
	if !(w.Inertia > 0) || !finite(w.Inertia) {
		p.At("inertia").Add("must be a positive number of people, not %v", w.Inertia)
	}
	if !(w.LevelInertia > 0) || !finite(w.LevelInertia) {
		p.At("level_inertia").Add("must be a positive number of people, not %v", w.LevelInertia)
	}
	if !(w.PublicFactor >= 0) || !finite(w.PublicFactor) {
		p.At("public_factor").Add("must be a finite number ≥ 0, not %v", w.PublicFactor)
	}
	if !(w.Reach >= 0) || !finite(w.Reach) {
		p.At("reach").Add("must be a finite number ≥ 0, not %v", w.Reach)
	}
	if !(w.Memory > 0) {
		p.At("memory").Add("must be a positive duration (never, to forget nothing), not %s", FormatDuration(w.Memory))
	}
	if !(w.Coupling >= 0) || !finite(w.Coupling) {
		p.At("coupling").Add("must be a finite number ≥ 0, not %v", w.Coupling)
	}
}

// maxSurprise bounds what one story can tell, in the log of the ratio of
// the wait it reports to the wait expected: a factor of 20 either way, so a
// single story of a reply in seconds where hours were expected does not
// swamp everything else. Repeated stories still carry a reputation as far
// as the waits they tell.
const maxSurprise = 3.0

// minWait is the shortest wait a story tells: below ten seconds, nobody
// notices the difference.
const minWait = 10.0

func clampSurprise(x float64) float64 {
	return max(-maxSurprise, min(maxSurprise, x))
}

// belief is a weighted average of stories in logarithms, with a prior of
// zero at weight inertia, whose stories fade with time.
type belief struct {
	weight float64 // of the stories heard, faded to at
	sum    float64 // their weighted values, faded to at
	at     float64
	// expV and expE are the last average whose exponential was taken
	// (expOf) and math.Exp of it, 0 and 0 before any: what late bounds
	// the exponential of a later average by (lateNear).
	expV, expE float64
}

// womState is word of mouth at run time: each channel's reputation (kept
// on the channel, as the log of the expected wait over its starting value)
// and the global expectation level.
type womState struct {
	on    bool
	cfg   WordOfMouth
	tau   float64 // time constant of forgetting, +Inf for none
	level belief
	eng   *sim.Engine
	// fadeDt and fadeF remember the last fading factor and the time it
	// spanned: a choice fades every channel's reputation over the same
	// span (each was last brought up to the previous choice), and the
	// factor, a function of the span alone, is then the same number.
	fadeDt, fadeF float64
	// nearW is the choices' remembered weights (nearWeights), made at
	// the first choice by the wait term's sum; nearWNone that none may be.
	nearW     *nearWeights
	nearWNone bool
}

// nearWeights returns the remembered weights of w's choices by the wait
// term's sum, made at the first call, nil if they may not be remembered.
func (s *womState) nearWeights(w *world) *nearWeights {
	if s.nearW == nil && !s.nearWNone {
		s.nearW = newNearWeights(w)
		s.nearWNone = s.nearW == nil
	}
	return s.nearW
}

func newWOM(cfg WordOfMouth, eng *sim.Engine) womState {
	s := womState{on: cfg.Enabled, cfg: cfg, tau: math.Inf(1), eng: eng}
	if !cfg.Enabled {
		return s
	}
	if !math.IsInf(cfg.Memory, 1) {
		s.tau = cfg.Memory / math.Ln2
	}
	return s
}

// fade brings b up to now.
func (s *womState) fade(b *belief, now float64) {
	if now > b.at && !math.IsInf(s.tau, 1) {
		dt := now - b.at
		if dt != s.fadeDt {
			s.fadeDt, s.fadeF = dt, math.Exp(-dt/s.tau)
		}
		f := s.fadeF
		b.weight *= f
		b.sum *= f
	}
	b.at = now
}

// value returns the belief's average now, its prior of zero weighing
// inertia.
func (s *womState) value(b *belief, inertia float64) float64 {
	s.fade(b, s.eng.Now())
	return b.sum / (inertia + b.weight)
}

// hear adds a story of value x reaching Reach people.
func (s *womState) hear(b *belief, x float64) {
	s.fade(b, s.eng.Now())
	b.weight += s.cfg.Reach
	b.sum += s.cfg.Reach * x
}

// expected returns the wait customers expect on ch now, in seconds.
func (s *womState) expected(ch *channel) float64 {
	base := ch.cfg.ExpectedWait
	if !s.on {
		return base
	}
	return base * expOf(&ch.reputation, s.value(&ch.reputation, s.cfg.Inertia))
}

// expOf returns math.Exp(v), v being b's average now, and remembers the
// two for lateNear.
func expOf(b *belief, v float64) float64 {
	e := math.Exp(v)
	b.expV, b.expE = v, e
	return e
}

// Every reputation lies within a factor e^maxSurprise of the channel's
// starting expectation either way: an average of stories each within
// maxSurprise of it, with a prior of zero, is within maxSurprise too. So
// the expected wait is above minExpected and below maxExpected times
// ExpectedWait (e³ is 20.09, e⁻³ 0.0498), with margins far wider than any
// rounding of the average.
const (
	minExpected = 0.0497
	maxExpected = 20.1
)

// late tells whether a wait of wait seconds on ch is longer than customers
// expect there now: wait > expected(ch), to the same answer. The
// reputation is brought up to now as expected would, for its fading must
// happen at the same instants to give the same numbers later; but a wait
// outside the bounds the expected wait lies within (an answer at once,
// most of all) is decided without the exponential, and so is a wait
// further from the expected wait than lateNear's bounds on it.
func (s *womState) late(ch *channel, wait float64) bool {
	base := ch.cfg.ExpectedWait
	if !s.on {
		return wait > base
	}
	b := &ch.reputation
	v := s.value(b, s.cfg.Inertia)
	switch {
	case wait <= base*minExpected:
		return false
	case wait >= base*maxExpected:
		return true
	}
	if late, sure := lateNear(b, base, v, wait); sure {
		return late
	}
	return wait > base*expOf(b, v)
}

// levelNow returns the global expectation level now.
func (s *womState) levelNow() float64 {
	if !s.on {
		return 0
	}
	return s.value(&s.level, s.cfg.LevelInertia)
}

// patienceFactor is what the expectation level does to patience now.
func (s *womState) patienceFactor() float64 {
	if !s.on || s.cfg.Coupling == 0 {
		return 1
	}
	return math.Exp(-s.cfg.Coupling * s.levelNow())
}

// touchLevel brings the global expectation level up to now, as
// patienceFactor does, without the exponential: a contact whose patience
// may never be needed (attempt) still fades the level at the instant the
// factor would have been taken, for the level must fade at the same
// instants to give the same numbers later. patienceFactor taken later at
// the same instant, with no story heard in between, is then the number it
// would have been.
func (s *womState) touchLevel() {
	if s.on && s.cfg.Coupling != 0 {
		s.fade(&s.level, s.eng.Now())
	}
}

// tell spreads a story: a wait of observed seconds on channel ch. It adds to
// the channel's reputation, and to the global level as how much faster than
// the channel's starting expectation it was; each within a factor of 20.
func (s *womState) tell(ch *channel, observed float64) {
	x := clampSurprise(math.Log(max(observed, minWait) / ch.cfg.ExpectedWait))
	s.hear(&ch.reputation, x)
	s.hear(&s.level, -x)
}

// share lets a finished customer tell the story of each contact, with the
// chances the scenario sets, drawing from rng (the customer's own stream:
// see crn.go). Callers skip it when word of mouth is off.
func (s *womState) share(cu *customer, rng *rand.Rand) {
	chance := s.cfg.ShareGood
	if cu.bad() {
		chance = s.cfg.ShareBad
	}
	for _, e := range cu.story {
		p := chance
		if e.ch.cfg.Public {
			p = min(1, p*s.cfg.PublicFactor)
		}
		if rng.Float64() >= p {
			continue
		}
		observed := e.wait
		if e.failed {
			// A failure tells of a wait at least twice as long as the one
			// endured, and never shorter than twice what was expected.
			observed = max(2*e.wait, 2*s.expected(e.ch))
		}
		s.tell(e.ch, observed)
	}
}
