package output

import (
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
)

// phoneChannel is a live channel with exponential times: 20 calls an hour
// of 3 minutes, callers who hang up after 5 minutes on average.
func PhoneChannel() models.Channel {
	return models.Channel{Name: "phone", Kind: models.Live, Choosable: true,
		Arrivals:     models.Arrivals{Rate: 20.0 / 3600},
		HandleTime:   models.Dist{Kind: models.Exponential, Mean: 180},
		Patience:     models.Dist{Kind: models.Exponential, Mean: 300},
		AnswerWithin: 20, TargetServiceLevel: 0.8}
}

// onePhone is the smallest world: one phone line, one pool of 2 agents,
// four hours.
func OnePhone() *models.Config {
	return &models.Config{Name: "one", Seed: 1, Horizon: 4 * 3600, Interval: 3600,
		Channels: []models.Channel{PhoneChannel()},
		Pools:    []models.Pool{{Name: "agents", Skills: []string{"phone"}, Agents: []int{2}}}}
}

// phoneAndEmail adds a deferred email channel, served by the same pool, to
// onePhone.
func PhoneAndEmail() *models.Config {
	cfg := OnePhone()
	email := models.Channel{Name: "email", Kind: models.Deferred, Choosable: true,
		Arrivals:     models.Arrivals{Rate: 10.0 / 3600},
		HandleTime:   models.Dist{Kind: models.Exponential, Mean: 300},
		AnswerWithin: 4 * 3600, TargetServiceLevel: 0.9}
	cfg.Channels = append(cfg.Channels, email)
	cfg.Pools[0].Skills = []string{"phone", "email"}
	return cfg
}

// simulate runs two replications of cfg and returns their report.
func Simulate(t *testing.T, cfg *models.Config) *RunReport {
	t.Helper()
	results, err := experiment.Run{Config: cfg, Reps: experiment.Span(0, 2), Workers: 1}.Results()
	if err != nil {
		t.Fatal(err)
	}
	return NewRunReport(cfg.Name, "a test", "", cfg, results)
}

// goldenWorld is a small three-channel world with every section of the
// report: demand and choice, opening hours, lines and chat concurrency, a
// deferred channel, self-service, two pools with costs, retries and word
// of mouth, over two days of 6-hour intervals.
func GoldenWorld() *models.Config {
	phone := PhoneChannel()
	phone.Arrivals = models.Arrivals{}
	phone.Lines = 10
	phone.Open = []models.Span{{Days: models.Days{true, true, true, true, true}, From: 8 * 3600, To: 20 * 3600}}
	phone.Resolution = []float64{0.8}
	chat := models.Channel{Name: "chat", Kind: models.Live, Choosable: true, Concurrency: 2, Slowdown: 0.2,
		HandleTime: models.Dist{Kind: models.Gamma, Mean: 600, CV: 0.7},
		Patience:   models.Dist{Kind: models.Exponential, Mean: 120}, AnswerWithin: 60}
	email := models.Channel{Name: "email", Kind: models.Deferred, Choosable: true, ExpectedWait: 86400,
		Arrivals:   models.Arrivals{Rate: 2.0 / 3600},
		HandleTime: models.Dist{Kind: models.Exponential, Mean: 480}, AnswerWithin: 86400, TargetServiceLevel: 0.9}
	cfg := &models.Config{Name: "golden", Seed: 7, Horizon: 2 * 86400, Interval: 6 * 3600, Start: models.Friday,
		Demand:      models.Demand{Arrivals: models.Arrivals{Rate: 30.0 / 3600}},
		Choice:      models.Choice{WaitWeight: 0.5},
		Journey:     models.Journey{Retry: []float64{0.5}},
		WordOfMouth: models.DefaultWordOfMouth(),
		Channels:    []models.Channel{phone, chat, email},
		Pools: []models.Pool{
			{Name: "front", Skills: []string{"phone", "chat", "email"}, Agents: []int{1, 3, 3, 1}, Shrinkage: 0.25, CostPerHour: 30},
			{Name: "back", Skills: []string{"email"}, Agents: []int{1}, CostPerHour: 25},
		}}
	cfg.SetDefaults()
	return cfg
}

// fakeResults makes replications of cfg by arithmetic instead of
// simulation, so that the golden files test the report alone and do not
// change when the simulation does. Every tally varies with the channel,
// the interval and the replication; the totals add the intervals up.
func FakeResults(cfg *models.Config, reps int) []*models.Result {
	n := cfg.Intervals()
	var out []*models.Result
	for rep := range reps {
		res := &models.Result{Replication: rep, Events: uint64(1000 + rep)}
		for i, ch := range cfg.Channels {
			cr := models.ChannelResult{Name: ch.Name, Kind: ch.Kind, Intervals: make([]models.Counts, n)}
			for k := range n {
				c := &cr.Intervals[k]
				c.Offered = int64(10*(i+1) + 3*(k%4) + rep)
				if ch.Kind == models.Live {
					c.Abandoned = int64((k + i + rep) % 3)
				}
				if i == 0 && k%4 == 0 {
					c.Blocked = c.Offered // closed at night
					c.Abandoned = 0
				}
				c.Answered = c.Offered - c.Abandoned - c.Blocked
				c.Waited = c.Answered / 2
				c.AnsweredWithin = c.Answered - int64(k%3)
				c.Resolved = c.Answered - int64((k+rep)%2)
				if c.Answered == 0 {
					c.AnsweredWithin, c.Resolved = 0, 0
				}
				c.SwitchedIn = int64(i * (k % 2))
				c.WaitAnswered = float64(c.Answered) * float64(5+7*i+k)
				c.WaitAbandoned = float64(c.Abandoned) * 40
				c.HandleTime = float64(c.Answered) * float64(180+60*i)
				c.BusyTime = c.HandleTime
				c.AgentTime = 6 * 3600 * 2
				if ch.Kind == models.Deferred {
					c.Backlog = int64(k%3 + rep)
				}
				c.Reputation = ch.ExpectedWait * (1 + 0.1*float64(k) - 0.05*float64(rep))
				cr.Total.Add(*c)
				cr.Total.Backlog, cr.Total.Reputation = c.Backlog, c.Reputation
			}
			res.Channels = append(res.Channels, cr)
		}
		for p, pool := range cfg.Pools {
			pr := models.PoolResult{Name: pool.Name, Intervals: make([]models.PoolCounts, n), Scheduled: make([]int, n)}
			for k := range n {
				a := pool.ScheduledAt(k, cfg.Interval, cfg.Start)
				pr.Scheduled[k] = a
				c := models.PoolCounts{ScheduledTime: float64(a) * cfg.Interval,
					AgentTime: float64(pool.AvailableAt(k, cfg.Interval, cfg.Start)) * cfg.Interval}
				c.BusyTime = c.AgentTime * (0.5 + 0.1*float64((k+p+rep)%4))
				c.Cost = c.ScheduledTime / 3600 * pool.CostPerHour
				pr.Intervals[k] = c
				pr.Total.Add(c)
			}
			res.Pools = append(res.Pools, pr)
		}
		res.Customers.Intervals = make([]models.CustomerCounts, n)
		res.Expectation = make([]float64, n)
		for k := range n {
			c := models.CustomerCounts{Customers: int64(40 + k + rep), Finished: int64(38 + k + rep)}
			c.Resolved = c.Finished - int64(3+k%2)
			c.GaveUp = c.Finished - c.Resolved
			c.Contacts = c.Finished + int64(9+rep)
			c.Switches, c.Escalations = int64(5+k%3), int64(k%2)
			c.ChannelsUsed = c.Finished + c.Switches/2
			c.TimeToResolution = float64(c.Resolved) * 900
			c.Satisfaction = float64(c.Finished) * 0.7
			res.Customers.Intervals[k] = c
			res.Customers.Total.Add(c)
			res.Expectation[k] = 0.1*float64(k) - 0.05*float64(rep)
		}
		res.ExpectationAtHorizon = res.Expectation[n-1]
		out = append(out, res)
	}
	return out
}

// goldenReport is the report the golden files hold: goldenWorld with fake
// results of three replications.
func GoldenReport() *RunReport {
	cfg := GoldenWorld()
	return NewRunReport("golden", "Three channels, two pools, two days", "testdata/golden.yaml", cfg, FakeResults(cfg, 3))
}

// reportWorld is a small world with everything the report shows: three
// channels (live with a target, deferred with a target, live chat without
// one), customers who choose and retry, two pools with costs, a warm-up and
// word of mouth, over two days of half hours.
func ReportWorld() *models.Config {
	cfg := PhoneAndEmail()
	cfg.Name = "report"
	cfg.Horizon, cfg.Interval, cfg.Warmup = 2*86400, 1800, 3600
	cfg.Start = models.Monday
	chat := models.Channel{Name: "chat", Kind: models.Live, Choosable: true, Concurrency: 2,
		HandleTime: models.Dist{Kind: models.Exponential, Mean: 400},
		Patience:   models.Dist{Kind: models.Exponential, Mean: 120}, AnswerWithin: 60}
	cfg.Channels = append(cfg.Channels, chat)
	cfg.Demand = models.Demand{Arrivals: models.Arrivals{Rate: 20.0 / 3600}}
	cfg.Journey = models.Journey{Retry: []float64{0.5}}
	cfg.Pools[0].CostPerHour = 25
	cfg.Pools = append(cfg.Pools, models.Pool{Name: "chat-team", Skills: []string{"chat"}, Agents: []int{1}, CostPerHour: 20})
	cfg.WordOfMouth = models.DefaultWordOfMouth()
	return cfg
}

// reportDataset runs cfg (two replications) and returns its Dataset.
func ReportDataset(t *testing.T, cfg *models.Config) *Dataset {
	t.Helper()
	r := Simulate(t, cfg)
	r.Description = "A test world.\n\nIts second paragraph."
	return r.Dataset("test")
}
