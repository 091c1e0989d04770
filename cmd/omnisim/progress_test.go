package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestProgressQuiet: with stderr not a terminal, nothing is drawn.
func TestProgressQuiet(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(streams{errOut: &b}, "replications", 10)
	p.Add(3)
	p.Grow(20)
	p.Done()
	if b.Len() != 0 {
		t.Errorf("drew %q on a buffer", b.String())
	}
}

// TestProgressBar draws the bar with a clock that moves a second per
// reading.
func TestProgressBar(t *testing.T) {
	var b bytes.Buffer
	clock := time.Unix(0, 0)
	now := func() time.Time { clock = clock.Add(time.Second); return clock }
	p := newBar(&b, "replications", 4, now)
	p.Add(1)
	if got := b.String(); !strings.HasSuffix(got, "omnisim: [=======>                      ] 1/4 replications, 2.0 s, about 6.0 s left") {
		t.Errorf("after 1 of 4: %q", got)
	}
	p.Grow(8)
	p.Add(7)
	if got := b.String(); !strings.HasSuffix(got, "[==============================] 8/8 replications, 4.0 s") {
		t.Errorf("done: %q", got)
	}
	p.Done()
	if !strings.HasSuffix(b.String(), "\r\033[K") {
		t.Errorf("Done does not clear the line: %q", b.String())
	}
}
