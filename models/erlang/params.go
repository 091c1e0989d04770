package erlang

import (
	"errors"
	"fmt"
	"math"
)

// Params describe one queue. Times are in seconds and rates per second.
type Params struct {
	// ArrivalRate is λ, the mean number of contacts offered per second.
	ArrivalRate float64
	// HandleTime is the mean handle time 1/μ in seconds.
	HandleTime float64
	// Agents is the number of agents n answering the queue.
	Agents int
	// Patience is the mean patience 1/θ in seconds. Zero or +Inf means
	// customers never abandon, which is Erlang C.
	Patience float64
	// AnswerWithin is the service-level threshold T in seconds (T ≥ 0).
	AnswerWithin float64
}

// Result holds every figure computed for one queue at one staffing level.
type Result struct {
	// Agents is the number of agents n the figures are for.
	Agents int
	// OfferedLoad is a = λ/μ in Erlangs.
	OfferedLoad float64
	// PWait is the probability that an arriving contact must wait, P(W > 0).
	PWait float64
	// PAbandon is the share of offered contacts that abandon (0 for Erlang C).
	PAbandon float64
	// ServiceLevel is the share of offered contacts answered with a wait of
	// at most AnswerWithin.
	ServiceLevel float64
	// ServiceLevelAnswered is the share of answered contacts whose wait was
	// at most AnswerWithin.
	ServiceLevelAnswered float64
	// ASA is the average speed of answer: the mean wait of answered contacts,
	// in seconds.
	ASA float64
	// MeanWait is the mean wait of all offered contacts in seconds, counting
	// for abandoned contacts their time until abandoning.
	MeanWait float64
	// Occupancy is λ(1 − PAbandon)/(nμ), the share of agent time spent
	// handling contacts.
	Occupancy float64
}

// Evaluate returns the figures for p with Erlang A when the patience is
// finite and positive, and with Erlang C otherwise.
func Evaluate(p Params) (Result, error) {
	if abandons(p) {
		return A(p)
	}
	return C(p)
}

// abandons reports whether p describes impatient customers (Erlang A).
func abandons(p Params) bool {
	return p.Patience > 0 && !math.IsInf(p.Patience, 1)
}

// validate checks every field of p and returns all the problems found,
// joined. When needAgents is false the agent count is not checked (Staff
// chooses it).
func validate(p Params, needAgents bool) error {
	var errs []error
	if !(p.ArrivalRate > 0) || math.IsInf(p.ArrivalRate, 1) {
		errs = append(errs, fmt.Errorf("erlang: arrival rate must be positive and finite, got %v", p.ArrivalRate))
	}
	if !(p.HandleTime > 0) || math.IsInf(p.HandleTime, 1) {
		errs = append(errs, fmt.Errorf("erlang: handle time must be positive and finite, got %v", p.HandleTime))
	}
	if needAgents && p.Agents < 1 {
		errs = append(errs, fmt.Errorf("erlang: need at least 1 agent, got %d", p.Agents))
	}
	if !(p.Patience >= 0) {
		errs = append(errs, fmt.Errorf("erlang: patience must be 0, positive or +Inf, got %v", p.Patience))
	}
	if !(p.AnswerWithin >= 0) {
		errs = append(errs, fmt.Errorf("erlang: service-level threshold must be at least 0, got %v", p.AnswerWithin))
	}
	if len(errs) == 0 {
		// Derived quantities can still overflow or underflow.
		if a := p.ArrivalRate * p.HandleTime; math.IsInf(a, 1) || a > maxLoad {
			errs = append(errs, fmt.Errorf("erlang: offered load %v Erlangs is too large (at most %g)", a, maxLoad))
		}
		if math.IsInf(1/p.HandleTime, 1) {
			errs = append(errs, fmt.Errorf("erlang: handle time %v is too small", p.HandleTime))
		}
	}
	return errors.Join(errs...)
}

// maxLoad bounds the offered load in Erlangs. Far beyond any contact centre,
// it keeps the series and searches of this package finite.
const maxLoad = 1e9
