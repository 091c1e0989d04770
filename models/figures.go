package models

import "strings"

// Figure is one measured quantity of tallies of type T (Counts,
// CustomerCounts, PoolCounts): its key in JSON and CSV, its label in
// tables, its unit and its definition, and how to compute it.
type Figure[T any] struct {
	// Key is the figure's name in JSON output: the same key as omnisim
	// erlang uses for the same quantity.
	Key string
	// Label is the figure's name in tables.
	Label string
	// Unit is "" for counts, "share" for fractions shown as percentages,
	// "s" for seconds, "h" for hours, "money" for costs, "x" for ratios.
	Unit string
	// Definition says exactly what the figure measures.
	Definition string
	// Of computes the figure of the tallies c points to, which it only
	// reads; NaN when it is undefined (no contacts).
	Of func(c *T) float64
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return nan
	}
	return a / b
}

// Figures lists every per-channel figure, in the order output shows them.
var Figures = []Figure[Counts]{
	{"offered", "offered", "", "contacts that arrived in the measured window [warm-up, horizon): new, retried, switched, escalated or sent on",
		func(c *Counts) float64 { return float64(c.Offered) }},
	{"answered", "answered", "", "offered contacts that an agent took (self-service: sessions finished)",
		func(c *Counts) float64 { return float64(c.Answered) }},
	{"abandoned", "abandoned", "", "offered contacts whose customer gave up waiting",
		func(c *Counts) float64 { return float64(c.Abandoned) }},
	{"blocked", "blocked", "", "offered contacts turned away at once: every line busy, or the channel closed",
		func(c *Counts) float64 { return float64(c.Blocked) }},
	{"unfinished", "unfinished", "", "offered contacts still waiting when the run ended (cut off, or no agent came in time)",
		func(c *Counts) float64 { return float64(c.Unfinished) }},
	{"p_wait", "P(wait)", "share", "contacts that found no free agent and had to queue ÷ offered",
		func(c *Counts) float64 { return ratio(float64(c.Waited), float64(c.Offered)) }},
	{"p_abandon", "abandonment", "share", "abandoned ÷ offered",
		func(c *Counts) float64 { return ratio(float64(c.Abandoned), float64(c.Offered)) }},
	{"p_blocked", "blocked share", "share", "blocked ÷ offered",
		func(c *Counts) float64 { return ratio(float64(c.Blocked), float64(c.Offered)) }},
	{"service_level", "service level", "share", "answered with a wait ≤ the threshold ÷ offered",
		func(c *Counts) float64 { return ratio(float64(c.AnsweredWithin), float64(c.Offered)) }},
	{"service_level_answered", "service level (answered)", "share", "answered with a wait ≤ the threshold ÷ answered",
		func(c *Counts) float64 { return ratio(float64(c.AnsweredWithin), float64(c.Answered)) }},
	{"asa_seconds", "ASA", "s", "average speed of answer: mean wait of answered contacts, in seconds",
		func(c *Counts) float64 { return ratio(c.WaitAnswered, float64(c.Answered)) }},
	{"mean_wait_seconds", "mean wait (all)", "s", "mean wait of answered and abandoned contacts (an abandoned contact's wait is its time until abandoning), in seconds",
		func(c *Counts) float64 {
			return ratio(c.WaitAnswered+c.WaitAbandoned, float64(c.Answered+c.Abandoned))
		}},
	{"occupancy", "occupancy", "share", "agent time spent on the channel ÷ agent time of the pools that serve it, in the measured window (for a pool serving one channel, its occupancy)",
		func(c *Counts) float64 { return ratio(c.BusyTime, c.AgentTime) }},
	{"aht_seconds", "AHT", "s", "average handle time of answered contacts: talk and after-call work, in seconds (self-service: the session)",
		func(c *Counts) float64 { return ratio(c.WorkTime(), float64(c.Answered)) }},
	{"talk_seconds", "talk time", "s", "mean time agents spent on answered contacts with the customer there (talk, chat, writing the reply; a callback's dialling), after-call work left out, in seconds",
		func(c *Counts) float64 { return ratio(c.HandleTime, float64(c.Answered)) }},
	{"acw_seconds", "after-call work", "s", "mean after-call work (wrap-up) per answered contact: agent time after the customer left, in seconds",
		func(c *Counts) float64 { return ratio(c.WrapTime, float64(c.Answered)) }},
	{"resolved", "resolved", "", "answered contacts that resolved the customer's issue",
		func(c *Counts) float64 { return float64(c.Resolved) }},
	{"resolution_rate", "resolution rate", "share", "resolved ÷ answered",
		func(c *Counts) float64 { return ratio(float64(c.Resolved), float64(c.Answered)) }},
	{"duplicates", "duplicate work", "", "answered contacts whose customer had already finished elsewhere: work done twice",
		func(c *Counts) float64 { return float64(c.Duplicates) }},
	{"switched_in", "switched in", "", "contacts from customers who came from another channel (after a failure, a chase, or self-service)",
		func(c *Counts) float64 { return float64(c.SwitchedIn) }},
	{"switched_out", "switched out", "", "times a customer of this channel moved to another one",
		func(c *Counts) float64 { return float64(c.SwitchedOut) }},
	{"escalated_in", "escalated in", "", "contacts that came by an escalation path",
		func(c *Counts) float64 { return float64(c.EscalatedIn) }},
	{"escalated_out", "escalated out", "", "answered, unresolved contacts that took an escalation path",
		func(c *Counts) float64 { return float64(c.EscalatedOut) }},
	{"callbacks_offered", "callbacks offered", "", "callers who had to queue and were offered a callback (the quoted wait above the channel's offer_above)",
		func(c *Counts) float64 { return float64(c.CallbacksOffered) }},
	{"callbacks_accepted", "callbacks taken", "", "callers who took a callback: their place kept, off the line",
		func(c *Counts) float64 { return float64(c.CallbacksAccepted) }},
	{"callbacks_kept", "callbacks kept", "share", "callbacks in which an agent reached the customer ÷ callbacks taken (promises kept; the rest missed after every attempt, or still to make when the run ended)",
		func(c *Counts) float64 { return ratio(float64(c.CallbacksKept), float64(c.CallbacksAccepted)) }},
	{"callback_delay_seconds", "callback delay", "s", "mean time from a callback's call to the agent reaching the customer, over callbacks kept, in seconds",
		func(c *Counts) float64 { return ratio(c.CallbackDelay, float64(c.CallbacksKept)) }},
	{"backlog", "backlog at horizon", "", "contacts waiting at the end of the measured window (per interval: at the interval's end)",
		func(c *Counts) float64 { return float64(c.Backlog) }},
	{"expected_wait_seconds", "expected wait", "s", "the wait customers expected on the channel (its reputation) at the end of the measured window (per interval: at the interval's end), in seconds",
		func(c *Counts) float64 { return c.Reputation }},
}

// CustomerFigures lists every customer-level figure, in output order.
// Customers count by the interval their journey began in.
var CustomerFigures = []Figure[CustomerCounts]{
	{"customers", "customers", "", "customers whose journey began in the measured window",
		func(c *CustomerCounts) float64 { return float64(c.Customers) }},
	{"resolved_share", "resolved", "share", "customers whose issue was resolved ÷ customers who finished",
		func(c *CustomerCounts) float64 { return ratio(float64(c.Resolved), float64(c.Finished)) }},
	{"gave_up_share", "gave up", "share", "customers who stopped trying unresolved ÷ customers who finished",
		func(c *CustomerCounts) float64 { return ratio(float64(c.GaveUp), float64(c.Finished)) }},
	{"contacts_per_customer", "contacts per customer", "x", "contacts made ÷ customers who finished",
		func(c *CustomerCounts) float64 { return ratio(float64(c.Contacts), float64(c.Finished)) }},
	{"contacts_per_resolution", "contacts per resolution", "x", "contacts made by finished customers ÷ customers resolved",
		func(c *CustomerCounts) float64 { return ratio(float64(c.Contacts), float64(c.Resolved)) }},
	{"time_to_resolution_seconds", "time to resolution", "s", "mean time from the first contact to the end of the resolving one, over resolved customers, in seconds",
		func(c *CustomerCounts) float64 { return ratio(c.TimeToResolution, float64(c.Resolved)) }},
	{"channels_per_customer", "channels per customer", "x", "different channels used ÷ customers who finished",
		func(c *CustomerCounts) float64 { return ratio(float64(c.ChannelsUsed), float64(c.Finished)) }},
	{"switches_per_customer", "switches per customer", "x", "moves to another channel ÷ customers who finished",
		func(c *CustomerCounts) float64 { return ratio(float64(c.Switches), float64(c.Finished)) }},
	{"escalations_per_customer", "escalations per customer", "x", "escalation paths taken ÷ customers who finished",
		func(c *CustomerCounts) float64 { return ratio(float64(c.Escalations), float64(c.Finished)) }},
	{"satisfaction", "satisfaction", "share", "mean satisfaction of customers who finished, from 0 to 1 (see docs/figures.md for its formula)",
		func(c *CustomerCounts) float64 { return ratio(c.Satisfaction, float64(c.Finished)) }},
}

// PoolFigures lists every pool figure, in output order.
var PoolFigures = []Figure[PoolCounts]{
	{"scheduled_hours", "scheduled hours", "h", "agent hours scheduled in the measured window, before shrinkage",
		func(c *PoolCounts) float64 { return c.ScheduledTime / 3600 }},
	{"available_hours", "available hours", "h", "agent hours present to take contacts in the measured window",
		func(c *PoolCounts) float64 { return c.AgentTime / 3600 }},
	{"occupancy", "occupancy", "share", "agent time handling contacts ÷ agent time present to take contacts",
		func(c *PoolCounts) float64 { return ratio(c.BusyTime, c.AgentTime) }},
	{"cost", "cost", "money", "scheduled hours × the pool's cost per hour",
		func(c *PoolCounts) float64 { return c.Cost }},
	{"away_hours", "away hours", "h", "agent hours at work but away from contacts (availability below 100 %) with none in hand, in the measured window",
		func(c *PoolCounts) float64 { return c.AwayTime / 3600 }},
}

// FigureApplies tells whether the channel figure with the given key means
// anything on a channel of the given kind. Abandonment does not on a
// deferred channel, whose contacts wait in a backlog and are never given
// up on (a late reply may make its customer chase elsewhere, leaving the
// contact behind), nor on self-service, which has no queue: there it is
// undefined (null, an empty cell, "–"), not 0 %. Callbacks are a live
// channel's too; after-call work needs an agent.
func FigureApplies(kind ChannelKind, key string) bool {
	switch key {
	case "abandoned", "p_abandon", "callbacks_offered", "callbacks_accepted", "callbacks_kept", "callback_delay_seconds":
		return kind != Deferred && kind != SelfService
	case "acw_seconds":
		return kind != SelfService
	}
	return true
}

// FigureAppliesTo tells whether the channel figure with the given key
// means anything on channel ch: FigureApplies to its kind, and the
// callbacks' figures only where it offers callbacks.
func (ch *Channel) FigureAppliesTo(key string) bool {
	if strings.HasPrefix(key, "callback") && ch.Callback == nil {
		return false
	}
	return FigureApplies(ch.Kind, key)
}

// FigureByKey returns the channel figure with the given key.
func FigureByKey(key string) (Figure[Counts], bool) {
	for _, f := range Figures {
		if f.Key == key {
			return f, true
		}
	}
	return Figure[Counts]{}, false
}
