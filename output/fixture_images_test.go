package output

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"testing"
)

// checkPNG checks that b is a PNG of w × h pixels of which more than 1 %
// differ from the background: something was drawn besides it.
func CheckPNG(t *testing.T, name string, b []byte, w, h int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, w, h) {
		t.Fatalf("%s: bounds %v, want %dx%d", name, got, w, h)
	}
	bg := color.RGBAModel.Convert(img.At(0, 0))
	differ := 0
	for y := range h {
		for x := range w {
			if color.RGBAModel.Convert(img.At(x, y)) != bg {
				differ++
			}
		}
	}
	if share := float64(differ) / float64(w*h); share <= 0.01 {
		t.Errorf("%s: %.2f %% of pixels differ from the background, want more than 1 %%", name, 100*share)
	}
}

// checkSVG checks that b parses as XML with an svg root of the given width
// and height.
func CheckSVG(t *testing.T, name string, b []byte, w, h int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var root *xml.StartElement
	elements := 0
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("%s: not XML: %v", name, err)
			}
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == nil {
				root = &se
			}
			elements++
		}
	}
	if root == nil || root.Name.Local != "svg" {
		t.Fatalf("%s: no svg element", name)
	}
	attr := map[string]string{}
	for _, a := range root.Attr {
		attr[a.Name.Local] = a.Value
	}
	if attr["width"] != strconv.Itoa(w) || attr["height"] != strconv.Itoa(h) {
		t.Errorf("%s: width %q height %q, want %d and %d", name, attr["width"], attr["height"], w, h)
	}
	if elements < 5 {
		t.Errorf("%s: %d elements, too few to be a chart", name, elements)
	}
}
