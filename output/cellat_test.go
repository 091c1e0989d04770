package output

import (
	"math"
	"slices"
	"testing"
)

// TestCellAtAsByName: TextAt and FloatAt of a column's index read what
// Text and Float of its name read from the row's cells (Row), in a table
// of cells and in each kind of text table, for every row and column, an
// index out of range (-1, one past the last row or column) reading "" and
// NaN, short rows and quoted fields included.
func TestCellAtAsByName(t *testing.T) {
	cols := []string{"channel", "n", "note", "c1"}
	rows := [][]string{
		{"phone", "1.5", "", "7"},
		{"chat", "", "a, b", "x"},
		{"say \"hi\"", "2e-05", " lead", "-0"},
		{"short"},
		{"phone", "-3", "plain", "1e300"},
	}
	for name, tb := range tablesOfEveryKind(cols, rows) {
		for i := -1; i <= tb.Len(); i++ {
			for j := -1; j <= len(cols); j++ {
				want := ""
				if i >= 0 && i < tb.Len() {
					if r := tb.Row(i); j >= 0 && j < len(r) {
						want = r[j]
					}
				}
				if got := tb.TextAt(i, j); got != want {
					t.Errorf("%s: TextAt(%d, %d) = %q, want %q", name, i, j, got, want)
				}
				wantF := math.NaN()
				if want != "" {
					wantF = (&CSVTable{Columns: []string{"v"}, Rows: [][]string{{want}}}).Float(0, "v")
				}
				if got := tb.FloatAt(i, j); got != wantF && !(math.IsNaN(got) && math.IsNaN(wantF)) {
					t.Errorf("%s: FloatAt(%d, %d) = %v, want %v", name, i, j, got, wantF)
				}
				if j >= 0 && j < len(cols) && i >= 0 && i < tb.Len() {
					if got := tb.Text(i, cols[j]); got != tb.TextAt(i, j) {
						t.Errorf("%s: Text(%d, %s) = %q, TextAt %q", name, i, cols[j], got, tb.TextAt(i, j))
					}
				}
			}
		}
	}
}

// TestRowsWhereAsText: RowsWhere returns the rows whose Text in the column
// is the value, in order, in a table of cells and in each kind of text
// table (a spooled table's kept text columns searched by code), for values
// present, absent and empty, and a missing column.
func TestRowsWhereAsText(t *testing.T) {
	cols, rows := rowsToGroup()
	for name, tb := range tablesOfEveryKind(cols, rows) {
		for _, col := range append(cols, "missing") {
			for _, v := range []string{"phone", "chat", "mail", "a", "x", "y", "", "none"} {
				var want []int
				for r := range tb.Len() {
					if tb.Text(r, col) == v {
						want = append(want, r)
					}
				}
				if got := tb.RowsWhere(col, v); !slices.Equal(got, want) || (got == nil) != (want == nil) {
					t.Errorf("%s: RowsWhere(%s, %q) = %v, want %v", name, col, v, got, want)
				}
			}
		}
	}
}

// rowsToGroup returns the columns and rows the tests of RowsWhere and
// RowsBy search and group: keys in several rows, apart and in a row, an
// empty cell, a short row, a cell holding a comma.
func rowsToGroup() (cols []string, rows [][]string) {
	return []string{"channel", "n", "note", "c2"}, [][]string{
		{"phone", "1", "a", "x"},
		{"chat", "2", "", "y"},
		{"phone", "3", "a, b", "x"},
		{"short"},
		{"mail", "", "a", ""},
		{"phone", "4", "b", "y"},
		{"chat", "5", "a", "x"},
		{"phone", "6", "b", "y"},
	}
}

// tablesOfEveryKind returns a table of cells and one of each kind of text
// table (textKinds), by name, each with columns cols and rows added.
func tablesOfEveryKind(cols []string, rows [][]string) map[string]*CSVTable {
	tables := map[string]*CSVTable{"cells": {Columns: cols}}
	for _, kind := range textKinds {
		tables[kind.name] = kind.new(cols)
	}
	for _, tb := range tables {
		for _, r := range rows {
			tb.Add(r)
		}
	}
	return tables
}
