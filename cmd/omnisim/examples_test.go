package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// exampleOrder is the order in which TestHelpExamplesRun runs the commands'
// examples: a file an example reads is made by an example before it (my.yaml
// by omnisim scenarios export, results/phone-day by omnisim run), or
// shipped with the repository (fit/testdata, examples/).
var exampleOrder = []string{
	"scenarios", "scenarios list", "scenarios show", "scenarios export", "scenarios schema",
	"", "validate", "run", "erlang", "erlang a", "erlang b", "erlang c",
	"demo", "animate", "serve", "plot", "sweep", "compare", "staff", "roster", "fit", "merge",
	"version",
}

// TestHelpExamplesRun runs every example of every command's --help as
// written, in one folder, in the order of exampleOrder, and fails on any
// that does not exit 0: an example a user copies must work.
func TestHelpExamplesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every example of every command")
	}
	var have []string
	for _, p := range commandPaths() {
		have = append(have, strings.Join(p, " "))
	}
	for _, p := range have {
		if !slices.Contains(exampleOrder, p) {
			t.Errorf("command %q is missing from exampleOrder", "omnisim "+p)
		}
	}
	for _, p := range exampleOrder {
		if !slices.Contains(have, p) {
			t.Errorf("exampleOrder names %q, which is no command", "omnisim "+p)
		}
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := shippedFiles(t, repo)
	t.Chdir(dir)
	for _, p := range exampleOrder {
		var path []string
		if p != "" {
			path = strings.Fields(p)
		}
		help := omnisim(t, append(path, "--help")...)
		for _, line := range examples(help.stdout) {
			for _, cmd := range strings.Split(line, "&&") {
				runExample(t, strings.TrimSpace(cmd))
			}
		}
	}
}

// shippedFiles makes a folder in which the repository's files are where an
// example run from its top finds them, and nothing an example writes lands
// in the repository.
func shippedFiles(t *testing.T, repo string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(repo)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || e.Name() == "omnisim-out" {
			continue
		}
		if err := os.Symlink(filepath.Join(repo, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// examples returns the lines of a help text's Examples section, without
// their comments.
func examples(help string) []string {
	_, rest, ok := strings.Cut(help, "Examples:\n")
	if !ok {
		return nil
	}
	var lines []string
	for line := range strings.SplitSeq(rest, "\n") {
		if strings.TrimSpace(line) == "" {
			break
		}
		if i := strings.Index(line, " # "); i >= 0 {
			line = line[:i]
		}
		lines = append(lines, strings.TrimSpace(line))
	}
	return lines
}

// runExample runs one command line of an example and fails the test
// unless it exits 0.
func runExample(t *testing.T, line string) {
	t.Helper()
	r, err := runLine(line)
	if err != nil {
		t.Errorf("example %q: %v", line, err)
	} else if r.code != exitOK {
		t.Errorf("example %q: exit status %d\n%s", line, r.code, r.stderr)
	}
}

// runLine runs one command line as a shell would: words split at spaces
// outside quotes, "> file" sends the output to a file and a word with * is
// expanded to the files it matches. The line must run omnisim.
func runLine(line string) (result, error) {
	words, err := shellWords(line)
	if err != nil || len(words) == 0 || words[0] != "omnisim" {
		return result{}, fmt.Errorf("not an omnisim command line (%v)", err)
	}
	var args []string
	redirect := ""
	for i := 1; i < len(words); i++ {
		switch w := words[i]; {
		case w == ">" && i+1 < len(words):
			redirect = words[i+1]
			i++
		case strings.Contains(w, "*") && !strings.Contains(line, "'"+w+"'"):
			matches, _ := filepath.Glob(w)
			if len(matches) == 0 {
				return result{}, fmt.Errorf("%s matches no file", w)
			}
			args = append(args, matches...)
		default:
			args = append(args, w)
		}
	}
	var out, errOut bytes.Buffer
	r := result{code: execute(args, &out, &errOut)}
	r.stdout, r.stderr = out.String(), errOut.String()
	if redirect != "" {
		if err := os.WriteFile(redirect, out.Bytes(), 0o644); err != nil {
			return r, err
		}
		r.stdout = ""
	}
	return r, nil
}

// shellWords splits a command line into words as a POSIX shell does for
// the simple lines of examples: spaces separate, quotes group.
func shellWords(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case unicode.IsSpace(r):
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed quote")
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
