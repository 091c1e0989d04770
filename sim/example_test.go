package sim_test

import (
	"fmt"
	"math"

	"github.com/omnisim/omnisim/sim"
)

// An M/M/1 queue in a few lines: arrivals reschedule themselves, a service
// completion frees the server. Each purpose draws from its own named stream.
func Example() {
	e := sim.New()
	streams := sim.NewStreams(1, 0)
	arrivals := streams.Rand("arrivals")
	service := streams.Rand("service")

	queue, busy, served := 0, false, 0
	var start func()
	start = func() {
		busy = true
		e.After(service.ExpFloat64()*0.8, sim.PhaseRelease, func() {
			served++
			busy = false
			if queue > 0 {
				queue--
				start()
			}
		})
	}
	var arrive func()
	arrive = func() {
		if busy {
			queue++
		} else {
			start()
		}
		if next := e.Now() + arrivals.ExpFloat64(); next < 1000 {
			e.Schedule(next, sim.PhaseArrival, arrive)
		}
	}
	e.Schedule(0, sim.PhaseArrival, arrive)
	e.Run(math.Inf(1))
	fmt.Println("all served:", queue == 0 && !busy, served > 900)
	// Output: all served: true true
}

// A patience timer is cancelled when the contact is answered first.
func ExampleEngine_Cancel() {
	e := sim.New()
	patience := e.Schedule(60, sim.PhaseTimer, func() { fmt.Println("abandoned") })
	e.Schedule(20, sim.PhaseRelease, func() {
		fmt.Println("answered at", e.Now())
		e.Cancel(patience)
	})
	e.Run(math.Inf(1))
	// Output: answered at 20
}

// Events at the same instant fire by phase: releases before arrivals.
func ExamplePhase() {
	e := sim.New()
	e.Schedule(5, sim.PhaseArrival, func() { fmt.Println("arrival") })
	e.Schedule(5, sim.PhaseRelease, func() { fmt.Println("release") })
	e.Schedule(5, sim.PhaseStaffing, func() { fmt.Println("staffing") })
	e.Run(math.Inf(1))
	// Output:
	// release
	// staffing
	// arrival
}

// Replications run in parallel and come back in order.
func ExampleReplicate() {
	means, _ := sim.Replicate(3, 0, func(rep int) (int, error) {
		return rep * rep, nil
	})
	fmt.Println(means)
	// Output: [0 1 4]
}
