package models

import (
	"fmt"
	"testing"
	"time"
)

// erlangAConfig is the textbook M/M/n+M queue: 100 contacts per 30 minutes,
// exponential handle time of mean 3 minutes and patience of mean 5 minutes,
// 14 agents, a 20-second threshold, over the given horizon.
func erlangAConfig(horizon float64) *Config {
	return &Config{
		Name:     "erlang-a",
		Seed:     1,
		Horizon:  horizon,
		Interval: 1800,
		Channels: []Channel{{
			Name:         "phone",
			Kind:         Live,
			Arrivals:     Arrivals{Rate: 100.0 / 1800},
			HandleTime:   Dist{Kind: Exponential, Mean: 180},
			Patience:     Dist{Kind: Exponential, Mean: 300},
			AnswerWithin: 20,
		}},
		Pools: []Pool{{Name: "agents", Skills: []string{"phone"}, Agents: []int{14}}},
	}
}

// benchmarkWorld runs replications of cfg and reports the time per contact
// offered on any channel, every statistic collected.
func benchmarkWorld(b *testing.B, cfg *Config) {
	b.ReportAllocs()
	var contacts int64
	for i := range b.N {
		r, err := Run(cfg, i)
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range r.Channels {
			contacts += c.Total.Offered
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(contacts), "ns/contact")
	b.ReportMetric(float64(contacts)/float64(b.N), "contacts/op")
}

// BenchAgainst runs, at each iteration, one replication of cfg and one of
// ref, alternately and timed apart, and reports the time per contact
// offered of each (ns/contact and ref-ns/contact, wall clock; on Linux
// also cpu-ns/contact and ref-cpu-ns/contact, the process's CPU time, the
// collector's included, in which other processes of a shared machine count
// less) and their ratio (x-ref), of CPU times where they are read. Measured side by side in one process, the ratio is
// steadier than two benchmarks run apart. It is exported for the
// benchmarks of the built-in scenarios (package models_test).
func BenchAgainst(b *testing.B, cfg, ref *Config) {
	b.ReportAllocs()
	var t, tRef, cpu, cpuRef time.Duration
	var n, nRef int64
	for i := range b.N {
		d, c, n1 := timedRun(b, cfg, i)
		t, cpu, n = t+d, cpu+c, n+n1
		d, c, n1 = timedRun(b, ref, i)
		tRef, cpuRef, nRef = tRef+d, cpuRef+c, nRef+n1
	}
	per, perRef := float64(t.Nanoseconds())/float64(n), float64(tRef.Nanoseconds())/float64(nRef)
	b.ReportMetric(per, "ns/contact")
	b.ReportMetric(perRef, "ref-ns/contact")
	if cpu > 0 && cpuRef > 0 {
		per, perRef = float64(cpu.Nanoseconds())/float64(n), float64(cpuRef.Nanoseconds())/float64(nRef)
		b.ReportMetric(per, "cpu-ns/contact")
		b.ReportMetric(perRef, "ref-cpu-ns/contact")
	}
	b.ReportMetric(per/perRef, "x-ref")
	b.ReportMetric(float64(n)/float64(b.N), "contacts/op")
}

// timedRun runs replication rep of cfg and returns how long it took, in
// wall-clock and CPU time (processCPU), and the contacts offered on any
// channel.
func timedRun(b *testing.B, cfg *Config, rep int) (wall, cpu time.Duration, contacts int64) {
	start, startCPU := time.Now(), processCPU()
	r, err := Run(cfg, rep)
	wall, cpu = time.Since(start), processCPU()-startCPU
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range r.Channels {
		contacts += c.Total.Offered
	}
	return wall, cpu, contacts
}

func BenchmarkErlangA(b *testing.B) {
	for _, days := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			benchmarkWorld(b, erlangAConfig(float64(days)*86400))
		})
	}
}

// BenchmarkErlangALarge is a big centre: 100 agents at 102 % load with
// exponential patience of mean 5 minutes (the overloaded validation case),
// so about 2,000 contacts an hour and a queue that never empties for long.
func BenchmarkErlangALarge(b *testing.B) {
	cfg := erlangAConfig(10 * 86400)
	cfg.Channels[0].Arrivals.Rate = 1.02 * 100 / 180
	cfg.Pools[0].Agents = []int{100}
	benchmarkWorld(b, cfg)
}

// centreConfig is the big centre of BenchmarkErlangALarge with n agents
// (at the same 102 % load) over a horizon of about 490,000 contacts
// whatever n: 10 days at 100 agents, 2.4 hours at 10,000.
func centreConfig(n int) *Config {
	cfg := erlangAConfig(10 * 86400 * 100 / float64(n))
	cfg.Channels[0].Arrivals.Rate = 1.02 * float64(n) / 180
	cfg.Pools[0].Agents = []int{n}
	return cfg
}

// BenchmarkCentreSize shows how the cost per contact grows with the size
// of the centre: 1,000 and 10,000 agents, each side by side with 100
// (x-ref is the ratio to 100 agents; the aim is at most 1.5 at 10,000).
func BenchmarkCentreSize(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("agents=%d", n), func(b *testing.B) {
			BenchAgainst(b, centreConfig(n), centreConfig(100))
		})
	}
}

// BenchmarkRichWorld runs a week of a world with every mechanism on: six
// channels of three kinds, an issue mix, choice, retries, chasing,
// escalation, siloed history, shifts and word of mouth. It reports the time
// per contact offered on any channel.
func BenchmarkRichWorld(b *testing.B) {
	benchmarkWorld(b, richConfig())
}

// BenchmarkMechanisms is the textbook queue of BenchmarkErlangA (10 days)
// with each mechanism of real centres on in turn, to show its cost per
// contact against "off": after-call work (30 s, exponential, the handling
// shortened to keep the load), two priority classes (the second promoted
// after a minute), callbacks (offered above a minute's quoted wait, half
// taken, 10 % unanswered), a backup pool after 30 s (the 14 agents split
// 10 and 4, each the other's backup), and a handle factor on the pool.
func BenchmarkMechanisms(b *testing.B) {
	for _, m := range []struct {
		name string
		on   func(c *Config)
	}{
		{"off", func(*Config) {}},
		{"wrap-up", func(c *Config) {
			c.Channels[0].HandleTime.Mean = 150
			c.Channels[0].WrapTime = Dist{Kind: Exponential, Mean: 30}
		}},
		{"classes", func(c *Config) {
			c.Classes = []Class{{Name: "vip", Share: 0.2, Priority: 1, PatienceFactor: 1},
				{Name: "standard", Share: 0.8, Priority: 2, PatienceFactor: 1, PromoteAfter: 60}}
		}},
		{"callbacks", func(c *Config) {
			c.Channels[0].Callback = &Callback{OfferAbove: 60, Accept: 0.5, NoAnswer: 0.1, Retries: 2, RetryDelay: 600, AttemptTime: 20}
		}},
		{"overflow", func(c *Config) {
			c.Pools = []Pool{
				{Name: "main", Skills: []string{"phone"}, Agents: []int{10}},
				{Name: "backup", Skills: []string{"phone"}, Agents: []int{4}, OverflowAfter: []SkillSetting{{Skill: "phone", Value: 30}}},
			}
		}},
		{"proficiency", func(c *Config) {
			c.Pools[0].HandleFactors = []SkillSetting{{Skill: "phone", Value: 1}}
		}},
	} {
		b.Run(m.name, func(b *testing.B) {
			cfg := erlangAConfig(10 * 86400)
			m.on(cfg)
			benchmarkWorld(b, cfg)
		})
	}
}
