package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// brokenCase is one case of the corpus of broken inputs in
// testdata/broken: a command line, the files it reads, and what it must
// answer.
//
// A case file (NAME.case) is text: first "key: value" lines, then the files,
// each after a line "--- NAME" (its path in the case's folder) up to the
// next such line or the end. The keys:
//
//	what:      what is broken, in words
//	args:      the command line after "omnisim", split at spaces; {dir}
//	           is the case's folder, {nl} a newline (in a --set value)
//	exit:      the exit status it must end with (2 for bad input)
//	want:      a text stderr must hold (repeatable: every one, in order)
//	lacks:     a text stderr must not hold (repeatable): a message that
//	           would come second for the same mistake
//	needs:     a file that must exist for the case to run (/dev/zero):
//	           the case is skipped without it
//	unchanged: a file of the case that must be left as it was
//	           (repeatable)
//	absent:    a path in the case's folder where nothing may be
//	           written: a refused command writes nothing (repeatable)
//	holds:     "FILE: TEXT", a file the command writes (its path in the
//	           case's folder) that must hold TEXT once it has run
//	           (repeatable): for a message that goes to a file, such as
//	           a chart's note in report.html
//	before:    a command line run first, as args:, which must succeed
//	           (repeatable, in order): to make files no case can hold as
//	           text, such as part files
//	flip:      FILE OFFSET: after the before: commands, flip the lowest
//	           bit of a file's byte at OFFSET (negative: from the end)
//	cut:       FILE N: cut a file to N bytes (negative: N bytes off its
//	           end)
//	replace:   FILE OLD => NEW: replace the first OLD in a file by NEW
//
// flip:, cut: and replace: are done in the order given.
//
// A file's text ends with its last line's newline, as written in the case.
type brokenCase struct {
	name, what string
	args       []string
	exit       int
	want       []string
	lacks      []string
	needs      []string
	unchanged  []string
	absent     []string
	holds      [][2]string
	before     [][]string
	edits      []caseEdit
	files      map[string]string
	order      []string
}

// readBrokenCase reads a case file.
func readBrokenCase(path string) (*brokenCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := &brokenCase{name: strings.TrimSuffix(filepath.Base(path), ".case"), exit: -1, files: map[string]string{}}
	lines := strings.SplitAfter(string(data), "\n")
	file := ""
	for i, line := range lines {
		if name, ok := strings.CutPrefix(line, "--- "); ok {
			file = strings.TrimSpace(name)
			if _, dup := c.files[file]; dup || file == "" {
				return nil, fmt.Errorf("%s:%d: file %q given twice or unnamed", path, i+1, file)
			}
			c.files[file] = ""
			c.order = append(c.order, file)
			continue
		}
		if file != "" {
			c.files[file] += line
			continue
		}
		text := strings.TrimSpace(line)
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		key, value, ok := strings.Cut(text, ":")
		value = strings.TrimSpace(value)
		if !ok {
			return nil, fmt.Errorf("%s:%d: want key: value, not %q", path, i+1, text)
		}
		switch key {
		case "what":
			c.what = value
		case "args":
			c.args = strings.Fields(value)
		case "exit":
			n, err := strconv.Atoi(value)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: exit: %v", path, i+1, err)
			}
			c.exit = n
		case "want":
			c.want = append(c.want, value)
		case "lacks":
			c.lacks = append(c.lacks, value)
		case "needs":
			c.needs = append(c.needs, value)
		case "unchanged":
			c.unchanged = append(c.unchanged, value)
		case "absent":
			c.absent = append(c.absent, value)
		case "holds":
			file, text, ok := strings.Cut(value, ": ")
			if !ok || file == "" || text == "" {
				return nil, fmt.Errorf("%s:%d: holds: want FILE: TEXT, not %q", path, i+1, value)
			}
			c.holds = append(c.holds, [2]string{file, text})
		case "before":
			c.before = append(c.before, strings.Fields(value))
		case "flip", "cut", "replace":
			e, err := parseEdit(key, value)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
			}
			c.edits = append(c.edits, e)
		default:
			return nil, fmt.Errorf("%s:%d: unknown key %q", path, i+1, key)
		}
	}
	switch {
	case c.what == "":
		return nil, fmt.Errorf("%s: no what:", path)
	case len(c.args) == 0:
		return nil, fmt.Errorf("%s: no args:", path)
	case c.exit < 0:
		return nil, fmt.Errorf("%s: no exit:", path)
	case c.exit != exitOK && len(c.want) == 0:
		return nil, fmt.Errorf("%s: a failing case needs the message it must give (want:)", path)
	}
	for _, u := range c.unchanged {
		if _, ok := c.files[u]; !ok {
			return nil, fmt.Errorf("%s: unchanged: %s is no file of the case", path, u)
		}
	}
	for _, a := range c.absent {
		if _, ok := c.files[a]; ok {
			return nil, fmt.Errorf("%s: absent: %s is a file of the case", path, a)
		}
	}
	return c, nil
}

// TestBrokenInputs runs every case of the corpus testdata/broken: each
// broken input must end with its exit status and the messages it must
// give, in words, naming the file; never a panic; and leave the files it
// must not touch as they were.
func TestBrokenInputs(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "broken", "*.case"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no cases in testdata/broken")
	}
	for _, path := range paths {
		c, err := readBrokenCase(path)
		if err != nil {
			t.Error(err)
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			for _, n := range c.needs {
				if _, err := os.Stat(n); err != nil {
					t.Skipf("needs %s: %v", n, err)
				}
			}
			dir := t.TempDir()
			for _, name := range c.order {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(c.files[name]), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			expand := func(argv []string) []string {
				out := make([]string, len(argv))
				for i, a := range argv {
					out[i] = strings.ReplaceAll(strings.ReplaceAll(a, "{dir}", dir), "{nl}", "\n")
				}
				return out
			}
			for _, b := range c.before {
				if r := omnisim(t, expand(b)...); r.code != exitOK {
					t.Fatalf("before: %s: exit status %d\n%s", strings.Join(b, " "), r.code, r.stderr)
				}
			}
			for _, e := range c.edits {
				if err := e.apply(dir); err != nil {
					t.Fatal(err)
				}
			}
			r := omnisim(t, expand(c.args)...)
			stderr := strings.ReplaceAll(r.stderr, dir, "{dir}")
			if r.code != c.exit {
				t.Errorf("%s: exit status %d, want %d\nstderr:\n%s", c.what, r.code, c.exit, stderr)
			}
			at := 0
			for _, w := range c.want {
				i := strings.Index(stderr[at:], w)
				if i < 0 {
					t.Errorf("%s: stderr lacks %q (after what came before)\nstderr:\n%s", c.what, w, stderr)
					break
				}
				at += i + len(w)
			}
			for _, l := range c.lacks {
				if strings.Contains(stderr, l) {
					t.Errorf("%s: stderr holds %q\nstderr:\n%s", c.what, l, stderr)
				}
			}
			for _, u := range c.unchanged {
				got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(u)))
				if err != nil || string(got) != c.files[u] {
					t.Errorf("%s: %s was changed or removed (%v)", c.what, u, err)
				}
			}
			for _, a := range c.absent {
				if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(a))); err == nil {
					t.Errorf("%s: %s was written", c.what, a)
				}
			}
			for _, h := range c.holds {
				got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(h[0])))
				if err != nil || !strings.Contains(string(got), h[1]) {
					t.Errorf("%s: %s does not hold %q (%v)", c.what, h[0], h[1], err)
				}
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
				t.Errorf("%s: a panic:\n%s", c.what, r.stderr)
			}
		})
	}
}

// caseEdit is a change a case makes to a file after its before: commands:
// flip:, cut: or replace:.
type caseEdit struct {
	kind, file string
	n          int64
	old, new   string
}

// parseEdit reads the value of a flip:, cut: or replace: line.
func parseEdit(kind, value string) (caseEdit, error) {
	file, rest, ok := strings.Cut(value, " ")
	e := caseEdit{kind: kind, file: file}
	if !ok {
		return e, fmt.Errorf("%s: want FILE and what to do", kind)
	}
	if kind == "replace" {
		old, new, ok := strings.Cut(strings.TrimSpace(rest), " => ")
		if !ok || old == "" {
			return e, fmt.Errorf("replace: want FILE OLD => NEW")
		}
		e.old, e.new = old, new
		return e, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(rest), 10, 64)
	if err != nil {
		return e, fmt.Errorf("%s: %v", kind, err)
	}
	e.n = n
	return e, nil
}

// apply makes the change to the file in the case's folder dir.
func (e caseEdit) apply(dir string) error {
	p := filepath.Join(dir, filepath.FromSlash(e.file))
	data, err := os.ReadFile(p)
	if err != nil {
		return fmt.Errorf("%s: %v", e.kind, err)
	}
	at := e.n
	if at < 0 {
		at += int64(len(data))
	}
	switch {
	case e.kind == "replace":
		if !strings.Contains(string(data), e.old) {
			return fmt.Errorf("replace: %s holds no %q", e.file, e.old)
		}
		data = []byte(strings.Replace(string(data), e.old, e.new, 1))
	case at < 0 || at > int64(len(data)) || (e.kind == "flip" && at == int64(len(data))):
		return fmt.Errorf("%s: %s has %d bytes, and %d is outside them", e.kind, e.file, len(data), e.n)
	case e.kind == "flip":
		data[at] ^= 1
	case e.kind == "cut":
		data = data[:at]
	}
	return os.WriteFile(p, data, 0o644)
}
