// Package models builds the contact-centre world on the sim engine: channels
// and their queues, customers and their contacts, agent pools and their
// staffing, and the statistics a run streams into a Result.
//
// This first cut models one live channel (phone, chat, video: a queue that
// customers abandon when their patience runs out) served first come, first
// served by one pool of identical agents whose headcount may change from
// interval to interval. The multi-channel world (choice, switching,
// escalation, word of mouth) builds on the same Config and Result.
//
// A Config describes the world; Run simulates one replication of it and
// returns its Result; Summarize merges replications into means with
// confidence intervals. Every figure is defined once, in Figures.
//
// The exact queueing formulas the simulation is checked against are in the
// subpackage models/erlang.
package models
