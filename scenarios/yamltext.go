package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// bom is the byte order mark some editors put at the start of a UTF-8 file.
const bom = "\ufeff"

// decodeDocument reads data as one YAML document, for a file of the kind
// what names ("a scenario", "a grid"). It returns the document and data
// without a leading byte order mark. A second document (after "---") is an
// error: nothing the user wrote may be silently ignored. A syntax error
// comes back in words, at the line it is on (see yamlError).
func decodeDocument(file, what string, data []byte) (*yaml.Node, []byte, *Error) {
	data = bytes.TrimPrefix(data, []byte(bom))
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, data, yamlError(file, data, err)
	}
	if line, err := secondDocument(dec, data); err != nil {
		return nil, data, yamlError(file, data, err)
	} else if line > 0 {
		return nil, data, &Error{File: file, Line: line, Column: 1,
			Msg: fmt.Sprintf("%s is one YAML document: a second begins at line %d (remove it, or the \"---\" line before it)", what, line)}
	}
	return &doc, data, nil
}

// secondDocument returns the line at which a second YAML document begins
// after the one dec has read, or 0 when there is none. A "---" with nothing
// after it but comments starts no document that could hold a setting, so it
// is allowed.
func secondDocument(dec *yaml.Decoder, data []byte) (int, error) {
	var next yaml.Node
	err := dec.Decode(&next)
	if errors.Is(err, io.EOF) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if len(next.Content) == 1 && next.Content[0].Kind == yaml.ScalarNode && next.Content[0].Tag == "!!null" && next.Content[0].Value == "" {
		return secondDocument(dec, data)
	}
	// The document begins at its "---" line: the last such line before its
	// first node.
	line := next.Line
	if len(next.Content) > 0 {
		line = next.Content[0].Line
	}
	lines := strings.Split(string(data), "\n")
	for i := min(line, len(lines)) - 1; i >= 0; i-- {
		if t := strings.TrimRight(lines[i], " \t\r"); t == "---" || strings.HasPrefix(t, "--- ") || t == "..." {
			return i + 1, nil
		}
	}
	return max(line, 1), nil
}

// yamlError turns a YAML syntax error in data into an Error. Mistakes of
// layout (an indentation that lines up with nothing, a tab) are reported
// at the line they are on, in words, with the parser's own text as a hint;
// anything else keeps the line the parser reports.
func yamlError(file string, data []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, err := fmt.Sscanf(rest, "%d:", &line); n == 1 && err == nil {
			msg = strings.TrimSpace(rest[strings.Index(rest, ":")+1:])
		}
	}
	if e := layoutError(file, data, line, msg); e != nil {
		return e
	}
	return &Error{File: file, Line: line, Column: map[bool]int{true: 1}[line > 0], Msg: "not valid YAML: " + msg}
}

// layoutMessages are the parser's messages that a mistake of layout
// (indentation, tabs, a second colon) gives.
var layoutMessages = []string{
	"found character that cannot start any token",
	"did not find expected key",
	"mapping values are not allowed in this context",
	"did not find expected '-' indicator",
	"block sequence entries are not allowed in this context",
	"found a tab character",
	"could not find expected ':'",
	"did not find expected node content",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
}

// layoutError looks in data for the mistake of layout behind the parser's
// message msg (reported at line, where the block it could not finish
// began): a tab in an indentation, a line indented more than a key that has
// its value already, a line that lines up with no key above it, a bracket
// never closed, a second ": " in a plain value. It returns nil when msg is
// no layout message or no such mistake is found.
func layoutError(file string, data []byte, line int, msg string) *Error {
	known := false
	for _, m := range layoutMessages {
		known = known || strings.Contains(msg, m)
	}
	if !known {
		return nil
	}
	hint := fmt.Sprintf(" (the YAML parser said: %s)", msg)
	at := func(l layoutLine, col int, format string, args ...any) *Error {
		return &Error{File: file, Line: l.num, Column: col, Msg: fmt.Sprintf(format, args...) + hint}
	}
	lines := scanLayout(string(data))
	for _, l := range lines {
		if l.tab >= 0 {
			return at(l, l.tab+1, "tabs cannot indent YAML (line %d, column %d): indent with spaces", l.num, l.tab+1)
		}
	}
	var stack []int // the columns of the open blocks, innermost last
	var prev *layoutLine
	for i := range lines {
		l := &lines[i]
		if l.skip {
			continue
		}
		top := -1
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch {
		case prev == nil:
			stack = append(stack, l.indent)
		case l.indent > top && prev.opens:
			stack = append(stack, l.indent)
		case l.indent > top:
			if l.keyLike {
				return at(*l, l.indent+1, "line %d is indented more than the key above it (line %d, which has its value already): line it up with the keys beside it, or move the value of line %d onto lines of its own", l.num, prev.num, prev.num)
			}
		case l.indent < top:
			for len(stack) > 0 && stack[len(stack)-1] > l.indent {
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 || stack[len(stack)-1] != l.indent {
				return at(*l, l.indent+1, "line %d is indented less than the line above it but lines up with no key before it (it starts at column %d): line it up with the keys it belongs beside", l.num, l.indent+1)
			}
		}
		if l.item > 0 {
			// "- key: value": the item's mapping starts after the dash.
			if stack[len(stack)-1] != l.indent {
				stack = append(stack, l.indent)
			}
			stack = append(stack, l.item)
		}
		prev = l
	}
	for _, l := range lines {
		if l.unclosed > 0 {
			return at(l, l.unclosed, "the bracket at line %d, column %d is never closed: end the list or mapping it opens with ] or }", l.num, l.unclosed)
		}
	}
	if strings.Contains(msg, "mapping values are not allowed") {
		for _, l := range lines {
			// The parser gives no line for its first: line 0 is line 1.
			if l.num == max(line, 1) && l.colon > 0 {
				return at(l, l.colon, "line %d has a second \": \" in a value: put the value in quotes", l.num)
			}
		}
	}
	return nil
}

// layoutLine is what layoutError needs of a line of YAML.
type layoutLine struct {
	num    int  // its number, from 1
	indent int  // the spaces before its text
	tab    int  // the byte offset of a tab in its indentation, or -1
	skip   bool // blank, a comment, or inside a flow collection, a quoted or block text
	opens  bool // it ends with a key (or a dash) whose value is on the lines below
	// keyLike is true when it holds a key ("name:") or a list item ("- ").
	keyLike bool
	// item is the column (from 0) of the text after a leading "- " that
	// holds a key, or 0.
	item int
	// unclosed is the column (from 1) of a bracket opened on this line and
	// never closed, or 0.
	unclosed int
	// colon is the column (from 1) of a second ": " in a plain value, or 0.
	colon int
}

// scanLayout reads the lines of text as far as layoutError needs: where
// each starts, whether it opens a block, and which lines are inside flow
// collections ([...], {...}), quoted texts or block texts (| and >).
func scanLayout(text string) []layoutLine {
	var out []layoutLine
	depth, quote := 0, byte(0)
	block := -1               // the indentation of the key of a block text being read, or -1
	openLine, openCol := 0, 0 // where the outermost bracket still open was opened
	for i, raw := range strings.Split(text, "\n") {
		raw = strings.TrimRight(raw, "\r")
		l := layoutLine{num: i + 1, tab: -1}
		body := strings.TrimLeft(raw, " ")
		l.indent = len(raw) - len(body)
		trimmed := strings.TrimSpace(raw)
		if block >= 0 {
			if trimmed == "" || l.indent > block {
				l.skip = true
				out = append(out, l)
				continue
			}
			block = -1
		}
		if ws := raw[:len(raw)-len(strings.TrimLeft(raw, " \t"))]; strings.Contains(ws, "\t") && strings.TrimSpace(raw) != "" && depth == 0 && quote == 0 {
			l.tab = strings.Index(ws, "\t")
		}
		l.skip = depth > 0 || quote != 0 || trimmed == "" || strings.HasPrefix(trimmed, "#") ||
			trimmed == "---" || trimmed == "..." || strings.HasPrefix(trimmed, "%")
		wasFlow := depth > 0 || quote != 0
		// Read the line's text: quotes, brackets and where a comment starts.
		end := len(raw)
		for j := l.indent; j < len(raw); j++ {
			c := raw[j]
			switch {
			case quote == '\'' && c == '\'':
				if j+1 < len(raw) && raw[j+1] == '\'' {
					j++
				} else {
					quote = 0
				}
			case quote == '"' && c == '\\':
				j++
			case quote == '"' && c == '"':
				quote = 0
			case quote != 0:
			case c == '#' && (j == 0 || raw[j-1] == ' ' || raw[j-1] == '\t'):
				end = j
				j = len(raw)
			case (c == '\'' || c == '"') && (j == l.indent || strings.ContainsRune(" [{,:-", rune(raw[j-1]))):
				quote = c
			case c == '[' || c == '{':
				if depth == 0 {
					openLine, openCol = l.num, j+1
				}
				depth++
			case c == ']' || c == '}':
				depth = max(depth-1, 0)
			}
		}
		content := strings.TrimSpace(raw[:end])
		if !wasFlow && !l.skip {
			rest := content
			if rest == "-" {
				l.opens, l.keyLike = true, true
			} else if r, ok := strings.CutPrefix(rest, "- "); ok {
				l.keyLike = true
				r = strings.TrimLeft(r, " ")
				if isKey(r) {
					l.item = len(raw) - len(strings.TrimLeft(raw[l.indent+1:], " "))
				}
				rest = r
			}
			if _, v, ok := cutKey(rest); ok {
				l.keyLike = true
				switch {
				case v == "" || strings.HasPrefix(v, "&") && !strings.Contains(v, " ") || strings.HasPrefix(v, "!") && !strings.Contains(v, " "):
					l.opens = true
				case strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">"):
					block = l.indent
				case depth == 0 && quote == 0 && !strings.ContainsAny(v[:1], "'\"[{&*!|>"):
					if c := strings.Index(v, ": "); c >= 0 {
						l.colon = strings.Index(raw, v) + c + 1
					}
				}
			}
		}
		out = append(out, l)
	}
	if depth > 0 && openLine > 0 {
		out[openLine-1].unclosed = openCol
	}
	return out
}

// isKey tells whether text starts with a key: "name:" alone or followed by
// a space.
func isKey(text string) bool {
	_, _, ok := cutKey(text)
	return ok
}

// cutKey splits "key: value" (or "key:") into the key and its value, when
// text starts with a plain or quoted key.
func cutKey(text string) (key, value string, ok bool) {
	if text == "" || strings.ContainsAny(text[:1], "[{#&*!|>%@`") || text == "-" || strings.HasPrefix(text, "- ") {
		return "", "", false
	}
	if text[0] == '"' || text[0] == '\'' {
		end := strings.IndexByte(text[1:], text[0])
		if end < 0 {
			return "", "", false
		}
		after := text[end+2:]
		if after == ":" || strings.HasPrefix(after, ": ") {
			return text[:end+2], strings.TrimSpace(after[1:]), true
		}
		return "", "", false
	}
	if k, ok := strings.CutSuffix(text, ":"); ok && !strings.Contains(k, ": ") {
		return k, "", true
	}
	i := strings.Index(text, ": ")
	if i <= 0 {
		return "", "", false
	}
	return text[:i], strings.TrimSpace(text[i+1:]), true
}

// DecodeYAML reads data, the text of file, as one YAML document for a file
// of the kind what names ("a mapping"), the way scenarios are read: a
// leading byte order mark is skipped, a second document is refused, and a
// syntax error is said in words at its line. Its error is Errors. An empty
// text gives a document with no content.
func DecodeYAML(file, what string, data []byte) (*yaml.Node, error) {
	doc, _, err := decodeDocument(file, what, data)
	if err != nil {
		return nil, Errors{err}
	}
	return doc, nil
}
