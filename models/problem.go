package models

import "github.com/omnisim/omnisim/internal/problem"

// Problem is one reason a Config cannot run. Path names the field the way a
// scenario file does ("channels.phone.handle_time.cv", "pools.agents.agents[3]"),
// so that the scenario loader can point at the line and column it came from.
type Problem = problem.Problem

// Problems is every reason a Config cannot run. It is an error.
type Problems []Problem

func (ps Problems) Error() string { return problem.Lines("models: ", ps) }

// problems collects Problems under a path prefix.
type problems = problem.Collector

// collect returns the Collector that adds to list.
func collect(list *Problems) problems { return problem.New((*[]Problem)(list)) }
