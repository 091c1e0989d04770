package scenarios

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// twoPools is a scenario with a pool on shifts and one with a headcount,
// the staffing table it names written beside it by the tests.
const twoPools = `name: two
horizon: 2h
interval: 30m
staffing: staffing.csv
channels:
  phone: {arrivals: {rate: 100/h}, handle_time: 3m}
  chat: {arrivals: {rate: 50/h}, handle_time: 5m}
pools:
  phones:
    skills: [phone]
    shifts: [{days: every day, hours: "00:00-12:00", agents: 9}]
  chats:
    skills: [chat]
    agents: 4
`

func writeScenario(t *testing.T, table string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "two.yaml"), []byte(twoPools), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "staffing.csv"), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestStaffingFileLoads(t *testing.T) {
	// Rows in any order; extra columns as omnisim staff writes them.
	table := "pool,interval,day,weekday,time,start_seconds,agents,available,cost\n" +
		"phones,1,1,mon,00:30,1800,12,12,0\n" +
		"phones,0,1,mon,00:00,0,10,10,0\n" +
		"phones,2,1,mon,01:00,3600,7,7,0\n"
	dir := writeScenario(t, table)
	s, err := Load(filepath.Join(dir, "two.yaml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	phones, chats := s.Config.Pools[0], s.Config.Pools[1]
	if want := []int{10, 12, 7}; !slices.Equal(phones.Agents, want) || phones.Shifts != nil {
		t.Errorf("phones: agents %v, shifts %v; want %v and no shifts", phones.Agents, phones.Shifts, want)
	}
	if want := []int{4}; !slices.Equal(chats.Agents, want) {
		t.Errorf("chats (not in the table): agents %v, want %v", chats.Agents, want)
	}
}

func TestStaffingFileBySet(t *testing.T) {
	// A path given with --set is relative to the working directory.
	dir := writeScenario(t, "pool,interval,agents\nchats,0,3\nchats,1,5\n")
	other := filepath.Join(dir, "other.csv")
	if err := os.WriteFile(other, []byte("pool,interval,agents\nchats,0,8\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(filepath.Join(dir, "two.yaml"), []string{"staffing=" + other})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Config.Pools[1].Agents; !slices.Equal(got, []int{8}) {
		t.Errorf("chats: agents %v, want [8] from other.csv", got)
	}
}

func TestStaffingFileErrors(t *testing.T) {
	tests := []struct {
		name, table string
		want        []string // every line of the error, the table's folder as DIR
	}{
		{"empty", "", []string{"DIR/staffing.csv:1:1: the file is empty: a staffing table needs a header row (pool,interval,agents,...) and a row per pool and interval"}},
		{"missing column", "pool,interval\nchats,0\n",
			[]string{`DIR/staffing.csv:1:1: the header has no column "agents" (a staffing table needs pool, interval, agents or scheduled)`}},
		{"every problem at once", "pool,interval,agents\nchats,0,3\nchat,1,4\nchats,x,4\nchats,2,-1\nchats,0,5\n",
			[]string{
				`DIR/staffing.csv:3:1: pool: the scenario has no pool named "chat" (its pools: phones, chats)`,
				`DIR/staffing.csv:4:7: interval: want the interval's number, a whole number ≥ 0, not "x"`,
				`DIR/staffing.csv:5:9: agents: want a headcount, a whole number from 0 to 100000 (the limit of a pool in an interval), not "-1"`,
				`DIR/staffing.csv:6:7: interval: interval 0 of pool chats is given twice (first on line 2)`,
			}},
		{"past the cap of agents", "pool,interval,agents\nchats,0,100001\n",
			[]string{`DIR/staffing.csv:2:9: agents: want a headcount, a whole number from 0 to 100000 (the limit of a pool in an interval), not "100001"`}},
		{"gap", "pool,interval,agents\nchats,0,3\nchats,2,4\n",
			[]string{`DIR/staffing.csv:3:7: interval: pool chats has 2 rows, so its intervals must be 0 to 1; interval 2 leaves a gap`}},
		{"other intervals", "pool,interval,start_seconds,agents\nchats,0,0,3\nchats,1,900,3\n",
			[]string{`DIR/staffing.csv:3:9: start_seconds: interval 1 starts at 1800 in this scenario (intervals of 30m), not at "900": the table was made for other intervals`}},
		{"field count", "pool,interval,agents\nchats,0\n",
			[]string{`DIR/staffing.csv:2:1: has 2 fields, but the header has 3`}},
		{"bad quoting", "pool,interval,agents\n\"chats,0,3\n",
			[]string{`DIR/staffing.csv:2:12: not valid CSV: extraneous or missing " in quoted-field`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeScenario(t, tc.table)
			_, err := Load(filepath.Join(dir, "two.yaml"), nil)
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.ReplaceAll(err.Error(), dir, "DIR")
			if want := strings.Join(tc.want, "\n"); got != want {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.ReplaceAll(got, "\n", "\n\t"), strings.ReplaceAll(want, "\n", "\n\t"))
			}
		})
	}
}

func TestStaffingFileMissing(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "two.yaml")
	if err := os.WriteFile(file, []byte(twoPools), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(file, nil)
	if err == nil || !strings.Contains(err.Error(), "two.yaml:4:11: staffing: "+filepath.Join(dir, "staffing.csv")+": cannot read the staffing table (CSV): no such file") {
		t.Errorf("got %v, want the staffing key's position and the reason", err)
	}
}

// FuzzParseStaffing: any table gives a staffing or errors, never a panic,
// and a staffing accepted has a headcount ≥ 0 for pools of the scenario.
func FuzzParseStaffing(f *testing.F) {
	f.Add("pool,interval,agents\nphones,0,9\nphones,1,8\nchats,0,4\n")
	f.Add("pool,interval,day,weekday,time,start_seconds,agents\nphones,0,1,mon,00:00,0,3\n")
	f.Add("pool,interval,agents\nphones,-1,9\nnobody,0,1\nchats,0,x\n")
	f.Add("\"pool\ninterval,agents\n")
	sc, err := Parse("two.yaml", "two", []byte(strings.Replace(twoPools, "staffing: staffing.csv\n", "", 1)), nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, table string) {
		cfg := sc.Config
		got, err := ParseStaffing("staffing.csv", []byte(table), &cfg)
		if err != nil {
			return
		}
		for pool, agents := range got {
			if !slices.ContainsFunc(cfg.Pools, func(p models.Pool) bool { return p.Name == pool }) {
				t.Errorf("a staffing for %q, no pool of the scenario", pool)
			}
			for _, a := range agents {
				if a < 0 {
					t.Errorf("pool %s: %d agents", pool, a)
				}
			}
		}
	})
}
