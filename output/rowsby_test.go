package output

import (
	"reflect"
	"testing"
)

// TestRowsByAsText: RowsBy groups the rows by their Text in the column,
// each group in order and nil when empty, in a table of cells and in each
// kind of text table (a spooled table's kept text columns grouped by
// code), for keys present, absent, empty and given twice (the second
// gets nothing), and a missing column; a group of a kept text column is
// made at its size (no slack left by growing).
func TestRowsByAsText(t *testing.T) {
	cols, rows := rowsToGroup()
	keys := []string{"phone", "none", "chat", "", "phone", "a", "x"}
	for name, tb := range tablesOfEveryKind(cols, rows) {
		for _, col := range append(cols, "missing") {
			want := make([][]int, len(keys))
			for k, key := range keys {
				if k == 4 { // "phone" again
					continue
				}
				for r := range tb.Len() {
					if tb.Text(r, col) == key {
						want[k] = append(want[k], r)
					}
				}
			}
			got := tb.RowsBy(col, keys)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: RowsBy(%s) = %v, want %v", name, col, got, want)
			}
			if tb.keptText(tb.Col(col)) == nil {
				continue
			}
			for k, g := range got {
				if cap(g) != len(g) {
					t.Errorf("%s: RowsBy(%s)'s group %d has room for %d rows, holds %d", name, col, k, cap(g), len(g))
				}
			}
		}
	}
}
