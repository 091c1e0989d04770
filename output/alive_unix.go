//go:build unix

package output

import (
	"errors"
	"os"
	"syscall"
)

// processAlive tells whether the process pid is running: signal 0 checks
// without sending anything. A process of another user's (EPERM) is
// running too.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
