package scenarios

// NameRune tells whether r may stand in a name a scenario chooses (a
// channel's, a pool's, an issue's, a built-in scenario's): an ASCII letter
// (a–z, A–Z), a digit (0–9), '-' or '_'. It is the one rule every part of
// omnisim that makes or checks such names uses: the decoder, omnisim fit
// (which turns a log's names into such names) and the run folders' names
// (which allow '.' too).
func NameRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_'
}

// ValidName tells whether s is a name a scenario accepts: not empty, and
// every rune of it a NameRune.
func ValidName(s string) bool {
	for _, r := range s {
		if !NameRune(r) {
			return false
		}
	}
	return s != ""
}
