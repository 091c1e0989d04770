package chart

import (
	"runtime"
	"testing"
	"unsafe"
)

// TestNewPixels: newPixels gives n zero bytes that may be written, no
// more (its capacity is n), on Linux in a mapping of their own that starts
// them on a 2 MiB boundary; freePixels gives the mapping back.
func TestNewPixels(t *testing.T) {
	for _, n := range []int{1, 4096, 4 * 1200 * 600, 3 << 20} {
		pix, mapping := newPixels(n)
		if len(pix) != n || cap(pix) != n {
			t.Fatalf("%d bytes asked: len %d, cap %d", n, len(pix), cap(pix))
		}
		for i, b := range pix {
			if b != 0 {
				t.Fatalf("%d bytes asked: byte %d is %d, want 0", n, i, b)
			}
		}
		for i := range pix {
			pix[i] = byte(i)
		}
		if runtime.GOOS == "linux" {
			if mapping == nil {
				t.Fatalf("%d bytes asked: no mapping", n)
			}
			if p := uintptr(unsafe.Pointer(&pix[0])); p%(2<<20) != 0 {
				t.Errorf("%d bytes asked: they start at %#x, not on a 2 MiB boundary", n, p)
			}
		}
		freePixels(mapping)
	}
}

// TestGetImage: an image from getImage has the size asked, reuses the
// pixels of one put back when they are enough, and takes new ones when
// they are not; the images are drawn on and encoded as before
// (TestPNGAsBefore).
func TestGetImage(t *testing.T) {
	small := getImage(30, 20)
	if small.Rect.Dx() != 30 || small.Rect.Dy() != 20 || small.Stride != 120 || len(small.Pix) != 30*20*4 {
		t.Fatalf("getImage(30, 20): %v, stride %d, %d bytes", small.Rect, small.Stride, len(small.Pix))
	}
	putImage(small)
	again := getImage(10, 10)
	if again != small || len(again.Pix) != 400 || again.Stride != 40 {
		t.Fatalf("getImage(10, 10) after one of 30×20 was put back: %p (%d bytes, stride %d), want it (%p) resized", again, len(again.Pix), again.Stride, small)
	}
	putImage(again)
	big := getImage(300, 200)
	if big == again || len(big.Pix) != 300*200*4 {
		t.Fatalf("getImage(300, 200) gave %d bytes (the small image reused: %v)", len(big.Pix), big == again)
	}
	for i := range big.Pix {
		big.Pix[i] = 0xff
	}
	putImage(big)
}
