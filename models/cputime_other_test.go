//go:build !linux

package models

import "time"

// processCPU returns 0 where the process's CPU time is not read:
// benchmarks then compare wall-clock times.
func processCPU() time.Duration { return 0 }
