package sim

import (
	"runtime"
	"sync"
)

// Stream runs fn for replications 0..n-1 on up to workers goroutines (all
// cores when workers ≤ 0) and hands each result to fold, on the calling
// goroutine, in replication order: as soon as it and every replication
// before it are done. A result that finishes early waits for those before
// it, and no replication starts while 2 × workers results are running or
// waiting, so at most that many are held at once, however many there are
// to run: statistics folded as they come stay flat in n. The folds happen
// in the same order whatever the number of workers, so sums of floating
// point numbers come out the same to the last bit.
//
// Stream stops at the first replication (in order) that fails, or whose
// fold fails, and returns that error; replications already running finish
// first, and none after them starts.
func Stream[R any](n, workers int, fn func(rep int) (R, error), fold func(rep int, r R) error) error {
	if n <= 0 {
		return nil
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers == 1 {
		for i := range n {
			r, err := fn(i)
			if err != nil {
				return err
			}
			if err := fold(i, r); err != nil {
				return err
			}
		}
		return nil
	}
	window := 2 * workers
	type done struct {
		rep int
		r   R
		err error
	}
	var (
		slots = make(chan struct{}, window) // one per result running or waiting
		quit  = make(chan struct{})
		jobs  = make(chan int)
		out   = make(chan done, window)
		wg    sync.WaitGroup
	)
	go func() {
		defer close(jobs)
		for i := range n {
			select {
			case slots <- struct{}{}:
			case <-quit:
				return
			}
			select {
			case jobs <- i:
			case <-quit:
				return
			}
		}
	}()
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				r, err := fn(i)
				out <- done{i, r, err}
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	waiting := make(map[int]done, window)
	next := 0
	var failure error
	for d := range out {
		if failure != nil {
			continue // drain what was running
		}
		waiting[d.rep] = d
		for {
			w, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			err := w.err
			if err == nil {
				err = fold(w.rep, w.r)
			}
			if err != nil {
				failure = err
				close(quit)
				clear(waiting)
				break
			}
			next++
			<-slots
		}
	}
	return failure
}
