// Package experiment runs a world's replications: the one place omnisim
// starts them, whatever asks for them. A command, the staffing search, the
// fit's calibration and a test all describe what to run, and this package
// runs it.
//
// A Run is one world's replications, by number: their results kept
// (Results), handed on in order as they end (Stream), or added to a
// models.Pooled, so that memory does not grow with them (Gather). Each
// replication's contacts may go to a Tracer. Replications decides how many
// a run has: the scenario's own, or the number the user gave.
//
// Around Run:
//
//   - Precision adds replications to a run in rounds until chosen figures'
//     95 % half-widths reach their targets (omnisim run --precision): a
//     sequential procedure, each round sized by the 1/√n law, whose
//     outcome depends only on the results, never on how many workers ran
//     them.
//   - A Sweep runs the points of a grid, each its own Config, as one list
//     of jobs (SweepJob), one replication of one point each, on one set of
//     workers.
//   - A Shard is a share of an experiment's jobs, run on one machine and
//     written as a Part; MergeParts and CheckParts put the parts of every
//     shard back together, job by job, into what one machine would have
//     run. The part file itself (its header, checksum and encoding) is
//     output's.
//   - Judge judges a scenario's claims (its story) on its replications and
//     on those of the variants the claims name, which all run with the
//     same seed and number of replications: common random numbers, so each
//     change is measured pair by pair.
//
// Every replication's random streams are keyed by the Config's seed and
// the replication's number (models.Run), and results are handed on in
// replication order, so nothing here depends on the number of workers.
package experiment
