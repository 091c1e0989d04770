package output

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// TestNoHalfWidths: a single batch's half-widths are n rows of NaN, one
// for each figure, none of which an append can reach past (rows and list
// full to their room), for any n; up to maxPartRows, as a table's parts
// ask, made without allocating.
// Seen to catch: the rows' list made at every call, and a shared list
// handed out with room past n.
func TestNoHalfWidths(t *testing.T) {
	for _, n := range []int{0, 1, 7, maxPartRows, maxPartRows + 1, 3 * maxPartRows} {
		out := noHalfWidths(n)
		if len(out) != n || cap(out) != n {
			t.Fatalf("n %d: %d rows, room for %d", n, len(out), cap(out))
		}
		for d, row := range out {
			if len(row) != len(models.Figures) || cap(row) != len(row) {
				t.Fatalf("n %d: row %d has %d figures, room for %d", n, d, len(row), cap(row))
			}
			for fi, h := range row {
				if !math.IsNaN(h) {
					t.Fatalf("n %d: row %d's figure %d is %v", n, d, fi, h)
				}
			}
		}
	}
	if a := testing.AllocsPerRun(20, func() { noHalfWidths(maxPartRows) }); a != 0 {
		t.Errorf("a part's half-widths: %v allocations, want none", a)
	}
	if got := countsHalfWidths(models.Live, make([][]models.Counts, 1), []int{1}, 3, 10); len(got) != 7 || !math.IsNaN(got[6][0]) {
		t.Errorf("countsHalfWidths of one batch: %v", got)
	}
}
