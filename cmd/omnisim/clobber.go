package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/omnisim/omnisim/scenarios"
)

// source is a file or folder a command reads.
type source struct {
	// what it is, for messages: "the log", "the scenario".
	what string
	path string
}

// target is a file or folder a command writes.
type target struct {
	// flag names it in messages: "--out", "--forecast".
	flag string
	path string
	// folder is true when the command replaces the whole folder (with
	// --force), everything in it going.
	folder bool
}

// scenarioSources are the files a scenario was read from.
func scenarioSources(sc *scenarios.Scenario) []source {
	var srcs []source
	for _, in := range sc.Inputs() {
		srcs = append(srcs, source{in.What, in.Path})
	}
	return srcs
}

// checkClobber refuses a command line whose outputs would write over its
// own inputs, whatever --force says: an output that is an input (the same
// file, by os.SameFile, under whatever name), or a folder to be replaced
// that holds an input. It is bad input (exit status 2), told before
// anything is written or run: "--out october.txt is the log this command
// reads".
func checkClobber(srcs []source, outs []target) error {
	var problems []error
	for _, out := range outs {
		oi, err := os.Stat(out.path)
		if out.path == "" || err != nil {
			continue // not there: nothing of it to lose
		}
		for _, src := range srcs {
			si, err := os.Stat(src.path)
			if src.path == "" || err != nil {
				continue
			}
			if os.SameFile(oi, si) {
				problems = append(problems, inputErrorf("%s %s is %s this command reads: name another %s", out.flag, out.path, src.what, kind(out)))
				continue
			}
			if out.folder && oi.IsDir() && inside(src.path, oi) {
				problems = append(problems, inputErrorf("%s %s holds %s, %s this command reads, which --force would delete: name another folder", out.flag, out.path, src.path, src.what))
			}
		}
	}
	return errors.Join(problems...)
}

// kind says what a target is: "file" or "folder".
func kind(t target) string {
	if t.folder {
		return "folder"
	}
	return "file"
}

// inside tells whether the file at p is inside the folder dir (at any
// depth), following symbolic links: each folder above p is compared with
// dir by os.SameFile.
func inside(p string, dir os.FileInfo) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	for up := filepath.Dir(abs); ; up = filepath.Dir(up) {
		if info, err := os.Stat(up); err == nil && os.SameFile(info, dir) {
			return true
		}
		if filepath.Dir(up) == up {
			return false
		}
	}
}

// checkReplaceFile tells whether a command may write the file path, which
// flag names: a folder there is refused; a file there is replaced only
// with force, and then only if own, given the file's first bytes, says
// omnisim wrote it: what names what omnisim writes there ("a scenario
// omnisim fit wrote"), for the message.
func checkReplaceFile(flag, path string, force bool, what string, own func(head []byte) bool) error {
	info, err := os.Lstat(path)
	if err != nil {
		return nil // not there; a parent that cannot be read tells when written
	}
	if info.IsDir() {
		return inputErrorf("%s %s is a folder: name a file", flag, path)
	}
	if !force {
		return usageErrorf("%s already exists: name another file, or add --force to replace it", path)
	}
	if !info.Mode().IsRegular() || !own(fileHead(path)) {
		return inputErrorf("%s %s is not %s: --force replaces only a file omnisim wrote; name another file", flag, path, what)
	}
	return nil
}

// fileHead returns the first 4 KB of the file at p, or what there is.
func fileHead(p string) []byte {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(f, buf)
	return buf[:n]
}

// distinctTargets refuses two outputs of one command line that name the
// same file: the second would write over the first.
func distinctTargets(outs []target) error {
	var problems []error
	for i, a := range outs {
		for _, b := range outs[:i] {
			if a.path == "" || b.path == "" {
				continue
			}
			ai, aerr := os.Stat(a.path)
			bi, berr := os.Stat(b.path)
			if filepath.Clean(a.path) == filepath.Clean(b.path) || aerr == nil && berr == nil && os.SameFile(ai, bi) {
				problems = append(problems, inputErrorf("%s and %s both name %s: name a file for each", b.flag, a.flag, a.path))
			}
		}
	}
	return errors.Join(problems...)
}
