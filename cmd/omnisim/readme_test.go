package main

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// readmeFails are the README's examples that show a mistake, with the exit
// status they must end with; every other example must exit 0.
var readmeFails = map[string]int{
	"omnisim validate examples/bad.yaml":                         exitInput,
	"omnisim sweep textbook --vary pools.agents.agents=-1,14,-2": exitInput,
}

// bankLog is where the shared data keeps the bank's log that the README's
// omnisim fit example names october.txt; it is not in the repository.
const bankLog = "../../../shared/data/anonymous-bank-1999-10/october.txt"

// readmeCommand is an omnisim command line of the README, with the output
// the README shows after it ("$ omnisim ..." blocks; nil for a plain
// list of commands).
type readmeCommand struct {
	line   int
	text   string
	output []string
}

// TestReadmeExamplesRun runs every omnisim command line in the README's
// code blocks, as written and in the order written, in one folder, and
// checks each exits as it should; where the README shows the output after
// "$ omnisim ...", every line shown must be in what the command printed,
// in that order ("..." stands for lines left out). The README's first
// command (go run) is .ci/run's; a cluster job script (#SBATCH) cannot
// run here; the bank's log is linked in from the shared data, and its
// example skipped when that is absent.
func TestReadmeExamplesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every example of the README")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	cmds := readmeCommands(string(text))
	if len(cmds) < 20 {
		t.Fatalf("found %d commands in the README, want at least 20", len(cmds))
	}
	log, _ := filepath.Abs(bankLog)
	dir := shippedFiles(t, repo)
	haveLog := false
	if _, err := os.Stat(log); err == nil {
		haveLog = os.Symlink(log, filepath.Join(dir, "october.txt")) == nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, c := range cmds {
		if strings.Contains(c.text, "october.txt") && !haveLog {
			t.Logf("README.md:%d: skipped, the bank's log is absent: %s", c.line, c.text)
			continue
		}
		for _, part := range strings.Split(c.text, "&&") {
			part = strings.TrimSpace(part)
			r, err := runLine(part)
			if err != nil {
				t.Errorf("README.md:%d: %s: %v", c.line, part, err)
				continue
			}
			if want := readmeFails[part]; r.code != want {
				t.Errorf("README.md:%d: %s: exit status %d, want %d\n%s", c.line, part, r.code, want, r.stderr)
				continue
			}
			if missing := notShown(c.output, r.stdout, r.stderr); missing != "" {
				t.Errorf("README.md:%d: %s: the README shows %q, which the command does not print (in that order):\n%s%s",
					c.line, part, missing, r.stdout, r.stderr)
			}
		}
	}
	checkPlannersLoop(t, text)
}

// checkPlannersLoop checks what the README's planner's loop says of the
// folders its commands wrote: today's plan misses 16:00, the plan loaded
// back misses no half hour, and its recorded scenario, run again, writes
// the same figures.
func checkPlannersLoop(t *testing.T, readme []byte) {
	t.Helper()
	verdicts := func(dir string) map[string]string {
		rows := readCSV(t, filepath.Join(dir, "intervals.csv"))
		out := map[string]string{}
		for _, r := range rows {
			if r["channel"] == "phone" && r["service_level_verdict"] != "" {
				out[r["time"]] = r["service_level_verdict"]
			}
		}
		return out
	}
	if v := verdicts("loop/today"); v["16:00"] != "missed" {
		t.Errorf("the loop: today's plan at 16:00 is %q, the README says missed", v["16:00"])
	}
	undecided := 0
	for at, v := range verdicts("loop/check") {
		switch v {
		case "missed":
			t.Errorf("the loop: the plan loaded back misses %s, the README says no half hour", at)
		case "undecided":
			undecided++
		}
	}
	said := regexp.MustCompile(`is missed \((\d+) are undecided at 200 replications`).FindSubmatch(readme)
	if said == nil {
		t.Fatal("the loop: the README no longer says how many half hours of loop/check are undecided")
	}
	if want, _ := strconv.Atoi(string(said[1])); undecided != want {
		t.Errorf("the loop: the plan loaded back has %d half hours undecided, the README says %d", undecided, want)
	}
	for _, f := range []string{"intervals.csv", "daily.csv", "staffing.csv", "totals.csv", "scenario.yaml", "scenario-staffing.csv"} {
		a, errA := os.ReadFile(filepath.Join("loop/check", f))
		b, errB := os.ReadFile(filepath.Join("loop/again", f))
		if errA != nil || errB != nil || string(a) != string(b) {
			t.Errorf("the loop: %s of the recorded scenario run again differs (%v, %v)", f, errA, errB)
		}
	}
}

// readCSV reads a CSV file with a header into one map per row.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	out := make([]map[string]string, 0, len(rows)-1)
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, c := range rows[0] {
			m[c] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// readmeCommands returns the omnisim command lines of the README's code
// blocks, with the output shown after each "$ omnisim" line; comments
// after " # " are dropped and lines ending in \ joined.
func readmeCommands(text string) []readmeCommand {
	var cmds []readmeCommand
	var block []string
	start := 0
	inBlock, commands := false, false
	for i, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "```") {
			if inBlock && commands {
				block = append(block, line)
			}
			continue
		}
		if inBlock && commands {
			cmds = append(cmds, blockCommands(block, start)...)
		}
		// A block of commands is plain or sh; python, yaml... are not.
		lang := strings.TrimPrefix(line, "```")
		inBlock, commands, block, start = !inBlock, lang == "" || lang == "sh", nil, i+2
	}
	return cmds
}

// blockCommands returns the commands of one code block, whose first line
// is line first of the README.
func blockCommands(block []string, first int) []readmeCommand {
	for _, l := range block {
		if strings.HasPrefix(l, "#SBATCH") {
			return nil
		}
	}
	var cmds []readmeCommand
	for i := 0; i < len(block); i++ {
		l := block[i]
		shown := strings.HasPrefix(l, "$ omnisim ")
		if !shown && !strings.HasPrefix(l, "omnisim ") {
			continue
		}
		c := readmeCommand{line: first + i, text: strings.TrimPrefix(l, "$ ")}
		for strings.HasSuffix(c.text, "\\") && i+1 < len(block) {
			i++
			c.text = strings.TrimSuffix(c.text, "\\") + " " + strings.TrimSpace(block[i])
		}
		if k := strings.Index(c.text, " # "); k >= 0 {
			c.text = c.text[:k]
		}
		c.text = strings.Join(strings.Fields(c.text), " ")
		if shown {
			c.output = []string{}
			for i+1 < len(block) && !strings.HasPrefix(block[i+1], "$ ") {
				i++
				c.output = append(c.output, block[i])
			}
		}
		cmds = append(cmds, c)
	}
	return cmds
}

// notShown returns the first line of shown (but "..." and blank lines)
// that is not printed after the lines shown before it from the same
// stream, stdout or stderr, as a terminal interleaves them; "" when all
// are. "..." in a line stands for any text (see elided).
func notShown(shown []string, stdout, stderr string) string {
	streams := [2][]string{strings.Split(stdout, "\n"), strings.Split(stderr, "\n")}
	var at [2]int
	for _, want := range shown {
		want = strings.TrimRight(want, " ")
		if want == "" || want == "..." {
			continue
		}
		found := false
		for s := 0; s < 2 && !found; s++ {
			for k := at[s]; k < len(streams[s]); k++ {
				got := strings.TrimRight(streams[s][k], " ")
				if elided(want, got) {
					at[s], found = k+1, true
					break
				}
			}
		}
		if !found {
			return want
		}
	}
	return ""
}

// elided tells whether line got is the line want, in which each "..."
// stands for any text, left out.
func elided(want, got string) bool {
	parts := strings.Split(want, "...")
	if len(parts) == 1 {
		return got == want
	}
	if !strings.HasPrefix(got, parts[0]) || !strings.HasSuffix(got, parts[len(parts)-1]) ||
		len(got) < len(parts[0])+len(parts[len(parts)-1]) {
		return false
	}
	rest := got[len(parts[0]) : len(got)-len(parts[len(parts)-1])]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return true
}

// TestElided: "..." stands for any text, anywhere in a line.
func TestElided(t *testing.T) {
	for _, tc := range []struct {
		want, got string
		ok        bool
	}{
		{"abc", "abc", true},
		{"abc", "abd", false},
		{"ab...", "abcdef", true},
		{"...ef", "abcdef", true},
		{"a...c...f", "abcdef", true},
		{"a...x...f", "abcdef", false},
		{"abc...bcd", "abcd", false},
	} {
		if got := elided(tc.want, tc.got); got != tc.ok {
			t.Errorf("elided(%q, %q) = %v, want %v", tc.want, tc.got, got, tc.ok)
		}
	}
}
