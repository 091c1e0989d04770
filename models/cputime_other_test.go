//go:build !linux

package models

import "time"

// threadCPU returns 0 where the thread's CPU time is not read: benchmarks
// then compare wall-clock times.
func threadCPU() time.Duration { return 0 }
