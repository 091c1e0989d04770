//go:build unix

package report_test

import (
	"bytes"
	"context"
	find "github.com/omnisim/omnisim/internal/browser"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/output/report"
)

// The browser test opens the report in headless Chromium, as a trainer's
// browser would: it must load with nothing in the console, show every
// chart, and look like something. It needs Chromium (Debian's package
// chromium); without one it is skipped, unless OMNISIM_BROWSER_TEST=1 says
// that a browser was installed for it (.ci/run sets it), in which case a
// missing browser fails. OMNISIM_REPORT_DIR keeps the report and its
// screenshot in that folder instead of a temporary one.

// browser runs headless Chromium on files of dir.
type browser struct {
	path, dir string
	runs      int
}

// run runs Chromium with args after the flags every run takes: headless,
// no sandbox (CI runs as root), no GPU, nothing that reaches the network on
// its own (this machine's network is closed, and a report must not need
// it), a fresh profile, and the console written to stderr. It gives up
// after 60 s, and kills what is left of the browser when it returns.
func (b *browser) run(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	b.runs++
	profile := filepath.Join(b.dir, "profile-"+string(rune('a'+b.runs-1)))
	flags := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + profile, "--hide-scrollbars", "--enable-logging=stderr", "--v=0"}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.path, append(flags, args...)...)
	// Chromium starts helper processes; a group of their own lets the
	// test end them all, by the group's id, and only them.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	if ctx.Err() != nil {
		t.Fatalf("chromium %s: no answer in 60 s\n%s", strings.Join(args, " "), errOut.String())
	}
	if err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.String(), errOut.String()
}

// consoleRE matches the lines in which Chromium writes a page's console
// messages to stderr: "[...:INFO:CONSOLE:12] "message", source: file:///...
// (12)" (older versions write CONSOLE(12)).
var consoleRE = regexp.MustCompile(`:CONSOLE[:(]|Uncaught `)

// consoleMessages returns the console messages of a page in Chromium's
// stderr. Chromium writes every console message at level INFO, whatever
// its severity, so an error cannot be told from a log by its line; but the
// report runs no script, so whatever its console says comes from the
// browser itself: a request the page's policy blocked, a resource that
// failed, a script error. Every message counts as an error.
func consoleMessages(stderr string) []string {
	var out []string
	for _, line := range strings.Split(stderr, "\n") {
		if consoleRE.MatchString(line) {
			out = append(out, line)
		}
	}
	return out
}

// probeScript, added to a copy of the report, writes into the page what
// the DOM alone cannot say: whether every chart's image was decoded (a
// broken image puts nothing in the console), and whether the page is wider
// than the window.
const probeScript = `<script>
window.addEventListener("load", () => {
  const imgs = [...document.querySelectorAll("figure img")];
  const broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.closest("figure").id);
  const wide = document.documentElement.scrollWidth > window.innerWidth;
  document.body.setAttribute("data-probe", "images=" + imgs.length + " broken=" + broken.join(",") + " wide=" + wide);
});
</script>
`

var cspMetaRE = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="[^"]*">`)

// TestReportInBrowser renders the report of a small real run in headless
// Chromium: the page loads with an empty console, its DOM has every chart
// figure with its image, every image decodes, the page fits a projector's
// 1366 pixels, and a screenshot shows more than a blank page.
func TestReportInBrowser(t *testing.T) {
	chromium := find.Chromium(t)
	dir := t.TempDir()
	if keep := os.Getenv("OMNISIM_REPORT_DIR"); keep != "" {
		if err := os.MkdirAll(keep, 0o755); err != nil {
			t.Fatal(err)
		}
		dir = keep
	}
	b := &browser{path: chromium, dir: t.TempDir()}

	ds := fixture.ReportDataset(t, fixture.ReportWorld())
	charts := report.ChartsOf(ds)
	var page bytes.Buffer
	if err := report.WriteRun(&page, ds, charts); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + file

	t.Run("the console catches a page that reaches out", func(t *testing.T) {
		// The check below is worth something only if this browser writes
		// its console to stderr: a page that breaks the report's policy
		// must show there.
		meta := cspMetaRE.FindString(page.String())
		if meta == "" {
			t.Fatal("the report has no Content-Security-Policy")
		}
		bad := filepath.Join(b.dir, "bad.html")
		html := meta + `<p>x</p><img src="https://example.invalid/x.png">`
		if err := os.WriteFile(bad, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr := b.run(t, "--dump-dom", "file://"+bad)
		if len(consoleMessages(stderr)) == 0 {
			t.Fatalf("a blocked request left nothing in the console: the console check cannot see errors\n%s", stderr)
		}
	})

	t.Run("loads with an empty console and every chart", func(t *testing.T) {
		dom, stderr := b.run(t, "--window-size=1366,900", "--dump-dom", url)
		if msgs := consoleMessages(stderr); len(msgs) > 0 {
			t.Errorf("the console is not empty:\n%s", strings.Join(msgs, "\n"))
		}
		figures := map[string]string{}
		for _, m := range report.FigureRE.FindAllStringSubmatch(dom, -1) {
			figures[m[1]] = m[2]
		}
		for _, c := range charts {
			body, ok := figures["chart-"+c.Name]
			switch {
			case !ok:
				t.Errorf("the DOM has no figure chart-%s", c.Name)
			case !strings.Contains(body, `<img src="data:image/svg+xml;base64,`):
				t.Errorf("figure chart-%s has no SVG image in the DOM", c.Name)
			case !strings.Contains(dom, `<a href="#chart-`+c.Name+`">`):
				t.Errorf("the DOM has no link to chart-%s", c.Name)
			}
		}
		for _, ch := range ds.Meta.Channels {
			if !strings.Contains(dom, `<section id="days-`+ch.Name+`">`) || !strings.Contains(dom, `id="finding-`+ch.Name+`"`) {
				t.Errorf("channel %s has no findings or no table in the DOM", ch.Name)
			}
		}
	})

	t.Run("every image decodes and the page fits", func(t *testing.T) {
		if got, want := b.probe(t, page.Bytes(), "probe"), "images="+strconv.Itoa(len(charts))+" broken= wide=false"; got != want {
			t.Errorf("probe: %s, want %s (broken: figures whose image did not decode; wide: a page wider than 1366 px)", got, want)
		}
	})

	t.Run("screenshot", func(t *testing.T) {
		shot := filepath.Join(dir, "report.png")
		_, stderr := b.run(t, "--window-size=1366,900", "--screenshot="+shot, url)
		if msgs := consoleMessages(stderr); len(msgs) > 0 {
			t.Errorf("the console is not empty:\n%s", strings.Join(msgs, "\n"))
		}
		f, err := os.Open(shot)
		if err != nil {
			t.Fatalf("no screenshot: %v\n%s", err, stderr)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatalf("the screenshot is not a PNG: %v", err)
		}
		if err := notBlank(img); err != "" {
			t.Errorf("the screenshot %s looks blank: %s", shot, err)
		}
		t.Logf("screenshot: %s", shot)
	})
}

// notBlank says why img looks blank, or "" if it does not: a page of text
// and a coloured header has many colours (anti-aliased text alone gives
// dozens), and no one colour covers nearly all of it.
func notBlank(img image.Image) string {
	r := img.Bounds()
	if r.Dx() < 100 || r.Dy() < 100 {
		return "it is " + strconv.Itoa(r.Dx()) + "×" + strconv.Itoa(r.Dy()) + " pixels"
	}
	counts := map[[4]uint32]int{}
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			cr, cg, cb, ca := img.At(x, y).RGBA()
			counts[[4]uint32{cr >> 8, cg >> 8, cb >> 8, ca >> 8}]++
		}
	}
	total, top := 0, 0
	for _, n := range counts {
		total += n
		top = max(top, n)
	}
	switch {
	case len(counts) < 32:
		return "only " + strconv.Itoa(len(counts)) + " colours"
	case top > total*97/100:
		return "one colour covers more than 97 % of it"
	}
	return ""
}

// TestOtherReportsInBrowser renders a comparison's, a sweep's, a
// staffing search's and a demo's report.html (a story, its A/B charts
// drawn by chart.Claims) in headless Chromium: each loads with an empty console,
// every chart's image decodes, and the page fits a projector's 1366
// pixels.
func TestOtherReportsInBrowser(t *testing.T) {
	chromium := find.Chromium(t)
	b := &browser{path: chromium, dir: t.TempDir()}
	sweep := fixture.FakeSweep(t, 3, nil, []string{"1", "2", "4"}, "0.3", "0.5")
	compare := fixture.CompareOf(4, true)
	story := fixture.StoryDataset(t)
	for _, tc := range []struct {
		name   string
		files  []output.File
		charts int
	}{
		{"compare", folder.CompareFiles(compare, "test"), len(chart.Compare(compare.Comparison))},
		{"sweep", folder.SweepFiles(sweep, "test"), len(sweep.Chosen)},
		{"staff", folder.StaffFiles(staffOf(t), "test"), 1},
		{"story", folder.VisualFiles(story), len(chart.Run(story))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var page []byte
			for _, f := range tc.files {
				if f.Name == folder.ReportFile {
					var buf bytes.Buffer
					if err := f.Write(&buf); err != nil {
						t.Fatal(err)
					}
					page = buf.Bytes()
				}
			}
			if page == nil {
				t.Fatal("the folder has no report.html")
			}
			if got, want := b.probe(t, page, tc.name), "images="+strconv.Itoa(tc.charts)+" broken= wide=false"; got != want || tc.charts == 0 {
				t.Errorf("probe: %s, want %s", got, want)
			}
		})
	}
}

// probe loads page with probeScript added (and allowed by its policy) at
// a projector's 1366 pixels, checks that the console stays empty, and
// returns what the script found: "images=N broken=IDS wide=BOOL".
func (b *browser) probe(t *testing.T, page []byte, name string) string {
	t.Helper()
	csp := strings.ReplaceAll(report.CSP, "'", "&#39;")
	probe := cspMetaRE.ReplaceAllLiteralString(string(page),
		`<meta http-equiv="Content-Security-Policy" content="`+csp+`; script-src &#39;unsafe-inline&#39;">`)
	probe = strings.Replace(probe, "</body>", probeScript+"</body>", 1)
	path := filepath.Join(b.dir, name+".html")
	if err := os.WriteFile(path, []byte(probe), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, stderr := b.run(t, "--window-size=1366,900", "--dump-dom", "file://"+path)
	if msgs := consoleMessages(stderr); len(msgs) > 0 {
		t.Errorf("the console is not empty:\n%s", strings.Join(msgs, "\n"))
	}
	m := regexp.MustCompile(`data-probe="([^"]*)"`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatal("the probe did not run: no data-probe in the DOM")
	}
	return m[1]
}
