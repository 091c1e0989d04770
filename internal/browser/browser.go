// Package browser finds the Chromium the browser tests drive (the HTML
// report's, the classroom's): for tests alone.
package browser

import (
	"os"
	"os/exec"
	"testing"
)

// Chromium returns the path of a Chromium (Debian's package chromium, or
// chromium-browser or google-chrome on PATH). Without one it skips the
// test, unless OMNISIM_BROWSER_TEST=1 says that a browser was installed
// for it (.ci/run sets it), in which case a missing browser fails.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if os.Getenv("OMNISIM_BROWSER_TEST") == "1" {
		t.Fatal("OMNISIM_BROWSER_TEST=1 but no chromium, chromium-browser or google-chrome on PATH " +
			"(.ci/run installs Debian's chromium before it sets the variable)")
	}
	t.Skip("no Chromium on PATH; install Debian's chromium, or set OMNISIM_BROWSER_TEST=1 to make this a failure")
	return ""
}
