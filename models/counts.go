package models

// Counts are the raw tallies of one channel over a stretch of time, from
// which every channel figure is derived. Contact counts go by the interval
// in which the contact arrived; agent time goes by the interval in which it
// was spent; Backlog and Reputation are read at the end of the stretch.
type Counts struct {
	// Offered is the number of contacts that arrived, whether new, retried,
	// switched, escalated or sent on.
	Offered int64
	// Answered is the number of contacts an agent took (for self-service:
	// sessions the customer finished).
	Answered int64
	// Abandoned is the number of contacts whose customer gave up waiting.
	Abandoned int64
	// Blocked is the number of contacts turned away at once: a busy signal
	// (every line taken) or a closed channel.
	Blocked int64
	// Waited is the number of contacts that found no free agent on arrival
	// and had to queue, whether they were later answered or not.
	Waited int64
	// Unfinished is the number of contacts still waiting when the run
	// ended.
	Unfinished int64
	// AnsweredWithin is the number answered with a wait ≤ the threshold.
	AnsweredWithin int64
	// Resolved is the number of answered contacts that resolved the
	// customer's issue.
	Resolved int64
	// Duplicates is the number of answered contacts whose customer had
	// already finished (resolved elsewhere, or given up): work done twice.
	Duplicates int64
	// SwitchedIn is the number of contacts made here by customers whose
	// previous contact, on another channel, failed or was chased, or who
	// were sent on from self-service.
	SwitchedIn int64
	// SwitchedOut is the number of failed, chased or sent-on contacts here
	// whose customer next tried another channel (counted by the arrival of
	// the contact left behind).
	SwitchedOut int64
	// EscalatedIn is the number of contacts that came here by an
	// escalation path.
	EscalatedIn int64
	// EscalatedOut is the number of answered, unresolved contacts here that
	// took an escalation path (counted by their arrival).
	EscalatedOut int64
	// WaitAnswered is the total wait of answered contacts, in seconds.
	WaitAnswered float64
	// WaitAbandoned is the total wait of abandoned contacts (until they
	// abandoned), in seconds.
	WaitAbandoned float64
	// HandleTime is the total handle time of answered contacts, in seconds.
	HandleTime float64
	// WrapTime is the total after-call work of answered contacts whose
	// handling ended, in seconds: agent time after the customer left.
	WrapTime float64
	// CallbacksOffered is the number of callers offered a callback
	// (Channel.Callback); CallbacksAccepted the number who took it;
	// CallbacksKept the number of those whom an agent then reached (the
	// promise kept), and CallbackDelay their total time from arrival to
	// being reached, in seconds.
	CallbacksOffered  int64
	CallbacksAccepted int64
	CallbacksKept     int64
	CallbackDelay     float64
	// BusyTime is the agent time spent on the channel's contacts, in
	// agent-seconds; an agent with several chats at once counts once.
	BusyTime float64
	// AgentTime is the agent time of the pools that serve the channel
	// (agents present, busy or idle, on any of their channels), in
	// agent-seconds.
	AgentTime float64
	// Backlog is the number of contacts waiting at the end of the stretch.
	Backlog int64
	// Reputation is the wait customers expected on the channel at the end
	// of the stretch, in seconds.
	Reputation float64
}

// WorkTime is the agent time answered contacts took: handling and
// after-call work, in seconds.
func (c Counts) WorkTime() float64 { return c.HandleTime + c.WrapTime }

// Add adds o's tallies to c. Backlog and Reputation, read at a moment, are
// added too, so that a sum over replications divides into a mean.
func (c *Counts) Add(o Counts) {
	c.Offered += o.Offered
	c.Answered += o.Answered
	c.Abandoned += o.Abandoned
	c.Blocked += o.Blocked
	c.Waited += o.Waited
	c.Unfinished += o.Unfinished
	c.AnsweredWithin += o.AnsweredWithin
	c.Resolved += o.Resolved
	c.Duplicates += o.Duplicates
	c.SwitchedIn += o.SwitchedIn
	c.SwitchedOut += o.SwitchedOut
	c.EscalatedIn += o.EscalatedIn
	c.EscalatedOut += o.EscalatedOut
	c.WaitAnswered += o.WaitAnswered
	c.WaitAbandoned += o.WaitAbandoned
	c.HandleTime += o.HandleTime
	c.WrapTime += o.WrapTime
	c.CallbacksOffered += o.CallbacksOffered
	c.CallbacksAccepted += o.CallbacksAccepted
	c.CallbacksKept += o.CallbacksKept
	c.CallbackDelay += o.CallbackDelay
	c.BusyTime += o.BusyTime
	c.AgentTime += o.AgentTime
	c.Backlog += o.Backlog
	c.Reputation += o.Reputation
}

// CustomerCounts are the tallies of customers, by the interval in which
// their journey began.
type CustomerCounts struct {
	// Customers is the number of customers whose journey began.
	Customers int64
	// Finished is the number whose journey ended, resolved or not.
	Finished int64
	// Resolved is the number whose issue was resolved.
	Resolved int64
	// GaveUp is the number who stopped trying with their issue unresolved.
	GaveUp int64
	// Contacts is the number of contacts finished customers made.
	Contacts int64
	// Switches is the number of times finished customers moved to another
	// channel.
	Switches int64
	// Escalations is the number of escalation paths their contacts took.
	Escalations int64
	// ChannelsUsed adds up the number of different channels each finished
	// customer used.
	ChannelsUsed int64
	// TimeToResolution is the total time from the start of the journey to
	// the end of the resolving contact, over resolved customers, in seconds.
	TimeToResolution float64
	// Satisfaction adds up finished customers' satisfaction, each between 0
	// and 1.
	Satisfaction float64
}

// Add adds o's tallies to c.
func (c *CustomerCounts) Add(o CustomerCounts) {
	c.Customers += o.Customers
	c.Finished += o.Finished
	c.Resolved += o.Resolved
	c.GaveUp += o.GaveUp
	c.Contacts += o.Contacts
	c.Switches += o.Switches
	c.Escalations += o.Escalations
	c.ChannelsUsed += o.ChannelsUsed
	c.TimeToResolution += o.TimeToResolution
	c.Satisfaction += o.Satisfaction
}

// PoolCounts are the tallies of one pool of agents, by interval.
type PoolCounts struct {
	// ScheduledTime is the agent time scheduled, before shrinkage, in
	// agent-seconds: what the pool costs.
	ScheduledTime float64
	// AgentTime is the agent time present to take contacts, in
	// agent-seconds: ready, or with contacts in hand.
	AgentTime float64
	// AwayTime is the agent time present but away (Pool.Availability)
	// with no contact in hand, in agent-seconds.
	AwayTime float64
	// BusyTime is the agent time spent handling contacts, in agent-seconds.
	BusyTime float64
	// Cost is ScheduledTime priced at the pool's cost per hour.
	Cost float64
}

// Add adds o's tallies to c.
func (c *PoolCounts) Add(o PoolCounts) {
	c.ScheduledTime += o.ScheduledTime
	c.AgentTime += o.AgentTime
	c.AwayTime += o.AwayTime
	c.BusyTime += o.BusyTime
	c.Cost += o.Cost
}
