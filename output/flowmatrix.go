package output

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// MaxFlowChannels is the most rows and columns the heat map of customers'
// moves has. Past it the heat map shows the MaxFlowChannels-1 channels
// with the most moves in and out and adds the others up as one row and
// column. A heat map's cells hold their numbers, which cannot be read past
// about 20 a side; and it grows with the square of the channels, which
// took 4.6 GB at 2,000 channels.
const MaxFlowChannels = 16

// FlowMatrix is the matrix of customers' moves between channels that the
// heat map (output/chart) and the report's table (output/report) show:
// Moves[i][j] moves from Names[i] to Names[j], NaN where the flows table
// has no number. With more than
// MaxFlowChannels channels its last row and column add up the channels
// with the fewest moves, so that it never grows with the square of a
// scenario's channels.
type FlowMatrix struct {
	Names []string
	Moves [][]float64
	// Total adds up every move; Seen tells whether the table had any
	// number for a pair of different channels.
	Total float64
	Seen  bool
	// Others is true when the last row and column add channels up; Note
	// then says so in a sentence.
	Others bool
	Note   string
}

// NewFlowMatrix reads the moves between the channels names (in the
// scenario's order) from the flows table t (nil: none).
func NewFlowMatrix(names []string, t *CSVTable) FlowMatrix {
	n := len(names)
	index := make(map[string]int, n)
	for i, name := range names {
		if _, ok := index[name]; !ok {
			index[name] = i
		}
	}
	fm := FlowMatrix{Names: names}
	var moves []flowCell
	if t != nil {
		for r := range t.Rows {
			i, iok := index[t.Text(r, "from")]
			j, jok := index[t.Text(r, "to")]
			v := t.Float(r, "moves")
			if !iok || !jok || i == j || !Finite(v) {
				continue
			}
			moves = append(moves, flowCell{i, j, v})
			fm.Total += v
			fm.Seen = true
		}
	}
	at := make([]int, n) // each channel's row and column in the matrix
	for i := range at {
		at[i] = i
	}
	if n > MaxFlowChannels {
		fm.Names, at = otherChannels(names, moves)
		fm.Others = true
		fm.Note = fmt.Sprintf(" With %d channels, only the %d with the most moves in and out have a row and a column of their own; the other %d are added up as %q, and flows.csv has every pair.",
			n, len(fm.Names)-1, n-len(fm.Names)+1, fm.Names[len(fm.Names)-1])
	}
	// A cell stays NaN (no moves recorded) unless some pair it counts has
	// a number.
	k := len(fm.Names)
	fm.Moves = make([][]float64, k)
	for i := range fm.Moves {
		fm.Moves[i] = make([]float64, k)
		for j := range fm.Moves[i] {
			fm.Moves[i][j] = math.NaN()
		}
	}
	for _, mv := range moves {
		if c := &fm.Moves[at[mv.from]][at[mv.to]]; math.IsNaN(*c) {
			*c = mv.n
		} else {
			*c += mv.n
		}
	}
	return fm
}

// Diagonal tells whether cell (i, j) is a channel's move to itself, which
// cannot happen: the corner of the others is not one.
func (fm FlowMatrix) Diagonal(i, j int) bool {
	return i == j && !(fm.Others && i == len(fm.Names)-1)
}

// flowCell is the number of moves from one channel to another, by their
// positions in the scenario.
type flowCell struct {
	from, to int
	n        float64
}

// otherChannels chooses the rows and columns of the heat map of moves when
// the channels are too many: the MaxFlowChannels-1 channels with the most
// moves in and out, in their order, and a last row and column, "N
// others", that adds up the rest (its corner counts moves from one of
// them to another). It returns the map's names and each channel's row.
func otherChannels(names []string, moves []flowCell) ([]string, []int) {
	n := len(names)
	weight := make([]float64, n)
	for _, mv := range moves {
		weight[mv.from] += mv.n
		weight[mv.to] += mv.n
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	kept, dropped := TopN(idx, MaxFlowChannels-1, func(i int) float64 { return weight[i] })
	at := make([]int, n)
	for i := range at {
		at[i] = len(kept)
	}
	var out []string
	for k, i := range kept {
		at[i] = k
		out = append(out, names[i])
	}
	return append(out, fmt.Sprintf("%d others", dropped)), at
}

// TopN keeps at most n of items, the heaviest by weight, ties to the
// earlier, in their original order; dropped is how many it left out.
func TopN[T any](items []T, n int, weight func(T) float64) (kept []T, dropped int) {
	if len(items) <= n {
		return items, 0
	}
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(weight(items[b]), weight(items[a])) })
	order = order[:n]
	slices.Sort(order)
	for _, i := range order {
		kept = append(kept, items[i])
	}
	return kept, len(items) - n
}
