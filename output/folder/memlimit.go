package folder

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// folderMemory is the soft memory limit (debug.SetMemoryLimit) while a
// folder is made and written, unless twice the heap live when it starts is
// more: issue 20 asks a 365-day baseline to stay under 100 MiB resident.
// Go lets its heap grow to twice what is live before it collects; the
// folder's tables and charts, and their drawing, would take a 365-day
// baseline to 172-178 MiB. Under this limit it peaks at 94 MiB, the
// collector working harder for it (0.2 to 0.4 s of processor time).
const folderMemory = 80 << 20

// limits counts the folders being written, and holds the limit there was
// before the first.
var limits struct {
	sync.Mutex
	writing int
	before  int64
}

// LimitMemory sets the soft memory limit for a folder's writing (see
// folderMemory) and returns what restores the one before, once every
// folder being written is done: a lower limit stays. Write calls it; call it before making the
// folder's tables and charts too (Dataset, VisualFiles), for they take
// memory as well. A limit the user set (GOMEMLIMIT) is left
// as it is.
func LimitMemory() (restore func()) {
	limits.Lock()
	defer limits.Unlock()
	if limits.writing == 0 {
		if os.Getenv("GOMEMLIMIT") != "" {
			return func() {}
		}
		limits.before = debug.SetMemoryLimit(-1)
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		limit := int64(folderMemory)
		if s[0].Value.Kind() == metrics.KindUint64 {
			limit = max(limit, 2*int64(min(s[0].Value.Uint64(), math.MaxInt64/4)))
		}
		debug.SetMemoryLimit(min(limit, limits.before))
	}
	limits.writing++
	return func() {
		limits.Lock()
		defer limits.Unlock()
		if limits.writing--; limits.writing == 0 {
			debug.SetMemoryLimit(limits.before)
		}
	}
}
