package problem

import (
	"fmt"
	"strings"
)

// Problem is one reason a configuration cannot be used: Msg says what is
// wrong with the field at Path ("" for the whole).
type Problem struct {
	Path string
	Msg  string
}

// String is "path: message", or the message alone without a path.
func (p Problem) String() string {
	if p.Path == "" {
		return p.Msg
	}
	return p.Path + ": " + p.Msg
}

// Lines returns the problems one to a line, each after prefix (a
// package's name and a colon, such as "models: ").
func Lines(prefix string, ps []Problem) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = prefix + p.String()
	}
	return strings.Join(lines, "\n")
}

// Collector adds Problems to a list, each at the path of the field it is
// reached at: a Collector is a list and a path, and At goes down a field.
type Collector struct {
	list *[]Problem
	path string
}

// New returns a Collector at the top of a configuration, adding to list.
func New(list *[]Problem) Collector {
	return Collector{list: list}
}

// At returns the Collector of a field inside this one: "name", joined
// with a dot, or "[i]", joined as it is.
func (c Collector) At(field string) Collector {
	switch {
	case c.path == "":
		return Collector{c.list, field}
	case strings.HasPrefix(field, "["):
		return Collector{c.list, c.path + field}
	}
	return Collector{c.list, c.path + "." + field}
}

// Add adds a problem of this Collector's field, its message formatted as
// by fmt.Sprintf.
func (c Collector) Add(format string, args ...any) {
	*c.list = append(*c.list, Problem{Path: c.path, Msg: fmt.Sprintf(format, args...)})
}

// Count is the number of problems in the Collector's list, of every
// field.
func (c Collector) Count() int { return len(*c.list) }
