package scenarios

import (
	"fmt"
	"strings"
)

// Error is one problem in a scenario, at a position in its file or in a
// --set override.
type Error struct {
	// File is the scenario's file name, or the --set override the value
	// came from.
	File string
	// Line and Column locate the problem, from 1; 0 when unknown.
	Line, Column int
	// Path names the field, as in "channels.phone.handle_time.cv".
	Path string
	// Msg says what is wrong.
	Msg string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in a scenario, in the order of the file. It
// is an error whose message lists them one to a line.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems as a slice of errors, for errors.Is and
// errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
