package main

import (
	"fmt"
	"math"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// warnOverloads warns on stderr of every channel of cfg (a scenario named
// what) offered far more work than its agents can do
// (models.Config.Overloads): the scenario is valid, but almost surely not
// what was meant.
func warnOverloads(s streams, what string, cfg *models.Config) {
	for _, o := range cfg.Overloads(models.OverloadFactor) {
		who := "channel " + o.Channel + " is offered"
		agents := "agents on duty who can serve it"
		if o.Channel == "" {
			who, agents = "the customers choosing a channel bring", "agents on duty"
		}
		times := "and no agent on duty can serve it"
		if o.Agents > 0 {
			times = fmt.Sprintf("%s times the %s %s", round(o.Erlangs/o.Agents), round(o.Agents), agents)
		}
		fmt.Fprintf(s.errOut, "omnisim: warning: %s: %s %s Erlangs of work (arrival rate × mean handle time), %s: is a rate's period (/s, /m, /h) or a headcount mistyped?\n",
			what, who, round(o.Erlangs), times)
	}
}

// round writes v whole from 10 up or when it is whole, else with one
// decimal.
func round(v float64) string {
	if v >= 10 || v == math.Trunc(v) {
		return output.Count(v, 0)
	}
	return output.Count(v, 1)
}
