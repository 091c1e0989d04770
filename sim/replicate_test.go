package sim

import (
	"errors"
	"reflect"
	"testing"
)

func TestReplicateOrderIndependentOfWorkers(t *testing.T) {
	run := func(rep int) (float64, error) {
		r := NewStreams(9, rep).Rand("x")
		s := 0.0
		for range 1000 {
			s += r.Float64()
		}
		return s, nil
	}
	want, err := Replicate(20, 1, run)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{0, 2, 3, 7, 50} {
		got, err := Replicate(20, workers, run)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("workers=%d: results differ from one worker", workers)
		}
	}
}

func TestReplicateReturnsLowestFailure(t *testing.T) {
	errA, errB := errors.New("a"), errors.New("b")
	_, err := Replicate(10, 4, func(rep int) (int, error) {
		switch rep {
		case 3:
			return 0, errA
		case 7:
			return 0, errB
		}
		return rep, nil
	})
	if err != errA {
		t.Errorf("got error %v, want %v", err, errA)
	}
}
