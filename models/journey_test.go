package models

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/sim"
)

// The journey's formulas, each checked customer by customer on a traced
// run: a customer's keyed draws are redrawn by the test (keyedFloats) and
// what docs/model.md says they decide is compared with what the trace shows.

// TestFormulaRetryChance: after the n-th failure (turned away, abandoned,
// or answered unresolved) a customer tries again with the n-th chance of
// retry, the last holding for later ones, drawn from their n-th retry
// stream (u < chance); after a busy signal or an abandonment they come back
// after retry_delay, after an unresolved answer after repeat_delay; after
// max_contacts contacts they give up without a draw.
//
// Seen to catch: the chance after the n-th failure taken as the (n+1)-th
// (retryChance's index off by one); the last chance not holding for later
// failures (0 past the list); the draw compared the wrong way (u ≥ chance);
// retry_delay and repeat_delay swapped; the max_contacts guard of fail
// loosened (contacts > max_contacts), which only delays the moment the
// customer gives up (attempt refuses the contact past max_contacts) by the
// retry's delay: the finished hook shows that a customer out of contacts
// gives up as the last one fails.
func TestFormulaRetryChance(t *testing.T) {
	j := Journey{Retry: []float64{0.9, 0.5, 0.2}}
	for _, tc := range []struct {
		failures int
		want     float64
	}{{0, 0}, {1, 0.9}, {2, 0.5}, {3, 0.2}, {4, 0.2}, {10, 0.2}} {
		if got := j.retryChance(tc.failures); got != tc.want {
			t.Errorf("after %d failures: chance %v, want %v", tc.failures, got, tc.want)
		}
	}
	if got := (&Journey{}).retryChance(1); got != 0 {
		t.Errorf("no retry list: chance %v, want 0", got)
	}

	phone := live("phone", 60.0/3600, 240)
	phone.Patience = Dist{Kind: Exponential, Mean: 120}
	phone.Lines = 6
	phone.Resolution = []float64{0.7}
	chat := live("chat", 0, 300)
	chat.Patience = Dist{Kind: Exponential, Mean: 200}
	chat.Resolution = []float64{0.6}
	cfg := &Config{Seed: 31, Horizon: 12 * 3600, Interval: 3600,
		Journey: Journey{MaxContacts: 5, Retry: []float64{0.9, 0.6, 0.7},
			RetryDelay: Dist{Kind: Deterministic, Mean: 300}, RepeatDelay: Dist{Kind: Deterministic, Mean: 7200}},
		Choice:   Choice{WaitWeight: 1, Stay: 0.5},
		Channels: []Channel{phone, chat},
		Pools:    []Pool{onePool("p", 3, "phone"), onePool("c", 2, "chat")}}
	tr := traceRun(t, cfg, 0, nil)
	retry := tr.cfg.Journey.Retry
	var retried, gaveUp, atMax [6]int
	for _, cs := range tr.byCustomer() {
		failures := 0
		for i, c := range cs {
			if i >= tr.cfg.Journey.MaxContacts {
				t.Fatalf("customer %d made %d contacts, more than %d", c.Customer, len(cs), tr.cfg.Journey.MaxContacts)
			}
			var next *ContactRecord
			if i+1 < len(cs) {
				next = cs[i+1]
			}
			if c.Outcome == OutcomeResolved {
				if next != nil {
					t.Fatalf("customer %d contacts again after a resolution", c.Customer)
				}
				continue
			}
			failures++
			if i+1 >= tr.cfg.Journey.MaxContacts {
				atMax[failures]++
				if next != nil {
					t.Fatalf("customer %d contacts again after %d contacts", c.Customer, i+1)
				}
				if e := tr.ended[c.Customer]; e.at != c.Ended || e.resolved {
					t.Fatalf("customer %d, out of contacts at %v, gave up at %v (resolved %v)", c.Customer, c.Ended, e.at, e.resolved)
				}
				continue
			}
			u := keyedFloats(tr.cfg.Seed, 0, "journey/retry", tr.made[c.ID].cust, failures, 1)[0]
			chance := retry[min(failures, len(retry))-1]
			if want := u < chance; want != (next != nil) {
				t.Fatalf("customer %d, failure %d (%s on %s): draw %.4f against %v says retry %v; the trace says %v",
					c.Customer, failures, c.Outcome, c.Channel, u, chance, want, next != nil)
			}
			if next == nil {
				gaveUp[failures]++
				if e := tr.ended[c.Customer]; e.at != c.Ended || e.resolved {
					t.Fatalf("customer %d, drawing no retry at %v, gave up at %v (resolved %v)", c.Customer, c.Ended, e.at, e.resolved)
				}
				continue
			}
			retried[failures]++
			delay := 300.0
			if c.Outcome == OutcomeUnresolved {
				delay = 7200
			}
			if next.How != HowRetry || next.Previous != c.ID || math.Abs(next.Arrived-c.Ended-delay) > timeTol {
				t.Fatalf("customer %d: after %s at %v, next contact %s at %v; want a retry %v s later", c.Customer, c.Outcome, c.Ended, next.How, next.Arrived, delay)
			}
		}
	}
	t.Logf("by failure 1..5: retried %v, gave up %v, at max_contacts %v", retried[1:], gaveUp[1:], atMax[1:])
	for n := 1; n <= 4; n++ {
		if retried[n] == 0 || gaveUp[n] == 0 {
			t.Errorf("after failure %d, %d retried and %d gave up: the test needs both", n, retried[n], gaveUp[n])
		}
	}
	if atMax[5] == 0 {
		t.Errorf("nobody reached max_contacts")
	}
}

// escalationWorld is a front line whose unresolved contacts go to a second
// tier by transfer (50 %) or to email after 10 minutes (30 %), the rest
// ending unresolved, with siloed history: the second tier and email start
// from nothing.
func escalationWorld(history History) *Config {
	phone := live("phone", 40.0/3600, 180)
	phone.Resolution = []float64{0.7, 0.3}
	phone.Escalations = []Escalation{
		{To: "tier2", Share: 0.5, Transfer: true},
		{To: "email", Share: 0.3, Delay: Dist{Kind: Deterministic, Mean: 600}},
	}
	tier2 := live("tier2", 0, 300)
	tier2.Choosable = false
	tier2.Resolution = []float64{0.9, 0.9}
	email := Channel{Name: "email", Kind: Deferred, HandleTime: Dist{Kind: Exponential, Mean: 400},
		Patience: Dist{Kind: Never}, AnswerWithin: 86400, Resolution: []float64{1, 1}}
	j := DefaultJourney()
	j.History = history
	return &Config{Seed: 32, Horizon: 12 * 3600, Interval: 3600, Journey: j,
		Issues:   []Issue{{Name: "simple", Share: 0.6, HandleFactor: 1}, {Name: "complex", Share: 0.4, HandleFactor: 1.5}},
		Channels: []Channel{phone, tier2, email},
		Pools:    []Pool{onePool("p", 4, "phone"), onePool("t", 4, "tier2"), onePool("e", 2, "email")}}
}

// TestFormulaEscalationShares: a handled contact resolves when the first
// number of its resolution stream is below the channel's chance for the
// issue (× siloed.resolution_factor for a contact on a channel other than
// the customer's previous one, when history is siloed); otherwise the
// second number picks the path whose slice of the shares, in order, holds
// it (a transfer joins the path's queue at once; another path contacts it
// after its delay), and past the last slice the contact ends unresolved.
// The customer's j-th handled contact draws from their j-th stream.
//
// Seen to catch: the paths' shares not cumulated (x not reduced by each
// share passed); the path drawn from the resolution draw; the resolution
// draw compared the wrong way; siloed.resolution_factor left out, or
// applied with integrated history.
func TestFormulaEscalationShares(t *testing.T) {
	for _, history := range []History{Siloed, Integrated} {
		tr := traceRun(t, escalationWorld(history), 0, nil)
		chans := map[string]*Channel{}
		for i := range tr.cfg.Channels {
			chans[tr.cfg.Channels[i].Name] = &tr.cfg.Channels[i]
		}
		outcomes := map[string]int{}
		carried := 0
		for _, cs := range tr.byCustomer() {
			j := 0
			for i, c := range cs {
				if !handledOutcome(c.Outcome) {
					t.Fatalf("contact %d ended %s", c.ID, c.Outcome)
				}
				j++
				ch := chans[c.Channel]
				p := ch.Resolution[tr.issueIndex(t, c.Issue)]
				if history == Siloed && c.Previous != 0 && tr.byID[c.Previous].Channel != c.Channel {
					p *= tr.cfg.Journey.SiloResolutionFactor
					carried++
				}
				want, to := OutcomeResolved, ""
				if p < 1 {
					u := keyedFloats(tr.cfg.Seed, 0, "resolve", tr.made[c.ID].cust, j, 2)
					if u[0] >= p {
						want = OutcomeUnresolved
						x := u[1]
						for _, e := range ch.Escalations {
							if x < e.Share {
								want, to = OutcomeEscalated, e.To
								break
							}
							x -= e.Share
						}
					}
				}
				if c.Outcome != want {
					t.Fatalf("%s: contact %d on %s (%s, chance %v) ended %s; its draws say %s", history, c.ID, c.Channel, c.Issue, p, c.Outcome, want)
				}
				outcomes[c.Channel+" "+c.Outcome+" "+to]++
				var next *ContactRecord
				if i+1 < len(cs) {
					next = cs[i+1]
				}
				if to == "" {
					if next != nil {
						t.Fatalf("%s: contact %d ended %s, yet the customer went on", history, c.ID, c.Outcome)
					}
					continue
				}
				delay := 0.0
				if to == "email" {
					delay = 600
				}
				if next == nil || next.Channel != to || next.How != HowEscalation || math.Abs(next.Arrived-c.Ended-delay) > timeTol {
					t.Fatalf("%s: contact %d escalated to %s; next contact %+v", history, c.ID, to, next)
				}
			}
		}
		t.Logf("%s: %v; %d contacts started from nothing", history, outcomes, carried)
		for _, k := range []string{"phone resolved ", "phone escalated tier2", "phone escalated email", "phone unresolved ", "tier2 unresolved "} {
			if outcomes[k] == 0 {
				t.Errorf("%s: no contact %q: the world misses a case", history, k)
			}
		}
	}
}

// TestFormulaSelfServiceSendOn: a self-service session resolves the issue
// when the first number of the customer's resolution stream is below the
// channel's chance for the issue; otherwise the customer goes on at once
// to one of send_to's channels, chosen among those only, by the logit of
// choice (customer's choice stream; see TestFormulaChoiceLogit). Without
// send_to the session ends unresolved and the customer's journey follows
// (here: nobody tries again).
//
// Seen to catch: the draw compared the wrong way (u ≥ chance resolves);
// send_to ignored (the customer chooses among every channel); the sent-on
// contact made after a delay.
func TestFormulaSelfServiceSendOn(t *testing.T) {
	web := Channel{Name: "web", Kind: SelfService, Choosable: true, Arrivals: Arrivals{Rate: 60.0 / 3600},
		HandleTime: Dist{Kind: Exponential, Mean: 120}, Patience: Dist{Kind: Never}, Resolution: []float64{0.4},
		SendTo: []string{"phone", "chat"}}
	phone, chat := live("phone", 0, 180), live("chat", 0, 240)
	phone.Preference, chat.ExpectedWait = 0.3, 90
	email := Channel{Name: "email", Kind: Deferred, Choosable: true, Preference: 5, HandleTime: Dist{Kind: Exponential, Mean: 300},
		Patience: Dist{Kind: Never}, AnswerWithin: 3600}
	cfg := &Config{Seed: 33, Horizon: 12 * 3600, Interval: 3600, Choice: Choice{WaitWeight: 0.8},
		Channels: []Channel{web, phone, chat, email},
		Pools:    []Pool{onePool("p", 3, "phone"), onePool("c", 3, "chat"), onePool("e", 2, "email")}}
	for _, sendTo := range [][]string{{"phone", "chat"}, nil} {
		cfg.Channels[0].SendTo = sendTo
		tr := traceRun(t, cfg, 0, nil)
		// The logit over phone and chat (email left out): U = preference −
		// 0.8·ln(expected wait ÷ 60 s), phone expecting 20 s, chat 90 s.
		uPhone, uChat := 0.3-0.8*math.Log(20.0/60), -0.8*math.Log(90.0/60)
		pPhone := math.Exp(uPhone) / (math.Exp(uPhone) + math.Exp(uChat))
		counts := map[string]int{}
		for _, c := range tr.recs {
			if c.Channel != "web" {
				continue
			}
			key := tr.made[c.ID].cust
			next := tr.next[c.ID]
			u := keyedFloats(tr.cfg.Seed, 0, "resolve", key, 1, 1)[0]
			switch {
			case u < 0.4:
				if c.Outcome != OutcomeResolved || len(next) != 0 {
					t.Fatalf("send_to %v: session %d drew %.4f < 40 %%, ended %s with %d contacts after", sendTo, c.ID, u, c.Outcome, len(next))
				}
			case sendTo == nil:
				if c.Outcome != OutcomeUnresolved || len(next) != 0 {
					t.Fatalf("no send_to: session %d drew %.4f ≥ 40 %%, ended %s with %d contacts after", c.ID, u, c.Outcome, len(next))
				}
			default:
				want := "chat"
				if keyedFloats(tr.cfg.Seed, 0, "choice", key, 1, 1)[0] < pPhone {
					want = "phone"
				}
				if c.Outcome != OutcomeSentOn || len(next) != 1 || next[0].How != HowSentOn || next[0].Channel != want || next[0].Arrived != c.Ended {
					t.Fatalf("send_to %v: session %d drew %.4f ≥ 40 %%, ended %s; after it %v; want a contact on %s at once", sendTo, c.ID, u, c.Outcome, next, want)
				}
			}
			counts[c.Outcome]++
		}
		t.Logf("send_to %v: sessions %v", sendTo, counts)
	}
}

// TestFormulaChaseThreshold: a customer whose deferred contact is still
// waiting chase_after × the wait they expected (the channel's reputation
// at arrival) × the patience factor at arrival (see
// TestFormulaPatienceFactor) after it arrived chases, with the chance
// chase (first number of their chase stream below it), on another channel
// at once, leaving the first contact in the backlog.
//
// A chase counts as a failure, for the next retry's chance and for
// satisfaction.
//
// Seen to catch: chase_after left out; the patience factor left out of the
// threshold; the chase draw compared the wrong way; the chase allowed on
// the same channel; the chase not counted as a failure (failures-- in
// expire).
func TestFormulaChaseThreshold(t *testing.T) {
	// Email attractive enough that a chase allowed back onto it would go
	// there about one time in eight.
	email := Channel{Name: "email", Kind: Deferred, Choosable: true, Arrivals: Arrivals{Rate: 20.0 / 3600}, Preference: 4,
		HandleTime: Dist{Kind: Exponential, Mean: 600}, Patience: Dist{Kind: Never}, ExpectedWait: 3600, AnswerWithin: 86400}
	phone, chat := live("phone", 0, 180), live("chat", 0, 240)
	j := DefaultJourney()
	j.Chase, j.ChaseAfter = 0.5, 1.5
	cfg := &Config{Seed: 34, Horizon: 12 * 3600, Interval: 3600, Journey: j, Choice: Choice{WaitWeight: 1},
		Channels: []Channel{email, phone, chat},
		// One email agent for 20 an hour at 10 minutes each: a growing backlog.
		Pools: []Pool{onePool("e", 1, "email"), onePool("p", 5, "phone"), onePool("c", 3, "chat")}}
	wom := WordOfMouth{Enabled: true, ShareGood: 1, ShareBad: 1, PublicFactor: 1, Reach: 10, Inertia: 100,
		LevelInertia: 100, Memory: 3600, Coupling: 1}
	for _, withWOM := range []bool{false, true} {
		if withWOM {
			cfg.WordOfMouth = wom
		}
		threshold := map[int64]float64{}
		failuresAt := map[int64]int{}
		tr := traceRun(t, cfg, 0, func(w *world, c *contact) {
			if c.ch.kind == Deferred {
				threshold[c.id] = w.wom.expected(c.ch) * 1.5 * w.wom.patienceFactor()
			}
			failuresAt[c.id] = c.cust.failures
		})
		var chased, kept, early int
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, c := range tr.recs {
			if c.Channel != "email" || c.How != HowFirst {
				continue
			}
			th := threshold[c.ID]
			if !withWOM && th != 5400 {
				t.Fatalf("without word of mouth the threshold is %v, want 1.5 × 3600 s", th)
			}
			lo, hi = math.Min(lo, th), math.Max(hi, th)
			next := tr.next[c.ID]
			if answered(c) && c.Answered-c.Arrived < th {
				early++
				if c.Chased || len(next) != 0 {
					t.Fatalf("contact %d answered after %v s, before its threshold %v s, was chased", c.ID, c.Answered-c.Arrived, th)
				}
				continue
			}
			u := keyedFloats(tr.cfg.Seed, 0, "journey/chase", tr.made[c.ID].cust, 1, 1)[0]
			if want := u < 0.5; want != c.Chased {
				t.Fatalf("contact %d waited past its threshold and drew %.4f: chased %v, want %v", c.ID, u, c.Chased, want)
			}
			if !c.Chased {
				kept++
				if len(next) != 0 {
					t.Fatalf("contact %d was not chased but has a contact after it", c.ID)
				}
				continue
			}
			chased++
			if len(next) != 1 || next[0].How != HowChase || next[0].Channel == "email" || math.Abs(next[0].Arrived-c.Arrived-th) > timeTol {
				t.Fatalf("contact %d arrived at %v, threshold %v s: after it %+v, want a chase on another channel at the threshold", c.ID, c.Arrived, th, next)
			}
			if f := failuresAt[next[0].ID]; f != 1 {
				t.Fatalf("contact %d, chased after a first contact: the customer counts %d failures, want 1 (the chase)", next[0].ID, f)
			}
			if !answered(c) && c.Outcome != OutcomeUnfinished {
				t.Fatalf("chased contact %d left the backlog unanswered: %s", c.ID, c.Outcome)
			}
		}
		t.Logf("word of mouth %v: thresholds %.0f to %.0f s; %d answered before, %d chased, %d not", withWOM, lo, hi, early, chased, kept)
		if early == 0 || chased == 0 || kept == 0 || withWOM && !(hi/lo > 1.5) {
			t.Errorf("the world misses a case")
		}
	}
}

// TestFormulaJumpTheLine: on a channel that lets complaints jump the line,
// an agent takes the longest-waiting complaint before any other contact
// (a complaint: a contact by a customer who has already failed or gone
// unresolved, a retry, or a chase); elsewhere contacts are taken in the
// order they arrived. The rule for which contact is a complaint is also
// checked one case at a time.
//
// Seen to catch: complaints not put first (head reading the normal queue
// first); jump_the_line ignored (complaints first everywhere); a customer's
// earlier failures not making a complaint (failures > 0 dropped: an
// escalation or a self-service send-on after a failure). Equivalent, not
// catchable: dropping "or a retry, or a chase" from the rule, since a
// customer retries or chases only after a failure has been counted.
func TestFormulaJumpTheLine(t *testing.T) {
	cases := []struct {
		name     string
		jump     bool
		failures int
		how      origin
		urgent   bool
	}{
		{"first contact", true, 0, firstContact, false},
		{"retry", true, 1, retried, true},
		{"chase", true, 1, chased, true},
		{"escalation", true, 0, escalated, false},
		{"escalation after a failure", true, 1, escalated, true},
		{"sent on by self-service", true, 0, sentOn, false},
		{"sent on after a failure", true, 2, sentOn, true},
		{"retry, no jumping", false, 1, retried, false},
	}
	for _, tc := range cases {
		social := live("social", 0, 120)
		social.JumpTheLine = tc.jump
		cfg := &Config{Seed: 14, Horizon: 3600, Interval: 3600, Channels: []Channel{social}, Pools: []Pool{onePool("p", 0, "social")}}
		cfg.SetDefaults()
		w := newWorld(cfg, sim.NewStreams(1, 0))
		cu := w.newCustomer(0, 1, nil)
		cu.failures = tc.failures
		w.attempt(cu, w.channels[0], tc.how)
		if got := w.channels[0].head().urgent; got != tc.urgent {
			t.Errorf("%s: a complaint %v, want %v", tc.name, got, tc.urgent)
		}
	}

	for _, jump := range []bool{true, false} {
		social := live("social", 40.0/3600, 120)
		social.Patience = Dist{Kind: Exponential, Mean: 300}
		social.JumpTheLine = jump
		cfg := &Config{Seed: 35, Horizon: 8 * 3600, Interval: 3600,
			Journey:  Journey{MaxContacts: 5, Retry: []float64{1}, RetryDelay: Dist{Kind: Deterministic, Mean: 60}},
			Channels: []Channel{social}, Pools: []Pool{onePool("p", 1, "social")}}
		tr := traceRun(t, cfg, 0, nil)
		urgent := func(c *ContactRecord) bool { return jump && c.How == HowRetry }
		overtook := 0
		for i := range tr.recs {
			c := &tr.recs[i]
			if tr.made[c.ID].urgent != urgent(c) {
				t.Fatalf("jump %v: contact %d (%s) a complaint %v", jump, c.ID, c.How, tr.made[c.ID].urgent)
			}
			if !answered(*c) || c.Answered == c.Arrived {
				continue
			}
			at := c.Answered
			// Every other contact waiting when c was taken must come after it.
			for k := range tr.recs {
				d := &tr.recs[k]
				waiting := d.ID != c.ID && d.Arrived < at && (answered(*d) && d.Answered > at || !answered(*d) && d.Ended > at)
				if !waiting {
					continue
				}
				before := d.Arrived < c.Arrived
				if urgent(d) != urgent(c) {
					before = urgent(d)
				}
				if before {
					t.Fatalf("jump %v: at %v the agent took contact %d (%s, arrived %v) before %d (%s, arrived %v)",
						jump, at, c.ID, c.How, c.Arrived, d.ID, d.How, d.Arrived)
				}
				if urgent(c) && !urgent(d) && d.Arrived < c.Arrived {
					overtook++
				}
			}
		}
		t.Logf("jump %v: %d contacts, %d times a complaint overtook an earlier contact", jump, len(tr.recs), overtook)
		if jump && overtook == 0 {
			t.Errorf("no complaint ever overtook: the test shows nothing")
		}
	}
}

// TestFormulaHandleTime: a contact's handle time is its drawn time × its
// issue's handle_factor, or the channel's handle_times law for the issue
// drawn as it is; × siloed.handle_factor on a channel other than the
// customer's previous one when history is siloed (a retry on the same
// channel is not carried); and, on a channel of one contact at a time,
// that is the time the agent spends.
//
// Seen to catch: siloed.handle_factor left out, applied to every contact
// after the first, or applied with integrated history; the issue's factor
// left out; the issue's factor applied on top of a handle_times law.
func TestFormulaHandleTime(t *testing.T) {
	phone := live("phone", 40.0/3600, 240)
	phone.Resolution = []float64{0.6, 0.4}
	phone.Escalations = []Escalation{{To: "tier2", Share: 0.5, Transfer: true}}
	chat := live("chat", 0, 300)
	chat.Resolution = []float64{0.7, 0.7}
	tier2 := live("tier2", 0, 400)
	tier2.Choosable = false
	tier2.IssueHandle = []Dist{{}, {Kind: Gamma, Mean: 900, CV: 0.5}}
	j := DefaultJourney()
	j.MaxContacts, j.Retry, j.RepeatDelay = 4, []float64{1}, Dist{Kind: Deterministic, Mean: 600}
	cfg := &Config{Seed: 36, Horizon: 12 * 3600, Interval: 3600, Journey: j, Choice: Choice{WaitWeight: 1},
		Issues:   []Issue{{Name: "simple", Share: 0.6, HandleFactor: 0.8}, {Name: "complex", Share: 0.4, HandleFactor: 1.5}},
		Channels: []Channel{phone, chat, tier2},
		Pools:    []Pool{onePool("p", 5, "phone"), onePool("c", 3, "chat"), onePool("t", 5, "tier2")}}
	for _, history := range []History{Siloed, Integrated} {
		cfg.Journey.History = history
		tr := traceRun(t, cfg, 0, nil)
		var carried, sameChannel, ownLaw int
		for _, c := range tr.recs {
			if !answered(c) {
				continue
			}
			m := tr.made[c.ID]
			issue := tr.issueIndex(t, c.Issue)
			want := m.handle * tr.cfg.Issues[issue].HandleFactor
			if c.Channel == "tier2" && c.Issue == "complex" {
				want = m.handle
				ownLaw++
			}
			if c.Previous != 0 {
				if tr.byID[c.Previous].Channel == c.Channel {
					sameChannel++
				} else if history == Siloed {
					want *= 1.25
					carried++
				}
			}
			if !closeTo(c.Handle, want, 1e-12) {
				t.Fatalf("%s: contact %d on %s (%s, after %d): handled %.9g s, drawn %.9g s gives %.9g s", history, c.ID, c.Channel, c.Issue, c.Previous, c.Handle, m.handle, want)
			}
		}
		t.Logf("%s: %d contacts carried to another channel, %d after one on the same channel, %d by their issue's own law", history, carried, sameChannel, ownLaw)
		if history == Siloed && carried == 0 || sameChannel == 0 || ownLaw == 0 {
			t.Errorf("%s: the world misses a case", history)
		}
	}
}

// TestEscalationWaitsForOpening: a customer sent by an escalation path to
// a channel that is closed when they would contact it waits for it to open
// and contacts it a retry delay later (docs/scenario-format.md, escalation:
// the customer contacts it later, when it is open); and with
// max_contacts 1, nobody escalated makes a second contact.
func TestEscalationWaitsForOpening(t *testing.T) {
	chat := live("chat", 20.0/3600, 300)
	chat.Resolution = []float64{0}
	chat.Escalations = []Escalation{{To: "phone", Share: 1, Delay: Dist{Kind: Deterministic, Mean: 60}}}
	phone := live("phone", 0, 120)
	phone.Choosable = false
	phone.Open = []Span{{Days: EveryDay, From: 8 * 3600, To: 20 * 3600}}
	phone.Resolution = []float64{1}
	cfg := &Config{Seed: 12, Horizon: 3 * 86400, Interval: 3600,
		Journey:  Journey{MaxContacts: 5, RetryDelay: Dist{Kind: Deterministic, Mean: 300}},
		Channels: []Channel{chat, phone},
		Pools:    []Pool{onePool("c", 4, "chat"), onePool("p", 4, "phone")}}
	tr := traceRun(t, cfg, 0, nil)
	waited := 0
	for _, cs := range tr.byCustomer() {
		if len(cs) != 2 || cs[0].Outcome != OutcomeEscalated || cs[1].How != HowEscalation {
			t.Fatalf("customer %d: %d contacts, the first %s, the second %s; want a chat escalated to the phone", cs[0].Customer, len(cs), cs[0].Outcome, cs[1].How)
		}
		due := cs[0].Ended + 60
		want := due
		if !tr.cfg.Channels[1].OpenAt(Monday, due) {
			day := math.Floor(due / 86400)
			open := day*86400 + 8*3600
			if open <= due {
				open += 86400
			}
			want = open + 300
			waited++
		}
		if math.Abs(cs[1].Arrived-want) > timeTol {
			t.Fatalf("customer %d: escalated at %v, phone contact at %v; want %v", cs[0].Customer, cs[0].Ended, cs[1].Arrived, want)
		}
	}
	if waited == 0 {
		t.Error("no escalation fell while the phone was closed: the test needs some")
	}
	cfg.Journey.MaxContacts = 1
	tr = traceRun(t, cfg, 0, nil)
	for _, r := range tr.recs {
		if r.Channel == "phone" {
			t.Fatalf("with max_contacts 1, customer %d contacted the phone after the chat", r.Customer)
		}
	}
}
