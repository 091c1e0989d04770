package models

import (
	"math"
	"slices"
	"testing"
)

// callbackConfig is a phone line of 3 agents at 2.8 Erlangs with
// exponential handle times of 2 minutes.
func callbackConfig(patience Dist, cb *Callback) *Config {
	return &Config{
		Name:     "callback",
		Seed:     31,
		Horizon:  12 * 3600,
		Warmup:   3600,
		Interval: 1800,
		Channels: []Channel{{
			Name:         "phone",
			Kind:         Live,
			Arrivals:     Arrivals{Rate: 2.8 / 120},
			HandleTime:   Dist{Kind: Exponential, Mean: 120},
			Patience:     patience,
			Callback:     cb,
			AnswerWithin: 20,
		}},
		Pools: []Pool{{Name: "agents", Skills: []string{"phone"}, Agents: []int{3}}},
	}
}

// TestCallbackConservesWork checks that callbacks which keep the
// caller's place are only a change of where the caller waits: with
// customers who never abandon, every caller who must queue taking a
// callback, every callback answered and no time spent dialling, the
// agents do the same work in the same order as without callbacks (the
// same customers, by common random numbers): each contact answered at the
// same instant by the same agent, the same busy time; and every caller
// who queued was offered a callback, took it, and was reached.
//
// Seen to catch: an accepted callback put at the back of the queue or
// jumping it, attempt time charged when none is set, callbacks not
// counted as kept.
func TestCallbackConservesWork(t *testing.T) {
	trace := func(cfg *Config) (*Result, []ContactRecord) {
		var recs []ContactRecord
		r, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) })
		if err != nil {
			t.Fatal(err)
		}
		return r, recs
	}
	never := Dist{Kind: Never}
	plain, plainRecs := trace(callbackConfig(never, nil))
	cb, cbRecs := trace(callbackConfig(never, &Callback{Accept: 1}))
	if len(plainRecs) != len(cbRecs) {
		t.Fatalf("%d contacts without callbacks, %d with", len(plainRecs), len(cbRecs))
	}
	byID := map[int64]ContactRecord{}
	for _, c := range cbRecs {
		byID[c.ID] = c
	}
	took := 0
	for _, p := range plainRecs {
		c := byID[p.ID]
		if c.Answered != p.Answered || c.Agent != p.Agent || c.Handle != p.Handle || c.Ended != p.Ended {
			t.Fatalf("contact %d: answered at %v by agent %d for %v s with callbacks, at %v by %d for %v s without",
				p.ID, c.Answered, c.Agent, c.Handle, p.Answered, p.Agent, p.Handle)
		}
		if c.Callback != (p.Answered > p.Arrived) {
			t.Errorf("contact %d: callback %v, yet it waited %v s", c.ID, c.Callback, p.Answered-p.Arrived)
		}
		if c.Callback {
			took++
		}
	}
	if got, want := cb.Pools[0].Total.BusyTime, plain.Pools[0].Total.BusyTime; got != want {
		t.Errorf("busy time %v with callbacks, %v without", got, want)
	}
	k := cb.Channels[0].Total
	if k.CallbacksOffered != k.Waited || k.CallbacksAccepted != k.Waited || k.CallbacksKept != k.Waited ||
		k.CallbackDelay != k.WaitAnswered {
		t.Errorf("callbacks offered %d, accepted %d, kept %d, delay %v: want all %d callers who waited, for %v s",
			k.CallbacksOffered, k.CallbacksAccepted, k.CallbacksKept, k.CallbackDelay, k.Waited, k.WaitAnswered)
	}
	if took < 100 {
		t.Fatalf("the case tests too little: %d callbacks", took)
	}
}

// TestFormulaCallback checks callbacks contact by contact from the trace,
// on an overloaded line of impatient callers (exponential patience of two
// minutes, fixed handle times of two minutes, 3 agents at 3.6 Erlangs).
// With every callback answered, a callback is offered exactly to the
// callers who find the quoted wait, (waiting + 1) × 2 minutes ÷ 3 agents,
// above 2 minutes: those who find 3 or more contacts waiting. With 30 %
// of attempts unanswered and one retry, no caller who took a callback
// abandons; a callback answered holds its agent for the 15 s of dialling
// as well as the contact; each one taken ends reached or missed, missed
// when both its attempts went unanswered (0.3² of them).
//
// Seen to catch: the quote's + 1 or its division by the agents changed,
// the patience timer left running on a callback, the attempt time left
// out, retries never made or never given up.
func TestFormulaCallback(t *testing.T) {
	run := func(noAnswer float64) (*Config, *Result, []ContactRecord) {
		cfg := callbackConfig(Dist{Kind: Exponential, Mean: 120},
			&Callback{OfferAbove: 120, Accept: 0.6, NoAnswer: noAnswer, Retries: 1, RetryDelay: 120, AttemptTime: 15})
		cfg.Horizon = 40 * 3600
		cfg.Channels[0].Arrivals.Rate = 3.6 / 120
		cfg.Channels[0].HandleTime = Dist{Kind: Deterministic, Mean: 120}
		var recs []ContactRecord
		r, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) })
		if err != nil {
			t.Fatal(err)
		}
		return cfg, r, recs
	}
	inWindow := func(cfg *Config, c ContactRecord) bool { return c.Arrived >= cfg.Warmup && c.Arrived < cfg.Horizon }

	// Every attempt answered: the queue a caller found is the contacts
	// that arrived before and were neither answered nor gone yet.
	cfg, r, recs := run(0)
	offered := int64(0)
	for _, c := range recs {
		if !inWindow(cfg, c) || c.Answered == c.Arrived {
			continue
		}
		waiting := 0
		for _, d := range recs {
			if d.Arrived < c.Arrived && !(d.Answered <= c.Arrived) && d.Ended > c.Arrived {
				waiting++
			}
		}
		if waiting >= 3 {
			offered++
		}
	}
	if k := r.Channels[0].Total; k.CallbacksOffered != offered || offered < 200 {
		t.Errorf("callbacks offered %d; the trace says %d callers found 3 or more waiting (want at least 200)", k.CallbacksOffered, offered)
	}

	// Attempts unanswered 30 % of the time.
	cfg, r, recs = run(0.3)
	taken, kept, missed := int64(0), int64(0), 0
	for _, c := range recs {
		if !inWindow(cfg, c) || !c.Callback {
			continue
		}
		taken++
		switch {
		case c.Outcome == OutcomeAbandoned:
			t.Errorf("contact %d took a callback and abandoned", c.ID)
		case c.Outcome == OutcomeCallbackMissed:
			missed++
			if !math.IsNaN(c.Answered) {
				t.Errorf("missed callback %d was answered at %v", c.ID, c.Answered)
			}
		case !math.IsNaN(c.Answered):
			kept++
			if math.Abs(c.Handle-135) > 1e-9 {
				t.Errorf("callback %d held its agent %v s, want 15 s of dialling and the 120 s contact", c.ID, c.Handle)
			}
		}
	}
	k := r.Channels[0].Total
	if k.CallbacksAccepted != taken || k.CallbacksKept != kept {
		t.Errorf("callbacks accepted %d, kept %d; the trace says %d, %d", k.CallbacksAccepted, k.CallbacksKept, taken, kept)
	}
	// Each callback is missed when both its attempts go unanswered: 0.3²
	// of them, within a 99.9 % binomial interval.
	if n, p := float64(kept)+float64(missed), 0.3*0.3; math.Abs(float64(missed)-n*p) > 3.29*math.Sqrt(n*p*(1-p)) {
		t.Errorf("%d of %v callbacks missed, want about %.0f (two attempts unanswered)", missed, n, n*p)
	}
	if taken < 100 || missed < 5 || kept < 50 {
		t.Fatalf("the case tests too little: %d callbacks taken, %d kept, %d missed", taken, kept, missed)
	}
}

// TestCallbackFreesTheLine checks that a caller who takes a callback
// hangs up: the contact holds no line. One agent and two lines: without
// callbacks, callers find both lines taken (one served, one waiting) and
// get a busy signal; with every caller who must queue taking a callback,
// nobody waits on the line, so the second line is always free and nobody
// is turned away.
//
// Seen to catch: an accepted callback still counted on the lines.
func TestCallbackFreesTheLine(t *testing.T) {
	blocked := func(cb *Callback) int64 {
		cfg := callbackConfig(Dist{Kind: Never}, cb)
		cfg.Channels[0].Lines = 2
		cfg.Pools[0].Agents = []int{1}
		cfg.Channels[0].Arrivals.Rate = 0.9 / 120
		r, err := Run(cfg, 0)
		if err != nil {
			t.Fatal(err)
		}
		return r.Channels[0].Total.Blocked
	}
	if without := blocked(nil); without < 10 {
		t.Fatalf("without callbacks %d callers were turned away: the case tests too little", without)
	}
	if with := blocked(&Callback{Accept: 1}); with != 0 {
		t.Errorf("with callbacks %d callers were turned away, want none", with)
	}
}

// TestCutOffTracesRetryingCallbacks: a run cut off at the horizon counts
// the callbacks still waiting for a retry as unfinished, in the tallies
// and in the trace alike, as it does the contacts still queued.
//
// Seen to catch: a callback waiting for its retry forgotten at the cut.
func TestCutOffTracesRetryingCallbacks(t *testing.T) {
	cfg := callbackConfig(Dist{Kind: Exponential, Mean: 120},
		&Callback{OfferAbove: 0, Accept: 1, NoAnswer: 0.6, Retries: 3, RetryDelay: 3 * 3600, AttemptTime: 15})
	cfg.Cutoff = true
	var recs []ContactRecord
	r, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) })
	if err != nil {
		t.Fatal(err)
	}
	unfinished, callbacks := int64(0), 0
	for _, c := range recs {
		if c.Outcome == OutcomeUnfinished && c.Arrived >= cfg.Warmup && c.Arrived < cfg.Horizon {
			unfinished++
			if c.Callback && math.IsNaN(c.Answered) {
				callbacks++
			}
		}
	}
	if got := r.Channels[0].Total.Unfinished; got != unfinished || callbacks < 5 {
		t.Errorf("%d unfinished in the tallies, %d in the trace, %d of them callbacks (want the same, and some callbacks)", got, unfinished, callbacks)
	}
}

// TestCheckCallback checks the rules of a callback offer at their edges,
// each refusal naming the setting at fault.
func TestCheckCallback(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(cb *Callback, ch *Channel)
		want []string
	}{
		{"valid", func(*Callback, *Channel) {}, nil},
		{"100 retries", func(cb *Callback, _ *Channel) { cb.Retries = 100 }, nil},
		{"101 retries", func(cb *Callback, _ *Channel) { cb.Retries = 101 }, []string{"channels.phone.callback.retries"}},
		{"negative retries", func(cb *Callback, _ *Channel) { cb.Retries = -1 }, []string{"channels.phone.callback.retries"}},
		{"nobody answers", func(cb *Callback, _ *Channel) { cb.NoAnswer = 1 }, []string{"channels.phone.callback.no_answer"}},
		{"accept above 1", func(cb *Callback, _ *Channel) { cb.Accept = 1.5 }, []string{"channels.phone.callback.accept"}},
		{"negative offer", func(cb *Callback, _ *Channel) { cb.OfferAbove = -1 }, []string{"channels.phone.callback.offer_above"}},
		{"negative delay", func(cb *Callback, _ *Channel) { cb.RetryDelay = -1 }, []string{"channels.phone.callback.retry_delay"}},
		{"infinite attempt", func(cb *Callback, _ *Channel) { cb.AttemptTime = math.Inf(1) }, []string{"channels.phone.callback.attempt_time"}},
		{"on a deferred channel", func(_ *Callback, ch *Channel) { ch.Kind, ch.Patience = Deferred, Dist{Kind: Never} }, []string{"channels.phone.callback"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cb := DefaultCallback()
			cfg := callbackConfig(Dist{Kind: Never}, &cb)
			tc.edit(&cb, &cfg.Channels[0])
			cfg.SetDefaults()
			if got := problemPaths(t, cfg); !slices.Equal(got, tc.want) {
				t.Errorf("problems at %v, want %v (%v)", got, tc.want, cfg.Validate())
			}
		})
	}
}
