package models

import (
	"fmt"
	"strings"
)

// Problem is one reason a Config cannot run. Path names the field the way a
// scenario file does ("channels.phone.handle_time.cv", "pools.agents.agents[3]"),
// so that the scenario loader can point at the line and column it came from.
type Problem struct {
	Path string
	Msg  string
}

func (p Problem) String() string {
	if p.Path == "" {
		return p.Msg
	}
	return p.Path + ": " + p.Msg
}

// Problems is every reason a Config cannot run. It is an error.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = "models: " + p.String()
	}
	return strings.Join(lines, "\n")
}

// problems collects Problems under a path prefix.
type problems struct {
	list *Problems
	path string
}

func (p problems) at(field string) problems {
	if p.path == "" {
		return problems{p.list, field}
	}
	if strings.HasPrefix(field, "[") {
		return problems{p.list, p.path + field}
	}
	return problems{p.list, p.path + "." + field}
}

func (p problems) add(format string, args ...any) {
	*p.list = append(*p.list, Problem{Path: p.path, Msg: fmt.Sprintf(format, args...)})
}
