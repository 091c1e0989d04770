package classroom

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// testServer starts a server on the loopback, on any free port, and
// returns its base URL; it is shut down when the test ends, and must be
// by then.
func testServer(t *testing.T, opts Options) (*Server, string) {
	t.Helper()
	if opts.Library == nil {
		opts.Library = testLibrary
	}
	if opts.OutDir == "" {
		opts.OutDir = t.TempDir()
	}
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Error("the server did not shut down within 20 s")
		}
	})
	return srv, "http://" + ln.Addr().String()
}

// post sends a POST and returns the status and the JSON answer.
func post(t *testing.T, url string) (int, map[string]string) {
	t.Helper()
	resp, err := http.Post(url, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]string
	if resp.StatusCode != http.StatusNoContent {
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatalf("POST %s: status %d, an answer that is not JSON: %v", url, resp.StatusCode, err)
		}
	}
	return resp.StatusCode, body
}

// TestBadRequests sends what a page or a hand-edited link might: every bad
// one gets 400 (404 for a session that is not there) and a message in
// words, and the server goes on serving.
func TestBadRequests(t *testing.T) {
	_, base := testServer(t, Options{})
	code, body := post(t, base+"/api/sessions?story=phone-day")
	if code != http.StatusCreated {
		t.Fatalf("a good session: status %d, %v", code, body)
	}
	id := body["id"]
	cases := []struct {
		url, want string
		code      int
	}{
		{"/api/sessions?story=nope", `no story named "nope"`, 400},
		{"/api/sessions?story=phone-day&agents.agents=99", "from -50 to +50", 400},
		{"/api/sessions/" + id + "/settings?story=phone-day&volume=abc", "volume=abc", 400},
		{"/api/sessions/" + id + "/control?speed=9", "speed=9", 400},
		{"/api/sessions/" + id + "/control?day=99", "days 1 to 1", 400},
		{"/api/sessions/" + id + "/control?play=maybe", "want on or off", 400},
		{"/api/sessions/" + id + "/control?rewind=1", "not a playback control", 400},
		{"/api/sessions/nope/settings?story=phone-day", "reload the page", 404},
	}
	for _, c := range cases {
		code, body := post(t, base+c.url)
		if code != c.code || !strings.Contains(body["error"], c.want) {
			t.Errorf("%s: status %d, %q; want %d with %q", c.url, code, body["error"], c.code, c.want)
		}
	}
	resp, err := http.Post(base+"/api/sessions?story=phone-day", "text/plain", strings.NewReader(strings.Repeat("x", 10*maxBody)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if code, _ := post(t, base+"/api/sessions/"+id+"/control?play=on"); code != http.StatusNoContent {
		t.Errorf("after the bad requests, a good one: status %d", code)
	}
}

// event is one server-sent event.
type event struct {
	name string
	data []byte
}

// listen reads a session's events until ctx ends, handing each to got.
func listen(ctx context.Context, url string, got func(event)) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		return errors.New("content type " + ct)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 8<<20)
	var ev event
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.data = []byte(strings.TrimPrefix(line, "data: "))
		case line == "" && ev.name != "":
			got(ev)
			ev = event{}
		}
	}
	if ctx.Err() != nil {
		return nil
	}
	return sc.Err()
}

// TestManyViewers opens 20 pages' event streams at once on the loopback,
// each its own session of one story playing a week in 10 s, and one slow
// page that never reads. Every reading page must get frames at the
// playback's pace (at least half the ticks: the server does not fall
// behind), and the slow page must cost the others nothing: its frames are
// skipped, not queued (the server's memory stays bounded).
func TestManyViewers(t *testing.T) {
	if testing.Short() {
		t.Skip("20 pages for 4 s")
	}
	const viewers, watch = 20, 4 * time.Second
	tick := 100 * time.Millisecond
	srv, base := testServer(t, Options{Tick: tick})
	ids := make([]string, viewers+1)
	for i := range ids {
		code, body := post(t, base+"/api/sessions?story=one-fast-channel")
		if code != http.StatusCreated {
			t.Fatalf("session %d: %d %v", i, code, body)
		}
		ids[i] = body["id"]
	}
	// The slow page: it connects and never reads.
	slow, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	io.WriteString(slow, "GET /api/sessions/"+ids[viewers]+"/events HTTP/1.1\r\nHost: x\r\n\r\n")
	post(t, base+"/api/sessions/"+ids[viewers]+"/control?play=on&speed=7")

	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ctx, cancel := context.WithTimeout(context.Background(), watch+30*time.Second)
	defer cancel()
	frames := make([]int, viewers)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for i := 0; i < viewers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var until time.Time
			lctx, stop := context.WithCancel(ctx)
			defer stop()
			err := listen(lctx, base+"/api/sessions/"+ids[i]+"/events", func(ev event) {
				if ev.name == "state" && until.IsZero() {
					var st stateMsg
					if json.Unmarshal(ev.data, &st) == nil && st.Sides[0].Status != statusRunning && st.Sides[1].Status != statusRunning {
						// Both sides have frames: play, and count for watch.
						until = time.Now().Add(watch)
						go func() {
							if resp, err := http.Post(base+"/api/sessions/"+ids[i]+"/control?play=on&speed=7", "", nil); err == nil {
								resp.Body.Close()
							}
						}()
					}
				}
				if ev.name == "frame" && !until.IsZero() {
					if time.Now().After(until) {
						stop()
						return
					}
					mu.Lock()
					frames[i]++
					mu.Unlock()
				}
			})
			if err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	ticks := int(watch / tick)
	least := ticks
	for i, n := range frames {
		least = min(least, n)
		if n < ticks/2 {
			t.Errorf("page %d got %d frames in %s, want at least half the %d ticks", i, n, watch, ticks)
		}
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	grew := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("20 pages: the slowest got %d frames of %d ticks in %s; heap grew %.1f MB; %d sessions", least, ticks, watch, float64(grew)/1e6, srv.Sessions())
	if grew > 200<<20 {
		t.Errorf("the heap grew %d MB with 21 pages: frames are being queued", grew>>20)
	}
}

// TestShutdown starts a server whose session is running a story, then
// ends its context as Ctrl-C does: Serve returns nil, the runs stop, and
// the port is closed.
func TestShutdown(t *testing.T) {
	srv, err := New(Options{Library: testLibrary, OutDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	code, body := post(t, "http://"+addr+"/api/sessions?story=word-of-mouth")
	if code != http.StatusCreated {
		t.Fatalf("%d %v", code, body)
	}
	lctx, stop := context.WithCancel(context.Background())
	defer stop()
	streamDone := make(chan error, 1)
	go func() {
		streamDone <- listen(lctx, "http://"+addr+"/api/sessions/"+body["id"]+"/events", func(event) {})
	}()
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return within 10 s of the cancel")
	}
	t.Logf("shut down in %s", time.Since(start).Round(time.Millisecond))
	select {
	case <-streamDone:
	case <-time.After(5 * time.Second):
		t.Error("a page's event stream was left open")
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Error("the port still takes connections after the shutdown")
	}
	if n := srv.Sessions(); n != 0 {
		t.Errorf("%d sessions left", n)
	}
}

// TestExport writes B's folder twice: two new folders, the second beside
// the first (never over it), each with the report, the scenario as run
// with B's overrides and the link.
func TestExport(t *testing.T) {
	out := t.TempDir()
	srv, err := New(Options{Library: testLibrary, OutDir: out, Version: "test",
		Now: func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.close()
	story := testLibrary.Lookup("phone-day")
	st, err := ParseSettings("story=phone-day&agents.agents=2", testLibrary)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for range 2 {
		dir, err := srv.Export(context.Background(), story, st, "http://127.0.0.1:8080/?story=phone-day&agents.agents=2")
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	want := []string{filepath.Join(out, "phone-day-classroom-20261207-090000"), filepath.Join(out, "phone-day-classroom-20261207-090000-2")}
	for i, dir := range dirs {
		if dir != want[i] {
			t.Errorf("export %d went to %s, want %s", i+1, dir, want[i])
		}
		for _, f := range []string{"report.html", "summary.json", "compare.csv", "scenario-a.yaml", "scenario-b.yaml", LinkFile,
			"b/report.html", "b/summary.json", "b/intervals.csv", "b/scenario.yaml"} {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
	link, _ := os.ReadFile(filepath.Join(dirs[0], LinkFile))
	for _, want := range []string{"agents.agents=2", "omnisim compare phone-day phone-day --seed 1 --reps 10 --set-b pools.agents.add=2",
		"omnisim demo phone-day --seed 1 --set pools.agents.add=2"} {
		if !strings.Contains(string(link), want) {
			t.Errorf("%s lacks %q:\n%s", LinkFile, want, link)
		}
	}
	for name, want := range map[string]bool{"b/scenario.yaml": true, "scenario-b.yaml": true, "scenario-a.yaml": false} {
		yaml, _ := os.ReadFile(filepath.Join(dirs[0], name))
		if got := strings.Contains(string(yaml), "add: 2"); got != want {
			t.Errorf("%s has B's change (add: 2): %v, want %v:\n%.600s", name, got, want, yaml)
		}
	}
	// The comparison is of A and B on the same customers: its table has
	// the agents' difference, and the report says A and B.
	csv, _ := os.ReadFile(filepath.Join(dirs[0], "compare.csv"))
	report, _ := os.ReadFile(filepath.Join(dirs[0], "report.html"))
	if len(csv) == 0 || !strings.Contains(string(report), "pools.agents.add=2") {
		t.Errorf("the comparison: compare.csv of %d bytes, report.html naming B's change: %v", len(csv), strings.Contains(string(report), "pools.agents.add=2"))
	}
}

// TestSlowPageSkipsFrames offers a page that does not read a thousand
// frames: it holds the last one alone, and counts the rest skipped, so
// that a slow page costs the server one frame of memory, not a queue.
func TestSlowPageSkipsFrames(t *testing.T) {
	sub := newSubscriber()
	for i := range 1000 {
		sub.offer("frame", []byte{byte(i)})
	}
	sub.offer("state", []byte("s1"))
	sub.offer("state", []byte("s2"))
	state, frame := sub.take()
	if string(state) != "s2" || len(frame) != 1 || frame[0] != byte(999%256) {
		t.Errorf("took state %q and frame %v, want the latest of each", state, frame)
	}
	if n := sub.Skipped(); n != 999 {
		t.Errorf("skipped %d frames, want 999", n)
	}
	if state, frame := sub.take(); state != nil || frame != nil {
		t.Error("a second take found events already taken")
	}
}
