package scenarios

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
)

// library holds the built-in scenarios, one YAML file each.
//
//go:embed library/*.yaml
var library embed.FS

// Default is the built-in scenario that omnisim run runs when given none.
const Default = "textbook"

// Info names a built-in scenario.
type Info struct {
	Name  string
	Title string
}

// Builtins lists the built-in scenarios, sorted by name.
func Builtins() []Info {
	entries, _ := fs.Glob(library, "library/*.yaml")
	sort.Strings(entries)
	var out []Info
	for _, e := range entries {
		name := strings.TrimSuffix(path.Base(e), ".yaml")
		s, err := Builtin(name, nil)
		title := ""
		if err == nil {
			title = s.Title
		}
		out = append(out, Info{Name: name, Title: title})
	}
	return out
}

// BuiltinSource returns the YAML text of a built-in scenario.
func BuiltinSource(name string) ([]byte, error) {
	if !ValidName(name) {
		return nil, unknownBuiltin(name)
	}
	data, err := library.ReadFile("library/" + name + ".yaml")
	if err != nil {
		return nil, unknownBuiltin(name)
	}
	return data, nil
}

// Builtin loads the built-in scenario with the given name, applying the
// --set overrides.
func Builtin(name string, sets []string) (*Scenario, error) {
	data, err := BuiltinSource(name)
	if err != nil {
		return nil, err
	}
	return Parse("builtin:"+name, name, data, sets)
}

// Open loads a scenario named on the command line: a file if one exists at
// that path, otherwise the built-in scenario of that name.
func Open(arg string, sets []string) (*Scenario, error) {
	file, name, data, err := source(arg)
	if err != nil {
		return nil, err
	}
	return Parse(file, name, data, sets)
}

// source finds the scenario named on the command line, as Open does, and
// returns where it came from (a path, or "builtin:NAME"), its default short
// name and its text.
func source(arg string) (file, name string, data []byte, err error) {
	if _, err := os.Stat(arg); err == nil {
		name, data, err := readFile(arg)
		return arg, name, data, err
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", "", nil, fmt.Errorf("scenarios: %w", err)
	}
	if data, err := BuiltinSource(arg); err == nil {
		return "builtin:" + arg, arg, data, nil
	}
	if strings.ContainsAny(arg, `/\`) || strings.HasSuffix(arg, ".yaml") || strings.HasSuffix(arg, ".yml") {
		return "", "", nil, fmt.Errorf("scenarios: no such file: %s", arg)
	}
	return "", "", nil, fmt.Errorf("scenarios: %q is neither a file nor a built-in scenario (built-ins: %s)", arg, builtinNames())
}

func unknownBuiltin(name string) error {
	return fmt.Errorf("scenarios: no built-in scenario named %q (built-ins: %s)", name, builtinNames())
}

func builtinNames() string {
	entries, _ := fs.Glob(library, "library/*.yaml")
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = strings.TrimSuffix(path.Base(e), ".yaml")
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
