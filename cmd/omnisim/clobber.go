package main

import (
	"os"
	"path/filepath"
	"strings"
)

// notAnInput refuses to write output, the file or folder a flag names, when
// it is one of inputs, the files the command reads, or (a folder) holds
// one: no flag, --force included, may replace what the command reads.
// Inputs that cannot be found are left out: they are not read either.
func notAnInput(flag, output string, inputs ...string) error {
	if output == "" {
		return nil
	}
	out, err := os.Stat(output)
	if err != nil {
		return nil // not there yet: it cannot be an input
	}
	outReal := realPath(output)
	for _, in := range inputs {
		if in == "" {
			continue
		}
		info, err := os.Stat(in)
		if err != nil {
			continue
		}
		if os.SameFile(out, info) {
			return usageErrorf("%s %s is %s, which this command reads: name another file", flag, output, in)
		}
		if out.IsDir() {
			if rel, err := filepath.Rel(outReal, realPath(in)); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
				return usageErrorf("%s %s holds %s, which this command reads: name another folder", flag, output, in)
			}
		}
	}
	return nil
}

// realPath is p made absolute with its links resolved, or as it is when
// that fails.
func realPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}
