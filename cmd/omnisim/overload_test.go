package main

import (
	"strings"
	"testing"

	"github.com/omnisim/omnisim/scenarios"
)

// TestOverloadWarning: a rate that cannot be meant (60 a minute on nine
// agents) is valid but warned of on stderr, naming the channel, the load
// and the agents, with exit status 0; the built-ins raise no warning.
func TestOverloadWarning(t *testing.T) {
	sets := []string{"--set", "channels.phone.arrivals.rate=60/m", "--set", "pools.agents.agents=9"}
	want := "omnisim: warning: textbook: channel phone is offered 180 Erlangs of work (arrival rate × mean handle time), 20 times the 9 agents on duty who can serve it"
	for _, argv := range [][]string{
		append([]string{"validate", "textbook"}, sets...),
		append([]string{"run", "textbook", "--reps", "1", "--set", "horizon=1h", "--set", "warmup=0s", "--no-out"}, sets...),
	} {
		r := omnisim(t, argv...)
		if r.code != exitOK || !strings.Contains(r.stderr, want) {
			t.Errorf("%v: exit status %d, stderr %q; want 0 and %q", argv, r.code, r.stderr, want)
		}
	}
	for _, b := range scenarios.Builtins() {
		if r := omnisim(t, "validate", b.Name); strings.Contains(r.stderr, "warning") {
			t.Errorf("built-in %s: %s", b.Name, r.stderr)
		}
	}
}
