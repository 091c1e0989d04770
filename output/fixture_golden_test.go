package output

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var Update = flag.Bool("update", false, "rewrite the golden files under testdata")

// checkGolden compares got with testdata/name, or rewrites it with -update.
func CheckGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *Update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("output differs from %s (go test -update rewrites it):\nline %d:\n got %q\nwant %q", path, i+1, g, w)
			}
		}
	}
}

// fraction matches the numbers of JSON text that have a fractional part or
// an exponent.
var fraction = regexp.MustCompile(`-?[0-9]+(\.[0-9]+)?[eE][-+]?[0-9]+|-?[0-9]+\.[0-9]+`)

// fixedPrecision rounds every such number to 9 significant digits, so that
// the golden file does not depend on the last bits of float arithmetic
// (which fused multiply-adds may change from one processor to another).
func FixedPrecision(s string) string {
	return fraction.ReplaceAllStringFunc(s, func(num string) string {
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return num
		}
		return strconv.FormatFloat(v, 'g', 9, 64)
	})
}
