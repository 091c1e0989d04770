package scenarios

import (
	"fmt"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ReadYAML reads data, the text of a file of another YAML format than a
// scenario (what names it in messages: "a rules file"), as the scenario
// loader reads a scenario's: at most MaxNodes values, UTF-8, one
// document, a syntax error at its line and column, never a panic. It
// returns the document's top node, nil when the file holds none.
func ReadYAML(file, what string, data []byte) (root *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, Errors{{File: file, Msg: fmt.Sprintf("cannot read this file as YAML (%v)", r)}}
		}
	}()
	if err := checkNodes(file, data, nil); err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		return nil, Errors{{File: file, Msg: "not a text file in UTF-8: " + what + " is a YAML text file"}}
	}
	doc, _, yerr := decodeDocument(file, what, data)
	if yerr != nil {
		return nil, Errors{yerr}
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if doc.Kind == 0 || doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return nil, nil
	}
	return doc, nil
}
