package scenarios

import (
	"bytes"
	"fmt"
)

// MaxNodes bounds the values and keys of a scenario or grid file with its
// --set overrides: a realistic file has thousands; a year of 15-minute
// headcounts written inline for a dozen pools, about 400,000. Decoding
// YAML takes some 225 bytes and over a microsecond a node (a list of 2
// million one-digit items: 450 MB and 2.5 s), so a 16 MB file of 8 million
// would take 2 GB and 10 s, and the checks after it more, to be refused:
// it is counted first and refused at once.
const MaxNodes = 500_000

// countNodes returns an upper bound of the YAML nodes data can hold,
// counted cheaply in its text before it is parsed: every node but the
// first follows a separator (a comma, a colon, a dash, a line break or an
// opening bracket). Comments are counted too: the bound is loose, never
// too low.
func countNodes(data []byte) int {
	n := 1
	for _, sep := range []byte{',', ':', '-', '\n', '[', '{'} {
		n += bytes.Count(data, []byte{sep})
	}
	return n
}

// checkNodes refuses a file whose text (with the overrides sets) could
// hold more than MaxNodes nodes, before anything is parsed.
func checkNodes(file string, data []byte, sets []string) error {
	n := countNodes(data)
	for _, s := range sets {
		n += countNodes([]byte(s))
	}
	if n > MaxNodes {
		return Errors{{File: file, Msg: fmt.Sprintf("holds about %d values, keys and list items, more than the limit of %d: write long series as a staffing or forecast table (CSV)", n, MaxNodes)}}
	}
	return nil
}
