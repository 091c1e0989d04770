package scenarios

import (
	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// Strict is the scenario decoder offered to the other YAML files omnisim
// reads (a roster's rules): the same strictness and the same words. A
// mapping's unknown key is a problem, with the nearest known key
// suggested; a repeated key, a missing required one and a value of the
// wrong kind are problems; every problem is kept at its line and column,
// and the node of every field read is remembered, so that a problem found
// later (by a check on the decoded values) is placed where its field was
// written.
type Strict struct {
	d *decoder
}

// NewStrict returns a Strict decoder of file (its name, for messages).
func NewStrict(file string) *Strict {
	return &Strict{d: newDecoder(file)}
}

// Field is one key a mapping accepts, and how to decode its value, given
// the value's node and the field's path.
type Field struct {
	Key    string
	Decode func(n *yaml.Node, path string)
}

// Mapping decodes a mapping at path field by field, in the order written,
// and tells whether n was a mapping at all.
func (s *Strict) Mapping(n *yaml.Node, path string, fields []Field, required ...string) bool {
	fs := make([]field, len(fields))
	for i, f := range fields {
		fs[i] = field{key: f.Key, decode: f.Decode}
	}
	s.d.mapping(n, path, fs, required...)
	return resolve(n).Kind == yaml.MappingNode
}

// List decodes a list at path item by item, each item at path[i].
func (s *Strict) List(n *yaml.Node, path string, item func(n *yaml.Node, path string)) {
	s.d.list(n, path, item)
}

// Scalar returns a scalar's text, or records a problem saying it wanted
// want ("a pool's name").
func (s *Strict) Scalar(n *yaml.Node, path, want string) (string, bool) {
	return s.d.scalar(n, path, form{want: want})
}

// Duration reads a duration as a scenario writes it (30m, 8h); NaN on a
// problem, recorded.
func (s *Strict) Duration(n *yaml.Node, path string) float64 { return s.d.duration(n, path) }

// Share reads a share (0.3, 30%); NaN on a problem, recorded.
func (s *Strict) Share(n *yaml.Node, path string) float64 { return s.d.fraction(n, path) }

// Number reads a finite number; NaN on a problem, recorded.
func (s *Strict) Number(n *yaml.Node, path string) float64 { return s.d.number(n, path) }

// Integer reads a whole number; 0 on a problem, recorded.
func (s *Strict) Integer(n *yaml.Node, path string) int { return s.d.integer(n, path) }

// Boolean reads true or false; false on a problem, recorded.
func (s *Strict) Boolean(n *yaml.Node, path string) bool { return s.d.boolean(n, path) }

// Days reads days as a scenario's spans write them: mon-fri, weekend, or
// a list such as [mon, wed].
func (s *Strict) Days(n *yaml.Node, path string) models.Days { return s.d.decodeDays(n, path) }

// Errorf records a problem of the field at path, at node n's position
// (none when n is nil).
func (s *Strict) Errorf(n *yaml.Node, path, format string, args ...any) {
	s.d.errorf(n, path, format, args...)
}

// Remember notes that the field at path was read from node n, for Place.
func (s *Strict) Remember(path string, n *yaml.Node) { s.d.nodes[path] = n }

// Place records a problem found after decoding, at the node of the field
// at path or of the nearest field holding it.
func (s *Strict) Place(path, msg string) {
	n, _ := s.d.at(path)
	s.d.errorf(n, path, "%s", msg)
}

// Errors returns every problem recorded, in the order of the file; nil
// when there is none.
func (s *Strict) Errors() Errors {
	if len(s.d.errs) == 0 {
		return nil
	}
	s.d.sort()
	return s.d.errs
}

// Fresh returns a Strict with no problems that places them where this one
// read its fields: for the problems a check finds once the file is read.
func (s *Strict) Fresh() *Strict {
	d := newDecoder(s.d.file)
	d.nodes = s.d.nodes
	return &Strict{d: d}
}

// Resolve follows a YAML alias to the node it stands for.
func Resolve(n *yaml.Node) *yaml.Node { return resolve(n) }
