// Package erlang evaluates the exact steady-state queueing formulas used to
// staff contact centres: Erlang B (loss), Erlang C (M/M/n, patient
// customers) and Erlang A (M/M/n+M, exponentially impatient customers), and
// inverts them to find the fewest agents that meet service targets.
//
// Conventions: times are in seconds and rates are per second. Params
// describes one queue, Result holds every figure the package computes, and
// Evaluate picks Erlang A or Erlang C from the patience.
//
// Sources:
//
//   - A. K. Erlang, "Solution of some problems in the theory of
//     probabilities of significance in automatic telephone exchanges",
//     Elektroteknikeren 13, 1917: the loss (B) and delay (C) formulas.
//   - D. L. Jagerman, "Some properties of the Erlang loss function", Bell
//     System Technical Journal 53(3), 1974: the stable recursion
//     B(k) = a·B(k−1) / (k + a·B(k−1)) used by B.
//   - N. Gans, G. Koole and A. Mandelbaum, "Telephone call centers: tutorial,
//     review, and research prospects", Manufacturing & Service Operations
//     Management 5(2), 2003: the Erlang C service level and average speed of
//     answer.
//   - O. Garnett, A. Mandelbaum and M. Reiman, "Designing a call center with
//     impatient customers", Manufacturing & Service Operations Management
//     4(3), 2002: the Erlang A model and its probability of waiting and of
//     abandoning, written with the incomplete gamma function.
//   - A. Mandelbaum and S. Zeltyn, "The M/M/n+G queue: summary of
//     performance measures" (technical note, Technion) and "Service
//     engineering in action: the Palm/Erlang-A queue, with applications to
//     call centers" (2007): the same formulas in the notation used here
//     (x = nμ/θ, y = λ/θ).
//
// The Erlang A service level and average speed of answer are not in those
// summaries in this form: they are derived here from the distribution of the
// virtual wait (the wait an infinitely patient arrival would have), as
// described at A, and the tests check them against a brute-force
// continuous-time Markov chain.
package erlang
