package models

import (
	"math"
	"strings"
	"testing"
)

func TestParseKPI(t *testing.T) {
	cfg := erlangAConfig(20 * 3600)
	cfg.Pools[0].Name = "agents"
	names := KPINames(cfg)
	if len(names) != len(Figures)*len(cfg.Channels)+len(CustomerFigures)+len(PoolFigures)*len(cfg.Pools) {
		t.Fatalf("%d names", len(names))
	}
	results, err := runReplications(cfg, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	s := Summarize(results)
	var all []Estimate
	for _, c := range s.Channels {
		all = append(all, c.Figures...)
	}
	all = append(all, s.Customers...)
	for _, p := range s.Pools {
		all = append(all, p.Figures...)
	}
	for i, name := range names {
		k, err := ParseKPI(cfg, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := k.Of(s); got != all[i] && !(math.IsNaN(got.Mean) && math.IsNaN(all[i].Mean)) {
			t.Errorf("%s: %v, want %v", name, got, all[i])
		}
	}
	sl, _ := ParseKPI(cfg, cfg.Channels[0].Name+".service_level")
	if got, want := sl.Of(s), s.Channels[0].Get("service_level"); got != want || !sl.Share {
		t.Errorf("service level: %v (share %v), want %v", got, sl.Share, want)
	}
	occ, _ := ParseKPI(cfg, "pools.agents.occupancy")
	if got := occ.Of(s); got != s.Pools[0].Figures[figureIndex(PoolFigures, "occupancy")] {
		t.Errorf("pool occupancy: %v", got)
	}
	for _, bad := range []string{"", "phone", "phone.nope", "customers.offered", "pools.agents", "pools.nobody.occupancy", "email.service_level"} {
		if _, err := ParseKPI(cfg, bad); err == nil || !strings.Contains(err.Error(), "no figure") {
			t.Errorf("%q: %v, want no figure", bad, err)
		}
	}
	if e := (KPI{}).Of(s); !math.IsNaN(e.Mean) {
		t.Errorf("a KPI of nothing: %v, want NaN", e)
	}
}

func figureIndex[T any](figs []Figure[T], key string) int {
	for i, f := range figs {
		if f.Key == key {
			return i
		}
	}
	return -1
}

// TestParseKPIMessages checks what ParseKPI says of a name that is no
// figure: the figures of the channel, the customers or the pool the name
// starts with, the scenario's pools, or else an example of each kind named
// after the scenario's own first channel and pool (phone and agents when
// it has none); and which figures it marks as shares.
func TestParseKPIMessages(t *testing.T) {
	cfg := erlangAConfig(3600)
	cfg.Channels[0].Name, cfg.Pools[0].Name = "chat", "front"
	cfg.Pools[0].Skills = []string{"chat"}
	for _, tc := range []struct{ name, want string }{
		{"chat.nope", `no figure "chat.nope": channel chat has offered, answered,`},
		{"customers.offered", `no figure "customers.offered": customers has customers, resolved_share,`},
		{"pools.front.nope", `no figure "pools.front.nope": pool front has scheduled_hours,`},
		{"pools.nobody.occupancy", `no figure "pools.nobody.occupancy": the scenario has pools.front`},
		{"email.service_level", `no figure "email.service_level": name a channel's figure (chat.service_level), the customers' (customers.contacts_per_resolution) or a pool's (pools.front.occupancy)`},
	} {
		_, err := ParseKPI(cfg, tc.name)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.name, err, tc.want)
		}
	}
	_, err := ParseKPI(&Config{}, "x")
	if want := `no figure "x": name a channel's figure (phone.service_level), the customers' (customers.contacts_per_resolution) or a pool's (pools.agents.occupancy)`; err == nil || err.Error() != want {
		t.Errorf("a config of nothing: got %v, want %q", err, want)
	}
	for _, tc := range []struct {
		name  string
		share bool
	}{
		{"chat.service_level", true},
		{"chat.asa_seconds", false},
		{"customers.resolved_share", true},
		{"customers.contacts_per_resolution", false},
		{"pools.front.occupancy", true},
		{"pools.front.cost", false},
	} {
		if k, err := ParseKPI(cfg, tc.name); err != nil || k.Share != tc.share {
			t.Errorf("%s: share %v, %v; want share %v", tc.name, k.Share, err, tc.share)
		}
	}
}

// TestKPIOfAnotherSummary checks that a KPI read from a summary that lacks
// its channel, pool or figure gives NaN rather than a panic.
func TestKPIOfAnotherSummary(t *testing.T) {
	cfg := erlangAConfig(3600)
	cfg.Channels = append(cfg.Channels, cfg.Channels[0])
	cfg.Channels[1].Name = "second"
	cfg.Pools = append(cfg.Pools, cfg.Pools[0])
	cfg.Pools[1].Name = "second"
	var none Summary
	for _, name := range []string{"second.service_level", "customers.satisfaction", "pools.second.occupancy"} {
		k, err := ParseKPI(cfg, name)
		if err != nil {
			t.Fatal(err)
		}
		// One channel, one pool and the customer figures before
		// satisfaction: each list one short of what the KPI reads.
		one := Summary{Channels: make([]ChannelSummary, 1), Pools: make([]PoolSummary, 1),
			Customers: make([]Estimate, figureIndex(CustomerFigures, "satisfaction"))}
		for _, s := range []Summary{none, one} {
			if e := k.Of(s); !math.IsNaN(e.Mean) {
				t.Errorf("%s of a summary without it: got %v, want NaN", name, e)
			}
		}
	}
}
