package models

import (
	"strings"
	"testing"
)

// capsConfig is a valid config of one queue and one pool, for the caps'
// tests to break.
func capsConfig() *Config {
	return &Config{
		Horizon:  86400,
		Interval: 1800,
		Channels: []Channel{{Name: "queue", Kind: Live, Arrivals: Arrivals{Rate: 100.0 / 3600},
			HandleTime: Dist{Kind: Exponential, Mean: 180}, Patience: Dist{Kind: Never}}},
		Pools: []Pool{{Name: "agents", Skills: []string{"queue"}, Agents: []int{10}}},
	}
}

// TestCaps checks the caps on a pool's headcount and on the intervals: at
// the cap a config is valid, past it the problem names the setting.
func TestCaps(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*Config)
		want string // "" for valid
	}{
		{"agents at the cap", func(c *Config) { c.Pools[0].Agents = []int{10, MaxAgents} }, ""},
		{"agents past the cap", func(c *Config) { c.Pools[0].Agents = []int{10, MaxAgents + 1} },
			"pools.agents.agents[1]: must be at most 100000 agents (the limit of a pool in an interval), not 100001"},
		{"a shift at the cap", func(c *Config) {
			c.Pools[0].Agents = nil
			c.Pools[0].Shifts = []Shift{{Span: Span{Days: EveryDay, From: 8 * 3600, To: 16 * 3600}, Agents: MaxAgents}}
		}, ""},
		{"a shift past the cap", func(c *Config) {
			c.Pools[0].Agents = nil
			c.Pools[0].Shifts = []Shift{{Span: Span{Days: EveryDay, From: 8 * 3600, To: 16 * 3600}, Agents: 1e9}}
		}, "pools.agents.shifts[0].agents: must be at most 100000 agents (the limit of a shift), not 1000000000"},
		{"intervals at the cap", func(c *Config) { c.Horizon = MaxIntervals * 1800 }, ""},
		{"intervals past the cap", func(c *Config) { c.Horizon = (MaxIntervals + 1) * 1800 },
			"horizon: 20833d8h30m holds 1000001 intervals of 30m, more than the limit of 1000000: a shorter horizon or a longer interval"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := capsConfig()
			c.edit(cfg)
			cfg.SetDefaults()
			err := cfg.Validate()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("got %v, want a valid config", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}
