package chart

import (
	"fmt"

	"github.com/omnisim/omnisim/output"
)

// MaxLines is the most channels, or pools, a chart draws one by one.
// Past it a chart draws the channels with the most contacts offered (the
// pools with the most agents scheduled) and says in its note how many it
// leaves out; the cost chart stacks the pools it leaves out as one, and
// the tables and CSV files keep every channel and pool. 24 is as many
// lines as the palettes tell apart (8 colours, 3 dash patterns), and a
// chart of hundreds of lines is a grey smear that takes seconds to draw.
const MaxLines = 24

// channelWeights adds up each channel's contacts offered over the
// intervals table, by name: how charts choose which channels to draw when
// there are too many.
func channelWeights(ds *output.Dataset) map[string]float64 {
	return sumBy(ds.Intervals, "channel", "offered")
}

// sumBy adds up column col of t by the text of column key, skipping
// cells with no number.
func sumBy(t *output.CSVTable, key, col string) map[string]float64 {
	w := map[string]float64{}
	if t == nil {
		return w
	}
	k, c := t.Col(key), t.Col(col)
	if k < 0 || c < 0 {
		return w
	}
	for i := range t.Len() {
		if v := t.Float(i, col); output.Finite(v) {
			w[t.Text(i, key)] += v
		}
	}
	return w
}

// chartedChannels keeps at most MaxLines of channels, those with the
// most contacts offered, and says in a sentence for the chart's note how
// many it left out ("" when none).
func chartedChannels(ds *output.Dataset, channels []chartChannel) ([]chartChannel, string) {
	if len(channels) <= MaxLines {
		return channels, ""
	}
	w := channelWeights(ds)
	kept, dropped := output.TopN(channels, MaxLines, func(c chartChannel) float64 { return w[c.Name] })
	return kept, fmt.Sprintf(" With %d channels, the chart draws the %d with the most contacts offered and leaves out the other %d; the tables and CSV files have every channel.",
		len(channels), len(kept), dropped)
}

// chartedPools keeps at most MaxLines of the pools (as positions in
// pools, which set their colours), those with the most agents scheduled,
// and says in a sentence for the chart's note how many it left out.
func chartedPools(ds *output.Dataset, pools []string) ([]int, string) {
	idx := make([]int, len(pools))
	for i := range idx {
		idx[i] = i
	}
	if len(pools) <= MaxLines {
		return idx, ""
	}
	w := sumBy(ds.Staffing, "pool", "scheduled")
	kept, dropped := output.TopN(idx, MaxLines, func(i int) float64 { return w[pools[i]] })
	return kept, fmt.Sprintf(" With %d pools, the chart draws the %d with the most agents scheduled and leaves out the other %d; the tables and CSV files have every pool.",
		len(pools), len(kept), dropped)
}
