package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// hunk is the header of a unified diff's hunk: "@@ -a,b +c,d @@", where
// the new file's lines c to c+d-1 are changed (d omitted means 1).
var hunk = regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@`)

// changedLines is, by file (relative to the module root, with slashes), the
// lines of the work tree that differ from base, as git diff says.
func changedLines(root, base string) (map[string]map[int]bool, error) {
	cmd := exec.Command("git", "diff", "--no-color", "--no-ext-diff", "-U0", base, "--", "*.go")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git diff %s: %v: %s", base, err, strings.TrimSpace(stderr.String()))
	}
	return parseDiff(out), nil
}

func parseDiff(out []byte) map[string]map[int]bool {
	changed := map[string]map[int]bool{}
	var file string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if name, ok := strings.CutPrefix(line, "+++ "); ok {
			file = ""
			if name, ok := strings.CutPrefix(name, "b/"); ok {
				file = name
				changed[file] = map[int]bool{}
			}
			continue
		}
		h := hunk.FindStringSubmatch(line)
		if h == nil || file == "" {
			continue
		}
		start, _ := strconv.Atoi(h[1])
		n := 1
		if h[2] != "" {
			n, _ = strconv.Atoi(h[2])
		}
		for l := start; l < start+n; l++ {
			changed[file][l] = true
		}
	}
	return changed
}
