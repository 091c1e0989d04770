package table

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

func jsonText(t *testing.T, r *output.RunReport, opts RunOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := output.WriteJSON(&b, RunJSON(r, opts)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestRunJSONKeys: the JSON parses, keeps the keys of the single-channel
// report, adds start, days, customers, pools and expectation, and writes
// undefined figures as null.
func TestRunJSONKeys(t *testing.T) {
	cfg := fixture.GoldenWorld()
	r := output.NewRunReport("golden", "", "", cfg, fixture.FakeResults(cfg, 2))
	var doc map[string]any
	if err := json.Unmarshal([]byte(jsonText(t, r, RunOptions{Intervals: true})), &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"scenario", "title", "file", "seed", "replications", "horizon_seconds", "warmup_seconds",
		"interval_seconds", "start", "channels", "customers", "pools", "expectation"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("key %q missing", key)
		}
	}
	if doc["start"] != "fri" {
		t.Errorf("start = %v, want fri", doc["start"])
	}
	channels := doc["channels"].(map[string]any)
	for _, name := range []string{"phone", "chat", "email"} {
		ch, ok := channels[name].(map[string]any)
		if !ok {
			t.Fatalf("channel %s missing", name)
		}
		for _, f := range models.Figures {
			if _, ok := ch[f.Key]; !ok {
				t.Errorf("%s: figure %s missing", name, f.Key)
			}
		}
		for _, key := range []string{"ci95", "intervals", "days"} {
			if _, ok := ch[key]; !ok {
				t.Errorf("%s: %s missing", name, key)
			}
		}
		if _, ok := ch["erlang"]; ok {
			t.Errorf("%s: no Erlang formula applies to several channels", name)
		}
		days := ch["days"].([]any)
		if len(days) != 2 {
			t.Fatalf("%s: %d days, want 2", name, len(days))
		}
		day := days[1].(map[string]any)
		if day["day"] != 2.0 || day["weekday"] != "sat" {
			t.Errorf("%s: second day is day %v, %v; want 2, sat", name, day["day"], day["weekday"])
		}
	}
	// Phone is closed every night, so its first interval answers nobody:
	// its ASA there is undefined.
	first := channels["phone"].(map[string]any)["intervals"].([]any)[0].(map[string]any)
	if v, ok := first["asa_seconds"]; !ok || v != nil {
		t.Errorf("phone's first interval: asa_seconds = %v, want null", v)
	}
	customers := doc["customers"].(map[string]any)
	for _, f := range models.CustomerFigures {
		if _, ok := customers[f.Key]; !ok {
			t.Errorf("customers: %s missing", f.Key)
		}
	}
	pools := doc["pools"].(map[string]any)
	for _, name := range []string{"front", "back"} {
		p, ok := pools[name].(map[string]any)
		if !ok {
			t.Fatalf("pool %s missing", name)
		}
		for _, f := range models.PoolFigures {
			if _, ok := p[f.Key]; !ok {
				t.Errorf("pool %s: %s missing", name, f.Key)
			}
		}
		if _, ok := p["days"]; !ok {
			t.Errorf("pool %s: days missing", name)
		}
	}
	x := doc["expectation"].(map[string]any)
	for _, key := range []string{"level", "ci95", "patience_factor", "days", "intervals"} {
		if _, ok := x[key]; !ok {
			t.Errorf("expectation: %s missing", key)
		}
	}
	if n := len(x["intervals"].([]any)); n != cfg.Intervals() {
		t.Errorf("expectation: %d interval levels, want %d", n, cfg.Intervals())
	}
}

// TestRunJSONDaysAreMeans: day counts are means per replication, and add
// up to the channel's offered figure when there is no warm-up.
func TestRunJSONDaysAreMeans(t *testing.T) {
	cfg := fixture.GoldenWorld()
	r := output.NewRunReport("golden", "", "", cfg, fixture.FakeResults(cfg, 3))
	var doc struct {
		Channels map[string]struct {
			Offered float64
			Days    []struct{ Offered float64 }
		}
		Expectation *struct{ Days []float64 }
	}
	if err := json.Unmarshal([]byte(jsonText(t, r, RunOptions{})), &doc); err != nil {
		t.Fatal(err)
	}
	for name, ch := range doc.Channels {
		sum := 0.0
		for _, d := range ch.Days {
			sum += d.Offered
		}
		// The sum of means of at most a few thousand contacts: exact to
		// far better than 1e-9.
		if d := sum - ch.Offered; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s: days offer %v in all, the channel %v", name, sum, ch.Offered)
		}
	}
	if doc.Expectation == nil || len(doc.Expectation.Days) != 2 {
		t.Errorf("expectation: want a level for each of 2 days, got %+v", doc.Expectation)
	}
}

// TestRunJSONWithoutWordOfMouthOrReplications: no expectation without word
// of mouth, and no ci95 from a single replication.
func TestRunJSONWithoutWordOfMouthOrReplications(t *testing.T) {
	cfg := fixture.GoldenWorld()
	cfg.WordOfMouth = models.WordOfMouth{}
	r := output.NewRunReport("golden", "", "", cfg, fixture.FakeResults(cfg, 1))
	got := jsonText(t, r, RunOptions{})
	if strings.Contains(got, `"expectation"`) || strings.Contains(got, `"ci95"`) {
		t.Errorf("want neither expectation nor ci95 in\n%s", got)
	}
}

func TestRunJSONGolden(t *testing.T) {
	fixture.CheckGolden(t, "run-multichannel-json.golden", fixture.FixedPrecision(jsonText(t, fixture.GoldenReport(), RunOptions{})))
}

// TestRunWithoutReplications: a report of no replications writes its
// header and identity, and does not panic.
func TestRunWithoutReplications(t *testing.T) {
	r := output.NewRunReport("none", "", "", fixture.GoldenWorld(), nil)
	if got := text(t, r, RunOptions{Intervals: true, Days: true}); !strings.HasPrefix(got, "none\n0 replications of 2d") {
		t.Errorf("text: got %q", got)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(jsonText(t, r, RunOptions{})), &doc); err != nil || doc["replications"] != 0.0 {
		t.Errorf("JSON: %v, %v", doc, err)
	}
}
