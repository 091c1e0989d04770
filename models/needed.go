package models

import "github.com/omnisim/omnisim/models/erlang"

// DefaultServiceLevel is the service-level target a live channel with no
// target of its own is staffed for: 80 % within its threshold.
const DefaultServiceLevel = 0.8

// Need is what Erlang says a channel needs in an interval.
type Need struct {
	// Agents is the agents the interval needs, in agents: a live
	// channel's Erlang staffing divided by its concurrency, a deferred
	// channel's workload; NaN for self-service.
	Agents float64
	// PWait is the chance of waiting at that staffing (live channels).
	PWait float64
}

// StaffingTargets returns what a live channel is staffed for: its
// service-level target, abandonment and occupancy caps, or
// DefaultServiceLevel when it has none of them.
func (ch *Channel) StaffingTargets() erlang.Targets {
	t := erlang.Targets{ServiceLevel: ch.TargetServiceLevel, MaxAbandon: ch.MaxAbandon, MaxOccupancy: ch.MaxOccupancy}
	if t.ServiceLevel == 0 && t.MaxAbandon == 0 && t.MaxOccupancy == 0 {
		t.ServiceLevel = DefaultServiceLevel
	}
	return t
}

// NeedIn returns what the channel needs in an interval of length seconds
// in which offered contacts arrived (a mean per replication) and were
// held an agent for aht seconds on average, handling and after-call work
// (NaN or 0: the channel's mean handle time and after-call work): for a live channel, the fewest agents with which Erlang A (Erlang
// C without patience) meets its StaffingTargets at that rate, divided by
// its concurrency; for a deferred channel, its workload, offered × aht ÷
// length. The error says that no staffing meets the targets by the
// formula (Agents is then NaN).
func (ch *Channel) NeedIn(offered, aht, length float64) (Need, error) {
	if ch.Kind == SelfService || !(length > 0) {
		return Need{Agents: nan, PWait: nan}, nil
	}
	if offered == 0 {
		return Need{}, nil
	}
	if !(aht > 0) {
		aht = ch.HandleTime.MeanValue()
		if ch.WrapTime.Kind != "" {
			aht += ch.WrapTime.MeanValue()
		}
	}
	if ch.Kind == Deferred {
		return Need{Agents: offered * aht / length, PWait: nan}, nil
	}
	p := erlang.Params{ArrivalRate: offered / length, HandleTime: aht, AnswerWithin: ch.AnswerWithin}
	if ch.Patience.Kind != Never {
		p.Patience = ch.Patience.MeanValue()
	}
	res, err := erlang.StaffLevel(p, ch.StaffingTargets())
	if err != nil {
		return Need{Agents: nan, PWait: nan}, err
	}
	return Need{Agents: float64(res.Agents) / float64(max(1, ch.Concurrency)), PWait: res.PWait}, nil
}
