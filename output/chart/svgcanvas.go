package chart

import (
	"bytes"
	"io"
	"math"
	"strconv"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// svgCanvas is a vgsvg canvas whose fills of straight paths (moves, lines
// and closes, as the charts' bands are) have their path data written by
// strconv rather than by fmt, one call a coordinate: the same text, for
// vgsvg writes each coordinate with "%.*g" at its precision of 5, which is
// strconv's 'g' format at precision 5 for a finite number. The canvas
// fills such a path with a placeholder path of one close, which vgsvg
// writes as fillHole, and keeps its data; writeSVGSized puts each data in
// its placeholder's place, in order. A vgsvg path of one close written
// otherwise (a stroke) would look the same: the placeholders are counted
// first (filledAsDrawn), and a chart whose count differs is drawn again
// on a plain vgsvg canvas.
type svgCanvas struct {
	*vgsvg.Canvas
	// data holds the paths' data one after the other, each ending at
	// ends[i].
	data []byte
	ends []int
}

// newSVGCanvas returns an svgCanvas of the given size, its paths' data
// written into memory kept from chart to chart (svgData).
func newSVGCanvas(width, height vg.Length) *svgCanvas {
	c := &svgCanvas{Canvas: vgsvg.NewWith(vgsvg.UseWH(width, height))}
	if d := svgData.get(); d != nil {
		c.data = (*d)[:0]
	}
	return c
}

// free gives the canvas's paths' data back to svgData, for the next
// chart's: the canvas and the fills it returned are not to be read again.
func (c *svgCanvas) free() {
	if c.data != nil && cap(c.data) <= maxKeptSVG {
		d := c.data[:0]
		svgData.put(&d)
	}
	c.data, c.ends = nil, nil
}

// svgData keeps the memory of svgCanvases' paths' data from chart to
// chart: grown by appending to about a chart's SVG (a 365-day folder's
// took 2.8 MB so), and let go past maxKeptSVG bytes.
var svgData freeList[[]byte]

// svgPrecision is vgsvg's precision of the numbers it writes (its pr).
const svgPrecision = 5

// fillHole is the text vgsvg writes for the placeholder path a svgCanvas
// fills, up to its style; fillPath begins the same element with data.
const (
	fillHole = `<path d="Z" `
	fillPath = `<path d="`
)

// placeholderPath is the path filled in place of a straight one.
var placeholderPath = vg.Path{{Type: vg.CloseComp}}

// Fill fills path as vgsvg does, its data kept for writeSVGSized when
// the path is straight.
func (c *svgCanvas) Fill(path vg.Path) {
	start := len(c.data)
	data, ok := appendStraightPath(c.data, path)
	if !ok {
		c.data = c.data[:start]
		c.Canvas.Fill(path)
		return
	}
	c.data = data
	c.ends = append(c.ends, len(data))
	c.Canvas.Fill(placeholderPath)
}

// fills returns the data of the straight paths filled, in order.
func (c *svgCanvas) fills() [][]byte {
	out := make([][]byte, len(c.ends))
	start := 0
	for i, end := range c.ends {
		out[i] = c.data[start:end:end]
		start = end
	}
	return out
}

// appendStraightPath appends to b the path data vgsvg writes for path
// (its pathData) and tells whether path is straight, of moves, lines and
// closes at finite points only; otherwise what it appended is to be
// dropped.
func appendStraightPath(b []byte, path vg.Path) ([]byte, bool) {
	for _, comp := range path {
		switch comp.Type {
		case vg.MoveComp, vg.LineComp:
			x, y := comp.Pos.X.Points(), comp.Pos.Y.Points()
			if math.IsInf(x, 0) || math.IsNaN(x) || math.IsInf(y, 0) || math.IsNaN(y) {
				return b, false
			}
			if comp.Type == vg.MoveComp {
				b = append(b, 'M')
			} else {
				b = append(b, 'L')
			}
			b = strconv.AppendFloat(b, x, 'g', svgPrecision, 64)
			b = append(b, ',')
			b = strconv.AppendFloat(b, y, 'g', svgPrecision, 64)
		case vg.CloseComp:
			b = append(b, 'Z')
		default:
			return b, false
		}
	}
	return b, true
}

// filledAsDrawn tells whether the part of svg after its first tag's end
// (at end) holds as many fillHoles as fills were kept.
func filledAsDrawn(svg []byte, end int, fills [][]byte) bool {
	return bytes.Count(svg[end:], []byte(fillHole)) == len(fills)
}

// writeFilled writes part to w with each fillHole replaced by the next
// of fills, and svgFamily's literal by its fallback, and returns the
// fills left.
func writeFilled(w io.Writer, part []byte, fills [][]byte) ([][]byte, error) {
	for {
		i := bytes.Index(part, []byte(fillHole))
		if i < 0 || len(fills) == 0 {
			break
		}
		if err := writeFamilies(w, part[:i]); err != nil {
			return fills, err
		}
		if _, err := io.WriteString(w, fillPath); err != nil {
			return fills, err
		}
		if _, err := w.Write(fills[0]); err != nil {
			return fills, err
		}
		if _, err := io.WriteString(w, `" `); err != nil {
			return fills, err
		}
		fills = fills[1:]
		part = part[i+len(fillHole):]
	}
	return fills, writeFamilies(w, part)
}
