//go:build unix

package classroom

import (
	"context"
	"fmt"
	"github.com/omnisim/omnisim/internal/browser"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser test opens the classroom in headless Chromium, driven over
// the DevTools protocol by chromedp (a maintained driver does this better
// than code of ours would): it needs Chromium (Debian's package chromium),
// and is skipped without one unless OMNISIM_BROWSER_TEST=1 says one was
// installed for it (.ci/run sets it), in which case a missing browser
// fails, as output/report's browser test does. OMNISIM_CLASSROOM_DIR keeps
// its screenshot in that folder instead of a temporary one.

// browse starts headless Chromium and returns a tab's context, and the
// console's errors and the page's exceptions as they come.
func browse(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser.Chromium(t)), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1280, 1400))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser and opens the tab
		t.Fatalf("starting Chromium: %v", err)
	}
	var mu sync.Mutex
	var problems []string
	watchConsole(ctx, func(s string) {
		mu.Lock()
		problems = append(problems, s)
		mu.Unlock()
	})
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), problems...)
	}
}

// watchConsole calls note with every error, warning and failed assertion
// a tab's console shows, and every exception its page throws.
func watchConsole(ctx context.Context, note func(string)) {
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			switch ev.Type {
			case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeWarning, runtime.ConsoleAPICalledTypeAssert:
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				note(fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		}
	}()
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			note(fmt.Sprintf("exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, text))
		}
	}()
}

// waitFor polls a JavaScript condition until it is true.
func waitFor(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))
}

// TestClassroomInBrowser loads the page as a trainer would, picks a
// story from the list, plays it, moves a pool's slider with the keyboard,
// and checks that B reran with the change (its label, its link, its
// figures), that the verdicts of both sides appear, and that nothing went
// to the console; then opens a bad link and checks the page says what is
// wrong. It saves a screenshot.
func TestClassroomInBrowser(t *testing.T) {
	ctx, problems := browse(t)
	_, base := testServer(t, Options{})
	dir := os.Getenv("OMNISIM_CLASSROOM_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	start := time.Now()
	text := func(sel string) string {
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: %v (console: %v)", sel, err, problems())
		}
		return s
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		waitFor(`document.querySelectorAll('#story option').length > 5`),
		chromedp.SetValue(chromedp.ID("story"), "fix-the-basics"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('story').dispatchEvent(new Event('change'))`),
		waitFor(`location.search.includes('story=fix-the-basics') && document.querySelectorAll('#verdict .verdict-side:nth-child(2) .claim').length > 0`),
		chromedp.Click(chromedp.ID("play")),
		waitFor(`document.getElementById('clock').textContent.startsWith('Day')`),
		// Keyboard: focus the first pool's slider and step it up once.
		chromedp.Focus(chromedp.CSS("#pools input[type=range]")),
		chromedp.KeyEvent(kb.ArrowRight),
		waitFor(`document.querySelector('#side-1 .side-label').textContent.includes('.add=1')`),
		waitFor(`document.querySelector('#side-1 .status').textContent.includes('replications') && document.querySelectorAll('#verdict .verdict-side:nth-child(2) .claim').length > 0`),
		waitFor(`document.querySelectorAll('#side-1 tbody tr').length > 0`),
	)
	if err != nil {
		t.Fatalf("%v (console: %v)", err, problems())
	}
	t.Logf("the story picked, played, a slider moved and B judged again in %s; clock %q", time.Since(start).Round(time.Millisecond), text("#clock"))
	link, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("link")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(link, "story=fix-the-basics") || !strings.Contains(link, "agents.") {
		t.Errorf("the link %q does not carry the story and the slider's change", link)
	}
	if v := text("#verdict"); !strings.ContainsAny(v, "✓✗?") {
		t.Errorf("the verdict has no marks: %q", v)
	}
	// The view moves on: at 3 days in 10 s, the clock reaches the
	// middle of a day, where the screenshot shows customers and agents.
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("speed"), "3"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('speed').dispatchEvent(new Event('change'))`),
		waitFor(`(() => { const m = document.getElementById('clock').textContent.match(/ (\d\d):\d\d$/); return m && +m[1] >= 11 && +m[1] <= 15; })()`),
		chromedp.Click(chromedp.ID("play")),
		waitFor(`document.getElementById('play').textContent === 'Play'`),
	)
	if err != nil {
		t.Fatalf("the clock did not reach midday: %v (clock %q, console: %v)", err, text("#clock"), problems())
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 writes a PNG
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "classroom.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", shot, len(png))

	// Hidden, the page lets its event stream go; shown again, it takes it
	// up and the clock moves on.
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`Object.defineProperty(document, 'hidden', {value: true, configurable: true}); document.dispatchEvent(new Event('visibilitychange'))`),
		waitFor(`events === null`),
		chromedp.Click(chromedp.ID("play")),
		chromedp.Evaluate[chromedp.Void](`window.shownAt = document.getElementById('clock').textContent; Object.defineProperty(document, 'hidden', {value: false, configurable: true}); document.dispatchEvent(new Event('visibilitychange'))`),
		waitFor(`events !== null && events.readyState === EventSource.OPEN && document.getElementById('clock').textContent !== window.shownAt`),
	)
	if err != nil {
		t.Fatalf("hiding and showing the page: %v (clock %q, console: %v)", err, text("#clock"), problems())
	}

	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/?story=fix-the-basics&volume=900"),
		waitFor(`!document.getElementById('error').hidden`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if msg := text("#error"); !strings.Contains(msg, "volume=900") {
		t.Errorf("a bad link shows %q, want what is wrong with volume=900", msg)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("the console:\n%s", strings.Join(p, "\n"))
	}
}

// TestManyPagesInBrowser opens 20 pages of the classroom at once, each
// with a session of its own, plays each, and checks that every page's
// clock moves on while all 20 play (the server keeping up with them all),
// with nothing in any console. The pages are 5 tabs in each of 4 headless
// Chromiums: a browser opens at most 6 connections to one host over
// HTTP/1.1, and each page holds one for its events (docs/classroom.md).
func TestManyPagesInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("20 pages in a browser")
	}
	const browsers, perBrowser = 4, 5
	const pages = browsers * perBrowser
	_, base := testServer(t, Options{})
	var mu sync.Mutex
	var notes []string
	var tabs []context.Context
	var consoles []func() []string
	for range browsers {
		ctx, problems := browse(t)
		consoles = append(consoles, problems)
		tabs = append(tabs, ctx)
		for range perBrowser - 1 {
			tab, cancel := chromedp.NewContext(ctx)
			t.Cleanup(cancel)
			if err := chromedp.Do(tab); err != nil {
				t.Fatalf("a tab: %v", err)
			}
			i := len(tabs)
			watchConsole(tab, func(s string) {
				mu.Lock()
				notes = append(notes, fmt.Sprintf("page %d: %s", i, s))
				mu.Unlock()
			})
			tabs = append(tabs, tab)
		}
	}
	problems := func() []string {
		var all []string
		for _, c := range consoles {
			all = append(all, c()...)
		}
		return all
	}
	clock := func(i int) string {
		s, err := chromedp.Run(tabs[i], chromedp.Evaluate[string](`document.getElementById('clock').textContent`))
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		return s
	}
	// Open and play every page, then read every clock twice, two seconds
	// apart. The story runs 7 days, 70 s of play at the slowest speed:
	// the first pages must still be playing when the last has opened,
	// however long that takes on a busy machine (phone-day's one day ended
	// before 20 pages had opened at a load of 12).
	var wg sync.WaitGroup
	errs := make([]error, pages)
	for i := range tabs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = chromedp.Do(tabs[i],
				chromedp.Navigate(base+"/?story=textbook"),
				waitFor(`document.querySelectorAll('#side-1 tbody tr').length > 0`),
				chromedp.Click(chromedp.ID("play")),
				waitFor(`document.getElementById('clock').textContent.startsWith('Day')`),
			)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("page %d: %v (console: %v)", i, err, problems())
		}
	}
	first := make([]string, pages)
	for i := range tabs {
		first[i] = clock(i)
	}
	time.Sleep(2 * time.Second)
	for i := range tabs {
		if now := clock(i); now == first[i] {
			t.Errorf("page %d: the clock stayed at %q for 2 s while 20 pages played", i, now)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(notes) > 0 || len(problems()) > 0 {
		t.Errorf("the consoles:\n%s\n%s", strings.Join(notes, "\n"), strings.Join(problems(), "\n"))
	}
}
