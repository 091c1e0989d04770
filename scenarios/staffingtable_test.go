package scenarios

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// TestReadStaffingTable reads a table as omnisim staff writes it, without
// a scenario: every pool it names, in its order; the interval from
// start_seconds; the first day's weekday from the weekday column (day 2
// of a table starting on a Saturday is a Sunday).
func TestReadStaffingTable(t *testing.T) {
	var b strings.Builder
	b.WriteString("pool,interval,day,weekday,time,start_seconds,agents\n")
	for k := range 4 {
		// Two intervals of 12 hours a day, from a Saturday.
		wd := []string{"sat", "sat", "sun", "sun"}[k]
		b.WriteString("chats," + strconv.Itoa(k) + ",1," + wd + ",00:00," + strconv.Itoa(k*43200) + "," + strconv.Itoa(k+1) + "\n")
	}
	b.WriteString("phones,1,1,sat,12:00,43200,7\nphones,0,1,sat,00:00,0,5\n")
	tab, err := ReadStaffingTable("staffing.csv", []byte(b.String()), 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tab.Pools, []string{"chats", "phones"}) {
		t.Errorf("pools %v, want chats, phones", tab.Pools)
	}
	if tab.Interval != 43200 || tab.Start != models.Saturday {
		t.Errorf("interval %g, start %v; want 43200 and sat", tab.Interval, tab.Start)
	}
	if !slices.Equal(tab.Agents["chats"], []int{1, 2, 3, 4}) || !slices.Equal(tab.Agents["phones"], []int{5, 7}) {
		t.Errorf("agents %v", tab.Agents)
	}
}

// TestReadStaffingTableProblems wants each problem at its line and column.
func TestReadStaffingTableProblems(t *testing.T) {
	cases := []struct {
		name, table string
		interval    float64
		want        string
	}{
		{"no start_seconds", "pool,interval,agents\np,0,1\np,1,2\n", 0,
			"staffing.csv:1:1: the table has no start_seconds column to tell the intervals' length"},
		{"interval given", "pool,interval,agents\np,0,1\np,1,2\n", 1800, ""},
		// The table's own start_seconds, not the interval given, tell its
		// intervals' length (the caller compares them).
		{"start_seconds first", "pool,interval,start_seconds,agents\np,0,0,1\np,1,1800,2\n", 3600, ""},
		{"weekdays disagree", "pool,interval,weekday,start_seconds,agents\np,0,mon,0,1\np,1,wed,43200,2\np,2,wed,86400,2\n", 0,
			"staffing.csv:3:5: weekday: interval 1 falls on day 1, a monday by the rows before, not a wednesday"},
		{"not a weekday", "pool,interval,weekday,start_seconds,agents\np,0,funday,0,1\np,1,mon,1800,2\n", 0,
			"staffing.csv:2:5: weekday:"},
		{"start_seconds off", "pool,interval,start_seconds,agents\np,0,0,1\np,1,1800,2\np,2,3000,2\n", 0,
			"staffing.csv:4:5: start_seconds: interval 2 starts at 3600"},
		{"bad pool", "pool,interval,agents\np q,0,1\n", 1800, `staffing.csv:2:1: pool: "p q" is not a pool's name`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadStaffingTable("staffing.csv", []byte(tc.table), tc.interval)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("got %v, want no problem", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}
