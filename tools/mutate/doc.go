// Command mutate is omnisim's mutation tester: it changes one operator of a
// package's source at a time (a + for a -, a < for a <=, an == for a !=, an
// i++ for an i--, a -x for an x) and runs the package's tests against each
// change, which they should notice. The share of changes they notice, among
// those their code reaches, is the package's efficacy.
//
// It uses the operators of gremlins (github.com/go-gremlins/gremlins) with
// their default set, ARITHMETIC_BASE, CONDITIONALS_BOUNDARY,
// CONDITIONALS_NEGATION, INCREMENT_DECREMENT and INVERT_NEGATIVES, but runs
// them the way PIT does for Java, because rebuilding a package for each
// change and running all its tests again (gremlins' way) takes hours here:
//
//   - Mutant schemata (Untch, Offutt and Harrold 1993): every change is
//     compiled into one test binary, each operator replaced by a call to a
//     small generic helper that applies the original operator, or the
//     changed one when the environment variable OMNISIM_MUTANT names its
//     number. One build per package instead of one per mutant.
//   - Tests chosen per mutant: the unchanged binary runs each test alone and
//     records which operators it reached; a mutant is covered by the tests
//     that reached it, and only they run against it, the fastest first (alone,
//     then in doubling batches with -test.failfast), so that most mutants are
//     killed in a fraction of a second.
//
// The source tree is never written: the rewritten files reach the compiler
// through go build's -overlay, from a temporary folder removed at the end or
// on Ctrl-C.
//
// A mutant that makes a test fail, panic or run past five times the time
// the tests took unchanged (plus 5 s) is killed; one whose tests all
// pass lived. Efficacy is killed ÷ covered, as gremlins defines it, with
// timed-out mutants counted as killed (a test that no longer ends has seen
// the change), as PIT does.
//
// Usage:
//
//	go run ./tools/mutate [flags] ./sim ./models ...
//
// With -diff BASE only the operators on lines changed since BASE (git diff)
// are mutated, and packages with no such line are skipped; -budget stops
// starting mutants when the time is up (they are taken in a seeded random
// order, so those tested are a fair sample); -min fails when a package's
// efficacy is below it.
package main
