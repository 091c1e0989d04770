package report

import "html/template"

// HTML returns the table as the page shows it, the text the report's
// template wrote for it cell by cell before (tableTemplate in the tests):
//
//	<div class="scroll">
//	<table>
//	<thead><tr><th class="t">…</th>…</tr></thead>
//	<tbody>
//	<tr><td class="t">…</td>…</tr>
//	</tbody>
//	<tfoot>…</tfoot>
//	</table>
//	</div>
//
// each cell's text and classes escaped as html/template escapes them
// (htmlEscape), the foot only when there is one. Written here, a table
// of a year by day costs no reflection per cell (TestTableHTMLAsTemplate
// checks it byte for byte against the template).
func (t *reportTable) HTML() template.HTML {
	b := make([]byte, 0, 256+64*len(t.Head)*(1+len(t.Rows)+len(t.Foot)))
	b = append(b, "<div class=\"scroll\">\n<table>\n<thead><tr>"...)
	b = appendCells(b, "th", t.HeadCells())
	b = append(b, "</tr></thead>\n<tbody>\n"...)
	b = appendRows(b, t.Rows)
	b = append(b, "</tbody>"...)
	if len(t.Foot) > 0 {
		b = append(b, "\n<tfoot>\n"...)
		b = appendRows(b, t.Foot)
		b = append(b, "</tfoot>"...)
	}
	b = append(b, "\n</table>\n</div>\n"...)
	return template.HTML(b)
}

// appendRows appends rows, each a <tr> of td cells on a line of its own.
func appendRows(b []byte, rows [][]reportCell) []byte {
	for _, r := range rows {
		b = append(b, "<tr>"...)
		b = appendCells(b, "td", r)
		b = append(b, "</tr>\n"...)
	}
	return b
}

// appendCells appends cells as elements tag (th or td), each with its
// classes when it has any: <td class="t">text</td>.
func appendCells(b []byte, tag string, cells []reportCell) []byte {
	for _, c := range cells {
		b = append(append(b, '<'), tag...)
		if cl := c.Class(); cl != "" {
			b = append(b, ` class="`...)
			b = htmlEscape(b, cl)
			b = append(b, '"')
		}
		b = append(b, '>')
		b = htmlEscape(b, c.Text)
		b = append(append(append(b, "</"...), tag...), '>')
	}
	return b
}

// htmlEscape appends s to b escaped as html/template escapes a string in
// text and in a quoted attribute's value: NUL as U+FFFD; both quotes, &, +,
// < and > as entities; every other byte as it is (its table holds only
// ASCII, so it may be read byte by byte: the bytes of a character beyond
// ASCII, and those of invalid UTF-8, which it keeps, are all 0x80 or more).
func htmlEscape(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b = append(append(b, s[start:i]...), repl...)
		start = i + 1
	}
	return append(b, s[start:]...)
}
