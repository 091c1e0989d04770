package models

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestPooledBatches: replication k goes to batch k mod the batches, each
// batch's tallies are the sum of its replications' (every interval, pool,
// customer tally, flow and expectation level), the totals are each
// replication's, and the results given are left as they were.
func TestPooledBatches(t *testing.T) {
	cfg := erlangAConfig(2 * 3600)
	cfg.Interval = 1800
	const reps = MinBatches + 5
	// Flows and levels that differ by replication.
	run := func() []*Result {
		results, err := runReplications(cfg, reps, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range results {
			r.Flows = [][]int64{{int64(r.Replication)}}
			r.Expectation = []float64{1, 2, 3, float64(r.Replication)}
		}
		return results
	}
	results, before := run(), run()
	p := &Pooled{Size: MinBatches}
	for _, r := range results {
		p.Add(r)
	}
	if !reflect.DeepEqual(results, before) {
		t.Fatal("PoolResults changed the results it was given")
	}
	// Take, which may keep a result as a batch, gathers the same.
	taken := &Pooled{Size: MinBatches}
	for _, r := range before {
		c := *r
		taken.Take(&c)
	}
	if !reflect.DeepEqual(taken, p) {
		t.Error("Take gathers otherwise than Add")
	}
	if p.Replications() != reps || len(p.Batches) != MinBatches {
		t.Fatalf("%d replications in %d batches, want %d in %d", p.Replications(), len(p.Batches), reps, MinBatches)
	}
	for k, tot := range p.Totals {
		if tot.Channels[0].Total != results[k].Channels[0].Total || tot.Channels[0].Intervals != nil || tot.Flows != nil {
			t.Errorf("totals %d: not replication %d's totals alone", k, k)
		}
	}
	for b, batch := range p.Batches {
		var members []*Result
		for k := b; k < reps; k += MinBatches {
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

// TestBatchesByMemory: the batches kept are as many as BatchMemory holds,
// within MinBatches and MaxBatches, as Config.Batches says: every
// replication its own batch up to 1024 for a day of half hours, 64
// batches for a year of 15-minute intervals of five channels.
func TestBatchesByMemory(t *testing.T) {
	day := erlangAConfig(86400)
	day.Interval = 1800
	if got := day.Batches(); got != MaxBatches {
		t.Errorf("a day of half hours: %d batches, want %d", got, MaxBatches)
	}
	year := erlangAConfig(365 * 86400)
	year.Interval = 900
	for len(year.Channels) < 5 {
		ch := year.Channels[0]
		ch.Name += "x"
		year.Channels = append(year.Channels, ch)
	}
	if got := year.Batches(); got != MinBatches {
		t.Errorf("a year of 15 minutes, 5 channels: %d batches, want %d", got, MinBatches)
	}
	// In between, as many as the memory holds.
	mid := erlangAConfig(40 * 86400)
	mid.Interval = 900
	want := int(BatchMemory / mid.ResultBytes())
	if got := mid.Batches(); got != want || got <= MinBatches || got >= MaxBatches {
		t.Errorf("40 days of 15 minutes: %d batches, want %d, between the bounds", got, want)
	}
	// ResultBytes is the size of the result's tallies by interval.
	res, err := Run(mid, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := int64(mid.Intervals())
	tallies := n*int64(unsafe.Sizeof(res.Channels[0].Intervals[0])) + n*int64(unsafe.Sizeof(res.Pools[0].Intervals[0])+8) +
		n*int64(unsafe.Sizeof(res.Customers.Intervals[0])) + n*8
	flows := int64(unsafe.Sizeof(res.Flows[0])) + 8 // one channel: a row of one
	if got := mid.ResultBytes(); got != tallies+flows {
		t.Errorf("ResultBytes = %d, want %d", got, tallies+flows)
	}
}

// TestPooledSize checks the number of batches a Pooled keeps: its Size
// when set, MinBatches when left at zero, by Add and Take alike.
func TestPooledSize(t *testing.T) {
	cfg := erlangAConfig(3600)
	results, err := runReplications(cfg, 5, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, take := range []bool{false, true} {
		two, unset := &Pooled{Size: 2}, &Pooled{}
		for _, p := range []*Pooled{two, unset} {
			for _, r := range results {
				if take {
					r = r.clone()
					p.Take(r)
				} else {
					p.Add(r)
				}
			}
		}
		if len(two.Batches) != 2 || two.Batches[0].Replications != 3 || two.Batches[1].Replications != 2 {
			t.Errorf("take %v: size 2 keeps %d batches, want 2 of 3 and 2 replications", take, len(two.Batches))
		}
		if len(unset.Batches) != 5 {
			t.Errorf("take %v: size unset keeps %d batches of 5 replications, want one each (MinBatches %d)", take, len(unset.Batches), MinBatches)
		}
	}
}
