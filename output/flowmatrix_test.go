package output_test

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestFlowMatrixAddsTheOthersUp: past MaxFlowChannels the matrix keeps
// the channels with the most moves, in the scenario's order, adds the
// others up in its last row and column, and loses no move.
func TestFlowMatrixAddsTheOthersUp(t *testing.T) {
	ds := fixture.ManyDataset(output.MaxFlowChannels+4, 0, 1)
	var names []string
	for _, ch := range ds.Meta.Channels {
		names = append(names, ch.Name)
	}
	fm := output.NewFlowMatrix(names, ds.Flows)
	if len(fm.Names) != output.MaxFlowChannels || fm.Names[0] != "c5" || fm.Names[output.MaxFlowChannels-2] != "c19" ||
		fm.Names[output.MaxFlowChannels-1] != "5 others" {
		t.Fatalf("names %v: want c5 … c19 and 5 others", fm.Names)
	}
	sum := 0.0
	for _, row := range fm.Moves {
		for _, v := range row {
			if !math.IsNaN(v) {
				sum += v
			}
		}
	}
	// Moves from c<i> to c<j> number i+j: over the 20 × 19 ordered pairs,
	// each channel is 19 times a source and 19 times a destination.
	want := 0.0
	for i := range output.MaxFlowChannels + 4 {
		want += 2 * 19 * float64(i)
	}
	if sum != want || fm.Total != want {
		t.Errorf("the matrix holds %v moves, total %v: want %v", sum, fm.Total, want)
	}
	// The others' corner counts moves among c0 … c4: 4 × (0+1+2+3+4) × 2.
	if got := fm.Moves[output.MaxFlowChannels-1][output.MaxFlowChannels-1]; got != 80 || fm.Diagonal(output.MaxFlowChannels-1, output.MaxFlowChannels-1) {
		t.Errorf("the others' corner holds %v, want 80 and not a diagonal cell", got)
	}
	small := output.NewFlowMatrix(names[:3], ds.Flows)
	if len(small.Names) != 3 || small.Others || small.Note != "" || !math.IsNaN(small.Moves[1][1]) || small.Moves[0][2] != 2 {
		t.Errorf("three channels: %+v, want the plain matrix", small)
	}
}
