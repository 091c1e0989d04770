// Package sim is omnisim's discrete-event engine: a simulated clock, an event
// queue ordered by (time, phase, sequence number), cancellable timers, named
// random streams and replications run in parallel with a deterministic merge.
//
// It knows nothing of customers or agents; package models builds the
// contact-centre world on top of it.
//
// Time is a float64 number of simulated seconds counted from zero; the wall
// clock is never consulted. Events fire in order of time, then phase (so that
// same-instant events are handled in a fixed, meaningful order: agents released,
// then staffing changes, then dispatch from queues, then arrivals, then other
// timers), then the order in which they were scheduled. An event calls a
// closure (Schedule) or, for models with many objects, the engine's one
// Handler with a kind and an argument (ScheduleCall), so that no closure is
// bound to each object and read back when its event fires. A run uses no
// goroutines; Replicate runs independent replications in parallel, one
// goroutine each, and returns their results in replication order.
//
// Randomness comes only from Streams: one named stream per purpose, derived
// from (seed, replication, name), so that the same seed gives the same run and
// two variants of a scenario see the same draws wherever they agree (common
// random numbers). The global generator of math/rand/v2 is never used.
package sim
