package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// compileError is a position the compiler complained about:
// "models/world.go:12:5: ...", relative to the folder go ran in.
var compileError = regexp.MustCompile(`(?m)^(\S+\.go):(\d+):\d+: `)

// build compiles the package's test binary with its files rewritten, into
// tmp. Where the compiler refuses a helper call (a case the rewriting does
// not foresee), the lines it names are left alone and the build is tried
// again, a few times at most; every line so left is reported.
func build(ctx context.Context, root, tmp string, p *pkg, s *source, log func(string, ...any)) (string, []*Mutant, error) {
	skip := map[string]map[int]bool{}
	for try := 0; ; try++ {
		overlay, muts := schemata(p, s, skip)
		dir := filepath.Join(tmp, strings.ReplaceAll(p.rel, string(filepath.Separator), "_"))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", nil, err
		}
		replace := map[string]string{}
		for orig, content := range overlay {
			path := filepath.Join(dir, filepath.Base(orig))
			if err := os.WriteFile(path, content, 0o644); err != nil {
				return "", nil, err
			}
			replace[orig] = path
		}
		js, _ := json.Marshal(map[string]any{"Replace": replace})
		overlayPath := filepath.Join(dir, "overlay.json")
		if err := os.WriteFile(overlayPath, js, 0o644); err != nil {
			return "", nil, err
		}
		bin := filepath.Join(dir, "pkg.test")
		cmd := exec.CommandContext(ctx, "go", "test", "-c", "-o", bin, "-overlay", overlayPath, "./"+filepath.ToSlash(p.rel))
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err == nil {
			return bin, muts, nil
		}
		if ctx.Err() != nil {
			return "", nil, ctx.Err()
		}
		bad := compileError.FindAllStringSubmatch(string(out), -1)
		if len(bad) == 0 || try == 5 {
			return "", nil, fmt.Errorf("building %s with its mutants: %v\n%s", p.ImportPath, err, out)
		}
		var lines []string
		for _, b := range bad {
			path := b[1]
			if !filepath.IsAbs(path) {
				path = filepath.Join(root, path)
			}
			if filepath.Base(path) == helperName {
				return "", nil, fmt.Errorf("building %s: the helper file does not compile:\n%s", p.ImportPath, out)
			}
			n, _ := strconv.Atoi(b[2])
			if skip[path] == nil {
				skip[path] = map[int]bool{}
			}
			if !skip[path][n] {
				skip[path][n] = true
				lines = append(lines, fmt.Sprintf("%s:%d", filepath.Base(path), n))
			}
		}
		if len(lines) == 0 {
			return "", nil, fmt.Errorf("building %s with its mutants: %v\n%s", p.ImportPath, err, out)
		}
		sort.Strings(lines)
		log("%s: the compiler refused the helpers on %s; left unmutated\n", p.rel, strings.Join(lines, ", "))
	}
}
