package classroom

import (
	"context"
	"encoding/json"
	"github.com/omnisim/omnisim/output"
	"math"
	"testing"
)

// runSide runs a side on a fresh runner, its claims judged.
func runSide(t *testing.T, s side) *Outcome {
	t.Helper()
	r := &runner{workers: 2, slots: make(chan struct{}, 1), version: "test"}
	o, err := r.run(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestSameSettingsSameFrames runs a side twice: the same settings and seed
// give the same frames and verdicts, byte for byte; another seed does not.
func TestSameSettingsSameFrames(t *testing.T) {
	story := testLibrary.Lookup("new-channel-as-workaround")
	s := side{story: story, sets: []string{"pools.chat-team.add=1"}, seed: 3}
	a, _ := json.Marshal(runSide(t, s).Frames)
	b, _ := json.Marshal(runSide(t, s).Frames)
	if string(a) != string(b) {
		t.Fatal("the same settings gave different frames")
	}
	s.seed = 4
	c, _ := json.Marshal(runSide(t, s).Frames)
	if string(a) == string(c) {
		t.Error("another seed gave the same frames: the seed is not used")
	}
}

// TestCommonRandomNumbers runs A and B of a session that changes nothing
// but the social team: the phone, which the change does not touch until
// customers move, sees the same customers in the first hours, and a B with
// no change is A exactly.
func TestCommonRandomNumbers(t *testing.T) {
	story := testLibrary.Lookup("phone-day")
	a := runSide(t, side{story: story, seed: 1})
	same := runSide(t, side{story: story, sets: DefaultSettings(story).Sets(story), seed: 1})
	ja, _ := json.Marshal(a.Frames)
	js, _ := json.Marshal(same.Frames)
	if string(ja) != string(js) {
		t.Error("B with no change differs from A")
	}
	more := runSide(t, side{story: story, sets: []string{"pools.agents.add=2"}, seed: 1})
	for k := range a.Frames {
		// Arrivals are the same customers whatever the staffing: their
		// streams are keyed by customer (models/crn.go).
		if x, y := a.Frames[k].Channels[0].Offered, more.Frames[k].Channels[0].Offered; x != y {
			t.Fatalf("interval %d: %v offered in A, %v in B: the change altered the arrivals", k, x, y)
		}
	}
}

// TestFramesAddUp checks the frames against the run's own totals: the
// contacts offered in every interval of the measured window add up to
// the run's, and the agents busy never exceed those present.
func TestFramesAddUp(t *testing.T) {
	story := testLibrary.Lookup("phone-day")
	r := &runner{workers: 2, slots: make(chan struct{}, 1), version: "test"}
	rep, _, _, err := r.report(context.Background(), side{story: story, seed: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ds := rep.Dataset("test")
	frames := Frames(ds)
	if want := int(math.Ceil(ds.Meta.HorizonSeconds / ds.Meta.IntervalSeconds)); len(frames) != want {
		t.Fatalf("%d frames, want one per interval, %d", len(frames), want)
	}
	sum := 0.0
	for _, f := range frames {
		sum += float64(f.Channels[0].Offered)
		for _, p := range f.Pools {
			if p.Busy > p.Available+1e-9 {
				t.Errorf("%s: %v busy of %v present", f.Clock, p.Busy, p.Available)
			}
		}
	}
	total := 0.0
	for _, res := range rep.Results {
		total += float64(res.Channels[0].Total.Offered)
	}
	total /= float64(len(rep.Results))
	if math.Abs(sum-total) > 1e-6*total {
		t.Errorf("the frames offer %g contacts, the run's totals %g", sum, total)
	}
	// The service level so far today, at the day's last interval, is the
	// day's, as daily.csv has it.
	day := float64(frames[len(frames)-1].Channels[0].DayServiceLevel)
	want := ds.Daily.Float(0, "service_level")
	if math.Abs(day-want) > 1e-9 {
		t.Errorf("the service level so far at the day's end is %v, daily.csv's %v", day, want)
	}
	for _, f := range frames[:16] { // 00:00 to 08:00: nobody offered yet
		if output.Finite(float64(f.Channels[0].DayServiceLevel)) {
			t.Errorf("%s: a service level so far today of %v before anybody called", f.Clock, f.Channels[0].DayServiceLevel)
		}
	}
}
