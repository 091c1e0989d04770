package models

import "math"

// Issue is a kind of need customers bring: a simple question, an account
// change, a complex fault. Issues change handle times, resolution chances
// and which channel suits the customer.
type Issue struct {
	// Name identifies the issue.
	Name string
	// Share is the share of customers who bring it.
	Share float64
	// HandleFactor multiplies every channel's handle time for this issue
	// (scenario key handle_factor); 1 leaves it unchanged.
	HandleFactor float64
}

func (c *Config) checkIssues(p problems) {
	if len(c.Issues) == 0 {
		p.Add("must list at least one issue")
		return
	}
	total := 0.0
	for _, is := range c.Issues {
		ip := p.At(is.Name)
		share(ip.At("share"), is.Share)
		total += is.Share
		if !(is.HandleFactor > 0) || !finite(is.HandleFactor) {
			ip.At("handle_factor").Add("must be a positive number, not %v", is.HandleFactor)
		}
	}
	if math.Abs(total-1) > 1e-6 {
		p.Add("the shares add up to %s, not 100%%", FormatFraction(total))
	}
}

// Demand is the stream of customers who choose their channel.
type Demand struct {
	// Arrivals is the base arrival process of customers.
	Arrivals
	// Weekdays multiply the arrivals on each day of the week, Monday first;
	// all 1 leaves them unchanged.
	Weekdays [7]float64
	// Noise is the coefficient of variation of a day's volume around its
	// expectation: each day's arrivals are multiplied by a gamma-distributed
	// factor of mean 1 and this CV, so that daily counts vary more than
	// Poisson alone would (as real ones do). 0 for none.
	Noise float64
}

// active tells whether any customer arrives through this demand.
func (d *Demand) active() bool {
	if d.Rate > 0 {
		return true
	}
	for _, v := range d.Volumes {
		if v > 0 {
			return true
		}
	}
	return false
}

func (d *Demand) check(p problems) {
	d.Arrivals.check(p)
	for i, f := range d.Weekdays {
		if !(f >= 0) || !finite(f) {
			p.At("weekdays."+Weekday(i).String()).Add("must be a finite number ≥ 0, not %v", f)
		}
	}
	if !(d.Noise >= 0 && d.Noise <= 10) {
		p.At("noise").Add("must be a coefficient of variation between 0 and 10, not %v", d.Noise)
	}
}
