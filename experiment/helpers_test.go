package experiment

import "github.com/omnisim/omnisim/models"

// queue is an Erlang A queue (Garnett, Mandelbaum and Reiman 2002): 100
// calls per half hour, a 3-minute handle time, 5 minutes' patience, both
// exponential, and agents agents, over hours hours: a small world that
// runs in milliseconds.
func queue(hours float64, agents int) *models.Config {
	return &models.Config{
		Name:     "queue",
		Seed:     1,
		Horizon:  hours * 3600,
		Interval: 1800,
		Channels: []models.Channel{{
			Name:         "phone",
			Kind:         models.Live,
			Arrivals:     models.Arrivals{Rate: 100.0 / 1800},
			HandleTime:   models.Dist{Kind: models.Exponential, Mean: 180},
			Patience:     models.Dist{Kind: models.Exponential, Mean: 300},
			AnswerWithin: 20,
		}},
		Pools: []models.Pool{{Name: "agents", Skills: []string{"phone"}, Agents: []int{agents}}},
	}
}
