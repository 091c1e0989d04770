package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// rostered is a scenario whose pool chats works the roster beside it,
// and whose pool phones keeps its headcount.
const rostered = `name: rostered
horizon: 1d
interval: 30m
roster: roster.yaml
channels:
  phone: {arrivals: {rate: 100/h}, handle_time: 3m}
  chat: {arrivals: {rate: 50/h}, handle_time: 5m}
pools:
  phones:
    skills: [phone]
    agents: 9
  chats:
    skills: [chat]
    agents: 4
    add: 1
`

// writeRostered writes a scenario and its roster into a new folder, and
// returns the scenario's path.
func writeRostered(t *testing.T, scenario, roster string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{"rostered.yaml": scenario, "roster.yaml": roster} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "rostered.yaml")
}

// TestRosterFileLoads loads a roster as omnisim roster writes it: the
// pool it names works its shifts (a pool's add applying to each, as to
// written shifts), the other keeps its agents, and resolving the
// scenario copies the roster beside it.
func TestRosterFileLoads(t *testing.T) {
	path := writeRostered(t, rostered, `# The roster omnisim roster made.
pools:
  chats:
    shifts:
      - {days: every day, hours: "08:00-12:00", agents: 3}
      - {days: mon-fri, hours: "12:30-16:00", agents: 2}
`)
	s, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	phones, chats := s.Config.Pools[0], s.Config.Pools[1]
	if len(phones.Agents) != 1 || phones.Agents[0] != 9 || phones.Shifts != nil {
		t.Errorf("phones: agents %v, shifts %v; want 9 and no shifts", phones.Agents, phones.Shifts)
	}
	want := []models.Shift{
		{Span: models.Span{Days: models.EveryDay, From: 8 * 3600, To: 12 * 3600}, Agents: 4},
		{Span: models.Span{Days: models.Days{true, true, true, true, true}, From: 12*3600 + 1800, To: 16 * 3600}, Agents: 3},
	}
	if chats.Agents != nil || len(chats.Shifts) != len(want) {
		t.Fatalf("chats: agents %v, shifts %+v; want the roster's two shifts, one more agent each", chats.Agents, chats.Shifts)
	}
	for i := range want {
		if chats.Shifts[i] != want[i] {
			t.Errorf("chats' shift %d: %+v, want %+v", i, chats.Shifts[i], want[i])
		}
	}
	res, err := s.Resolve("rostered", 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || res.Files[0].Name != "rostered-roster.yaml" || !strings.Contains(string(res.YAML), "roster: rostered-roster.yaml") {
		t.Errorf("resolved files %v, YAML:\n%s\nwant the roster copied as rostered-roster.yaml and named so", res.Files, res.YAML)
	}
}

// TestRosterFileErrors checks that every problem of a roster is reported
// at once, at its line and column in the roster: a value of the wrong
// kind, an unknown key, a pool the scenario does not have, and what
// models finds in the shifts (a shift of −1 agents); and those of
// the key itself in the scenario.
func TestRosterFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, scenario, roster string
		want                   []string
	}{
		{"shifts", rostered, "pools:\n  chats:\n    shifts:\n      - {days: every day, hours: \"08:00-12:00\", agents: lots}\n      - {days: someday, hours: \"08:00-12:00\", agents: 1}\n  tier3:\n    shifts: [{hours: \"08:00-12:00\", agents: 1}]\n    skills: [chat]\n", []string{
			"roster.yaml:4:57: pools.chats.shifts[0].agents: want a whole number",
			"roster.yaml:5:16: pools.chats.shifts[1].days: \"someday\" is not a day",
			"roster.yaml:6:3: pools.tier3: the scenario has no pool \"tier3\" (its pools: phones, chats)",
			"roster.yaml:8:5: pools.tier3.skills: unknown key"}},
		{"models", rostered, "pools:\n  chats:\n    shifts:\n      - {hours: \"08:00-12:00\", agents: 2}\n      - {hours: \"12:00-13:00\", agents: -1}\n", []string{
			"roster.yaml:5:40: pools.chats.shifts[1].agents: must be ≥ 0"}},
		{"top", rostered, "shifts: []\n", []string{
			"roster.yaml:1:1: shifts: unknown key",
			"roster.yaml:1:1: pools: missing"}},
		{"empty", rostered, "", []string{"rostered.yaml:4:9: roster: ", "is empty"}},
		{"missing file", strings.Replace(rostered, "roster.yaml", "nowhere.yaml", 1), "", []string{"rostered.yaml:4:9: roster: "}},
		{"both", strings.Replace(rostered, "roster: roster.yaml", "roster: roster.yaml\nstaffing: staffing.csv", 1),
			"pools:\n  chats:\n    shifts: [{hours: \"08:00-12:00\", agents: 2}]\n", []string{
				"roster.yaml:2:3: pools.chats: the scenario's staffing table staffs this pool too"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeRostered(t, tc.scenario, tc.roster)
			table := "pool,interval,agents\nchats,0,3\n"
			if err := os.WriteFile(filepath.Join(filepath.Dir(path), "staffing.csv"), []byte(table), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path, nil)
			if err == nil {
				t.Fatal("loaded, want problems")
			}
			got := strings.ReplaceAll(err.Error(), filepath.Dir(path)+string(filepath.Separator), "")
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("the problems lack %q:\n%s", w, got)
				}
			}
		})
	}
}
