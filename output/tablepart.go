package output

import "runtime"

// NewPart returns an empty table of t's columns, to be filled on its own
// (on another goroutine, say) and then added to the end of t, whole, by
// AppendPart: t's rows come out in the same order, the same bytes, as if
// the part's rows had been added to t one by one. The part of a spooled
// table (NewSpooledTable) holds its text in memory, and keeps the columns
// t keeps, until it is appended. rows is how many rows are to come, when
// known (0 when not): the columns a spooled table's part keeps are sized
// for them at once, not grown by doubling.
func (t *CSVTable) NewPart(rows int) *CSVTable {
	if t.text == nil {
		return &CSVTable{Columns: t.Columns}
	}
	sp := t.text.spool
	if sp == nil {
		return NewTextTable(t.Columns)
	}
	// No file: its text stays in memory, in pieces.
	p := &spool{keep: make([]*keptColumn, len(sp.keep)), buf: make([]byte, 0, partBuffer(rows, len(t.Columns)))}
	for j, k := range sp.keep {
		switch {
		case k == nil:
		case k.text:
			p.keep[j] = &keptColumn{text: true, codes: make([]uint32, 0, rows), index: map[string]uint32{}}
		default:
			p.keep[j] = &keptColumn{numbers: newKeptNumbers(rows)}
		}
	}
	return &CSVTable{Columns: t.Columns, text: &textRows{starts: make([]int, 1, rows+1), spool: p}}
}

// partBuffer returns the room a part's spool makes for its text at first:
// a whole piece (spoolBuffer and its slack), or for a part of rows rows
// (when known) of cols columns less, about 8 bytes a cell (intervals.csv
// has about 6), so that a short part does not take and clear a quarter of
// a MB for a few kB; appending grows it if it is short.
func partBuffer(rows, cols int) int {
	if rows <= 0 {
		return spoolBuffer + spoolSlack
	}
	return min(spoolBuffer+spoolSlack, rows*cols*8)
}

// AppendPart adds the rows of p, a table NewPart made of t and no longer
// added to, at the end of t. No row of t may be half built.
func (t *CSVTable) AppendPart(p *CSVTable) {
	switch {
	case t.text == nil:
		t.Rows = append(t.Rows, p.Rows...)
		return
	case t.text.spool == nil:
		for i := range p.Len() {
			t.Add(p.Row(i))
		}
		return
	}
	r, pr := t.text, p.text
	off := r.size()
	for _, b := range pr.spool.pieces {
		r.spool.writeLarge(b)
	}
	r.spool.writeLarge(pr.spool.buf)
	for _, s := range pr.starts[1:] {
		r.starts = append(r.starts, off+s)
	}
	r.quoted = r.quoted || pr.quoted
	r.floats = nil
	for j, k := range r.spool.keep {
		pk := pr.spool.keep[j]
		switch {
		case k == nil:
		case !k.text:
			k.numbers.addAll(&pk.numbers)
		default:
			// Each of the part's values is found among t's once.
			codes := make([]uint32, len(pk.values))
			for c, v := range pk.values {
				code, ok := k.index[v]
				if !ok {
					code = uint32(len(k.values))
					k.values = append(k.values, v)
					k.index[v] = code
				}
				codes[c] = code
			}
			for _, c := range pk.codes {
				k.codes = append(k.codes, codes[c])
			}
		}
	}
}

// emptyPart empties p, a part NewPart made that AppendPart has added to its
// table, for the rows of another part of the same table: what it holds in
// memory (its text's pieces, where its rows start, the columns it keeps) is
// kept for them, so that a table made in parts takes that memory once, not
// once a part (a 365-day baseline's intervals.csv, 103 parts of about 0.35
// MB, each taken fresh, cleared and touched).
func (p *CSVTable) emptyPart() {
	r := p.text
	sp := r.spool
	r.starts = r.starts[:1]
	r.quoted, r.nf, r.floats = false, 0, nil
	for _, b := range sp.pieces {
		sp.spare = append(sp.spare, b[:0])
	}
	clear(sp.pieces)
	sp.pieces = sp.pieces[:0]
	sp.buf, sp.size = sp.buf[:0], 0
	for _, k := range sp.keep {
		if k == nil {
			continue
		}
		k.numbers.reset()
		k.codes = k.codes[:0]
		k.values = k.values[:0]
		clear(k.index)
	}
}

// fillInParts adds n parts to t, in order: fill(i, b) adds part i's rows
// (about rows of them, or an unknown number when 0) through b, on up to GOMAXPROCS goroutines at once, each part in a table
// of its own (NewPart) appended to t as soon as those before it are. At
// most twice as many parts as goroutines are held at once. fill must only
// read what it shares with the other parts.
func fillInParts(t *CSVTable, n, rows int, fill func(i int, b *RowBuilder)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		b := t.Builder()
		for i := range n {
			fill(i, b)
		}
		return
	}
	parts := make([]chan *CSVTable, n)
	for i := range parts {
		parts[i] = make(chan *CSVTable, 1)
	}
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	tokens := make(chan struct{}, 2*workers)
	// Parts already added, emptied for the parts to come.
	free := make(chan *CSVTable, 2*workers)
	for range workers {
		go func() {
			for {
				// The token is taken before the part, so that every
				// part taken holds one: the next to be appended is
				// always being filled.
				tokens <- struct{}{}
				i, ok := <-next
				if !ok {
					<-tokens
					return
				}
				var p *CSVTable
				select {
				case p = <-free:
				default:
					p = t.NewPart(rows)
				}
				fill(i, p.Builder())
				parts[i] <- p
			}
		}()
	}
	for i := range n {
		p := <-parts[i]
		t.AppendPart(p)
		if p.text != nil && p.text.spool != nil {
			p.emptyPart()
			select {
			case free <- p:
			default:
			}
		}
		<-tokens
	}
}
