package plan

import (
	"bytes"
	"encoding/gob"
	"testing"
)

// TestSimulateFrom checks simulate's promise for replications that do
// not start at 0: result i and the readings of the contacts in the system
// i are replication first+i's, the same as that replication's in a run
// from 0, whatever the workers.
//
// Seen to catch: the readings kept at index rep+first instead of
// rep−first (an index out of range, or another replication's readings).
func TestSimulateFrom(t *testing.T) {
	cfg := builtin(t, "textbook", "horizon=4h", "warmup=0s", "interval=1h")
	all, err := simulate(cfg, 0, 5, 1, true)
	if err != nil {
		t.Fatal(err)
	}
	from, err := simulate(cfg, 3, 2, 2, true)
	if err != nil {
		t.Fatal(err)
	}
	enc := func(v any) []byte {
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(v); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for i := range 2 {
		if from.results[i].Replication != 3+i || !bytes.Equal(enc(from.results[i]), enc(all.results[3+i])) {
			t.Errorf("result %d from 3: replication %d, or not replication %d's", i, from.results[i].Replication, 3+i)
		}
		if !bytes.Equal(enc(from.inSystem[i]), enc(all.inSystem[3+i])) || len(from.inSystem[i]) == 0 {
			t.Errorf("the readings %d from 3 are not replication %d's", i, 3+i)
		}
	}
}
