package output

import (
	"strconv"
)

// table builds a CSVTable from columns and rows of cells.
func TableOf(cols []string, rows ...[]string) *CSVTable {
	return &CSVTable{Columns: cols, Rows: rows}
}

var (
	IntervalCols = []string{"channel", "interval", "day", "weekday", "time", "start_seconds",
		"offered", "backlog", "service_level", "p_abandon", "expected_wait_seconds", "needed_agents"}
	StaffingCols = []string{"pool", "interval", "day", "weekday", "time", "start_seconds",
		"scheduled", "available", "busy", "occupancy", "cost", "needed_agents"}
)

// manyDataset is a hand-built dataset of nch live channels and npool
// pools over n one-hour intervals: channel c<i> is offered i+1 contacts an
// interval, pool p<i> schedules i+1 agents, and customers move from c<i> to
// c<j> i+j times.
func ManyDataset(nch, npool, n int) *Dataset {
	ds := &Dataset{Meta: Meta{Replications: 1, HorizonSeconds: float64(n) * 3600, IntervalSeconds: 3600, Start: "mon"}}
	ds.Intervals = TableOf(IntervalCols)
	ds.Staffing = TableOf(StaffingCols)
	ds.Flows = TableOf([]string{"from", "to", "moves"})
	for i := range nch {
		name := "c" + strconv.Itoa(i)
		ds.Meta.Channels = append(ds.Meta.Channels, ChannelMeta{Name: name, Kind: "live", WithinSecond: 20, Target: 0.8})
		for k := range n {
			ds.Intervals.Rows = append(ds.Intervals.Rows, []string{name, strconv.Itoa(k), "1", "mon", "", strconv.Itoa(k * 3600),
				strconv.Itoa(i + 1), "1", "0.75", "0.1", "30", "1"})
		}
		for j := range nch {
			if i != j {
				ds.Flows.Rows = append(ds.Flows.Rows, []string{name, "c" + strconv.Itoa(j), strconv.Itoa(i + j)})
			}
		}
	}
	for i := range npool {
		name := "p" + strconv.Itoa(i)
		ds.Meta.Pools = append(ds.Meta.Pools, PoolMeta{Name: name, Skills: []string{"c0"}, CostPerHour: 20})
		for k := range n {
			a := strconv.Itoa(i + 1)
			ds.Staffing.Rows = append(ds.Staffing.Rows, []string{name, strconv.Itoa(k), "1", "mon", "", strconv.Itoa(k * 3600),
				a, a, "1", "0.5", strconv.Itoa(20 * (i + 1)), "1"})
		}
	}
	ds.Customers = TableOf([]string{"day", "weekday", "customers"}, []string{"1", "mon", "10"})
	ds.Daily = TableOf([]string{"channel", "day", "weekday", "offered"})
	return ds
}

// nanDataset is a Dataset whose every figure is undefined or missing: a
// channel whose cells are empty or not numbers, a customers table with no
// customers, a pool with no hours.
func NanDataset() *Dataset {
	return &Dataset{
		Meta: Meta{Name: "nan", Replications: 1, HorizonSeconds: 7200, IntervalSeconds: 3600, Start: "tue", WordOfMouth: true,
			Channels: []ChannelMeta{{Name: "phone", Kind: "live", WithinSecond: 20, Target: 0.8}},
			Pools:    []PoolMeta{{Name: "agents", Skills: []string{"phone"}}}},
		Intervals: &CSVTable{Columns: []string{"channel", "interval", "day", "weekday", "time", "start_seconds", "offered", "service_level"},
			Rows: [][]string{{"phone", "0", "1", "tue", "00:00", "0", "", ""}, {"phone", "1", "1", "tue", "01:00", "3600", "NaN", "x"}}},
		Daily: &CSVTable{Columns: []string{"channel", "day", "weekday", "offered", "service_level", "expected_wait_seconds"},
			Rows: [][]string{{"phone", "1", "tue", "", "", "NaN"}}},
		Customers: &CSVTable{Columns: []string{"day", "weekday", "customers", "satisfaction"},
			Rows: [][]string{{"1", "tue", "0", ""}}},
		Staffing: &CSVTable{Columns: []string{"pool", "interval", "day", "weekday", "time", "start_seconds", "scheduled", "available", "busy", "occupancy", "cost"},
			Rows: [][]string{{"agents", "0", "1", "tue", "00:00", "0", "0", "0", "0", "", "0"}}},
		Expectation: &CSVTable{Columns: []string{"interval", "day", "weekday", "time", "start_seconds", "level", "patience_factor"},
			Rows: [][]string{{"0", "1", "tue", "00:00", "0", "", ""}}},
	}
}
