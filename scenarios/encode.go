package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Encode writes doc, a scenario document or the mapping of its settings,
// as the text of a scenario file, the way omnisim writes the scenarios it
// makes (omnisim fit's): YAML by yaml.v3's encoder with the settings
// Resolve uses, an indent of two spaces and lines never wrapped, each node
// in the style it asks for (a flow mapping or list, such as {dist:
// exponential, mean: 3m}, stays on its key's line; a scalar is plain
// unless it asks to be quoted, or its tag or text needs quotes); a head
// comment on lines of its own above its key, each line begun with "# "
// unless it has its #, and an empty line for each line break it begins
// with; and a line comment two spaces after its value, as the built-in
// scenarios write them (yaml.v3 leaves one). doc is left as it was.
//
// A line comment must be one line, and no comment may hold a NUL (YAML
// allows neither): Encode refuses them.
func Encode(doc *yaml.Node) ([]byte, error) {
	if doc == nil {
		return nil, errors.New("scenarios: encoding nothing")
	}
	if doc.Kind != yaml.DocumentNode {
		doc = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc}}
	}
	doc = copyNode(doc, map[*yaml.Node]*yaml.Node{})
	var comments []string
	if err := markLineComments(doc, map[*yaml.Node]bool{}, &comments); err != nil {
		return nil, err
	}
	data, err := encodeYAML(doc)
	if err != nil {
		return nil, err
	}
	for i, c := range comments {
		if !strings.HasPrefix(c, "#") {
			c = "# " + c // as yaml.v3 writes a comment without its #
		}
		mark := lineCommentMark(i)
		if spaced := []byte(" " + mark); bytes.Contains(data, spaced) {
			data = bytes.Replace(data, spaced, []byte("  "+c), 1)
		} else {
			data = bytes.Replace(data, []byte(mark), []byte(c), 1)
		}
	}
	return data, nil
}

// encodeYAML writes a YAML document with the settings omnisim's scenario
// files are written with: an indent of two spaces (yaml.v3 wraps no line).
func encodeYAML(doc *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// lineCommentMark is what the i-th line comment is replaced with while
// yaml.v3 writes the document, for Encode to find it in the text: a
// comment (yaml.v3 writes its # and then its bytes as they are) holding a
// NUL, which YAML's text holds nowhere else (yaml.v3 escapes one in a
// scalar, and Encode refuses one in a comment).
func lineCommentMark(i int) string {
	return "#\x00" + strconv.Itoa(i) + "\x00"
}

// markLineComments replaces the line comment of every node under n with
// its lineCommentMark, appending the comments to comments in the marks'
// order, and checks every comment (see Encode).
func markLineComments(n *yaml.Node, seen map[*yaml.Node]bool, comments *[]string) error {
	if n == nil || seen[n] {
		return nil
	}
	seen[n] = true
	for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		if strings.ContainsRune(c, 0) {
			return fmt.Errorf("scenarios: the comment %q holds a NUL", c)
		}
	}
	if n.LineComment != "" {
		if strings.ContainsAny(n.LineComment, "\r\n") {
			return fmt.Errorf("scenarios: the line comment %q is more than one line", n.LineComment)
		}
		n.LineComment, *comments = lineCommentMark(len(*comments)), append(*comments, n.LineComment)
	}
	for _, c := range n.Content {
		if err := markLineComments(c, seen, comments); err != nil {
			return err
		}
	}
	return markLineComments(n.Alias, seen, comments)
}
