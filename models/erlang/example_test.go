package erlang_test

import (
	"fmt"

	"github.com/omnisim/omnisim/models/erlang"
)

// The worked example of Call Centre Helper's "Erlang C formula – made
// simple": 100 contacts per half hour with a 3-minute handle time.
func ExampleC() {
	r, err := erlang.C(erlang.Params{
		ArrivalRate:  100.0 / 1800, // contacts per second
		HandleTime:   180,          // seconds
		Agents:       14,
		AnswerWithin: 20, // seconds
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("offered load  %.1f Erlangs\n", r.OfferedLoad)
	fmt.Printf("P(wait)       %.4f\n", r.PWait)
	fmt.Printf("service level %.4f\n", r.ServiceLevel)
	fmt.Printf("ASA           %.2f s\n", r.ASA)
	fmt.Printf("occupancy     %.4f\n", r.Occupancy)
	// Output:
	// offered load  10.0 Erlangs
	// P(wait)       0.1741
	// service level 0.8884
	// ASA           7.84 s
	// occupancy     0.7143
}

// The same queue when callers hang up after 5 minutes on average: fewer wait,
// because some of those ahead abandon.
func ExampleA() {
	r, err := erlang.A(erlang.Params{
		ArrivalRate:  100.0 / 1800,
		HandleTime:   180,
		Agents:       14,
		Patience:     300, // mean patience, seconds
		AnswerWithin: 20,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("P(wait)         %.4f\n", r.PWait)
	fmt.Printf("P(abandon)      %.4f\n", r.PAbandon)
	fmt.Printf("service level   %.4f of offered, %.4f of answered\n", r.ServiceLevel, r.ServiceLevelAnswered)
	fmt.Printf("ASA             %.2f s\n", r.ASA)
	fmt.Printf("mean wait (all) %.2f s\n", r.MeanWait)
	fmt.Printf("occupancy       %.4f\n", r.Occupancy)
	// Output:
	// P(wait)         0.1453
	// P(abandon)      0.0140
	// service level   0.9168 of offered, 0.9298 of answered
	// ASA             3.88 s
	// mean wait (all) 4.20 s
	// occupancy       0.7043
}

// Staffing the worked example for 80 % of contacts answered within 20
// seconds and at most 85 % occupancy, then allowing for 30 % shrinkage.
func ExampleStaff() {
	p := erlang.Params{ArrivalRate: 100.0 / 1800, HandleTime: 180, AnswerWithin: 20}
	r, err := erlang.Staff(p, erlang.Targets{ServiceLevel: 0.8, MaxOccupancy: 0.85})
	if err != nil {
		fmt.Println(err)
		return
	}
	scheduled, err := erlang.Scheduled(r.Agents, 0.3)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("agents %d, service level %.4f, occupancy %.4f\n", r.Agents, r.ServiceLevel, r.Occupancy)
	fmt.Printf("scheduled after 30%% shrinkage: %d\n", scheduled)

	// With callers who abandon after 5 minutes on average, and at most 2 %
	// abandoning.
	p.Patience = 300
	r, err = erlang.Staff(p, erlang.Targets{ServiceLevel: 0.8, MaxAbandon: 0.02})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Erlang A: agents %d, service level %.4f, abandoned %.4f\n", r.Agents, r.ServiceLevel, r.PAbandon)
	// Output:
	// agents 14, service level 0.8884, occupancy 0.7143
	// scheduled after 30% shrinkage: 20
	// Erlang A: agents 14, service level 0.9168, abandoned 0.0140
}

// How many trunk lines keep blocking at or below 1 % for 4.46 Erlangs.
func ExampleBLines() {
	lines, err := erlang.BLines(4.46, 0.01)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d lines, blocking %.5f\n", lines, erlang.B(lines, 4.46))
	// Output:
	// 10 lines, blocking 0.00999
}
