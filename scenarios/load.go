package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/internal/input"
	"github.com/omnisim/omnisim/models"
)

// maxFileSize bounds a scenario file: far more than any real scenario, small
// enough that a wrong file (a log, a binary) is refused at once.
const maxFileSize = 16 << 20

// Load reads the scenario file at path, applies the --set overrides
// (each "path=value") and validates the result. All problems come back at
// once as Errors.
func Load(path string, sets []string) (*Scenario, error) {
	name, data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, name, data, sets)
}

// readFile reads the scenario file at path and returns its default short
// name (the file's name without its extension) and its text.
func readFile(path string) (name string, data []byte, err error) {
	if data, err = input.ReadFile(path, "scenario file", maxFileSize); err != nil {
		return "", nil, err
	}
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), data, nil
}

// Parse decodes and validates a scenario from data. file names it in
// messages; name is its default short name. A value given as --set
// overrides is applied before decoding.
func Parse(file, name string, data []byte, sets []string) (s *Scenario, err error) {
	return parse(file, name, data, sets, true)
}

// parse is Parse; with claims false, the claims' variants are not loaded
// to check them (a variant's own claims need no check).
func parse(file, name string, data []byte, sets []string, claims bool) (s *Scenario, err error) {
	// A parser bug must not crash the command: turn a panic into an error.
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, Errors{{File: file, Msg: fmt.Sprintf("cannot read this file as YAML (%v)", r)}}
		}
	}()
	if len(data) > maxFileSize {
		return nil, Errors{{File: file, Msg: "too large for a scenario file"}}
	}
	if err := checkNodes(file, data, sets); err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		return nil, Errors{{File: file, Msg: "not a text file in UTF-8: a scenario is a YAML text file"}}
	}
	hadBOM := bytes.HasPrefix(data, []byte(bom))
	doc, data, yerr := decodeDocument(file, "a scenario", data)
	if yerr != nil {
		return nil, Errors{yerr}
	}
	d := newDecoder(file)
	d.lenient = len(sets) > 0
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind == 0 || (root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
		root = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
		if len(sets) == 0 {
			msg := "the file is empty: a scenario needs at least horizon, channels and pools"
			if len(bytes.TrimSpace(data)) == 0 && hadBOM {
				msg = "the file is empty but for a byte order mark: a scenario needs at least horizon, channels and pools"
			} else if len(bytes.TrimSpace(data)) > 0 {
				msg = "the file holds no settings, only comments or an empty document: a scenario needs at least horizon, channels and pools"
			}
			return nil, Errors{{File: file, Line: 1, Column: 1, Msg: msg}}
		}
	}
	for _, set := range sets {
		if err := d.apply(root, set); err != nil {
			d.errs = append(d.errs, &Error{File: "--set " + set, Msg: err.Error()})
		}
	}
	s = &Scenario{Name: name, File: file, source: data, sets: slices.Clip(sets), defaultName: name,
		tree: root, comments: [2]string{doc.HeadComment, doc.FootComment}}
	d.decodeScenario(root, s)
	d.setDefaults(&s.Config)
	// Range checks live with the model; place each problem at the field it
	// names, as the file wrote it. A field that could not be read is already
	// reported, and so is everything under it. A value written once for
	// several fields (one resolution for every issue) is reported once.
	decoded := len(d.errs)
	if err := s.Config.Validate(); err != nil {
		var ps models.Problems
		if !errors.As(err, &ps) {
			return nil, err
		}
		said := map[string]bool{}
		for _, p := range ps {
			if at := d.canonical(p.Path); !d.reported(at, decoded) {
				n, path := d.at(at)
				if key := path + "\x00" + p.Msg; !said[key] {
					said[key] = true
					d.errorf(n, path, "%s", p.Msg)
				}
			}
		}
	}
	if v := lookup(root, "claims"); v != nil {
		d.decodeClaims(v, s, claims && len(d.errs) == 0)
	}
	if len(d.errs) > 0 {
		d.sort()
		return nil, d.errs
	}
	s.Config.Name = s.Name
	s.claimProblems = d.claimErrs
	s.attached = d.attached
	return s, nil
}
