package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if ctx.Err() != nil && code == 0 {
		code = 130
	}
	stop()
	os.Exit(code)
}

// summary is one package's result.
type summary struct {
	Package    string    `json:"package"`
	Mutants    int       `json:"mutants"`
	NotCovered int       `json:"not_covered"`
	Untested   int       `json:"untested"`
	Killed     int       `json:"killed"` // timed out included
	TimedOut   int       `json:"timed_out"`
	Lived      int       `json:"lived"`
	Efficacy   float64   `json:"efficacy"` // killed ÷ (killed + lived), in %
	Seconds    float64   `json:"seconds"`
	List       []*Mutant `json:"mutants_list"`
}

// execute runs the command with args; it returns the exit status: 0, 1 when
// a package's efficacy is below -min, 2 for bad usage or a failure.
func execute(ctx context.Context, args []string, stdout, stderr *os.File) int {
	fs := flag.NewFlagSet("mutate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	diff := fs.String("diff", "", "mutate only lines changed since this git revision")
	budget := fs.Duration("budget", 0, "stop starting mutants after this long (0: no limit)")
	workers := fs.Int("workers", 2, "mutants run at once")
	minEff := minimums{}
	fs.Var(minEff, "min", "fail when a package's efficacy (%) is below this: 85 for every package, or sim=85 for one (repeatable)")
	short := fs.Bool("short", true, "run the tests with -test.short")
	jsonOut := fs.String("json", "", "write every mutant and its status to this file")
	verbose := fs.Bool("v", false, "print every mutant as it is decided")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./tools/mutate [flags] PACKAGE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	o := options{short: *short, workers: *workers, verbose: *verbose, out: stdout}
	var deadline time.Time
	if *budget > 0 {
		deadline = time.Now().Add(*budget)
	}

	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(stderr, "mutate:", err)
		return 2
	}
	var changed map[string]map[int]bool
	if *diff != "" {
		if changed, err = changedLines(root, *diff); err != nil {
			fmt.Fprintln(stderr, "mutate:", err)
			return 2
		}
	}
	tmp, err := os.MkdirTemp("", "omnisim-mutate-")
	if err != nil {
		fmt.Fprintln(stderr, "mutate:", err)
		return 2
	}
	defer os.RemoveAll(tmp)

	var sums []*summary
	code := 0
	for _, pattern := range fs.Args() {
		s, err := runPackage(ctx, o, root, tmp, pattern, changed, deadline)
		if err != nil {
			if ctx.Err() != nil {
				fmt.Fprintln(stderr, "mutate: interrupted")
				return 130
			}
			fmt.Fprintln(stderr, "mutate:", err)
			return 2
		}
		if s == nil {
			continue
		}
		sums = append(sums, s)
		if m := minEff.of(s.Package); m > 0 && s.Killed+s.Lived > 0 && s.Efficacy < m {
			fmt.Fprintf(stdout, "mutate: %s: efficacy %.1f %% is below %.1f %%\n", s.Package, s.Efficacy, m)
			code = 1
		}
	}
	printTable(stdout, sums)
	if *jsonOut != "" {
		js, _ := json.MarshalIndent(sums, "", "  ")
		if err := os.WriteFile(*jsonOut, append(js, '\n'), 0o644); err != nil {
			fmt.Fprintln(stderr, "mutate:", err)
			return 2
		}
	}
	return code
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not in a Go module")
	}
	return filepath.Dir(mod), nil
}

// runPackage mutates one package; it returns nil when -diff leaves it
// nothing to mutate.
func runPackage(ctx context.Context, o options, root, tmp, pattern string, changed map[string]map[int]bool, deadline time.Time) (*summary, error) {
	began := time.Now()
	if !deadline.IsZero() && began.After(deadline) {
		o.log("== %s: the budget is spent, not mutated\n", pattern)
		return nil, nil
	}
	pkgs, exports, err := listPackages(root, []string{pattern})
	if err != nil {
		return nil, err
	}
	if len(pkgs) != 1 {
		return nil, fmt.Errorf("%s: names %d packages; give one at a time", pattern, len(pkgs))
	}
	p := pkgs[0]
	rel := filepath.ToSlash(p.rel)
	if changed != nil && !touched(changed, rel, p.GoFiles) {
		o.log("== %s: no line changed, nothing to mutate\n", rel)
		return nil, nil
	}
	src, err := typeCheck(p, exports)
	if err != nil {
		return nil, err
	}
	bin, muts, err := build(ctx, root, tmp, p, src, o.log)
	if err != nil {
		return nil, err
	}
	if changed != nil {
		var keep []*Mutant
		for _, m := range muts {
			if changed[m.File][m.Line] {
				keep = append(keep, m)
			}
		}
		muts = keep
		if len(muts) == 0 {
			o.log("== %s: no operator on the changed lines, nothing to mutate\n", rel)
			return nil, nil
		}
	}
	o.log("== %s: %d mutants; running each test alone, unchanged\n", rel, len(muts))
	tests, err := baseline(ctx, o, bin, p.Dir, tmp)
	if err != nil {
		return nil, err
	}
	var total time.Duration
	for _, t := range tests {
		total += t.took
	}
	o.log("  %d tests, %s in all\n", len(tests), total.Round(10*time.Millisecond))
	if !deadline.IsZero() {
		shuffle(muts)
	}
	mutate(ctx, o, rel, bin, p.Dir, tests, muts, deadline)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	sort.Slice(muts, func(i, j int) bool { return muts[i].ID < muts[j].ID })
	s := &summary{Package: rel, Mutants: len(muts), List: muts}
	for _, m := range muts {
		switch m.Status {
		case notCovered:
			s.NotCovered++
		case untested:
			s.Untested++
		case killed:
			s.Killed++
		case timedOut:
			s.Killed++
			s.TimedOut++
		case lived:
			s.Lived++
		}
	}
	if s.Killed+s.Lived > 0 {
		s.Efficacy = 100 * float64(s.Killed) / float64(s.Killed+s.Lived)
	}
	s.Seconds = time.Since(began).Seconds()
	o.log("  %s: %d mutants, %d not covered, %d untested; killed %d (%d timed out), lived %d: efficacy %.1f %% (%s)\n",
		rel, s.Mutants, s.NotCovered, s.Untested, s.Killed, s.TimedOut, s.Lived, s.Efficacy, time.Since(began).Round(time.Second))
	for _, m := range muts {
		if m.Status == lived {
			o.log("  LIVED %s\n", m)
		}
	}
	return s, nil
}

func touched(changed map[string]map[int]bool, rel string, files []string) bool {
	for _, f := range files {
		if len(changed[rel+"/"+f]) > 0 {
			return true
		}
	}
	return false
}

func printTable(out *os.File, sums []*summary) {
	if len(sums) == 0 {
		return
	}
	fmt.Fprintf(out, "\n%-14s %8s %8s %8s %6s %9s %9s\n", "package", "mutants", "covered", "killed", "lived", "efficacy", "untested")
	for _, s := range sums {
		fmt.Fprintf(out, "%-14s %8d %8d %8d %6d %8.1f%% %9d\n", s.Package, s.Mutants, s.Mutants-s.NotCovered, s.Killed, s.Lived, s.Efficacy, s.Untested)
	}
}

// minimums are the least efficacy wanted, by package ("" for every
// package not named).
type minimums map[string]float64

func (m minimums) String() string { return fmt.Sprint(map[string]float64(m)) }

func (m minimums) Set(v string) error {
	name, num, found := strings.Cut(v, "=")
	if !found {
		name, num = "", v
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 || f > 100 {
		return fmt.Errorf("%q: want a percentage, or PACKAGE=percentage", v)
	}
	m[strings.TrimPrefix(name, "./")] = f
	return nil
}

func (m minimums) of(pkg string) float64 {
	if f, ok := m[pkg]; ok {
		return f
	}
	return m[""]
}
