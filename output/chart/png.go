package chart

import (
	"image"
	"io"

	"git.sr.ht/~sbinet/gg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// renderPNG draws fig with its title on an image of widthPx×heightPx
// pixels at dpi and writes it to w as PNG. It makes the same pixels, and
// so the same bytes, as drawing on vgimg.NewWith(vgimg.UseImage(img)) and
// encoding with png.Encode (TestPNGAsBefore), with less work:
//   - vgimg's UseImage copies the image it is given into another, its
//     drawing context's; here the context is made on the image itself
//     (UseImageWithContext), set up as vgimg sets up its own (butt line
//     caps, y upwards);
//   - the canvas keeps the context and image (pngCanvas), so that a
//     thinned line's bands are painted into the image directly, with
//     the same pixels (paintBand);
//   - vgimg fills the image white (its background), so the figure's own
//     white fill of the whole canvas, which an SVG needs, is left out: it
//     painted white over white through the rasterizer;
//   - the PNG is written by encodeRGBA, the bytes of png.Encode with
//     less work;
//   - images and the PNG encoder's buffers (its compressor's tables, a
//     megabyte) are reused from one chart to the next rather than
//     allocated, cleared and faulted in anew, kept in free lists the
//     collector does not empty (a sync.Pool is emptied at every cycle, and
//     writing a folder takes several), their pixels in memory with huge
//     pages advised (newPixels).
func renderPNG(w io.Writer, fig *figure, title string, widthPx, heightPx, dpi int) error {
	img := getImage(widthPx, heightPx)
	defer putImage(img)
	ctx := gg.NewContextForRGBA(&img.RGBA)
	ctx.SetLineCapButt()
	ctx.InvertY()
	cv := &pngCanvas{
		Canvas: vgimg.NewWith(vgimg.UseImageWithContext(&img.RGBA, ctx), vgimg.UseDPI(dpi)),
		img:    &img.RGBA,
		ctx:    ctx,
	}
	fig.draw(draw.New(cv), title, false)
	return encodeRGBA(w, &img.RGBA)
}

// chartImage is an image to draw a chart on, and the memory its pixels
// are in.
type chartImage struct {
	image.RGBA
	mapping []byte // the pixels' mapping (newPixels), nil on Go's heap
}

// images holds images to draw charts on, whatever their size: vgimg
// paints every pixel of an image before drawing on it, so an image's
// earlier contents never show.
var images freeList[chartImage]

// getImage returns an image of w×h pixels from images, or a new one.
func getImage(w, h int) *chartImage {
	n := 4 * w * h
	img := images.get()
	if img != nil && cap(img.Pix) < n {
		freePixels(img.mapping)
		img = nil
	}
	if img == nil {
		pix, mapping := newPixels(n)
		img = &chartImage{RGBA: image.RGBA{Pix: pix}, mapping: mapping}
	}
	img.Pix, img.Stride, img.Rect = img.Pix[:n], 4*w, image.Rect(0, 0, w, h)
	return img
}

// putImage gives img back to images, or its memory back when images is
// full; nothing may hold img afterwards.
func putImage(img *chartImage) {
	if !images.put(img) {
		freePixels(img.mapping)
	}
}
