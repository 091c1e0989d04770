package models

import (
	"reflect"
	"testing"
)

// TestPooledBatches: replication k goes to batch k mod MaxBatches, each
// batch's tallies are the sum of its replications' (every interval, pool,
// customer tally, flow and expectation level), the totals are each
// replication's, and the results given are left as they were.
func TestPooledBatches(t *testing.T) {
	cfg := erlangAConfig(2 * 3600)
	cfg.Interval = 1800
	const reps = MaxBatches + 5
	results, err := RunReplications(cfg, reps, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		r.Flows = [][]int64{{int64(r.Replication)}}
		r.Expectation = []float64{1, 2, 3, float64(r.Replication)}
	}
	before, err := RunReplications(cfg, reps, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range before {
		r.Flows = [][]int64{{int64(r.Replication)}}
		r.Expectation = []float64{1, 2, 3, float64(r.Replication)}
	}
	p := PoolResults(results)
	if !reflect.DeepEqual(results, before) {
		t.Fatal("PoolResults changed the results it was given")
	}
	if p.Replications() != reps || len(p.Batches) != MaxBatches {
		t.Fatalf("%d replications in %d batches, want %d in %d", p.Replications(), len(p.Batches), reps, MaxBatches)
	}
	for k, tot := range p.Totals {
		if tot.Channels[0].Total != results[k].Channels[0].Total || tot.Channels[0].Intervals != nil || tot.Flows != nil {
			t.Errorf("totals %d: not replication %d's totals alone", k, k)
		}
	}
	for b, batch := range p.Batches {
		var members []*Result
		for k := b; k < reps; k += MaxBatches {
			members = append(members, results[k])
		}
		if batch.Weight() != len(members) {
			t.Errorf("batch %d holds %d replications, want %d", b, batch.Weight(), len(members))
		}
		for k := range cfg.Intervals() {
			var want Counts
			var pool PoolCounts
			var cust CustomerCounts
			level, flow := 0.0, int64(0)
			for _, m := range members {
				want.Add(m.Channels[0].Intervals[k])
				pool.Add(m.Pools[0].Intervals[k])
				cust.Add(m.Customers.Intervals[k])
				level += m.Expectation[k]
				flow += m.Flows[0][0]
			}
			if batch.Channels[0].Intervals[k] != want || batch.Pools[0].Intervals[k] != pool || batch.Customers.Intervals[k] != cust {
				t.Errorf("batch %d interval %d: tallies are not its replications' sum", b, k)
			}
			if batch.Expectation[k] != level || batch.Flows[0][0] != flow {
				t.Errorf("batch %d interval %d: level %v and flow %d, want %v and %d", b, k, batch.Expectation[k], batch.Flows[0][0], level, flow)
			}
		}
	}
}
