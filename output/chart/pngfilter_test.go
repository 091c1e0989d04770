package chart

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestSWARAsBytes: sub8, avg8 and absSum give, lane by lane, what byte
// arithmetic gives, for random words and words of the edge bytes (0, 1,
// 0x7f, 0x80, 0x81, 0xff).
func TestSWARAsBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 3))
	edges := []byte{0, 1, 0x7f, 0x80, 0x81, 0xfe, 0xff}
	word := func() uint64 {
		var x uint64
		for k := range 8 {
			b := byte(r.IntN(256))
			if r.IntN(2) == 0 {
				b = edges[r.IntN(len(edges))]
			}
			x |= uint64(b) << (8 * k)
		}
		return x
	}
	lane := func(x uint64, k int) byte { return byte(x >> (8 * k)) }
	for range 200000 {
		x, y := word(), word()
		s, a := sub8(x, y), avg8(x, y)
		want := 0
		for k := range 8 {
			if got, want := lane(s, k), lane(x, k)-lane(y, k); got != want {
				t.Fatalf("sub8(%#x, %#x) lane %d: got %#x, want %#x", x, y, k, got, want)
			}
			if got, want := lane(a, k), byte((int(lane(x, k))+int(lane(y, k)))/2); got != want {
				t.Fatalf("avg8(%#x, %#x) lane %d: got %#x, want %#x", x, y, k, got, want)
			}
			want += abs8(lane(x, k))
		}
		if got := absSum(x); got != want {
			t.Fatalf("absSum(%#x) = %d, want %d", x, got, want)
		}
	}
	for k := range 9 {
		if got, want := lanesBefore(k), uint64(1)<<(8*k)-1; k < 8 && got != want || k == 8 && got != ^uint64(0) {
			t.Errorf("lanesBefore(%d) = %#x", k, got)
		}
	}
}

// TestPaethUpHolds: where the left byte equals the upper-left one, Paeth
// predicts the upper byte, for every pair of bytes (what filterRow's
// shortcut takes).
func TestPaethUpHolds(t *testing.T) {
	for a := range 256 {
		for b := range 256 {
			if got := paeth(byte(a), byte(b), byte(a)); got != byte(b) {
				t.Fatalf("paeth(%d, %d, %d) = %d, want %d", a, b, a, got, b)
			}
		}
	}
}

// pngFilter is image/png's filter (writer.go, Copyright 2009 The Go
// Authors, BSD-style licence), copied as the reference for filterRow:
// cr[0] holds the row, cr[1:] the filtered rows, pr the previous row, each
// with its filter type first.
func pngFilter(cr *[5][]byte, pr []byte, bpp int) int {
	cdat0 := cr[0][1:]
	cdat1 := cr[1][1:]
	cdat2 := cr[2][1:]
	cdat3 := cr[3][1:]
	cdat4 := cr[4][1:]
	pdat := pr[1:]
	n := len(cdat0)
	sum := 0
	for i := 0; i < n; i++ {
		cdat2[i] = cdat0[i] - pdat[i]
		sum += abs8(cdat2[i])
	}
	best := sum
	filter := ftUp
	sum = 0
	for i := 0; i < bpp; i++ {
		cdat4[i] = cdat0[i] - pdat[i]
		sum += abs8(cdat4[i])
	}
	for i := bpp; i < n; i++ {
		cdat4[i] = cdat0[i] - paeth(cdat0[i-bpp], pdat[i], pdat[i-bpp])
		sum += abs8(cdat4[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		best = sum
		filter = ftPaeth
	}
	sum = 0
	for i := 0; i < n; i++ {
		sum += abs8(cdat0[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		best = sum
		filter = ftNone
	}
	sum = 0
	for i := 0; i < bpp; i++ {
		cdat1[i] = cdat0[i]
		sum += abs8(cdat1[i])
	}
	for i := bpp; i < n; i++ {
		cdat1[i] = cdat0[i] - cdat0[i-bpp]
		sum += abs8(cdat1[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		best = sum
		filter = ftSub
	}
	sum = 0
	for i := 0; i < bpp; i++ {
		cdat3[i] = cdat0[i] - pdat[i]/2
		sum += abs8(cdat3[i])
	}
	for i := bpp; i < n; i++ {
		cdat3[i] = cdat0[i] - uint8((int(cdat0[i-bpp])+int(pdat[i]))/2)
		sum += abs8(cdat3[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		filter = ftAverage
	}
	return filter
}

// TestFilterRowAsPNG: filterRow chooses image/png's filter and writes its
// bytes, for rows of 3 and 4 bytes a pixel, 1 to 70 pixels, made to make
// each filter win: noise, flat rows, the row above with a few bytes
// changed (or none), small steps, bytes near 0x80.
func TestFilterRowAsPNG(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 4))
	won := map[int]int{}
	for range 40000 {
		bpp := 3 + r.IntN(2)
		n := bpp * (1 + r.IntN(70))
		prev, cur := make([]byte, n), make([]byte, n)
		fill := func(b, above []byte) {
			switch r.IntN(6) {
			case 0:
				for i := range b {
					b[i] = byte(r.IntN(256))
				}
			case 1:
				c := byte(r.IntN(256))
				for i := range b {
					b[i] = c
				}
			case 2:
				copy(b, above)
				for range r.IntN(4) {
					b[r.IntN(len(b))] = byte(r.IntN(256))
				}
			case 3:
				c := byte(r.IntN(256))
				for i := range b {
					b[i] = c
					c += byte(r.IntN(3))
				}
			case 4:
				for i := range b {
					b[i] = above[i] + byte(r.IntN(5)) - 2
				}
			default:
				for i := range b {
					b[i] = 0x7e + byte(r.IntN(5))
				}
			}
		}
		fill(prev, make([]byte, n))
		fill(cur, prev)

		var cr [5][]byte
		for i := range cr {
			cr[i] = make([]byte, 1+n)
			cr[i][0] = byte(i)
		}
		copy(cr[0][1:], cur)
		want := pngFilter(&cr, append([]byte{0}, prev...), bpp)
		won[want]++

		padded := func(b []byte) []byte {
			p := make([]byte, rowPad+n+rowPad)
			copy(p[rowPad:], b)
			return p
		}
		pc, pp := padded(cur), padded(prev)
		// out and pae hold the bytes of a row before, as the encoder's do.
		out, pae := make([]byte, 1+n+rowPad), make([]byte, 1+n+rowPad)
		for i := range out {
			out[i], pae[i] = byte(r.IntN(256)), byte(r.IntN(256))
		}
		got := filterRow(out, pae, pc, pp, n, bpp)
		if got != want {
			t.Fatalf("bpp %d, row %x after %x: filter %d, image/png's %d", bpp, cur, prev, got, want)
		}
		row := out[:1+n]
		switch got {
		case ftNone:
			row = pc[rowPad-1 : rowPad+n]
		case ftPaeth:
			row = pae[:1+n]
		}
		if !bytes.Equal(row, cr[want]) {
			t.Fatalf("bpp %d, row %x after %x, filter %d: wrote %x, image/png %x", bpp, cur, prev, got, row, cr[want])
		}
	}
	for f := ftNone; f <= ftPaeth; f++ {
		if won[f] == 0 {
			t.Errorf("no row chose filter %d (%v): the rows do not test it", f, won)
		}
	}
}

// BenchmarkFilterRow filters every row of a chart of 1200×600 pixels (the
// default folder's size) with filterRow and with image/png's filter.
func BenchmarkFilterRow(b *testing.B) {
	c := Run(goldenDataset())[0]
	var buf bytes.Buffer
	if err := c.Render(&buf, "png", 1200, 600); err != nil {
		b.Fatal(err)
	}
	pix, _ := decodeRGBA(b, buf.Bytes())
	n := 3 * 1200
	rows := make([][]byte, 600)
	for y := range rows {
		rows[y] = make([]byte, rowPad+n+rowPad)
		rgbaToRGB(rows[y][rowPad:], pix.Pix[y*pix.Stride:][:4*1200])
		clear(rows[y][rowPad+n:])
	}
	zero := make([]byte, rowPad+n+rowPad)
	b.Run("filterRow", func(b *testing.B) {
		out, pae := make([]byte, 1+n+rowPad), make([]byte, 1+n+rowPad)
		for b.Loop() {
			prev := zero
			for _, r := range rows {
				filterRow(out, pae, r, prev, n, 3)
				prev = r
			}
		}
	})
	b.Run("png", func(b *testing.B) {
		var cr [5][]byte
		for i := range cr {
			cr[i] = make([]byte, 1+n)
		}
		prev := make([]byte, 1+n)
		for b.Loop() {
			clear(prev)
			for _, r := range rows {
				copy(cr[0][1:], r[rowPad:rowPad+n])
				pngFilter(&cr, prev, 3)
				copy(prev[1:], r[rowPad:rowPad+n])
			}
		}
	})
}
