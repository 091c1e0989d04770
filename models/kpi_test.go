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
	results, err := RunReplications(cfg, 3, 1)
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
