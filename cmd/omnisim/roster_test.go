package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// rosterNeed is a day of half hours for pool agents, open 08:00 to 20:00,
// as omnisim staff writes a staffing.csv.
var rosterNeed = []int{7, 11, 14, 19, 21, 21, 21, 19, 16, 14, 15, 17, 16, 16, 14, 13, 12, 10, 9, 9, 9, 7, 7, 6}

// writeRosterInputs writes a staffing table of rosterNeed and the shipped
// rules into a new folder, and returns their paths.
func writeRosterInputs(t *testing.T) (table, rules string) {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("pool,interval,day,weekday,time,start_seconds,agents\n")
	for k := range 48 {
		need := 0
		if k >= 16 && k < 40 {
			need = rosterNeed[k-16]
		}
		fmt.Fprintf(&b, "agents,%d,1,mon,%02d:%02d,%d,%d\n", k, k/2, 30*(k%2), 1800*k, need)
	}
	table = filepath.Join(dir, "staffing.csv")
	if err := os.WriteFile(table, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../examples/roster-rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rules = filepath.Join(dir, "rules.yaml")
	if err := os.WriteFile(rules, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return table, rules
}

// TestRosterWritesItsFolder rosters a staffing table by the shipped rules
// and checks the folder: every file there; coverage.csv's need as the
// table's and its roster at least the need in every interval (the
// objective covers every one); roster.csv's agents adding up to the
// summary's; and roster.yaml, pasted into a scenario as it is, scheduling
// coverage.csv's roster in every half hour.
func TestRosterWritesItsFolder(t *testing.T) {
	table, rules := writeRosterInputs(t)
	out := filepath.Join(t.TempDir(), "roster")
	r := omnisim(t, "roster", table, "--rules", rules, "--out", out)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"the least cost that covers every interval", "agents: ", "full   08:00"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, f := range []string{"summary.json", "roster.csv", "roster.yaml", "coverage.csv", "charts/roster-coverage.svg", "charts/roster-coverage.png"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	cov := readCSV(t, filepath.Join(out, "coverage.csv"))
	roster := make([]int, 48)
	for i, row := range cov {
		need, _ := strconv.Atoi(row["need"])
		got, _ := strconv.Atoi(row["roster"])
		roster[i] = got
		want := 0
		if i >= 16 && i < 40 {
			want = rosterNeed[i-16]
		}
		if need != want || got < need {
			t.Errorf("interval %d: need %d (the table's %d), roster %d", i, need, want, got)
		}
	}
	var summary struct {
		Pools []struct {
			Agents int
			Cost   float64
			Bound  float64 `json:"lp_bound"`
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &summary); err != nil {
		t.Fatal(err)
	}
	agents, cost := 0, 0.0
	for _, row := range readCSV(t, filepath.Join(out, "roster.csv")) {
		n, _ := strconv.Atoi(row["agents"])
		c, _ := strconv.ParseFloat(row["cost"], 64)
		agents += n
		cost += c
	}
	if len(summary.Pools) != 1 || summary.Pools[0].Agents != agents || summary.Pools[0].Cost != cost || summary.Pools[0].Bound > cost {
		t.Errorf("summary %+v; roster.csv has %d agents costing %g", summary.Pools, agents, cost)
	}
	fragment, err := os.ReadFile(filepath.Join(out, "roster.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenarios.Parse("day.yaml", "day", append([]byte("horizon: 1d\nchannels:\n  phone: {arrivals: {rate: 10/h}, handle_time: 3m}\n"),
		append(fragment, "    skills: [phone]\n"...)...), nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range roster {
		if got := sc.Config.Pools[0].ScheduledAt(k, 1800, models.Monday); got != want {
			t.Errorf("interval %d: roster.yaml schedules %d, coverage.csv says %d", k, got, want)
		}
	}
	// Named by the scenario key roster, as the file says: a run of
	// phone-day with it schedules the same agents (its staffing.csv).
	run := filepath.Join(t.TempDir(), "run")
	r = omnisim(t, "run", "phone-day", "--set", "roster="+filepath.Join(out, "roster.yaml"), "--reps", "2", "--out", run)
	if r.code != 0 {
		t.Fatalf("run with the roster: exit %d: %s", r.code, r.stderr)
	}
	rows := readCSV(t, filepath.Join(run, "staffing.csv"))
	if len(rows) != len(roster) {
		t.Fatalf("the run's staffing.csv has %d rows, want %d", len(rows), len(roster))
	}
	for i, row := range rows {
		if got, err := strconv.Atoi(row["scheduled"]); err != nil || got != roster[i] {
			t.Errorf("interval %d: the run with roster= schedules %d, coverage.csv says %d", i, got, roster[i])
		}
	}
}

// TestRosterJSON checks --json: the pool's figures, and its shifts.
func TestRosterJSON(t *testing.T) {
	table, rules := writeRosterInputs(t)
	r := omnisim(t, "roster", table, "--rules", rules, "--json", "--no-out")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Objective struct{ Kind string }
		Pools     []struct {
			Pool    string
			Agents  int
			Optimal bool
			Roster  []struct {
				Shift  string
				Agents int
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("%v:\n%s", err, r.stdout)
	}
	if got.Objective.Kind != "cost" || len(got.Pools) != 1 || got.Pools[0].Pool != "agents" || len(got.Pools[0].Roster) == 0 {
		t.Fatalf("%+v", got)
	}
	sum := 0
	for _, s := range got.Pools[0].Roster {
		sum += s.Agents
	}
	if sum != got.Pools[0].Agents {
		t.Errorf("the shifts have %d agents, the pool %d", sum, got.Pools[0].Agents)
	}
}

// TestRosterBadInput wants exit status 2, and the problem named, for
// each kind of bad input.
func TestRosterBadInput(t *testing.T) {
	table, rules := writeRosterInputs(t)
	dir := filepath.Dir(rules)
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	capped := write("capped.yaml", "pool: agents\nshifts:\n  - {name: day, length: 8h, starts: \"09:00-12:00\", max: 3}\n")
	grid := write("grid.yaml", "pool: agents\ninterval: 1h\nshifts:\n  - {length: 8h, starts: \"08:00-12:00\"}\n")
	other := write("other.yaml", "pool: chats\nshifts:\n  - {length: 8h, starts: \"08:00-12:00\"}\n")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no rules", []string{table}, "--rules FILE is required"},
		{"max nodes", []string{table, "--rules", rules, "--max-nodes", "0"}, "--max-nodes must be from 1"},
		{"set on a table", []string{table, "--rules", rules, "--set", "seed=2"}, "--set and --seed are for a scenario REQUIREMENT or --scenario"},
		{"reps on a table", []string{table, "--rules", rules, "--reps", "3"}, "--reps is for a scenario REQUIREMENT's staffing search"},
		{"no such rules", []string{table, "--rules", filepath.Join(dir, "none.yaml")}, "none.yaml"},
		{"uncovered", []string{table, "--rules", capped}, "mon 08:00–09:00 needs up to 11 agents: no shift covers it (day starts 09:00 to 12:00 every 30m and lasts 8h)"},
		{"capped", []string{table, "--rules", capped}, "the shifts there are capped at 3 together (day max 3)"},
		{"interval", []string{table, "--rules", grid}, "grid.yaml:2:11: interval: is 1h, but the requirement's intervals are 30m long"},
		{"pool", []string{table, "--rules", other}, `other.yaml:1:7: pool: the requirement has no pool named "chats" (its pools: agents)`},
		{"clobber", []string{table, "--rules", rules, "--out", dir, "--force"}, "--force would delete"},
		{"verify a table alone", []string{table, "--rules", rules, "--verify"}, "--verify needs the scenario to simulate"},
		{"scenario of a scenario", []string{"phone-day", "--rules", rules, "--verify", "--scenario", "textbook"}, "--scenario is for a staffing table REQUIREMENT"},
		{"verify reps", []string{table, "--rules", rules, "--verify", "--scenario", "phone-day", "--verify-reps", "1"}, "--verify-reps must be from 2"},
		{"precision", []string{table, "--rules", rules, "--verify", "--scenario", "phone-day", "--precision", "0"}, "--precision must be between 0 and 100"},
		{"verify in hours", []string{table, "--rules", rules, "--verify", "--scenario", "phone-day", "--set", "interval=1h"},
			"pool agents was rostered in intervals of 30m, but the scenario's are 1h"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := omnisim(t, append([]string{"roster"}, append(tc.args, "--no-out")...)...)
			if tc.name == "clobber" {
				r = omnisim(t, append([]string{"roster"}, tc.args...)...)
			}
			if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant 2 and %q", r.code, r.stderr, tc.want)
			}
		})
	}
}

// TestRosterKeepsOpeningHours rosters the table with --scenario, phone-day
// with its phone open 08:00 to 20:00 (--set), by rules starting 8-hour
// shifts from 07:00 to 13:00: no shift starts before 08:00 or ends after
// 20:00, and the report counts the shift types left out; without
// --scenario, the early starts are free to be used.
func TestRosterKeepsOpeningHours(t *testing.T) {
	table, _ := writeRosterInputs(t)
	rules := filepath.Join(t.TempDir(), "early.yaml")
	if err := os.WriteFile(rules, []byte("pool: agents\nshifts:\n  - {name: full, length: 8h, starts: \"07:00-13:00\", lunch: {length: 30m, within: 3h-5h}, cost_per_hour: 20}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := omnisim(t, "roster", table, "--rules", rules, "--scenario", "phone-day", "--set", `channels.phone.open={days: every day, hours: "08:00-20:00"}`, "--json", "--no-out")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Pools []struct {
			ShiftTypes int `json:"shift_types"`
			Closed     int `json:"closed_shift_types"`
			Roster     []struct{ Start, End string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	// 13 starts (07:00 to 13:00) × 4 lunches: those starting at 07:00 or
	// 07:30, or after 12:00, leave the hours (2 + 2 starts, 16 types).
	if len(got.Pools) != 1 || got.Pools[0].ShiftTypes != 36 || got.Pools[0].Closed != 16 {
		t.Fatalf("pools %+v, want 36 shift types kept and 16 left out", got.Pools)
	}
	for _, s := range got.Pools[0].Roster {
		if s.Start < "08:00" || s.End > "20:00" {
			t.Errorf("shift %s–%s leaves the opening hours", s.Start, s.End)
		}
	}
	r = omnisim(t, "roster", table, "--rules", rules, "--json", "--no-out")
	if r.code != 0 || !strings.Contains(r.stdout, `"shift_types": 52`) || !strings.Contains(r.stdout, `"closed_shift_types": 0`) {
		t.Errorf("without --scenario: exit %d, want 52 shift types and none left out:\n%s", r.code, r.stdout)
	}
}

// TestRosterOfAScenario rosters phone-day itself: its requirement found
// by the staffing search first, on stderr, then rostered as a table's.
func TestRosterOfAScenario(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a staffing search")
	}
	_, rules := writeRosterInputs(t)
	r := omnisim(t, "roster", "phone-day", "--rules", rules, "--reps", "4", "--no-out")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "finding phone-day's requirement with the staffing search") || !strings.Contains(r.stdout, "Roster of phone-day by") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
}

// TestRosterVerify verifies the roster of rosterNeed (phone-day's
// requirement) in phone-day: the verification's sentence and table on
// stdout, and in summary.json its counts adding up to the periods, each
// check with its verdict with and without the breaks, and the periods
// the breaks cost most.
func TestRosterVerify(t *testing.T) {
	table, rules := writeRosterInputs(t)
	out := filepath.Join(t.TempDir(), "roster")
	r := omnisim(t, "roster", table, "--rules", rules, "--verify", "--scenario", "phone-day", "--verify-reps", "40", "--out", out)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"The roster simulated in phone-day on 40 replications (0 to 39)", "service level ≥ 80% within 20s",
		"The periods the breaks cost most:"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	var summary struct {
		Verification struct {
			Replications           int
			Met, Missed, Undecided int
			Checks                 []struct{ Verdict string }
			Dearest                []struct{ When string } `json:"dearest_breaks"`
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &summary); err != nil {
		t.Fatal(err)
	}
	v := summary.Verification
	if v.Replications != 40 || v.Met+v.Missed+v.Undecided != 24 || len(v.Checks) < 24 || len(v.Dearest) == 0 {
		t.Fatalf("summary.json's verification: %+v", v)
	}
}
