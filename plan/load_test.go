package plan

import (
	"slices"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// TestReadings: with readings every 10 s (five-minute intervals, 30 points
// each) at 5 s, 15 s, 25 s…, a contact is counted at every point from the
// first at or after its arrival to the last before it left; contacts
// turned away, or of a channel that is not live, are not counted.
//
// Seen to catch: a contact counted at the point it left (the last point
// from ⌈Ended/step + ½⌉).
func TestReadings(t *testing.T) {
	cfg := &models.Config{Horizon: 600, Interval: 300,
		Channels: []models.Channel{{Name: "phone", Kind: models.Live}, {Name: "email", Kind: models.Deferred}}}
	r := newReadings(cfg)
	for _, c := range []models.ContactRecord{
		{Channel: "phone", Outcome: models.OutcomeResolved, Arrived: 12, Ended: 45},  // 15, 25, 35
		{Channel: "phone", Outcome: models.OutcomeAbandoned, Arrived: 15, Ended: 26}, // 15, 25
		{Channel: "phone", Outcome: models.OutcomeBlocked, Arrived: 100, Ended: 100},
		{Channel: "phone", Outcome: models.OutcomeUnfinished, Arrived: 571, Ended: 600}, // 575, 585, 595
		{Channel: "email", Outcome: models.OutcomeResolved, Arrived: 0, Ended: 600},
	} {
		r.add(&c)
	}
	want := make([]int32, 60)
	want[1], want[2], want[3] = 2, 2, 1
	want[57], want[58], want[59] = 1, 1, 1
	if !slices.Equal(r.counts[0], want) {
		t.Errorf("phone readings:\n got %v\nwant %v", r.counts[0], want)
	}
	if r.counts[1] != nil {
		t.Errorf("email read: %v", r.counts[1])
	}
}

// TestReplicationsRun: simulate and gather run replications first to
// first + reps − 1, each the replication models.Run gives for its
// number, whether the contacts in the system are read or not.
//
// Seen to catch: replications first − i run instead of first + i (in
// simulate, read or not, and in gather: the verification's replications
// would not be fresh).
func TestReplicationsRun(t *testing.T) {
	cfg := builtin(t, "textbook", "horizon=2h", "warmup=0s")
	cfg.SetDefaults()
	want := make([]*models.Result, 3)
	for i := range want {
		r, err := models.Run(cfg, 5+i)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = r
	}
	for _, load := range []bool{false, true} {
		r, err := simulate(cfg, 5, 3, 1, load)
		if err != nil {
			t.Fatal(err)
		}
		for i, res := range r.results {
			if res.Replication != 5+i || res.Channels[0].Total != want[i].Channels[0].Total {
				t.Errorf("simulate (reading %v): result %d is replication %d with %+v, want %d with %+v", load, i, res.Replication, res.Channels[0].Total, 5+i, want[i].Channels[0].Total)
			}
		}
		if load && (len(r.inSystem) != 3 || r.inSystem[0] == nil) {
			t.Errorf("simulate: no readings")
		}
	}
	p := models.NewPooled(cfg)
	if err := gather(cfg, 5, 3, 1, p); err != nil {
		t.Fatal(err)
	}
	for i, tot := range p.Totals {
		if w := want[i].Totals(); tot.Replication != 5+i || tot.Channels[0].Total != w.Channels[0].Total {
			t.Errorf("gather: replication %d with %+v, want %d with %+v", tot.Replication, tot.Channels[0].Total, 5+i, w.Channels[0].Total)
		}
	}
}
