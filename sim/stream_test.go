package sim

import (
	"errors"
	"sync"
	"testing"
	"time"
)

// TestStreamFoldsInOrder checks that every result is folded once, in
// replication order, whatever the number of workers, and that the sum of
// floating point results is the same to the bit.
func TestStreamFoldsInOrder(t *testing.T) {
	run := func(rep int) (float64, error) {
		r := NewStreams(9, rep).Rand("x")
		// Uneven work, so that replications finish out of order.
		time.Sleep(time.Duration(r.IntN(300)) * time.Microsecond)
		return r.Float64() * 1e6, nil
	}
	var want float64
	for _, workers := range []int{1, 0, 2, 3, 7, 50} {
		next, sum := 0, 0.0
		err := Stream(60, workers, run, func(rep int, x float64) error {
			if rep != next {
				t.Fatalf("workers=%d: folded replication %d, want %d", workers, rep, next)
			}
			next++
			sum += x
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if next != 60 {
			t.Errorf("workers=%d: folded %d replications, want 60", workers, next)
		}
		if workers == 1 {
			want = sum
		} else if sum != want {
			t.Errorf("workers=%d: sum %v, want %v as with one worker", workers, sum, want)
		}
	}
}

// TestStreamHoldsFewResults checks the bound on results held at once:
// finished but not yet folded, or running, never more than twice the
// workers, even when the first replication is the slowest by far.
func TestStreamHoldsFewResults(t *testing.T) {
	const workers = 3
	var mu sync.Mutex
	held, most := 0, 0
	err := Stream(200, workers, func(rep int) (int, error) {
		mu.Lock()
		held++
		most = max(most, held)
		mu.Unlock()
		if rep%50 == 0 {
			time.Sleep(20 * time.Millisecond)
		}
		return rep, nil
	}, func(rep, _ int) error {
		mu.Lock()
		held--
		mu.Unlock()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if most > 2*workers {
		t.Errorf("%d results held at once, want at most %d", most, 2*workers)
	}
}

// TestStreamStopsAtFirstFailure checks that the error of the lowest failing
// replication is returned, that nothing after it is folded, and that a
// fold's own error stops the stream too.
func TestStreamStopsAtFirstFailure(t *testing.T) {
	errA, errB := errors.New("a"), errors.New("b")
	for _, workers := range []int{1, 4} {
		folded := 0
		err := Stream(100, workers, func(rep int) (int, error) {
			switch rep {
			case 30:
				return 0, errA
			case 31, 70:
				return 0, errB
			}
			return rep, nil
		}, func(rep, _ int) error {
			folded++
			return nil
		})
		if err != errA || folded != 30 {
			t.Errorf("workers=%d: got %v after %d folds, want %v after 30", workers, err, folded, errA)
		}
		errFold := errors.New("fold")
		err = Stream(100, workers, func(rep int) (int, error) { return rep, nil }, func(rep, _ int) error {
			if rep == 10 {
				return errFold
			}
			return nil
		})
		if err != errFold {
			t.Errorf("workers=%d: got %v, want the fold's error", workers, err)
		}
	}
}
