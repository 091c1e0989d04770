package scenarios

import (
	"bytes"
	"errors"
	"io"

	"go.yaml.in/yaml/v3"
)

// oneDocument reads data as a single YAML document into doc. second is the
// line on which a second document with settings begins (0 when there is
// none): YAML allows several documents in a text, separated by ---, and
// reading only the first would silently ignore the rest. A --- with
// nothing after it is no second document.
func oneDocument(data []byte, doc *yaml.Node) (second int, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(doc); err != nil {
		if errors.Is(err, io.EOF) {
			return 0, nil
		}
		return 0, err
	}
	var next yaml.Node
	if err := dec.Decode(&next); err != nil {
		if errors.Is(err, io.EOF) {
			return 0, nil
		}
		return 0, err
	}
	if len(next.Content) == 1 && next.Content[0].Kind == yaml.ScalarNode && next.Content[0].Tag == "!!null" {
		return 0, nil
	}
	return next.Line, nil
}
