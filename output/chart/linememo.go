package chart

import (
	"errors"
	"sync"

	"gonum.org/v1/plot"
)

// lineMemo keeps the lines a time chart was last built with (thinned, cut
// into pieces, as series.plotters makes them) for its next build at the
// same width: a chart is built once for its PNG and once for its SVG, and
// its lines were read and thinned each time. Each build is given its own
// paddedLine over the same parts, which drawing only reads, with a memo of
// glyph boxes of its own, so the two may be drawn at once. Its zero value
// is empty; it may be used by several goroutines at once.
type lineMemo struct {
	mu      sync.Mutex
	columns int
	built   []bool
	lines   []*paddedLine // nil for a line with no data
}

// plotters returns what l.s.plotters(l.style, columns) would for line i
// of the chart's lines, of n.
func (m *lineMemo) plotters(i, n int, l line, columns int) ([]plot.Plotter, error) {
	if m == nil {
		return l.s.plotters(l.style, columns)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.columns != columns || len(m.built) != n {
		m.columns, m.built, m.lines = columns, make([]bool, n), make([]*paddedLine, n)
	}
	if !m.built[i] {
		ps, err := l.s.plotters(l.style, columns)
		if err != nil && !errors.Is(err, errNoData) {
			return nil, err
		}
		m.built[i] = true
		if err == nil {
			m.lines[i] = ps[0].(*paddedLine)
		}
	}
	pl := m.lines[i]
	if pl == nil {
		return nil, errNoData
	}
	return []plot.Plotter{&paddedLine{parts: pl.parts, width: pl.width, memo: &boxMemo{}, band: pl.band}}, nil
}
