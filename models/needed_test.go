package models

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/models/erlang"
)

// TestNeedIn: a live channel needs Erlang A's staffing for its targets (the
// reference is erlang.Staff itself, checked against published values in
// models/erlang), divided by its concurrency; a deferred one its workload;
// self-service nothing to staff.
func TestNeedIn(t *testing.T) {
	phone := Channel{Name: "phone", Kind: Live, Concurrency: 1, AnswerWithin: 20,
		HandleTime: Dist{Kind: Exponential, Mean: 180}, Patience: Dist{Kind: Exponential, Mean: 300}}
	ref, err := erlang.Staff(erlang.Params{ArrivalRate: 100.0 / 1800, HandleTime: 180, Patience: 300, AnswerWithin: 20},
		erlang.Targets{ServiceLevel: DefaultServiceLevel})
	if err != nil {
		t.Fatal(err)
	}
	n, err := phone.NeedIn(100, 180, 1800)
	if err != nil || n.Agents != float64(ref.Agents) || n.PWait != ref.PWait {
		t.Errorf("phone: %+v, %v; want %d agents (erlang.Staff at the default 80 %%)", n, err, ref.Agents)
	}
	// The handle time measured, or the channel's when none was.
	if m, _ := phone.NeedIn(100, math.NaN(), 1800); m != n {
		t.Errorf("no handle time measured: %+v, want the channel's mean's %+v", m, n)
	}
	// A cap on occupancy asks for more.
	capped := phone
	capped.MaxOccupancy = 0.6
	if c, err := capped.NeedIn(100, 180, 1800); err != nil || !(c.Agents > n.Agents) || c.Agents < 100*180/1800/0.6 {
		t.Errorf("occupancy ≤ 60 %%: %+v, %v; want more than %v and at least load ÷ 0.6", c, err, n.Agents)
	}
	chat := phone
	chat.Concurrency = 2
	if c, _ := chat.NeedIn(100, 180, 1800); c.Agents != n.Agents/2 {
		t.Errorf("chat, 2 at once: %v, want %v", c.Agents, n.Agents/2)
	}
	email := Channel{Kind: Deferred, HandleTime: Dist{Kind: Exponential, Mean: 600}}
	if e, _ := email.NeedIn(30, 600, 3600); e.Agents != 5 {
		t.Errorf("email: %v agents, want the workload 30 × 600 s ÷ 1 h = 5", e.Agents)
	}
	if z, _ := phone.NeedIn(0, 180, 1800); z.Agents != 0 {
		t.Errorf("no contacts: %v agents, want 0", z.Agents)
	}
	self := Channel{Kind: SelfService}
	if s, _ := self.NeedIn(10, 60, 1800); !math.IsNaN(s.Agents) {
		t.Errorf("self-service: %v agents, want NaN", s.Agents)
	}
}
