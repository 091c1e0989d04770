// Package models builds the contact-centre world on the sim engine: channels
// and their queues, customers and their contacts, agent pools and their
// staffing, and the statistics a run streams into a Result.
//
// The world has channels of three kinds (live queues that customers abandon,
// deferred backlogs they chase, self-service that sends them on), customers
// with an issue who choose a channel by multinomial logit and journey across
// contacts (retrying, switching, escalating, giving up), pools of agents
// with skills on shifts, and word of mouth that moves each channel's
// reputation and a global expectation level that scales patience (adaptive
// patience: Zohar, Mandelbaum and Shimkin 2002, Management Science 48(4)).
// One concept a file, its configuration and checks beside its run time:
// channel.go, customer.go, journey.go, choice.go, routing.go, pool.go,
// arrivals.go, demand.go, wordofmouth.go. config.go holds what is the whole
// world's: Config, its defaults, the caps, and Validate, which calls each
// concept's check.
//
// A Config describes the world; Run simulates one replication of it and
// returns its Result; Summarize merges replications into means with
// confidence intervals. Every figure is defined once, in Figures.
//
// The exact queueing formulas the simulation is checked against are in the
// subpackage models/erlang.
package models
