package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// progress shows how far a long command has got: a bar on stderr when
// stderr is a terminal, nothing otherwise. Add may be called from several
// goroutines; what it shows never changes what the command writes.
type progress interface {
	// Add counts n more units done.
	Add(n int)
	// Grow raises the total, for work that grows as it goes (--precision).
	Grow(total int)
	// Done clears the bar.
	Done()
}

// newProgress returns a progress bar counting total units of what (for
// example "replications") on s.errOut, or one that shows nothing when
// s.errOut is not a terminal, when CI is set, or when TERM is "dumb".
//
// A line of text redrawn in place does the job; none of the progress-bar
// libraries would do more here than add a dependency.
func newProgress(s streams, what string, total int) progress {
	f, ok := s.errOut.(*os.File)
	if !ok || !isTerminal(f) || os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return quietProgress{}
	}
	return newBar(f, what, total, time.Now)
}

// isTerminal tells whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// quietProgress shows nothing.
type quietProgress struct{}

func (quietProgress) Add(int)  {}
func (quietProgress) Grow(int) {}
func (quietProgress) Done()    {}

// bar draws "omnisim: [=======>      ] 12/20 replications, 3.1 s, about 2.0 s
// left" on one line, redrawn at most ten times a second.
type bar struct {
	mu          sync.Mutex
	w           io.Writer
	what        string
	done, total int
	start, last time.Time
	now         func() time.Time
	drawn       bool
}

func newBar(w io.Writer, what string, total int, now func() time.Time) *bar {
	b := &bar{w: w, what: what, total: total, now: now, start: now()}
	b.draw(true)
	return b
}

func (b *bar) Add(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done += n
	b.draw(b.done >= b.total)
}

func (b *bar) Grow(total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.total = max(b.total, total)
	b.draw(true)
}

func (b *bar) Done() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
		b.drawn = false
	}
}

// draw redraws the line, unless it was drawn less than 100 ms ago and
// force is false.
func (b *bar) draw(force bool) {
	t := b.now()
	if !force && b.drawn && t.Sub(b.last) < 100*time.Millisecond {
		return
	}
	b.last, b.drawn = t, true
	fmt.Fprint(b.w, "\r\033[K"+b.line(t))
}

// line is the text of the bar at time t.
func (b *bar) line(t time.Time) string {
	const width = 30
	filled := 0
	if b.total > 0 {
		filled = min(width, width*b.done/b.total)
	}
	head := ""
	if filled < width && b.done > 0 {
		head = ">"
	}
	elapsed := t.Sub(b.start).Seconds()
	text := fmt.Sprintf("omnisim: [%s%s%s] %d/%d %s, %.1f s", strings.Repeat("=", filled), head,
		strings.Repeat(" ", width-filled-len(head)), b.done, b.total, b.what, elapsed)
	if b.done > 0 && b.done < b.total {
		text += fmt.Sprintf(", about %.1f s left", elapsed/float64(b.done)*float64(b.total-b.done))
	}
	return text
}
