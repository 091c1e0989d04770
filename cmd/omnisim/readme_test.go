package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// readmeFails are the examples of the README and the docs that show a
// mistake, with the exit status they must end with; every other example
// must exit 0.
var readmeFails = map[string]int{
	"omnisim validate examples/bad.yaml":                         exitInput,
	"omnisim sweep textbook --vary pools.agents.agents=-1,14,-2": exitInput,
}

// docPages are the pages whose examples TestReadmeExamplesRun runs, in the
// order it runs them: the README first, then every page of docs/ (the
// command reference aside: TestHelpExamplesRun runs its examples), each
// after the pages whose files its examples read (results/wom, my.yaml,
// loop/...).
var docPages = []string{
	"README.md",
	"docs/README.md",
	"docs/scenario-format.md",
	"docs/stories.md",
	"docs/classroom.md",
	"docs/output-folder.md",
	"docs/experiments.md",
	"docs/roster.md",
	"docs/fit.md",
	"docs/model.md",
	"docs/figures.md",
	"docs/validation.md",
	"docs/speed.md",
	"docs/architecture.md",
	"docs/mutants.md",
}

// bankLog is where the shared data keeps the bank's log that the omnisim
// fit example of docs/fit.md names october.txt; it is not in the
// repository.
const bankLog = "../../../shared/data/anonymous-bank-1999-10/october.txt"

// readmeCommand is an omnisim command line of a page, with the output the
// page shows after it ("$ omnisim ..." blocks; nil for a plain list of
// commands).
type readmeCommand struct {
	page   string
	line   int
	text   string
	output []string
}

// TestReadmeExamplesRun runs every omnisim command line in the code blocks
// of the README and of docs/*.md, as written and in the order written, page
// after page in the order of docPages, in one folder, and checks each exits
// as it should; where a page shows the output after "$ omnisim ...", every
// line shown must be in what the command printed, in that order ("..."
// stands for lines left out). A command line met again (the README's tour
// repeats some of the pages' examples) is checked against the result of its
// first run rather than run twice: run again, it would find the folder it
// wrote the first time. The README's first command (go run) is .ci/run's;
// a cluster job script (#SBATCH) cannot run here; the bank's log is linked
// in from the shared data, and its example skipped when that is absent.
func TestReadmeExamplesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every example of the README and the docs")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	checkDocPages(t, repo)
	var cmds []readmeCommand
	var texts []byte
	readme := 0
	for _, page := range docPages {
		text, err := os.ReadFile(filepath.Join(repo, page))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, text...)
		found := readmeCommands(page, string(text))
		if page == "README.md" {
			readme = len(found)
		}
		cmds = append(cmds, found...)
	}
	if readme < 5 {
		t.Errorf("found %d commands in the README, want at least 5: its tour shows the commands", readme)
	}
	if len(cmds) < 40 {
		t.Fatalf("found %d commands in the README and the docs, want at least 40", len(cmds))
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
	done := map[string]result{}
	for _, c := range cmds {
		if strings.Contains(c.text, "october.txt") && !haveLog {
			t.Logf("%s:%d: skipped, the bank's log is absent: %s", c.page, c.line, c.text)
			continue
		}
		for _, part := range strings.Split(c.text, "&&") {
			part = strings.TrimSpace(part)
			r, ran := done[part]
			if !ran {
				r, err = runLine(part)
				if err != nil {
					t.Errorf("%s:%d: %s: %v", c.page, c.line, part, err)
					continue
				}
				done[part] = r
			}
			if want := readmeFails[part]; r.code != want {
				t.Errorf("%s:%d: %s: exit status %d, want %d\n%s", c.page, c.line, part, r.code, want, r.stderr)
				continue
			}
			if missing := notShown(c.output, r.stdout, r.stderr); missing != "" {
				t.Errorf("%s:%d: %s: the page shows %q, which the command does not print (in that order):\n%s%s",
					c.page, c.line, part, missing, r.stdout, r.stderr)
			}
		}
	}
	checkPlannersLoop(t, texts)
}

// checkDocPages fails unless docPages lists every page of docs/ (the
// command reference aside) once, so that a new page's examples run.
func checkDocPages(t *testing.T, repo string) {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(repo, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		rel := "docs/" + filepath.Base(p)
		if !slices.Contains(docPages, rel) {
			t.Errorf("%s is missing from docPages: its examples would not run", rel)
		}
	}
	for _, p := range docPages {
		if _, err := os.Stat(filepath.Join(repo, p)); err != nil {
			t.Errorf("docPages names %s: %v", p, err)
		}
	}
}

// checkPlannersLoop checks what the planner's loop (docs/experiments.md)
// says of the folders its commands wrote: today's plan misses 16:00, the plan loaded
// back misses no half hour, and its recorded scenario, run again, writes
// the same figures.
func checkPlannersLoop(t *testing.T, docs []byte) {
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
		t.Errorf("the loop: today's plan at 16:00 is %q, the docs say missed", v["16:00"])
	}
	undecided := 0
	for at, v := range verdicts("loop/check") {
		switch v {
		case "missed":
			t.Errorf("the loop: the plan loaded back misses %s, the docs say no half hour", at)
		case "undecided":
			undecided++
		}
	}
	said := regexp.MustCompile(`is missed \((\d+) are undecided at 200 replications`).FindSubmatch(docs)
	if said == nil {
		t.Fatal("the loop: the docs no longer say how many half hours of loop/check are undecided")
	}
	if want, _ := strconv.Atoi(string(said[1])); undecided != want {
		t.Errorf("the loop: the plan loaded back has %d half hours undecided, the docs say %d", undecided, want)
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

// readmeCommands returns the omnisim command lines of a page's code
// blocks, with the output shown after each "$ omnisim" line; comments
// after " # " are dropped and lines ending in \ joined.
func readmeCommands(page, text string) []readmeCommand {
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
			cmds = append(cmds, blockCommands(page, block, start)...)
		}
		// A block of commands is plain or sh; python, yaml... are not.
		lang := strings.TrimPrefix(line, "```")
		inBlock, commands, block, start = !inBlock, lang == "" || lang == "sh", nil, i+2
	}
	return cmds
}

// blockCommands returns the commands of one code block, whose first line
// is line first of the page.
func blockCommands(page string, block []string, first int) []readmeCommand {
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
		c := readmeCommand{page: page, line: first + i, text: strings.TrimPrefix(l, "$ ")}
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

// TestDocsLinks checks every relative link of the README, CONTRIBUTING.md
// and docs/ (the command reference included): the file it names exists,
// and the anchor after # is a heading of that page (as GitHub makes an
// anchor of a heading) or an <a id> in it. Moving text between pages must
// not leave a link pointing at nothing.
//
// Seen to catch: the README's old link to #omnisim-sweep-filename once the
// sweep section moved to docs/experiments.md, docs/mutants.md's link to
// ../README.md#how-the-numbers-are-checked, and a heading renamed under a
// link to it ("Verdicts" made "Verdicts on targets" under #verdicts).
func TestDocsLinks(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{filepath.Join(repo, "README.md"), filepath.Join(repo, "CONTRIBUTING.md")}
	for _, pattern := range []string{"docs/*.md", "docs/reference/*.md"} {
		more, err := filepath.Glob(filepath.Join(repo, pattern))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, more...)
	}
	if len(pages) < 20 {
		t.Fatalf("found %d pages, want the README, CONTRIBUTING.md, docs/ and its reference", len(pages))
	}
	anchors := map[string]map[string]bool{}
	anchorsOf := func(path string) map[string]bool {
		if a, ok := anchors[path]; ok {
			return a
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		anchors[path] = pageAnchors(string(text))
		return anchors[path]
	}
	link := regexp.MustCompile(`\[[^\]]*\]\(([^)\s]+)\)`)
	links := 0
	for _, page := range pages {
		text, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(repo, page)
		for i, line := range proseLines(string(text)) {
			for _, m := range link.FindAllStringSubmatch(line, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				links++
				file, anchor, _ := strings.Cut(target, "#")
				path := page
				if file != "" {
					path = filepath.Join(filepath.Dir(page), file)
				}
				if _, err := os.Stat(path); err != nil {
					t.Errorf("%s:%d: the link %s names no file", rel, i+1, target)
					continue
				}
				if anchor == "" || !strings.HasSuffix(path, ".md") {
					continue
				}
				if !anchorsOf(path)[anchor] {
					t.Errorf("%s:%d: the link %s names no heading of %s", rel, i+1, target, filepath.Base(path))
				}
			}
		}
	}
	if links < 100 {
		t.Errorf("checked %d links, want the pages' hundred and more: the pattern missed them", links)
	}
}

// proseLines returns a page's lines with fenced code blocks and inline code
// blanked, so that neither a link nor a heading is read inside code.
func proseLines(text string) []string {
	lines := strings.Split(text, "\n")
	inCode := false
	code := regexp.MustCompile("`[^`]*`")
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			inCode = !inCode
			lines[i] = ""
			continue
		}
		if inCode {
			lines[i] = ""
			continue
		}
		// Keep a code span's text in a link's words, drop it elsewhere.
		lines[i] = code.ReplaceAllStringFunc(l, func(s string) string {
			return strings.Trim(s, "`")
		})
	}
	return lines
}

// pageAnchors returns the anchors a page has: GitHub's for each heading
// (lower case, punctuation but - and _ dropped, spaces made -, a repeated
// one numbered -1, -2...) and each <a id="...">.
func pageAnchors(text string) map[string]bool {
	anchors := map[string]bool{}
	id := regexp.MustCompile(`<a id="([^"]+)">`)
	for _, line := range proseLines(text) {
		for _, m := range id.FindAllStringSubmatch(line, -1) {
			anchors[m[1]] = true
		}
		heading, ok := strings.CutPrefix(strings.TrimLeft(line, "#"), " ")
		if !ok || !strings.HasPrefix(line, "#") {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		base := b.String()
		slug := base
		for n := 1; anchors[slug]; n++ {
			slug = fmt.Sprintf("%s-%d", base, n)
		}
		anchors[slug] = true
	}
	return anchors
}

// TestReadmeFirstCommands checks the README's first screen against
// .ci/run: the README's first code block holds exactly the two commands
// that work on a fresh clone, go run ./cmd/omnisim run and go test ./...,
// and .ci/run runs both, each where it says it runs the README's.
//
// Seen to catch: the README's first command changed to go run ./cmd/omnisim
// (help, not a run) while .ci/run still ran go run ./cmd/omnisim run, and
// .ci/run's test command given -short while the README's had none.
func TestReadmeFirstCommands(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```sh\n")
	block, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("the README has no sh code block")
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		line, _, _ = strings.Cut(line, " # ")
		got = append(got, strings.Join(strings.Fields(line), " "))
	}
	want := []string{"go run ./cmd/omnisim run", "go test ./..."}
	if !slices.Equal(got, want) {
		t.Errorf("the README's first commands are %q, want %q", got, want)
	}
	lines := strings.Split(string(ci), "\n")
	for _, c := range []struct{ says, runs string }{
		{"the README's test command", "go test ./..."},
		{"the README's first command", "go run ./cmd/omnisim run > /dev/null"},
	} {
		i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, c.says) && strings.HasPrefix(l, "echo") })
		if i < 0 || i+1 >= len(lines) || lines[i+1] != c.runs {
			t.Errorf(".ci/run does not run %q after saying it runs %s", c.runs, c.says)
		}
	}
}
