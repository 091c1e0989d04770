package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// erlangArgs is the textbook queue of DESIGN.md ("Checking the numbers"):
// 100 contacts per 30 minutes, a 3-minute handle time.
var erlangArgs = []string{"--volume", "100", "--per", "30m", "--aht", "3m"}

// args joins command-line pieces into one argument list.
func args(pieces ...any) []string {
	var out []string
	for _, p := range pieces {
		switch p := p.(type) {
		case string:
			out = append(out, p)
		case []string:
			out = append(out, p...)
		default:
			panic(fmt.Sprintf("args: %T", p))
		}
	}
	return out
}

// result is what one command line did.
type result struct {
	code           int
	stdout, stderr string
}

// omnisim runs a whole command line in process, as main would, and fails
// the test if it panics.
func omnisim(t *testing.T, argv ...string) (r result) {
	t.Helper()
	var out, errOut bytes.Buffer
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("omnisim %s: panic: %v", strings.Join(argv, " "), p)
		}
	}()
	r.code = execute(argv, &out, &errOut)
	r.stdout, r.stderr = out.String(), errOut.String()
	return r
}

// checkGolden compares got with testdata/name.golden, or rewrites the file
// with -update.
func checkGolden(t *testing.T, name string, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("stdout differs from %s (go test -update rewrites it):\n%s", path, firstDiff(got, string(want)))
	}
}

// firstDiff shows the first line where got and want part.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, gl, wl)
		}
	}
	return "(no difference in lines)"
}

// runTiming is the one line run writes to stderr: timing, which must never
// reach stdout.
var runTiming = regexp.MustCompile(`^omnisim: \d+ replication\(s\), [\d,]+ events, [\d,]+ contacts measured, in \d+\.\d\d s\n$`)

// goldenCases are the command lines whose stdout is stored under testdata.
// Those marked simulated run replications, so their output must not depend
// on -j either.
var goldenCases = []struct {
	name      string
	args      []string
	simulated bool
}{
	{"run-default", args("run", "--reps", "3", "--no-out"), true},
	{"run-phone-day-intervals", args("run", "phone-day", "--intervals", "--reps", "2", "--no-out"), true},
	{"run-textbook-json", args("run", "textbook", "--json", "--reps", "3", "--no-out"), true},
	{"erlang-c", args("erlang", "c", erlangArgs, "--agents", "14"), false},
	{"erlang-c-staffing", args("erlang", "c", erlangArgs, "--target-sl", "0.8", "--shrinkage", "0.3"), false},
	{"erlang-c-staffing-json", args("erlang", "c", erlangArgs, "--target-sl", "0.8", "--shrinkage", "0.3", "--json"), false},
	{"erlang-a-json", args("erlang", "a", erlangArgs, "--patience", "5m", "--agents", "14", "--json"), false},
	{"erlang-a-simulate", args("erlang", "a", erlangArgs, "--patience", "5m", "--agents", "14", "--simulate", "--hours", "20", "--reps", "3"), true},
	{"erlang-a-simulate-json", args("erlang", "a", erlangArgs, "--patience", "5m", "--agents", "14", "--simulate", "--hours", "20", "--reps", "3", "--json"), true},
	{"erlang-b", args("erlang", "b", erlangArgs, "--lines", "15"), false},
	{"erlang-b-json", args("erlang", "b", erlangArgs, "--lines", "15", "--json"), false},
	{"scenarios-list", args("scenarios", "list"), false},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			r := omnisim(t, tc.args...)
			if r.code != exitOK {
				t.Fatalf("exit status: got %d, want %d; stderr:\n%s", r.code, exitOK, r.stderr)
			}
			if tc.args[0] == "run" {
				if !runTiming.MatchString(r.stderr) {
					t.Errorf("stderr: got %q, want one timing line", r.stderr)
				}
			} else if r.stderr != "" {
				t.Errorf("stderr: got %q, want nothing", r.stderr)
			}
			checkGolden(t, tc.name, r.stdout)
		})
	}
}

// TestDeterministic checks that stdout is the same bytes run after run and
// whatever the number of replications run at once: timing goes to stderr,
// and each replication has its own random streams.
func TestDeterministic(t *testing.T) {
	for _, tc := range goldenCases {
		if !tc.simulated {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			first := omnisim(t, tc.args...)
			for _, extra := range [][]string{nil, {"-j", "1"}, {"-j", "2"}} {
				again := omnisim(t, args(tc.args, extra)...)
				if again.code != exitOK {
					t.Fatalf("%v: exit status: got %d, want %d; stderr:\n%s", extra, again.code, exitOK, again.stderr)
				}
				if again.stdout != first.stdout {
					t.Errorf("%v: stdout differs from the first run:\n%s", extra, firstDiff(again.stdout, first.stdout))
				}
			}
		})
	}
}

// TestDeterministicStreamed checks the same for a run whose replications
// are added up as they end (models.Pooled): they are added in replication
// order whatever -j, so the tables by interval and their half-widths are
// the same bytes.
func TestDeterministicStreamed(t *testing.T) {
	base := []string{"run", "baseline", "--set", "horizon=6h", "--set", "warmup=0", "--reps", "70", "--intervals", "--json", "--no-out"}
	first := omnisim(t, args(base, "-j", "1")...)
	if first.code != exitOK {
		t.Fatalf("exit status %d; stderr:\n%s", first.code, first.stderr)
	}
	for _, j := range []string{"2", "5"} {
		if again := omnisim(t, args(base, "-j", j)...); again.stdout != first.stdout {
			t.Errorf("-j %s: stdout differs from -j 1:\n%s", j, firstDiff(again.stdout, first.stdout))
		}
	}
}

// TestValidate checks a valid file, and that a bad file among good ones
// fails the command without hiding the good one's report.
func TestValidate(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	show := omnisim(t, "scenarios", "export", "textbook")
	if show.code != exitOK {
		t.Fatalf("scenarios export textbook: exit status %d; stderr:\n%s", show.code, show.stderr)
	}
	if err := os.WriteFile(good, []byte(show.stdout), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("valid", func(t *testing.T) {
		r := omnisim(t, "validate", good)
		if r.code != exitOK || r.stderr != "" {
			t.Fatalf("got exit status %d and stderr %q, want 0 and nothing", r.code, r.stderr)
		}
		checkGolden(t, "validate", strings.ReplaceAll(r.stdout, dir, "$DIR"))
	})

	t.Run("good and bad", func(t *testing.T) {
		bad := filepath.Join("testdata", "several-problems.yaml")
		r := omnisim(t, "validate", good, bad)
		if r.code != exitInput {
			t.Errorf("exit status: got %d, want %d", r.code, exitInput)
		}
		if want := good + ": ok: "; !strings.HasPrefix(r.stdout, want) || strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("stdout: got %q, want one line starting %q", r.stdout, want)
		}
		if !strings.HasPrefix(r.stderr, bad+":8:5: ") || strings.Contains(r.stderr, good) {
			t.Errorf("stderr: got %q, want the problems of %s only", r.stderr, bad)
		}
	})

	t.Run("export then run", func(t *testing.T) {
		// The documented way to start a scenario of one's own: omnisim
		// scenarios export textbook > my.yaml && omnisim run my.yaml.
		fromFile := omnisim(t, "run", good, "--reps", "2", "--no-out")
		builtin := omnisim(t, "run", "textbook", "--reps", "2", "--no-out")
		if fromFile.code != exitOK {
			t.Fatalf("run %s: exit status %d; stderr:\n%s", good, fromFile.code, fromFile.stderr)
		}
		// Only the file line of the heading may differ.
		if a, b := dropFileLines(fromFile.stdout), dropFileLines(builtin.stdout); a != b {
			t.Errorf("the copied file runs differently from the built-in:\n%s", firstDiff(a, b))
		}
	})
}

func dropFileLines(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.Contains(l, "builtin:") && !strings.Contains(l, ".yaml") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// TestNoArgumentsPrintsHelp: a newcomer typing omnisim sees what it does.
func TestNoArgumentsPrintsHelp(t *testing.T) {
	r := omnisim(t)
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("got exit status %d and stderr %q, want 0 and nothing", r.code, r.stderr)
	}
	for _, want := range []string{"Usage:", "Examples:", "Available Commands:", "run ", "erlang ", "validate ", "scenarios "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if help := omnisim(t, "--help"); help.stdout != r.stdout {
		t.Errorf("omnisim and omnisim --help print different text:\n%s", firstDiff(r.stdout, help.stdout))
	}
}

func TestVersion(t *testing.T) {
	want := "omnisim " + version + "\n"
	for _, argv := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		r := omnisim(t, argv...)
		if r.code != exitOK || r.stdout != want || r.stderr != "" {
			t.Errorf("%v: got exit status %d, stdout %q, stderr %q; want 0, %q, nothing", argv, r.code, r.stdout, r.stderr, want)
		}
	}
}

// failingWriter fails every write, as a closed pipe would.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) {
	return 0, fmt.Errorf("write /dev/stdout: broken pipe")
}

// TestWriteFailureExitsOne: a failure while running is status 1, not 2.
func TestWriteFailureExitsOne(t *testing.T) {
	for _, argv := range [][]string{
		args("erlang", "c", erlangArgs, "--agents", "14"),
		args("erlang", "b", erlangArgs, "--lines", "15", "--json"),
		args("run", "--reps", "1", "--json", "--no-out"),
		args("scenarios", "list"),
	} {
		var errOut bytes.Buffer
		code := execute(argv, failingWriter{}, &errOut)
		if code != exitFailure {
			t.Errorf("%v: exit status: got %d, want %d", argv, code, exitFailure)
		}
		if !strings.Contains(errOut.String(), "omnisim: write /dev/stdout: broken pipe\n") {
			t.Errorf("%v: stderr: got %q, want the write error", argv, errOut.String())
		}
	}
}
