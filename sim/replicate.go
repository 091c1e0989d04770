package sim

import (
	"runtime"
	"sync"
)

// Replicate runs fn for replications 0..n-1 on up to workers goroutines (all
// cores when workers ≤ 0) and returns the results in replication order, so
// the outcome does not depend on how many workers ran or which finished
// first. If any replication fails, Replicate returns the error of the
// lowest-numbered failure.
func Replicate[R any](n, workers int, fn func(rep int) (R, error)) ([]R, error) {
	if n <= 0 {
		return nil, nil
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > n {
		workers = n
	}
	results := make([]R, n)
	errs := make([]error, n)
	if workers == 1 {
		for i := range n {
			results[i], errs[i] = fn(i)
		}
	} else {
		var wg sync.WaitGroup
		next := make(chan int)
		for range workers {
			wg.Go(func() {
				for i := range next {
					results[i], errs[i] = fn(i)
				}
			})
		}
		for i := range n {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	for _, err := range errs {
		if err != nil {
			return results, err
		}
	}
	return results, nil
}
