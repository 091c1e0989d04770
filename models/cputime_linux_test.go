package models

import (
	"syscall"
	"time"
	"unsafe"
)

// processCPU returns the CPU time the process has used, on all its threads
// (clock_gettime of CLOCK_PROCESS_CPUTIME_ID, to the nanosecond; getrusage
// counts in scheduler ticks): the simulation's and the collector's, which
// works beside it on another thread, but, unlike the wall clock, not the
// time other processes of a shared machine held the processors.
func processCPU() time.Duration {
	const clockProcessCPUTime = 2
	var ts syscall.Timespec
	_, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockProcessCPUTime, uintptr(unsafe.Pointer(&ts)), 0)
	if errno != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
