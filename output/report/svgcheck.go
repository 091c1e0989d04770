package report

import (
	"bytes"
	"unicode/utf8"
)

// svgSurelyWellFormed tells, quickly, that b is a document reportSVGProblem's
// XML decoder (encoding/xml, strict) reads to its end without an error and
// whose first element is <svg>: true only then. It reads a plain subset of
// XML, the one gonum's SVG writer uses: an optional prolog <?xml
// version="1.0"?> at the very start, comments, elements whose names are
// ASCII (attributes' with at most one prefix), attribute values quoted,
// text and values whose characters are all allowed, and the five named
// entities and numeric ones. Anything else (a doctype, CDATA, another
// processing instruction, a name or entity out of that subset) gives
// false, and the decoder then decides: this shortcut never changes a
// verdict, it only skips the decoder's token by token allocation for the
// charts omnisim draws (TestSVGShortcutAsDecoder).
func svgSurelyWellFormed(b []byte) bool {
	const prolog = `<?xml version="1.0"?>`
	i := 0
	if bytes.HasPrefix(b, []byte(prolog)) {
		i = len(prolog)
	}
	var open [][]byte // the elements open, innermost last
	root := false
	for i < len(b) {
		if b[i] != '<' {
			// Text, up to the next '<' or the end.
			end := bytes.IndexByte(b[i:], '<')
			if end < 0 {
				end = len(b)
			} else {
				end += i
			}
			if !svgText(b[i:end], -1) {
				return false
			}
			i = end
			continue
		}
		i++
		if i >= len(b) {
			return false
		}
		switch b[i] {
		case '!':
			// Only a comment: "<!--", then up to the first "--", which
			// must be followed by '>'.
			if !bytes.HasPrefix(b[i:], []byte("!--")) {
				return false
			}
			i += 3
			k := bytes.Index(b[i:], []byte("--"))
			if k < 0 || i+k+2 >= len(b) || b[i+k+2] != '>' {
				return false
			}
			i += k + 3
		case '/':
			i++
			n := svgName(b[i:], false)
			if n == 0 || len(open) == 0 || !bytes.Equal(b[i:i+n], open[len(open)-1]) {
				return false
			}
			open = open[:len(open)-1]
			i += n
			if i >= len(b) || b[i] != '>' {
				return false
			}
			i++
		default:
			n := svgName(b[i:], false)
			if n == 0 {
				return false
			}
			name := b[i : i+n]
			if !root {
				if string(name) != "svg" {
					return false
				}
				root = true
			}
			i += n
			empty := false
		Attrs:
			for {
				i = svgSpace(b, i)
				if i >= len(b) {
					return false
				}
				switch b[i] {
				case '>':
					i++
					break Attrs
				case '/':
					if i+1 >= len(b) || b[i+1] != '>' {
						return false
					}
					i += 2
					empty = true
					break Attrs
				}
				// An attribute: name="value" or name='value', no
				// space around '=', the value not empty.
				if n = svgName(b[i:], true); n == 0 {
					return false
				}
				i += n
				if i+1 >= len(b) || b[i] != '=' || (b[i+1] != '"' && b[i+1] != '\'') {
					return false
				}
				q := b[i+1]
				i += 2
				end := bytes.IndexByte(b[i:], q)
				if end <= 0 || !svgText(b[i:i+end], int(q)) {
					return false
				}
				i += end + 1
			}
			if !empty {
				open = append(open, name)
			}
		}
	}
	return root && len(open) == 0
}

// svgName returns the length of the name at the start of b, 0 if there is
// none in the subset svgSurelyWellFormed reads: ASCII, a letter or '_'
// first, then letters, digits, '_', '.' and '-'; an attribute's may be two
// such parts joined by a ':'. The byte after it must end a name for the
// decoder too: one that is neither a name's byte nor beyond ASCII.
func svgName(b []byte, attr bool) int {
	i, parts := 0, 0
	for {
		if i >= len(b) || !svgNameStart(b[i]) {
			return 0
		}
		i++
		for i < len(b) && (svgNameStart(b[i]) || '0' <= b[i] && b[i] <= '9' || b[i] == '.' || b[i] == '-') {
			i++
		}
		parts++
		if i < len(b) && b[i] == ':' && attr && parts == 1 {
			i++
			continue
		}
		break
	}
	if i >= len(b) || b[i] == ':' || b[i] >= utf8.RuneSelf {
		return 0
	}
	return i
}

// svgNameStart tells whether c may begin a name: an ASCII letter or '_'.
func svgNameStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// svgSpace returns the index of the first byte of b from i that is not
// the decoder's space (' ', '\t', '\n', '\r').
func svgSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// svgText tells whether s, text between elements (quote -1) or an
// attribute's value within quote, holds only what the decoder reads
// without an error: no '<', no "]]>" in text, entities svgEntity knows,
// and characters of XML's range in valid UTF-8.
func svgText(s []byte, quote int) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case svgPlain[c]:
			i++
		case c == ']':
			if quote < 0 && bytes.HasPrefix(s[i:], []byte("]]>")) {
				return false
			}
			i++
		case c == '&':
			n := svgEntity(s[i:])
			if n == 0 {
				return false
			}
			i += n
		case c < utf8.RuneSelf:
			// '<' or a control character other than tab, LF and CR.
			return false
		default:
			r, n := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && n == 1 || !xmlChar(r) {
				return false
			}
			i += n
		}
	}
	return true
}

// svgPlain marks the bytes svgText passes over alone: ASCII characters of
// XML's range (tab, LF, CR and from the space to '~'), but '<', '&' and ']'.
var svgPlain = func() (p [256]bool) {
	for c := ' '; c <= '~'; c++ {
		p[c] = c != '<' && c != '&' && c != ']'
	}
	p['\t'], p['\n'], p['\r'] = true, true, true
	return p
}()

// svgEntity returns the length of the entity at the start of s (which
// begins with '&'), 0 unless it is one the decoder replaces by a character
// of XML's range: &lt; &gt; &amp; &apos; &quot;, or &#N; and &#xH; with at
// most 6 digits.
func svgEntity(s []byte) int {
	for _, e := range [...]string{"&lt;", "&gt;", "&amp;", "&apos;", "&quot;"} {
		if bytes.HasPrefix(s, []byte(e)) {
			return len(e)
		}
	}
	if len(s) < 4 || s[1] != '#' {
		return 0
	}
	i, base := 2, rune(10)
	if s[2] == 'x' {
		i, base = 3, 16
	}
	var r rune
	for j := i; j < len(s) && j < i+7; j++ {
		c := s[j]
		var d rune
		switch {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		case c == ';' && j > i && xmlChar(r):
			return j + 1
		default:
			return 0
		}
		r = r*base + d
	}
	return 0
}

// xmlChar tells whether r is in XML's range of characters, as the decoder
// checks every character of text and values.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
