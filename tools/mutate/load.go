package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// pkg is a package to mutate, as go list describes it.
type pkg struct {
	ImportPath string
	Name       string
	Dir        string
	GoFiles    []string
	Export     string
	DepOnly    bool
	rel        string // Dir relative to the module root
}

// listPackages asks go list, in the module root, for the packages and the
// export data of everything they import, which type-checking reads.
func listPackages(root string, patterns []string) (targets []*pkg, exports map[string]string, err error) {
	args := append([]string{"list", "-e", "-export", "-deps", "-json=ImportPath,Name,Dir,GoFiles,Export,DepOnly,Error"}, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, nil, fmt.Errorf("go list: %v\n%s", err, stderr.String())
	}
	exports = map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p struct {
			pkg
			Error *struct{ Err string }
		}
		if err := dec.Decode(&p); err != nil {
			return nil, nil, fmt.Errorf("go list: %v", err)
		}
		if p.Error != nil {
			return nil, nil, fmt.Errorf("go list: %s: %s", p.ImportPath, p.Error.Err)
		}
		exports[p.ImportPath] = p.Export
		if !p.DepOnly {
			q := p.pkg
			q.rel, _ = filepath.Rel(root, q.Dir)
			targets = append(targets, &q)
		}
	}
	return targets, exports, nil
}

// source is a package's non-test files, parsed and type-checked.
type source struct {
	fset  *token.FileSet
	files []*ast.File
	srcs  [][]byte
	paths []string
	info  *types.Info
}

func typeCheck(p *pkg, exports map[string]string) (*source, error) {
	s := &source{fset: token.NewFileSet(), info: &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}}
	for _, name := range p.GoFiles {
		path := filepath.Join(p.Dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(s.fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		s.files = append(s.files, f)
		s.srcs = append(s.srcs, src)
		s.paths = append(s.paths, path)
	}
	imp := importer.ForCompiler(s.fset, "gc", func(path string) (io.ReadCloser, error) {
		e, ok := exports[path]
		if !ok || e == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(e)
	})
	conf := types.Config{Importer: imp, GoVersion: ""}
	if _, err := conf.Check(p.ImportPath, s.fset, s.files, s.info); err != nil {
		return nil, fmt.Errorf("type-checking %s: %v", p.ImportPath, err)
	}
	return s, nil
}

// schemata rewrites every file of the package, leaving alone the lines in
// skip (by file), and returns the overlay (original path to rewritten
// content) with the helper file added, and the mutants.
func schemata(p *pkg, s *source, skip map[string]map[int]bool) (map[string][]byte, []*Mutant) {
	overlay := map[string][]byte{}
	var muts []*Mutant
	next := 0
	for i, f := range s.files {
		rel := filepath.ToSlash(filepath.Join(p.rel, filepath.Base(s.paths[i])))
		out, ms := rewrite(s.fset, f, s.srcs[i], s.info, rel, skip[s.paths[i]], &next)
		if out == nil {
			continue
		}
		overlay[s.paths[i]] = out
		muts = append(muts, ms...)
	}
	overlay[filepath.Join(p.Dir, helperName)] = helperSource(p.Name, next)
	return overlay, muts
}

// helperName is the helper file's name in the package's folder, where only
// the overlay has it.
const helperName = "zz_omnisim_mutate.go"
