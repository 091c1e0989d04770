package scenarios

import "strings"

// Input is a file a scenario was read from.
type Input struct {
	// What the file is, for messages: "the scenario", "the staffing
	// table", "the forecast".
	What string
	// Path is where it was read.
	Path string
}

// Inputs returns the files the scenario was read from: its own file (none
// for a built-in scenario) and the files its keys name (staffing:,
// forecast:). A command checks its outputs against them, so that it never
// writes over what it reads.
func (s *Scenario) Inputs() []Input {
	var ins []Input
	if s.File != "" && !strings.HasPrefix(s.File, "builtin:") {
		ins = append(ins, Input{"the scenario", s.File})
	}
	for _, a := range s.attached {
		what := "the " + a.key + " file"
		switch a.key {
		case "staffing":
			what = "the staffing table"
		case "forecast":
			what = "the forecast"
		}
		ins = append(ins, Input{what, a.file})
	}
	return ins
}
