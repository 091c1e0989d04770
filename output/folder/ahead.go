package folder

import (
	"bytes"
	"errors"
	"io"
	"iter"
	"runtime"

	"github.com/omnisim/omnisim/output"
)

// drawnAhead yields files in their order, each file marked Ahead made in
// memory beforehand, on up to GOMAXPROCS goroutines at once, while the
// files before it are written: a folder's charts are drawn on every core
// instead of one after the other. The bytes of each file are those its
// Write writes, whatever the order the goroutines run in. A file drawn
// ahead is yielded with a Write that copies its bytes, or returns the
// error its own Write returned, and its bytes are let go once the
// consumer takes the next file: that Write may be called only until then.
func drawnAhead(files []output.File) iter.Seq[output.File] {
	return func(yield func(output.File) bool) {
		type drawn struct {
			done chan struct{}
			b    bytes.Buffer
			err  error
		}
		ahead := make([]*drawn, len(files))
		var todo []int
		for i, f := range files {
			if f.Ahead {
				ahead[i] = &drawn{done: make(chan struct{})}
				todo = append(todo, i)
			}
		}
		// Workers take the files in order, so that the first is ready
		// first; stop tells them to take no more once the writer has
		// given up.
		next := make(chan int, len(todo))
		for _, i := range todo {
			next <- i
		}
		close(next)
		stop := make(chan struct{})
		defer close(stop)
		for range min(len(todo), runtime.GOMAXPROCS(0)) {
			go func() {
				for i := range next {
					d := ahead[i]
					select {
					case <-stop:
						d.err = errStopped
					default:
						d.err = files[i].Write(&d.b)
					}
					close(d.done)
				}
			}()
		}
		for i, f := range files {
			if d := ahead[i]; d != nil {
				<-d.done
				f.Write = func(w io.Writer) error {
					if d.err != nil {
						return d.err
					}
					_, err := w.Write(d.b.Bytes())
					return err
				}
			}
			if !yield(f) {
				return
			}
			if d := ahead[i]; d != nil {
				// Written: its bytes are garbage now, not live until
				// the folder's last file (a 365-day folder's charts and
				// report, 12 MB, under the folder's memory limit).
				ahead[i] = nil
				d.b = bytes.Buffer{}
			}
		}
	}
}

// errStopped is the error of a file left undrawn because the folder's
// writing stopped before its turn.
var errStopped = errors.New("output: the folder's writing stopped first")
