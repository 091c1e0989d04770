package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The statuses of a mutant.
const (
	killed     = "KILLED"
	timedOut   = "TIMED OUT"
	lived      = "LIVED"
	notCovered = "NOT COVERED"
	untested   = "UNTESTED" // the budget ran out first
)

// test is one top-level test of the binary, as the unchanged code ran it.
type test struct {
	name string
	took time.Duration
	hits map[int]bool
}

// options are what a run is told on the command line.
type options struct {
	short   bool
	workers int
	verbose bool
	out     *os.File
}

func (o options) log(format string, args ...any) { fmt.Fprintf(o.out, format, args...) }

func testArgs(o options, run string) []string {
	args := []string{"-test.run", run, "-test.count=1"}
	if o.short {
		args = append(args, "-test.short")
	}
	return args
}

// baseline lists the binary's tests and runs each alone, unchanged, on
// the workers, recording how long it took and which operators it reached.
// A test that fails unchanged is reported and left out.
func baseline(ctx context.Context, o options, bin, dir, tmp string) ([]*test, error) {
	cmd := exec.CommandContext(ctx, bin, "-test.list", ".")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("listing the tests: %v", err)
	}
	var names []string
	for _, name := range strings.Fields(string(out)) {
		if !strings.HasPrefix(name, "Benchmark") {
			names = append(names, name)
		}
	}
	tests := make([]*test, len(names))
	errs := make([]error, len(names))
	todo := make(chan int)
	var wg sync.WaitGroup
	for range max(o.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range todo {
				tests[i], errs[i] = runAlone(ctx, o, bin, dir, tmp, names[i])
			}
		}()
	}
	for i := range names {
		todo <- i
	}
	close(todo)
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var kept []*test
	for i, t := range tests {
		switch {
		case errs[i] != nil:
			return nil, errs[i]
		case t != nil:
			kept = append(kept, t)
		}
	}
	return kept, nil
}

// runAlone runs one test, unchanged; it returns nil if the test fails.
func runAlone(ctx context.Context, o options, bin, dir, tmp, name string) (*test, error) {
	hitsPath := filepath.Join(tmp, "hits-"+name)
	_ = os.Remove(hitsPath)
	cmd := exec.CommandContext(ctx, bin, append(testArgs(o, "^"+name+"$"), "-test.timeout=10m")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "OMNISIM_MUTANT=0", "OMNISIM_MUTATE_HITS="+hitsPath)
	start := time.Now()
	res, err := cmd.CombinedOutput()
	took := time.Since(start)
	if ctx.Err() != nil {
		return nil, nil
	}
	if err != nil {
		o.log("  %s fails with the helpers in place, left out: %v\n%s\n", name, err, tail(res, 20))
		return nil, nil
	}
	hits, err := readHits(hitsPath)
	if err != nil {
		return nil, err
	}
	return &test{name: name, took: took, hits: hits}, nil
}

func readHits(path string) (map[int]bool, error) {
	hits := map[int]bool{}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return hits, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		id, err := strconv.Atoi(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		hits[id] = true
	}
	return hits, sc.Err()
}

func tail(b []byte, lines int) string {
	ls := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(ls) > lines {
		ls = ls[len(ls)-lines:]
	}
	return "    " + strings.Join(ls, "\n    ")
}

// covering is the tests that reached mutant id, the fastest first.
func covering(tests []*test, id int) []*test {
	var ts []*test
	for _, t := range tests {
		if t.hits[id] {
			ts = append(ts, t)
		}
	}
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].took < ts[j].took })
	return ts
}

var failed = regexp.MustCompile(`--- FAIL: (\S+)`)

// try runs one mutant against its covering tests: the fastest alone, then
// batches of twice as many, each with -test.failfast, until one fails or
// all have passed. A batch may take five times as long as it did unchanged,
// plus 5 s; past that the mutant timed out.
func try(ctx context.Context, o options, bin, dir string, m *Mutant, ts []*test) {
	for i, size := 0, 1; i < len(ts); i, size = i+size, size*2 {
		batch := ts[i:min(i+size, len(ts))]
		var names []string
		var took time.Duration
		for _, t := range batch {
			names = append(names, t.name)
			took += t.took
		}
		limit := 5*took + 5*time.Second
		tctx, cancel := context.WithTimeout(ctx, limit)
		args := append(testArgs(o, "^("+strings.Join(names, "|")+")$"), "-test.failfast", "-test.timeout="+(limit+time.Minute).String())
		cmd := exec.CommandContext(tctx, bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "OMNISIM_MUTANT="+strconv.Itoa(m.ID))
		cmd.WaitDelay = time.Second
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		expired := tctx.Err() != nil
		cancel()
		switch {
		case ctx.Err() != nil:
			return // stopped: the mutant stays untested
		case expired:
			m.Status, m.KilledBy = timedOut, strings.Join(names, ",")
			return
		case err != nil:
			m.Status = killed
			if f := failed.FindStringSubmatch(out.String()); f != nil {
				m.KilledBy = f[1]
			} else if bytes.Contains(out.Bytes(), []byte("panic:")) {
				m.KilledBy = "panic in " + strings.Join(names, ",")
			} else {
				m.KilledBy = strings.Join(names, ",")
			}
			return
		}
	}
	m.Status = lived
}

// mutate runs the mutants on workers, and stops starting new ones at the
// deadline (zero for none); those still running a minute after it are
// stopped too. Mutants not reached by any test are NOT COVERED, those not
// started or stopped UNTESTED.
func mutate(ctx context.Context, o options, rel, bin, dir string, tests []*test, muts []*Mutant, deadline time.Time) {
	if !deadline.IsZero() {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(time.Minute))
		defer cancel()
	}
	todo := make(chan *Mutant)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done, start, last := 0, time.Now(), time.Now()
	for range max(o.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range todo {
				try(ctx, o, bin, dir, m, covering(tests, m.ID))
				mu.Lock()
				done++
				if o.verbose {
					o.log("  %-11s %s\n", m.Status, m)
				} else if time.Since(last) > 30*time.Second {
					last = time.Now()
					o.log("  %s: %d of %d mutants run, %s\n", rel, done, len(muts), time.Since(start).Round(time.Second))
				}
				mu.Unlock()
			}
		}()
	}
	for _, m := range muts {
		if m.Status != "" {
			continue
		}
		if len(covering(tests, m.ID)) == 0 {
			m.Status = notCovered
			continue
		}
		if ctx.Err() != nil || (!deadline.IsZero() && time.Now().After(deadline)) {
			m.Status = untested
			continue
		}
		m.Status = untested // until a worker decides
		select {
		case todo <- m:
		case <-ctx.Done():
		}
	}
	close(todo)
	wg.Wait()
}

// shuffle puts the mutants in a seeded random order, so that those a
// budget lets run are a fair sample.
func shuffle(muts []*Mutant) {
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(muts), func(i, j int) { muts[i], muts[j] = muts[j], muts[i] })
}
