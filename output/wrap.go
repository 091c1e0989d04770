package output

import "strings"

// Wrap breaks text at its spaces into lines, as many words to a line as
// fits allows: fits tells whether line n (from 0) would be short enough
// as line, so that the first line can have room of its own (after a mark,
// before the indented lines that follow). A word too long for any line
// has one to itself. Runs of spaces, tabs and line breaks count as one
// space. There is always one line: "" for a text of no words.
//
// It is the one wrapping of omnisim's text, whatever measures a line: the
// bytes of a fitted scenario's description, the characters of a
// terminal's lines, the width of a chart's note in its font.
func Wrap(text string, fits func(n int, line string) bool) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line == "" {
			line = word
			continue
		}
		if next := line + " " + word; fits(len(lines), next) {
			line = next
			continue
		}
		lines = append(lines, line)
		line = word
	}
	return append(lines, line)
}
