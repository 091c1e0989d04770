package main

import (
	"image/gif"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnimateCommand: animate writes a GIF from a scenario or from a run's
// output folder, refuses to replace a file without --force, and rejects
// bad flags with status 2.
func TestAnimateCommand(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "slides", "phone-day.gif")
	r := omnisim(t, "animate", "phone-day", "--reps", "2", "--out", out, "--frames", "20", "--width", "480", "--height", "320")
	if r.code != exitOK || r.stdout != "" || !strings.Contains(r.stderr, "omnisim: drew "+out) {
		t.Fatalf("status %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(f)
	f.Close()
	if err != nil || len(g.Image) < 2 || len(g.Image) > 20 || g.Image[0].Bounds().Dx() != 480 {
		t.Fatalf("the GIF: %v, %d frames", err, len(g.Image))
	}
	before, _ := os.ReadFile(out)
	again := omnisim(t, "animate", "phone-day", "--reps", "2", "--out", out)
	if again.code != exitInput || !strings.Contains(again.stderr, "already exists") {
		t.Errorf("again: %d %q", again.code, again.stderr)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("a refused animate changed the file")
	}

	// From a run's output folder, the same as from the same run.
	dir := filepath.Join(tmp, "run")
	if r := omnisim(t, "run", "phone-day", "--reps", "2", "--out", dir); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	fromDir := filepath.Join(tmp, "from-dir.gif")
	if r := omnisim(t, "animate", dir, "--out", fromDir, "--frames", "20", "--width", "480", "--height", "320"); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if b, _ := os.ReadFile(fromDir); string(b) != string(before) {
		t.Error("animating the run's folder differs from animating the run")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("beside the GIF: %d entries, want only it", len(entries))
	}

	for _, bad := range []struct {
		args []string
		msg  string
	}{
		{args("--width", "100"), "--width 100"},
		{args("--frames", "1"), "--frames 1"},
		{args("--frames", "2001"), "--frames 2001: want from 2 to 2000"},
		{args("--delay", "0"), "--delay 0"},
		{args("--out", ""), "--out needs"},
		{args(dir, "--set", "seed=2"), "is a run's output folder"},
	} {
		r := omnisim(t, args("animate", "textbook", bad.args)...)
		if bad.args[0] == dir {
			r = omnisim(t, args("animate", bad.args)...)
		}
		if r.code != exitInput || !strings.Contains(r.stderr, bad.msg) {
			t.Errorf("%v: %d %q, want %d and %q", bad.args, r.code, r.stderr, exitInput, bad.msg)
		}
	}
}

// TestAnimateFolderFollowsTheStory: animating a run's output folder
// follows the channel of the story, read from the scenario the folder
// keeps, as animating the scenario does: the same bytes. (Without it the
// folder's animation follows the busiest channel, the phone, where the
// story's is social.)
//
// Seen to catch: a folder's animation that ignores its scenario.yaml.
func TestAnimateFolderFollowsTheStory(t *testing.T) {
	tmp := t.TempDir()
	// The whole four weeks: a folder of a run too short for the claims
	// keeps a scenario without them.
	reps := []string{"--reps", "2"}
	dir := filepath.Join(tmp, "run")
	if r := omnisim(t, args("run", "one-fast-channel", reps, "--out", dir)...); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	size := []string{"--frames", "12", "--width", "480", "--height", "320"}
	fromRun, fromDir := filepath.Join(tmp, "run.gif"), filepath.Join(tmp, "dir.gif")
	if r := omnisim(t, args("animate", "one-fast-channel", reps, size, "--out", fromRun)...); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if r := omnisim(t, args("animate", dir, size, "--out", fromDir)...); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	a, _ := os.ReadFile(fromRun)
	b, _ := os.ReadFile(fromDir)
	if len(a) == 0 || string(a) != string(b) {
		t.Error("animating the run's folder differs from animating the run")
	}
}
