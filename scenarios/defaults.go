package scenarios

import (
	"slices"

	"github.com/omnisim/omnisim/models"
)

// setDefaults fills what the scenario left out with models' defaults
// (Config.SetDefaults), but keeps the zeros it wrote. SetDefaults takes a
// zero for a field left out: a scenario that says max_contacts: 0 or
// concurrency: 0 must hear that the value is wrong, and one that says
// siloed: {annoyance: 0} must get no annoyance, not the default.
//
// The decoder starts these fields from their defaults itself, so a zero in
// them was written.
func (d *decoder) setDefaults(c *models.Config) {
	written := *c
	written.Channels = slices.Clone(c.Channels)
	c.SetDefaults()
	c.Journey = written.Journey
	if _, ok := d.nodes["demand"]; ok {
		c.Demand.Weekdays = written.Demand.Weekdays
	}
	for i, ch := range written.Channels {
		c.Channels[i].Concurrency = ch.Concurrency
		if _, ok := d.nodes["channels."+ch.Name+".expected_wait"]; ok {
			c.Channels[i].ExpectedWait = ch.ExpectedWait
		} else if ch.AnswerWithin != ch.AnswerWithin {
			// The expected wait defaults to the service level's
			// threshold, which could not be read and is reported already.
			d.doubtful = append(d.doubtful, "channels."+ch.Name+".expected_wait")
		}
	}
}
