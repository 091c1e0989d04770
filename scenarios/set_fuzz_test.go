package scenarios

import (
	"os"
	"strings"
	"testing"
)

// FuzzSetValue feeds arbitrary --set overrides ("path=value") to a
// built-in scenario and to the multi-channel test scenario: each must give
// a scenario the model accepts, or Errors, never a panic (parse turns a
// panic into an error saying it cannot read the file: that is a failure
// here) and never another kind of error.
func FuzzSetValue(f *testing.F) {
	for _, set := range []string{
		"pools.agents.agents=15",
		"pools.agents.agents=[10, 12, 14]",
		"pools.agents.agents[3]=9",
		"channels.phone.handle_time={dist: lognormal, mean: 3m, cv: 0.8}",
		"channels.phone.open={days: every day, funday, hours: 08:00-20:00}",
		"channels.phone.service_level={within: 20, target: 80%}",
		"horizon=1e400s",
		"horizon=2d\n---\n3d",
		"seed=&a [*a]",
		"journey.history=integrated",
		"channels.phone.arrivals.volumes[0]=1e308",
		"replications=100001",
		"=", "a..b=1", "x[=1", "pools.=1", "\ufeff=\ufeff",
	} {
		f.Add(set)
	}
	builtin, err := BuiltinSource("textbook")
	if err != nil {
		f.Fatal(err)
	}
	multi, err := os.ReadFile(multiFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, set string) {
		for _, src := range [][]byte{builtin, multi} {
			s, err := Parse("s.yaml", "s", src, []string{set})
			if err == nil {
				if verr := s.Config.Validate(); verr != nil {
					t.Errorf("--set %q: accepted a scenario the model rejects: %v", set, verr)
				}
				continue
			}
			if _, ok := err.(Errors); !ok {
				t.Errorf("--set %q: error %T, want Errors: %v", set, err, err)
			}
			if strings.Contains(err.Error(), "cannot read this file as YAML (") {
				t.Errorf("--set %q: a panic: %v", set, err)
			}
		}
	})
}
