package output

// spoolNums is spoolNum for each of vs, in one loop: intervals.csv's rows
// are mostly numbers, most of them empty (NaN) or small counts, so that
// the work around each cell (the calls, the spool's buffer and the row's
// count of fields read and written back) cost more than its digits. The
// buffer is flushed after the numbers, not after each (the same text, in
// the same file or pieces, cut elsewhere); a kept column keeps each number
// as spoolNum keeps it.
func (r *textRows) spoolNums(vs []float64) {
	sp := r.spool
	buf, keep, nf := sp.buf, sp.keep, r.nf
	for _, v := range vs {
		if nf > 0 {
			buf = append(buf, ',')
		}
		var k *keptColumn
		if nf < len(keep) {
			k = keep[nf]
		}
		nf++
		if v-v != 0 { // NaN or an infinity: an empty cell
			if k != nil {
				k.add("")
			}
			continue
		}
		at := len(buf)
		var exact bool
		buf, exact = appendCell(buf, v)
		switch {
		case k == nil:
		case exact && !k.text:
			k.numbers.add(v) // what its text reads back as
		default:
			k.addBytes(buf[at:])
		}
	}
	sp.buf, r.nf = buf, nf
	if len(buf) >= spoolBuffer {
		sp.flush()
	}
}
