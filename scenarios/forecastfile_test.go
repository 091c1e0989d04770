package scenarios

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const forecastWorld = `name: f
horizon: 1d
interval: 6h
forecast: forecast.csv
channels:
  phone: {arrivals: {rate: 10/h}, handle_time: 3m}
  chat: {arrivals: {rate: 5/h}, handle_time: 5m}
pools:
  agents: {skills: [phone, chat], agents: 4}
`

func forecastScenario(t *testing.T, table string) (*Scenario, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.yaml"), []byte(forecastWorld), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "forecast.csv"), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(filepath.Join(dir, "f.yaml"), nil)
}

// TestForecastFile: a forecast gives the channels it names their volumes
// by interval, in place of their arrivals; the others keep theirs. A run's
// intervals.csv (offered) reads as well as a fit's forecast (volume).
func TestForecastFile(t *testing.T) {
	sc, err := forecastScenario(t, "channel,interval,start_seconds,volume\nphone,0,0,5\nphone,1,21600,60.5\nphone,3,64800,20\nphone,2,43200,70\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := sc.Config.Channels[0].Arrivals.Volumes; !slices.Equal(got, []float64{5, 60.5, 70, 20}) {
		t.Errorf("phone volumes %v", got)
	}
	if ch := sc.Config.Channels[1]; ch.Arrivals.Volumes != nil || ch.Arrivals.Rate != 5.0/3600 {
		t.Errorf("chat arrivals %+v, want its own 5/h", ch.Arrivals)
	}
	sc, err = forecastScenario(t, "channel,interval,day,offered\nchat,0,1,1\nchat,1,1,2\n")
	if err != nil || !slices.Equal(sc.Config.Channels[1].Arrivals.Volumes, []float64{1, 2}) {
		t.Errorf("offered column: %v, %v", err, sc)
	}
}

func TestForecastFileErrors(t *testing.T) {
	_, err := forecastScenario(t, "channel,interval,start_seconds,volume\nemail,0,0,5\nphone,x,0,1\nphone,0,0,-2\nphone,1,3600,1\nphone,2,43200,1\nphone,2,43200,1\n")
	for _, want := range []string{
		"forecast.csv:2:1: channel: the scenario has no channel named \"email\"",
		"forecast.csv:3:7: interval: want the interval's number",
		"forecast.csv:4:11: volume: want the contacts expected, a number ≥ 0, not \"-2\"",
		"forecast.csv:5:9: start_seconds: interval 1 starts at 21600",
		"forecast.csv:7:7: interval: interval 2 of channel phone is given twice (first on line 6)",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want %q in:\n%v", want, err)
		}
	}
	if _, err := forecastScenario(t, "channel,interval\nphone,0\n"); err == nil || !strings.Contains(err.Error(), `no column "volume" (a forecast needs channel, interval, volume or offered)`) {
		t.Errorf("no volume column: %v", err)
	}
	if _, err := forecastScenario(t, ""); err == nil || !strings.Contains(err.Error(), "the file is empty") {
		t.Errorf("empty: %v", err)
	}
}
