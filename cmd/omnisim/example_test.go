package main

import (
	"fmt"
	"os"
)

// Example_erlangC works out the figures of the textbook queue: 100 calls
// per half hour, 3 minutes each, 14 agents.
func Example_erlangC() {
	execute([]string{"erlang", "c", "--volume", "100", "--per", "30m", "--aht", "3m", "--agents", "14"}, os.Stdout, os.Stderr)
	// Output:
	// Erlang C: 100 contacts per 30m, AHT 3m, answer within 20s
	//
	// figure                          Erlang C
	// ------------------------  --------------
	// agents                                14
	// offered load              10.000 Erlangs
	// P(wait)                          17.41 %
	// service level                    88.84 %
	// service level (answered)         88.84 %
	// ASA                               7.84 s
	// mean wait (all)                   7.84 s
	// occupancy                        71.43 %
}

// Example_erlangStaffing finds the fewest agents answering 80 % of calls
// within 20 seconds, and the agents to schedule when 30 % of paid time goes
// to breaks, training and absence.
func Example_erlangStaffing() {
	execute([]string{"erlang", "c", "--volume", "100", "--per", "30m", "--aht", "3m", "--target-sl", "80%", "--shrinkage", "30%"}, os.Stdout, os.Stderr)
	// Output:
	// Erlang C: 100 contacts per 30m, AHT 3m, answer within 20s
	// Fewest agents meeting service level ≥ 80.00 %: 14
	//
	// figure                                      Erlang C
	// ------------------------------------  --------------
	// agents                                            14
	// scheduled agents (30.00 % shrinkage)              20
	// offered load                          10.000 Erlangs
	// P(wait)                                      17.41 %
	// service level                                88.84 %
	// service level (answered)                     88.84 %
	// ASA                                           7.84 s
	// mean wait (all)                               7.84 s
	// occupancy                                    71.43 %
}

// Example_erlangB finds the lines a trunk needs so that at most 1 % of
// calls find them all busy.
func Example_erlangB() {
	execute([]string{"erlang", "b", "--volume", "100", "--per", "30m", "--aht", "3m", "--max-block", "1%"}, os.Stdout, os.Stderr)
	// Output:
	// Erlang B: 100 contacts per 30m, AHT 3m
	//
	// figure              Erlang B
	// ------------  --------------
	// lines                     18
	// offered load  10.000 Erlangs
	// P(block)              0.71 %
	// carried load   9.929 Erlangs
}

// Example_badFlag shows a mistake in a flag: a message on stderr (here
// sent to stdout to show it), a pointer to help, and exit status 2.
func Example_badFlag() {
	code := execute([]string{"erlang", "c", "--volume", "100", "--aht", "3"}, os.Stdout, os.Stdout)
	fmt.Println("exit status", code)
	// Output:
	// omnisim erlang c: invalid argument "3" for "--aht" flag: duration "3" needs a unit after 3 (s, m, h, d or w; for example 3s)
	// Run 'omnisim erlang c --help' for usage.
	// exit status 2
}
