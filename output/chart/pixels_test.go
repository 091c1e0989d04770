package chart

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"testing"
	"unsafe"
)

// TestNewPixels: newPixels gives n zero bytes that may be written, no
// more (its capacity is n), where huge pages are advised (Linux) in a
// mapping of their own that starts them on a 2 MiB boundary, elsewhere or
// when they are not on Go's heap; freePixels gives the mapping back.
func TestNewPixels(t *testing.T) {
	testNewPixels(t)
	advised := hugePagesAdvised
	defer func() { hugePagesAdvised = advised }()
	hugePagesAdvised = func() bool { return false }
	testNewPixels(t)
}

func testNewPixels(t *testing.T) {
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
		if !hugePagesAdvised() {
			if mapping != nil {
				t.Fatalf("%d bytes asked, huge pages not advised: a mapping", n)
			}
		} else {
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
	drainImages()
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

// drainImages empties images, giving back every image's pixels, so that a
// test starts with none mapped.
func drainImages() {
	for img := images.get(); img != nil; img = images.get() {
		freePixels(img.mapping)
	}
}

// TestMappedPixelsGivenBack: images' pixels mapped apart from Go's heap
// are counted while they are mapped, 4 MiB (two huge pages) a chart of
// 1200×600 where huge pages are advised (Linux) and none elsewhere, and given back to the system when
// images is full or holds too small an image, or is drained: afterwards
// no mapping holds them (/proc/self/maps) and the watcher is told 0.
// Seen to catch: putImage not unmapping what images does not keep; a
// mapping counted at its virtual size (6 MiB).
func TestMappedPixelsGivenBack(t *testing.T) {
	drainImages()
	var told []int64
	WatchMappedPixels(func(b int64) { told = append(told, b) })
	defer WatchMappedPixels(nil)
	if len(told) != 1 || told[0] != 0 {
		t.Fatalf("with no image: told %v, want [0]", told)
	}
	perImage := int64(0)
	if hugePagesAdvised() {
		perImage = 4 << 20
	}
	last := func() int64 { return told[len(told)-1] }

	n := runtime.GOMAXPROCS(0)
	imgs := make([]*chartImage, n+2)
	var starts []uintptr
	for i := range imgs {
		imgs[i] = getImage(1200, 600)
		starts = append(starts, uintptr(unsafe.Pointer(&imgs[i].Pix[0])))
	}
	if got, want := last(), int64(n+2)*perImage; got != want {
		t.Fatalf("%d images drawn on: %d bytes mapped, want %d", n+2, got, want)
	}
	for _, img := range imgs {
		putImage(img)
	}
	if got, want := last(), int64(n)*perImage; got != want {
		t.Fatalf("%d images put back, %d kept: %d bytes mapped, want %d", n+2, n, got, want)
	}
	big := getImage(1600, 1200) // 7.3 MiB: the image it takes is too small
	starts = append(starts, uintptr(unsafe.Pointer(&big.Pix[0])))
	if got, want := last(), int64(n-1)*perImage+2*perImage; got != want {
		t.Fatalf("an image of 1600×1200 taken for one of 1200×600: %d bytes mapped, want %d", got, want)
	}
	putImage(big)
	drainImages()
	if got := last(); got != 0 {
		t.Fatalf("images drained: %d bytes mapped, want 0", got)
	}
	if runtime.GOOS != "linux" {
		return
	}
	maps, err := mappedRanges()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range starts {
		for _, r := range maps {
			if r[0] <= p && p < r[1] {
				t.Errorf("pixels at %#x are still mapped (%#x-%#x)", p, r[0], r[1])
			}
		}
	}
}

// mappedRanges returns the ranges of addresses mapped in this process, from
// /proc/self/maps.
func mappedRanges() ([][2]uintptr, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rs [][2]uintptr
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var from, to uintptr
		if _, err := fmt.Sscanf(sc.Text(), "%x-%x", &from, &to); err != nil {
			return nil, fmt.Errorf("/proc/self/maps: %q: %v", sc.Text(), err)
		}
		rs = append(rs, [2]uintptr{from, to})
	}
	return rs, sc.Err()
}
