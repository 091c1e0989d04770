package scenarios

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// valid is a complete scenario; the cases below break it one way at a time.
const valid = `name: t
seed: 7
horizon: 8h
warmup: 30m
interval: 30m
channels:
  phone:
    kind: live
    arrivals: {rate: 200/h}
    handle_time: {dist: lognormal, mean: 3m, cv: 0.8}
    patience: {dist: exponential, mean: 5m}
    service_level: {within: 20s, target: 80%}
pools:
  agents:
    skills: [phone]
    agents: 14
`

func TestParseValid(t *testing.T) {
	s, err := Parse("t.yaml", "t", []byte(valid), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := s.Config
	ch := c.Channels[0]
	checks := []struct {
		name      string
		got, want any
	}{
		{"seed", c.Seed, uint64(7)},
		{"horizon", c.Horizon, 8 * 3600.0},
		{"warmup", c.Warmup, 1800.0},
		{"interval", c.Interval, 1800.0},
		{"channel", ch.Name, "phone"},
		{"rate", ch.Arrivals.Rate, 200 / 3600.0},
		{"handle", ch.HandleTime, models.Dist{Kind: models.LogNormal, Mean: 180, CV: 0.8}},
		{"patience", ch.Patience, models.Dist{Kind: models.Exponential, Mean: 300}},
		{"within", ch.AnswerWithin, 20.0},
		{"target", ch.TargetServiceLevel, 0.8},
		{"pool", c.Pools[0].Name, "agents"},
		{"agents", c.Pools[0].Agents[0], 14},
		{"replications", s.Replications, 1},
	}
	for _, tc := range checks {
		if !equal(tc.got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func equal(a, b any) bool {
	if x, ok := a.(float64); ok {
		return math.Abs(x-b.(float64)) < 1e-12
	}
	if x, ok := a.(models.Dist); ok {
		y := b.(models.Dist)
		return x.Kind == y.Kind && x.Mean == y.Mean && x.CV == y.CV
	}
	return a == b
}

func TestParseShortForms(t *testing.T) {
	src := strings.NewReplacer(
		"{dist: lognormal, mean: 3m, cv: 0.8}", "3m",
		"{dist: exponential, mean: 5m}", "never",
		"agents: 14", "agents: [10, 12, 14]",
		"{rate: 200/h}", "{volumes: [100, 120]}",
	).Replace(valid)
	s, err := Parse("t.yaml", "t", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	ch := s.Config.Channels[0]
	if ch.HandleTime.Kind != models.Exponential || ch.HandleTime.Mean != 180 {
		t.Errorf("handle_time: 3m read as %v, want exponential, mean 3m", ch.HandleTime)
	}
	if ch.Patience.Kind != models.Never {
		t.Errorf("patience: never read as %v", ch.Patience)
	}
	if got := s.Config.Pools[0].Agents; len(got) != 3 || got[2] != 14 {
		t.Errorf("agents list read as %v", got)
	}
	if got := ch.Arrivals.Volumes; len(got) != 2 || got[1] != 120 {
		t.Errorf("volumes read as %v", got)
	}
}

func TestParseDistributions(t *testing.T) {
	tests := []struct {
		yaml string
		want models.Dist
	}{
		{"{dist: exponential, mean: 3m}", models.Dist{Kind: models.Exponential, Mean: 180}},
		{"{dist: deterministic, mean: 90s}", models.Dist{Kind: models.Deterministic, Mean: 90}},
		{"{dist: erlang, mean: 3m, shape: 4}", models.Dist{Kind: models.Erlang, Mean: 180, Shape: 4}},
		{"{dist: gamma, mean: 3m, cv: 0.5}", models.Dist{Kind: models.Gamma, Mean: 180, CV: 0.5}},
		{"{dist: lognormal, mean: 1h, cv: 1.2}", models.Dist{Kind: models.LogNormal, Mean: 3600, CV: 1.2}},
		{"{dist: uniform, min: 1m, max: 5m}", models.Dist{Kind: models.Uniform, Min: 60, Max: 300}},
		{"{dist: empirical, values: [1m, 2m, 30s]}", models.Dist{Kind: models.Empirical, Values: []float64{60, 120, 30}}},
		{"{dist: empirical, values: [1m, 2m], tail: 3m}", models.Dist{Kind: models.Empirical, Values: []float64{60, 120}, Tail: 180}},
	}
	for _, tc := range tests {
		t.Run(string(tc.want.Kind), func(t *testing.T) {
			src := strings.Replace(valid, "{dist: lognormal, mean: 3m, cv: 0.8}", tc.yaml, 1)
			s, err := Parse("t.yaml", "t", []byte(src), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := s.Config.Channels[0].HandleTime
			if got.String() != tc.want.String() || got.Min != tc.want.Min || got.Max != tc.want.Max || len(got.Values) != len(tc.want.Values) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestParseErrors breaks the valid scenario in many ways; each problem must
// be reported at its line and column with its field's path.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		old  string // text of valid to replace
		new  string
		want []string // every line of the error, in order
	}{
		{"unknown key", "    kind: live\n", "    kind: live\n    colour: blue\n",
			[]string{`t.yaml:9:5: channels.phone.colour: unknown key (known keys: arrivals, callback, choice, concurrency, escalation, expected_wait, fit, handle_time, handle_times, jump_the_line, kind, lines, max_abandon, max_occupancy, open, patience, preference, public, resolution, send_to, service_level, slowdown, wrap_time, wrap_times)`}},
		{"misspelt key", "warmup: 30m", "warmpu: 30m",
			[]string{`t.yaml:4:1: warmpu: unknown key (did you mean "warmup"?)`}},
		{"bad duration", "horizon: 8h", "horizon: 8 hourz",
			[]string{`t.yaml:3:10: horizon: duration "8 hourz": unknown unit "hourz" (use ms, s, m, h, d or w)`}},
		{"duration without unit", "horizon: 8h", "horizon: 8",
			[]string{`t.yaml:3:10: horizon: duration "8" needs a unit after 8 (s, m, h, d or w; for example 8s)`}},
		{"threshold without unit", "within: 20s", "within: 20",
			// Only the threshold: the expected wait it gives by default is
			// not a second problem.
			[]string{`t.yaml:12:29: channels.phone.service_level.within: duration "20" needs a unit after 20 (s, m, h, d or w; for example 20s)`}},
		{"number out of range", "horizon: 8h", "horizon: 1e400s",
			[]string{`t.yaml:3:10: horizon: duration "1e400s": the number 1e400 is out of range (write, for example, 20s, 5m or 8h)`}},
		{"zero horizon", "horizon: 8h", "horizon: 0s",
			[]string{`t.yaml:3:10: horizon: must be a positive, finite duration, not 0s`}},
		{"negative rate", "rate: 200/h", "rate: -200/h",
			[]string{`t.yaml:9:22: channels.phone.arrivals.rate: rate "-200/h" is negative`}},
		{"negative cv", "cv: 0.8", "cv: -0.8",
			[]string{`t.yaml:10:50: channels.phone.handle_time.cv: must be a finite number ≥ 0, not -0.8`}},
		{"wrong type", "agents: 14", "agents: {n: 14}",
			[]string{`t.yaml:16:13: pools.agents.agents: want a whole number, not a mapping`}},
		{"text for number", "agents: 14", "agents: fourteen",
			[]string{`t.yaml:16:13: pools.agents.agents: want a whole number, not "fourteen"`}},
		{"negative agents", "agents: 14", "agents: [14, -2]",
			[]string{`t.yaml:16:18: pools.agents.agents[1]: must be ≥ 0, not -2`}},
		{"key of another distribution", "cv: 0.8}", "cv: 0.8, shape: 2}",
			[]string{`t.yaml:10:62: channels.phone.handle_time.shape: does not apply to the lognormal distribution (it takes mean and cv)`}},
		{"missing cv", ", cv: 0.8}", "}",
			[]string{`t.yaml:10:18: channels.phone.handle_time.cv: missing`}},
		{"unknown distribution", "dist: exponential", "dist: weibull",
			[]string{`t.yaml:11:22: channels.phone.patience.dist: want one of exponential, deterministic, erlang, gamma, lognormal, uniform, empirical, never, not "weibull"`}},
		{"never handle time", "{dist: lognormal, mean: 3m, cv: 0.8}", "never",
			[]string{`t.yaml:10:18: channels.phone.handle_time: must end: never is only for patience`}},
		{"both rate and volumes", "{rate: 200/h}", "{rate: 200/h, volumes: [1]}",
			[]string{`t.yaml:9:15: channels.phone.arrivals: give either rate (such as 200/h) or volumes (contacts per interval), not both`}},
		{"target above 1", "target: 80%", "target: 180%",
			[]string{`t.yaml:12:42: channels.phone.service_level.target: must be between 0 and 1 (0 % to 100 %), not 1.8`}},
		{"abandonment cap above 1", "    kind: live\n", "    kind: live\n    max_abandon: 150%\n",
			[]string{`t.yaml:9:18: channels.phone.max_abandon: must be a share between 0 and 1 (0 % to 100 %), not 1.5`}},
		{"abandonment cap on a deferred channel", "    kind: live\n", "    kind: deferred\n    max_abandon: 5%\n    max_occupancy: 90%\n",
			[]string{`t.yaml:9:18: channels.phone.max_abandon: applies to live channels only: nobody abandons a deferred channel`,
				`t.yaml:13:15: channels.phone.patience: applies to live channels only: customers of deferred channels chase instead (journey.chase)`}},
		{"warm-up longer than horizon", "warmup: 30m", "warmup: 9h",
			[]string{`t.yaml:4:9: warmup: must be ≥ 0 and shorter than the horizon (8h), not 9h`}},
		{"interval not dividing a day", "interval: 30m", "interval: 7m",
			[]string{`t.yaml:5:11: interval: must divide a day evenly (15m, 30m and 1h do), not 7m`}},
		{"skill of no channel", "skills: [phone]", "skills: [chat]",
			[]string{`t.yaml:8:5: channels.phone: no pool has phone among its skills: its contacts would never be answered`,
				`t.yaml:15:14: pools.agents.skills[0]: no channel is named "chat"`}},
		{"far too many contacts", "rate: 200/h", "rate: 200000/s",
			[]string{`t.yaml:9:15: channels.phone.arrivals: would bring about 5.76e+09 contacts in one replication, more than 1e+09: check the rate's period, or shorten the horizon`}},
		{"duplicate key", "seed: 7\n", "seed: 7\nseed: 8\n",
			[]string{`t.yaml:3:1: seed: given twice`}},
		{"bad channel name", "  phone:\n", "  phone line:\n",
			[]string{`t.yaml:7:3: channels.phone line: names may use letters, digits, '-' and '_' only`,
				`t.yaml:15:14: pools.agents.skills[0]: no channel is named "phone"`}},
		{"several problems at once", "horizon: 8h", "horizon: 8x\nreplications: 0",
			[]string{`t.yaml:3:10: horizon: duration "8x": unknown unit "x" (use ms, s, m, h, d or w)`,
				`t.yaml:4:15: replications: must be between 1 and 100000, not 0`}},
		{"missing section", "pools:\n  agents:\n    skills: [phone]\n    agents: 14\n", "",
			[]string{`t.yaml:1:1: pools: missing`,
				`t.yaml:8:5: channels.phone: no pool has phone among its skills: its contacts would never be answered`}},
		{"not a mapping", valid, "- just\n- a list\n",
			[]string{`t.yaml:1:1: want a mapping of keys to values, not a list`}},
		{"syntax error", "seed: 7", "seed: [7",
			// The YAML parser reports line 1, where it counts the list's
			// context from; the bracket is on line 2.
			[]string{`t.yaml:2:7: the bracket at line 2, column 7 is never closed: end the list or mapping it opens with ] or } (the YAML parser said: did not find expected ',' or ']')`}},
		{"tab indentation", "    kind: live", "\tkind: live",
			[]string{`t.yaml:8:1: tabs cannot indent YAML (line 8, column 1): indent with spaces (the YAML parser said: found character that cannot start any token)`}},
		{"empty file", valid, "",
			[]string{`t.yaml:1:1: the file is empty: a scenario needs at least horizon, channels and pools`}},
		{"only comments", valid, "# nothing yet\n",
			[]string{`t.yaml:1:1: the file holds no settings, only comments or an empty document: a scenario needs at least horizon, channels and pools`}},
		{"not UTF-8", valid, "\xff\xfe h\x00o\x00",
			[]string{`t.yaml: not a text file in UTF-8: a scenario is a YAML text file`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := parseEdited(t, valid, tc.old, tc.new)
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			var errs Errors
			if !errors.As(err, &errs) {
				t.Errorf("error is %T, want Errors", err)
			}
		})
	}
}

func TestSet(t *testing.T) {
	tests := []struct {
		name  string
		sets  []string
		check func(s *Scenario) bool
	}{
		{"number", []string{"pools.agents.agents=12"}, func(s *Scenario) bool { return s.Config.Pools[0].Agents[0] == 12 }},
		{"list", []string{"pools.agents.agents=[10, 12]"}, func(s *Scenario) bool { return len(s.Config.Pools[0].Agents) == 2 }},
		{"mapping", []string{"channels.phone.handle_time={dist: gamma, mean: 4m, cv: 0.5}"},
			func(s *Scenario) bool { return s.Config.Channels[0].HandleTime.Kind == models.Gamma }},
		{"short form", []string{"channels.phone.patience=never"},
			func(s *Scenario) bool { return s.Config.Channels[0].Patience.Kind == models.Never }},
		{"new key", []string{"replications=5"}, func(s *Scenario) bool { return s.Replications == 5 }},
		{"list item", []string{"pools.agents.agents=[10, 12]", "pools.agents.agents[1]=20"},
			func(s *Scenario) bool { return s.Config.Pools[0].Agents[1] == 20 }},
		{"later wins", []string{"seed=2", "seed=3"}, func(s *Scenario) bool { return s.Config.Seed == 3 }},
		{"missing setting of a pool", []string{"pools.agents.shrinkage=20%"}, func(s *Scenario) bool { return s.Config.Pools[0].Shrinkage == 0.2 }},
		{"item added at the end", []string{"pools.agents.agents=[10, 12]", "pools.agents.agents[2]=20"},
			func(s *Scenario) bool { return slices.Equal(s.Config.Pools[0].Agents, []int{10, 12, 20}) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse("t.yaml", "t", []byte(valid), tc.sets)
			if err != nil {
				t.Fatal(err)
			}
			if !tc.check(s) {
				t.Errorf("override %v not applied", tc.sets)
			}
		})
	}
}

func TestSetErrors(t *testing.T) {
	tests := []struct {
		set  string
		want string
	}{
		{"pools.agents.agents=-3", `--set pools.agents.agents=-3: pools.agents.agents: must be ≥ 0, not -3`},
		{"horizon=forever", `--set horizon=forever: horizon: duration "forever": expected a number at "forever" (write, for example, 20s, 5m or 1h30m)`},
		{"seeds=4", `--set seeds=4: seeds: unknown key (did you mean "seed"?)`},
		{"noequals", `--set noequals: want path=value, for example pools.agents.agents=15`},
		{"seed.x=1", `--set seed.x=1: seed is not a mapping, so it has no key "x"`},
		{"pools.agents.agents[3]=1", `--set pools.agents.agents[3]=1: pools.agents.agents is not a list, so it has no item [3]`},
		{"pools..agents=1", `--set pools..agents=1: path "pools..agents" has an empty part`},
		// A name that is not the scenario's is a mistake, not a new pool.
		{"pools.agent.agents=12", `--set pools.agent.agents=12: no pool "agent" (pools: agents); did you mean "agents"?`},
		{"pools.team.agents=12", `--set pools.team.agents=12: no pool "team" (pools: agents)`},
		{"channels.phon.patience=never", `--set channels.phon.patience=never: no channel "phon" (channels: phone); did you mean "phone"?`},
		{"pools.extra={skills: [phone], agents: 2}", `--set pools.extra={skills: [phone], agents: 2}: no pool "extra" (pools: agents)`},
		{"issues.billing=50%", `--set issues.billing=50%: no issue "billing": the scenario has no issues`},
		{"pools.agents.skills[2]=phone", `--set pools.agents.skills[2]=phone: pools.agents.skills has 1 items, so no item [2] (an override may add one item at the end, [1])`},
	}
	for _, tc := range tests {
		t.Run(tc.set, func(t *testing.T) {
			_, err := Parse("t.yaml", "t", []byte(valid), []string{tc.set})
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

func TestBuiltinsLoad(t *testing.T) {
	list := Builtins()
	if len(list) == 0 {
		t.Fatal("no built-in scenarios")
	}
	found := false
	for _, b := range list {
		s, err := Builtin(b.Name, nil)
		if err != nil {
			t.Errorf("%s: %v", b.Name, err)
			continue
		}
		if s.Title == "" || s.Description == "" {
			t.Errorf("%s: a built-in scenario needs a title and a description", b.Name)
		}
		if s.Name != b.Name {
			t.Errorf("%s: its name field says %q", b.Name, s.Name)
		}
		found = found || b.Name == Default
	}
	if !found {
		t.Errorf("the default scenario %q is not built in", Default)
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(path, []byte(valid), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, nil)
	if err != nil || s.Name != "t" || s.File != path {
		t.Errorf("Open(file) = %v, %v", s, err)
	}
	s, err = Open(Default, nil)
	if err != nil || s.File != "builtin:"+Default {
		t.Errorf("Open(%q) = %v, %v", Default, s, err)
	}
	_, err = Open(filepath.Join(dir, "nope.yaml"), nil)
	if err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("Open(missing file) error = %v", err)
	}
	_, err = Open("nope", nil)
	if err == nil || !strings.Contains(err.Error(), "neither a file nor a built-in scenario") {
		t.Errorf("Open(missing name) error = %v", err)
	}
	if _, err := Open(dir, nil); err == nil || !strings.Contains(err.Error(), "is a folder, not a scenario file") {
		t.Errorf("Open(directory) error = %v", err)
	}
}

// FuzzParse feeds arbitrary bytes and overrides to the loader: it must
// return a scenario or an error, never panic, and a scenario it returns must
// pass the model's validation.
func FuzzParse(f *testing.F) {
	f.Add([]byte(valid), "seed=2")
	f.Add([]byte("horizon: 1h\n"), "channels.x.arrivals.rate=1/h")
	f.Add([]byte("a: &a [*a]\n"), "")
	f.Add([]byte("channels: {p: {arrivals: {volumes: [1e308, 1e308]}, handle_time: 1s}}"), "pools.x.agents=[1]")
	for _, b := range Builtins() {
		src, _ := BuiltinSource(b.Name)
		f.Add(src, "pools.agents.agents[0]=0")
	}
	multi, err := os.ReadFile(multiFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(multi, "journey.history=integrated")
	f.Add(multi, "channels.phone.open={days: sat-mon, hours: 22:00-02:00}")
	f.Fuzz(func(t *testing.T, data []byte, set string) {
		s, err := Parse("fuzz.yaml", "fuzz", data, []string{set})
		if err == nil {
			if verr := s.Config.Validate(); verr != nil {
				t.Errorf("Parse accepted a scenario the model rejects: %v", verr)
			}
		}
	})
}

// parseEdited parses the scenario valid with its first old replaced by
// new, and returns the error it must give: the test fails when the edit
// changes nothing or the scenario loads.
func parseEdited(t *testing.T, valid, old, new string) error {
	t.Helper()
	src := strings.Replace(valid, old, new, 1)
	if src == valid {
		t.Fatalf("test case does not change the scenario")
	}
	_, err := Parse("t.yaml", "t", []byte(src), nil)
	if err == nil {
		t.Fatalf("no error")
	}
	return err
}
