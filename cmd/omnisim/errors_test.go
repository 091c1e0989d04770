package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInput runs command lines a new user might well type and checks
// each one exits with status 2, prints nothing on stdout, and says on stderr
// what is wrong: one line per problem, in order, then, for a mistake in the
// command line itself, a pointer to the right --help.
func TestBadInput(t *testing.T) {
	sim := args(erlangArgs, "--agents", "14", "--simulate", "--hours", "1", "--reps", "2")
	cases := []struct {
		name string
		args []string
		// want holds, for each expected stderr line but the pointer to
		// --help, pieces of the line that must appear in it in order,
		// separated by "…".
		want []string
		// help is the command whose --help the message points to, or ""
		// when there should be no pointer (the command line was fine).
		help string
	}{
		// The command line itself.
		{"unknown command", args("bogus"), []string{`omnisim: unknown command "bogus" for "omnisim"`}, "omnisim"},
		{"unknown flag", args("--bogus"), []string{"omnisim: unknown flag: --bogus"}, "omnisim"},
		{"unknown run flag", args("run", "--bogus"), []string{"omnisim run: unknown flag: --bogus"}, "omnisim run"},
		{"flag without value", args("erlang", "c", erlangArgs, "--agents"), []string{"omnisim erlang c: flag needs an argument: --agents"}, "omnisim erlang c"},
		{"unknown erlang model", args("erlang", "d"), []string{`omnisim erlang: unknown command "d" for "omnisim erlang"`}, "omnisim erlang"},
		{"erlang extra argument", args("erlang", "c", erlangArgs, "--agents", "14", "extra"), []string{`unknown command "extra"`}, "omnisim erlang c"},
		{"version extra argument", args("version", "now"), []string{`omnisim version: unknown command "now"`}, "omnisim version"},

		// erlang c|a|b flags.
		{"erlang c no flags", args("erlang", "c"), []string{
			"omnisim: --volume must be a positive number",
			"omnisim: --aht is required: the average handle time, such as 3m",
			"omnisim: give --agents N, or a target such as --target-sl 0.8",
		}, "omnisim erlang c"},
		{"aht without unit", args("erlang", "c", "--volume", "100", "--aht", "3", "--agents", "14"),
			[]string{`invalid argument "3" for "--aht" flag: duration "3" needs a unit after 3 (s, m, h, d or w`}, "omnisim erlang c"},
		{"aht unknown unit", args("erlang", "c", "--volume", "100", "--aht", "3x", "--agents", "14"),
			[]string{`invalid argument "3x" for "--aht" flag: duration "3x": unknown unit "x"`}, "omnisim erlang c"},
		{"aht negative", args("erlang", "c", "--volume", "100", "--aht", "-3m", "--agents", "14"),
			[]string{`invalid argument "-3m" for "--aht" flag: duration "-3m" is negative`}, "omnisim erlang c"},
		{"aht zero", args("erlang", "c", "--volume", "100", "--aht", "0s", "--agents", "14"),
			[]string{"omnisim: --aht must be a positive duration"}, "omnisim erlang c"},
		{"volume negative", args("erlang", "c", "--volume", "-5", "--aht", "3m", "--agents", "14"),
			[]string{"omnisim: --volume must be a positive number of contacts"}, "omnisim erlang c"},
		{"volume not a number", args("erlang", "c", "--volume", "lots", "--aht", "3m", "--agents", "14"),
			[]string{`omnisim erlang c: invalid argument "lots" for "--volume" flag: not a number`}, "omnisim erlang c"},
		{"volume out of range", args("erlang", "c", "--volume", "1e400", "--aht", "3m", "--agents", "14"),
			[]string{`invalid argument "1e400" for "--volume" flag: out of range`}, "omnisim erlang c"},
		{"volume infinite", args("erlang", "c", "--volume", "Inf", "--aht", "3m", "--agents", "14"),
			[]string{"omnisim: --volume must be a positive number"}, "omnisim erlang c"},
		{"volume NaN", args("erlang", "c", "--volume", "NaN", "--aht", "3m", "--agents", "14"),
			[]string{"omnisim: --volume must be a positive number"}, "omnisim erlang c"},
		{"per zero", args("erlang", "c", erlangArgs, "--per", "0s", "--agents", "14"),
			[]string{"omnisim: --per must be a positive duration"}, "omnisim erlang c"},
		{"agents zero", args("erlang", "c", erlangArgs, "--agents", "0"), []string{"omnisim: --agents must be at least 1"}, "omnisim erlang c"},
		{"agents negative", args("erlang", "c", erlangArgs, "--agents", "-3"), []string{"omnisim: --agents must be at least 1"}, "omnisim erlang c"},
		{"agents fractional", args("erlang", "c", erlangArgs, "--agents", "14.5"),
			[]string{`invalid argument "14.5" for "--agents" flag: not a whole number`}, "omnisim erlang c"},
		{"agents and target", args("erlang", "c", erlangArgs, "--agents", "14", "--target-sl", "0.8"),
			[]string{"omnisim: give --agents to evaluate a staffing level, or targets (--target-sl, --max-occupancy, --max-abandon) to find one, not both"}, "omnisim erlang c"},
		{"target-sl above 1", args("erlang", "c", erlangArgs, "--target-sl", "1.5"),
			[]string{`invalid argument "1.5" for "--target-sl" flag: 1.5 is not a share between 0 and 1 (0% and 100%)`}, "omnisim erlang c"},
		{"target-sl above 100%", args("erlang", "c", erlangArgs, "--target-sl", "120%"),
			[]string{`invalid argument "120%" for "--target-sl" flag: 120% is not a share between 0 and 1`}, "omnisim erlang c"},
		{"target-sl not a number", args("erlang", "c", erlangArgs, "--target-sl", "abc"),
			[]string{`invalid argument "abc" for "--target-sl" flag: "abc" is not a number or a percentage (write, for example, 0.8 or 80%)`}, "omnisim erlang c"},
		{"max-occupancy zero", args("erlang", "c", erlangArgs, "--max-occupancy", "0"),
			[]string{"omnisim: --max-occupancy must be more than 0"}, "omnisim erlang c"},
		{"max-abandon zero", args("erlang", "a", erlangArgs, "--patience", "5m", "--max-abandon", "0%"),
			[]string{"omnisim: --max-abandon must be more than 0"}, "omnisim erlang a"},
		{"unstable", args("erlang", "c", erlangArgs, "--agents", "10"),
			[]string{"omnisim: erlang: unstable queue: an offered load of 10 Erlangs needs more than 10 agents"}, ""},
		{"unreachable target", args("erlang", "c", erlangArgs, "--max-occupancy", "0.01"),
			[]string{"omnisim: erlang: no staffing up to 269 agents meets the targets (occupancy ≤ 0.01)"}, ""},
		{"load too large", args("erlang", "c", "--volume", "1e12", "--aht", "3m", "--target-sl", "0.8"),
			[]string{"omnisim: erlang: offered load 1e+11 Erlangs is too large"}, ""},
		{"shrinkage 1", args("erlang", "c", erlangArgs, "--agents", "14", "--shrinkage", "1"),
			[]string{"omnisim: --shrinkage must be below 1 (100%)"}, "omnisim erlang c"},
		{"answer-within negative", args("erlang", "c", erlangArgs, "--agents", "14", "--answer-within", "-5s"),
			[]string{`invalid argument "-5s" for "--answer-within" flag: duration "-5s" is negative`}, "omnisim erlang c"},
		{"service-dist weibull", args("erlang", "c", sim, "--service-dist", "weibull"),
			[]string{`omnisim: --service-dist must be exponential, deterministic, erlang, gamma or lognormal, not "weibull"`}, "omnisim erlang c"},
		{"lognormal without cv", args("erlang", "c", sim, "--service-dist", "lognormal"),
			[]string{"omnisim: --service-dist lognormal needs --service-cv X, the coefficient of variation"}, "omnisim erlang c"},
		{"erlang without shape", args("erlang", "c", sim, "--service-dist", "erlang"),
			[]string{"omnisim: --service-dist erlang needs --service-shape K, a whole number ≥ 1"}, "omnisim erlang c"},
		{"cv with exponential", args("erlang", "c", sim, "--service-cv", "1.2"),
			[]string{"omnisim: --service-cv applies only to --service-dist gamma or lognormal"}, "omnisim erlang c"},
		{"cv negative", args("erlang", "c", sim, "--service-dist", "gamma", "--service-cv", "-1"),
			[]string{"omnisim: --service-cv must be a finite number ≥ 0, not -1"}, "omnisim erlang c"},
		{"patience cv with exponential", args("erlang", "a", sim, "--patience", "5m", "--patience-cv", "1"),
			[]string{"omnisim: --patience-cv applies only to --patience-dist gamma or lognormal"}, "omnisim erlang a"},
		{"hours without simulate", args("erlang", "c", erlangArgs, "--agents", "14", "--hours", "20"),
			[]string{"omnisim: --hours is a simulation setting: add --simulate"}, "omnisim erlang c"},
		{"simulation settings without simulate", args("erlang", "c", erlangArgs, "--agents", "14", "--reps", "3", "--service-dist", "gamma"), []string{
			"omnisim: --reps is a simulation setting: add --simulate",
			"omnisim: --service-dist is a simulation setting: add --simulate",
		}, "omnisim erlang c"},
		{"hours and reps zero", args("erlang", "c", erlangArgs, "--agents", "14", "--simulate", "--hours", "0", "--reps", "0"), []string{
			"omnisim: --hours must be a positive number of hours, at most 900000",
			"omnisim: --reps must be from 1 to 100000, not 0",
		}, "omnisim erlang c"},
		{"simulate jobs negative", args("erlang", "c", sim, "-j", "-1"),
			[]string{"omnisim: -j must be at least 1, not -1"}, "omnisim erlang c"},
		{"erlang a without patience", args("erlang", "a", erlangArgs, "--agents", "14"),
			[]string{"omnisim: --patience is required for Erlang A: the mean time before a caller hangs up, such as 5m"}, "omnisim erlang a"},
		{"erlang a patience never", args("erlang", "a", erlangArgs, "--agents", "14", "--patience", "never"),
			[]string{"omnisim: --patience must be a positive, finite duration (for callers who never hang up, use erlang c)"}, "omnisim erlang a"},
		{"erlang c with patience", args("erlang", "c", erlangArgs, "--agents", "14", "--patience", "5m"),
			[]string{"omnisim erlang c: unknown flag: --patience"}, "omnisim erlang c"},
		{"erlang b without lines", args("erlang", "b", erlangArgs),
			[]string{"omnisim: give --lines N, or --max-block to find the fewest lines"}, "omnisim erlang b"},
		{"erlang b lines and max-block", args("erlang", "b", erlangArgs, "--lines", "15", "--max-block", "1%"),
			[]string{"omnisim: give --lines to evaluate, or --max-block to find the lines, not both"}, "omnisim erlang b"},
		{"erlang b lines zero", args("erlang", "b", erlangArgs, "--lines", "0"),
			[]string{"omnisim: --lines must be at least 1"}, "omnisim erlang b"},
		{"erlang b max-block zero", args("erlang", "b", erlangArgs, "--max-block", "0"),
			[]string{"omnisim: --max-block must be more than 0"}, "omnisim erlang b"},
		{"erlang b agents", args("erlang", "b", erlangArgs, "--agents", "15"),
			[]string{"omnisim erlang b: unknown flag: --agents"}, "omnisim erlang b"},

		// run and its scenario.
		{"run no such scenario", args("run", "nosuchscenario"),
			[]string{`omnisim: scenarios: "nosuchscenario" is neither a file nor a built-in scenario (built-ins: baseline, callbacks-or-chat, escalation-paths, fix-the-basics, jump-the-line, new-channel-as-workaround, one-fast-channel, one-knowledge-base, phone-day, siloed-vs-integrated, textbook, word-of-mouth)`}, ""},
		{"run directory", args("run", "testdata"),
			[]string{"omnisim: testdata: is a folder, not a scenario file"}, ""},
		{"run empty file", args("run", filepath.Join("testdata", "empty.yaml")),
			[]string{"testdata/empty.yaml:1:1: the file is empty: a scenario needs at least horizon, channels and pools"}, ""},
		{"run YAML syntax error", args("run", filepath.Join("testdata", "syntax-error.yaml")),
			[]string{"testdata/syntax-error.yaml:6:4: line 6 is indented less than the line above it but lines up with no key before it (it starts at column 4): line it up with the keys it belongs beside (the YAML parser said: did not find expected key)"}, ""},
		{"run two scenarios", args("run", "textbook", "phone-day"),
			[]string{"omnisim run: accepts at most 1 arg(s), received 2"}, "omnisim run"},
		{"set negative agents", args("run", "--set", "pools.agents.agents=-1"),
			[]string{"--set pools.agents.agents=-1: pools.agents.agents: must be ≥ 0, not -1"}, ""},
		{"set without equals", args("run", "--set", "nonsense"),
			[]string{"--set nonsense: want path=value, for example pools.agents.agents=15"}, ""},
		{"set unknown key", args("run", "--set", "channels.phone.colour=3"),
			[]string{"--set channels.phone.colour=3: channels.phone.colour: unknown key (known keys: arrivals, callback, choice, concurrency, escalation, expected_wait, fit, handle_time, handle_times, jump_the_line, kind, lines, max_abandon, max_occupancy, open, patience, preference, public, resolution, send_to, service_level, slowdown, wrap_time, wrap_times)"}, ""},
		{"set misspelt key", args("run", "--set", "channels.phone.concurency=3"),
			[]string{`--set channels.phone.concurency=3: channels.phone.concurency: unknown key (did you mean "concurrency"?)`}, ""},
		{"set not a number", args("run", "--set", "pools.agents.agents=many"),
			[]string{`--set pools.agents.agents=many: pools.agents.agents: want a whole number, not "many"`}, ""},
		{"set zero horizon", args("run", "--set", "horizon=0s"),
			[]string{"--set horizon=0s: horizon: must be a positive, finite duration, not 0s"}, ""},
		{"reps negative", args("run", "--reps", "-1"), []string{"omnisim: --reps must be at least 1, not -1"}, "omnisim run"},
		{"reps zero", args("run", "--reps", "0"), []string{"omnisim: --reps must be at least 1, not 0"}, "omnisim run"},
		{"reps not a number", args("run", "--reps", "ten"),
			[]string{`omnisim run: invalid argument "ten" for "--reps" flag: not a whole number`}, "omnisim run"},
		{"jobs negative", args("run", "-j", "-1"), []string{"omnisim: -j must be at least 1, not -1"}, "omnisim run"},
		{"jobs not a number", args("run", "-j", "x"),
			[]string{`omnisim run: invalid argument "x" for "-j, --jobs" flag: not a whole number`}, "omnisim run"},
		{"seed negative", args("run", "--seed", "-1"),
			[]string{`omnisim run: invalid argument "-1" for "--seed" flag: not a whole number ≥ 0`}, "omnisim run"},
		{"out empty", args("run", "--out", ""), []string{"omnisim: --out needs the name of a folder"}, "omnisim run"},
		{"out and no-out", args("run", "--out", "x", "--no-out"), []string{"omnisim: give --out DIR or --no-out, not both"}, "omnisim run"},
		{"journeys and no-out", args("run", "--journeys", "--no-out"),
			[]string{"omnisim: --journeys writes contacts.csv to the output folder: it cannot go with --no-out"}, "omnisim run"},
		{"force without out", args("run", "--force"), []string{"omnisim: --force replaces the folder --out names: add --out DIR"}, "omnisim run"},

		// validate and scenarios.
		{"validate nothing", args("validate"), []string{"omnisim validate: requires at least 1 arg(s), only received 0"}, "omnisim validate"},
		{"validate missing file", args("validate", filepath.Join("testdata", "nosuch.yaml")),
			[]string{"scenarios: no such file: testdata/nosuch.yaml"}, ""},
		{"validate bad set", args("validate", filepath.Join("testdata", "small.yaml"), "--set", "nonsense"),
			[]string{"--set nonsense: want path=value"}, ""},
		{"scenarios show nosuch", args("scenarios", "show", "nosuch"),
			[]string{`omnisim: scenarios: no built-in scenario named "nosuch" (built-ins: baseline, callbacks-or-chat, escalation-paths, fix-the-basics, jump-the-line, new-channel-as-workaround, one-fast-channel, one-knowledge-base, phone-day, siloed-vs-integrated, textbook, word-of-mouth)`}, ""},
		{"scenarios show nothing", args("scenarios", "show"),
			[]string{"omnisim scenarios show: accepts 1 arg(s), received 0"}, "omnisim scenarios show"},
		{"scenarios unknown", args("scenarios", "remove"),
			[]string{`omnisim scenarios: unknown command "remove" for "omnisim scenarios"`}, "omnisim scenarios"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := omnisim(t, tc.args...)
			if r.code != exitInput {
				t.Errorf("exit status: got %d, want %d", r.code, exitInput)
			}
			if r.stdout != "" {
				t.Errorf("stdout: got %q, want nothing", r.stdout)
			}
			checkMessage(t, r.stderr)
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			pointer := ""
			if n := len(lines); n > 0 && strings.HasPrefix(lines[n-1], "Run '") {
				pointer, lines = lines[n-1], lines[:n-1]
			}
			if len(lines) != len(tc.want) {
				t.Fatalf("stderr: got %d problem lines, want %d:\n%s", len(lines), len(tc.want), r.stderr)
			}
			for i, want := range tc.want {
				rest := lines[i]
				for _, piece := range strings.Split(want, "…") {
					j := strings.Index(rest, piece)
					if j < 0 {
						t.Errorf("stderr line %d: got %q, want %q", i+1, lines[i], want)
						break
					}
					rest = rest[j+len(piece):]
				}
			}
			wantPointer := ""
			if tc.help != "" {
				wantPointer = "Run '" + tc.help + " --help' for usage."
			}
			if pointer != wantPointer {
				t.Errorf("pointer to help: got %q, want %q", pointer, wantPointer)
			}
		})
	}
}

// checkMessage fails on what a message to a user must never hold: a panic,
// a Go format or parse error's wording, a blank line.
func checkMessage(t *testing.T, stderr string) {
	t.Helper()
	if stderr == "" || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr: got %q, want lines ending in a newline", stderr)
	}
	for _, bad := range []string{"panic", "goroutine", "%!", "strconv.", "<nil>", "\n\n"} {
		if strings.Contains(stderr, bad) {
			t.Errorf("stderr holds %q:\n%s", bad, stderr)
		}
	}
}

// TestSeveralProblems checks that every problem in a file is reported at
// once, each with its file, line and column, by run and by validate alike.
func TestSeveralProblems(t *testing.T) {
	file := filepath.Join("testdata", "several-problems.yaml")
	want := []string{
		file + `:8:5: channels.phone: no pool has phone among its skills: its contacts would never be answered`,
		file + `:11:44: channels.phone.handle_time.mean: duration "-3m" is negative`,
		file + `:12:22: channels.phone.patience.dist: want one of exponential, deterministic, erlang, gamma, lognormal, uniform, empirical, never, not "weibull"`,
		file + `:13:5: channels.phone.bogus: unknown key (known keys: arrivals, callback, choice, concurrency, escalation, expected_wait, fit, handle_time, handle_times, jump_the_line, kind, lines, max_abandon, max_occupancy, open, patience, preference, public, resolution, send_to, service_level, slowdown, wrap_time, wrap_times)`,
		file + `:16:14: pools.agents.skills[0]: no channel is named "chatt"`,
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"run", args("run", file)},
		{"validate", args("validate", file)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := omnisim(t, tc.args...)
			if r.code != exitInput || r.stdout != "" {
				t.Errorf("got exit status %d and stdout %q, want %d and nothing", r.code, r.stdout, exitInput)
			}
			checkMessage(t, r.stderr)
			var w strings.Builder
			for _, l := range want {
				w.WriteString(l + "\n")
			}
			if r.stderr != w.String() {
				t.Errorf("stderr:\n got %s\nwant %s", r.stderr, w.String())
			}
		})
	}
}

// TestUnusualButValid checks inputs that look odd but mean something, so
// that the checks above do not reject too much.
func TestUnusualButValid(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"percentages", args("erlang", "c", erlangArgs, "--target-sl", "80%", "--shrinkage", "30%"), "scheduled agents (30.00 % shrinkage)"},
		{"threshold zero", args("erlang", "c", erlangArgs, "--agents", "14", "--answer-within", "0s"), "answer within 0s"},
		{"volume per hour", args("erlang", "c", "--volume", "200", "--per", "1h", "--aht", "180s", "--agents", "14"), "10.000 Erlangs"},
		{"one hour simulated", args("erlang", "c", erlangArgs, "--agents", "14", "--simulate", "--hours", "1", "--reps", "2"), "of 1 hour after 0.1 hours of warm-up"},
		{"no agents", args("run", "--reps", "1", "--set", "pools.agents.agents=0", "--no-out"), "0 agents"},
		{"erlang help without model", args("erlang"), "erlang c"},
		{"scenarios help without subcommand", args("scenarios"), "scenarios list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := omnisim(t, tc.args...)
			if r.code != exitOK {
				t.Fatalf("exit status: got %d, want %d; stderr:\n%s", r.code, exitOK, r.stderr)
			}
			if !strings.Contains(r.stdout, tc.want) {
				t.Errorf("stdout lacks %q:\n%s", tc.want, r.stdout)
			}
		})
	}
}

// TestJoinedErrorsAllShown: when two inputs fail, one with a scenario's
// located problems and one otherwise, stderr shows both.
func TestJoinedErrorsAllShown(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("horizon: 8x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing.yaml")
	r := omnisim(t, "compare", bad, missing, "--no-out")
	if r.code != exitInput || !strings.Contains(r.stderr, bad+":1:10: horizon") || !strings.Contains(r.stderr, "missing.yaml") {
		t.Errorf("status %d, stderr:\n%s\nwant both problems", r.code, r.stderr)
	}
}
