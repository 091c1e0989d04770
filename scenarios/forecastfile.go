package scenarios

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// ForecastColumns are the columns a forecast table must have: the channel,
// the interval (from 0, from time zero) and the contacts expected in it,
// under volume (as omnisim fit --forecast writes it) or offered (as a run's
// intervals.csv holds it, so that a run's demand can be fed to another).
// Other columns are not read, except start_seconds, which must agree with
// the scenario's interval.
var ForecastColumns = []string{"channel", "interval", "volume|offered"}

// forecastFile reads the forecast table the scenario key forecast names
// (node n) and gives each channel it names those arrivals, one value per
// interval from time zero (repeating, like arrivals' volumes), in place of
// the channel's own arrivals. Paths are found as staffing's are.
func (d *decoder) forecastFile(n *yaml.Node, cfg *models.Config) {
	const path = "forecast"
	file, data, ok := d.namedFile(n, path, forecastForm, "forecast table (CSV)")
	if !ok {
		return
	}
	volumes, errs := parseForecast(file, data, cfg)
	if len(errs) > 0 {
		d.errs = append(d.errs, errs...)
		return
	}
	d.attach(path, file, data)
	for i := range cfg.Channels {
		if v, ok := volumes[cfg.Channels[i].Name]; ok {
			cfg.Channels[i].Arrivals = models.Arrivals{Volumes: v}
		}
	}
}

// ParseForecast reads a forecast table (CSV with a header row holding
// ForecastColumns) for the channels of cfg, whose Interval must be set, and
// returns each channel's expected contacts by interval. Every problem is
// reported at once, each at its line and column.
func ParseForecast(file string, data []byte, cfg *models.Config) (map[string][]float64, error) {
	v, errs := parseForecast(file, data, cfg)
	if len(errs) > 0 {
		return nil, errs
	}
	return v, nil
}

func parseForecast(file string, data []byte, cfg *models.Config) (map[string][]float64, Errors) {
	t := intervalTable{what: "forecast", noun: "forecast", key: "channel", values: []string{"volume", "offered"},
		known: func(name string) string {
			if slices.ContainsFunc(cfg.Channels, func(c models.Channel) bool { return c.Name == name }) {
				return ""
			}
			return fmt.Sprintf("the scenario has no channel named %q", name)
		},
		value: func(text string) (float64, bool) {
			v, err := strconv.ParseFloat(text, 64)
			return v, err == nil && v >= 0 && !math.IsInf(v, 0)
		},
		want: "the contacts expected, a number ≥ 0"}
	return t.parse(file, data, cfg)
}
