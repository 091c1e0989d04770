package models

// Counts are the raw tallies of one channel over a stretch of time, from
// which every figure is derived. Contact counts go by the interval in which
// the contact arrived; agent time goes by the interval in which it was spent.
type Counts struct {
	// Offered is the number of contacts that arrived.
	Offered int64
	// Answered is the number of contacts an agent took.
	Answered int64
	// Abandoned is the number of contacts whose customer gave up waiting.
	Abandoned int64
	// Waited is the number of contacts that found no free agent on arrival
	// and had to queue, whether they were later answered or not.
	Waited int64
	// Unfinished is the number of contacts still waiting when a cut-off run
	// stopped, or left waiting with no agent to take them.
	Unfinished int64
	// AnsweredWithin is the number answered with a wait ≤ the threshold.
	AnsweredWithin int64
	// WaitAnswered is the total wait of answered contacts, in seconds.
	WaitAnswered float64
	// WaitAbandoned is the total wait of abandoned contacts (until they
	// abandoned), in seconds.
	WaitAbandoned float64
	// HandleTime is the total handle time of answered contacts, in seconds.
	HandleTime float64
	// BusyTime is the agent time spent handling the channel's contacts, in
	// agent-seconds.
	BusyTime float64
	// AgentTime is the agent time available to the channel (agents present,
	// busy or idle), in agent-seconds.
	AgentTime float64
}

// Add adds o's tallies to c.
func (c *Counts) Add(o Counts) {
	c.Offered += o.Offered
	c.Answered += o.Answered
	c.Abandoned += o.Abandoned
	c.Waited += o.Waited
	c.Unfinished += o.Unfinished
	c.AnsweredWithin += o.AnsweredWithin
	c.WaitAnswered += o.WaitAnswered
	c.WaitAbandoned += o.WaitAbandoned
	c.HandleTime += o.HandleTime
	c.BusyTime += o.BusyTime
	c.AgentTime += o.AgentTime
}
