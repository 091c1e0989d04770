package models

// Figure is one measured quantity: its key in JSON and CSV, its label in
// tables, its unit and its definition, and how to compute it from Counts.
type Figure struct {
	// Key is the figure's name in JSON output: the same key as omnisim
	// erlang uses for the same quantity.
	Key string
	// Label is the figure's name in tables.
	Label string
	// Unit is "" for counts, "share" for fractions shown as percentages,
	// "s" for seconds.
	Unit string
	// Definition says exactly what the figure measures.
	Definition string
	// Of computes the figure; NaN when it is undefined (no contacts).
	Of func(c Counts) float64
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return nan
	}
	return a / b
}

// Figures lists every per-channel figure, in the order output shows them.
var Figures = []Figure{
	{"offered", "offered", "", "contacts that arrived in the measured window [warm-up, horizon)",
		func(c Counts) float64 { return float64(c.Offered) }},
	{"answered", "answered", "", "offered contacts that an agent took",
		func(c Counts) float64 { return float64(c.Answered) }},
	{"abandoned", "abandoned", "", "offered contacts whose customer gave up waiting",
		func(c Counts) float64 { return float64(c.Abandoned) }},
	{"unfinished", "unfinished", "", "offered contacts neither answered nor abandoned when the run ended (cut off, or no agent came)",
		func(c Counts) float64 { return float64(c.Unfinished) }},
	{"p_wait", "P(wait)", "share", "contacts that found no free agent and had to queue ÷ offered",
		func(c Counts) float64 { return ratio(float64(c.Waited), float64(c.Offered)) }},
	{"p_abandon", "abandonment", "share", "abandoned ÷ offered",
		func(c Counts) float64 { return ratio(float64(c.Abandoned), float64(c.Offered)) }},
	{"service_level", "service level", "share", "answered with a wait ≤ the threshold ÷ offered",
		func(c Counts) float64 { return ratio(float64(c.AnsweredWithin), float64(c.Offered)) }},
	{"service_level_answered", "service level (answered)", "share", "answered with a wait ≤ the threshold ÷ answered",
		func(c Counts) float64 { return ratio(float64(c.AnsweredWithin), float64(c.Answered)) }},
	{"asa_seconds", "ASA", "s", "average speed of answer: mean wait of answered contacts, in seconds",
		func(c Counts) float64 { return ratio(c.WaitAnswered, float64(c.Answered)) }},
	{"mean_wait_seconds", "mean wait (all)", "s", "mean wait of answered and abandoned contacts (an abandoned contact's wait is its time until abandoning), in seconds",
		func(c Counts) float64 {
			return ratio(c.WaitAnswered+c.WaitAbandoned, float64(c.Answered+c.Abandoned))
		}},
	{"occupancy", "occupancy", "share", "agent time spent handling ÷ agent time available, in the measured window",
		func(c Counts) float64 { return ratio(c.BusyTime, c.AgentTime) }},
	{"aht_seconds", "AHT", "s", "average handle time of answered contacts, in seconds",
		func(c Counts) float64 { return ratio(c.HandleTime, float64(c.Answered)) }},
}

// FigureByKey returns the figure with the given key.
func FigureByKey(key string) (Figure, bool) {
	for _, f := range Figures {
		if f.Key == key {
			return f, true
		}
	}
	return Figure{}, false
}
