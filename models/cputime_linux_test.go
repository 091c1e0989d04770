package models

import (
	"syscall"
	"time"
	"unsafe"
)

// threadCPU returns the CPU time the calling thread has used
// (clock_gettime of CLOCK_THREAD_CPUTIME_ID, to the nanosecond; getrusage
// counts in scheduler ticks), which, unlike the wall clock, leaves out the
// time other processes of a shared machine held the processor.
func threadCPU() time.Duration {
	const clockThreadCPUTime = 3
	var ts syscall.Timespec
	_, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0)
	if errno != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
