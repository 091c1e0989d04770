//go:build linux

package chart

import "testing"

// TestTHPAdvised: huge pages are advised only where the kernel's mode is
// always or madvise and its huge pages are of 2 MiB; otherwise the pixels
// are Go's, as elsewhere.
func TestTHPAdvised(t *testing.T) {
	for _, c := range []struct {
		enabled, size string
		want          bool
	}{
		{"always [madvise] never\n", "2097152\n", true},
		{"[always] madvise never\n", "2097152\n", true},
		{"always madvise [never]\n", "2097152\n", false},
		{"always [madvise] never\n", "536870912\n", false},
		{"", "", false},
		{"always madvise never\n", "2097152\n", false},
		{"always [madvise never\n", "2097152\n", false},
	} {
		if got := thpAdvised(c.enabled, c.size); got != c.want {
			t.Errorf("thpAdvised(%q, %q) = %v, want %v", c.enabled, c.size, got, c.want)
		}
	}
}
