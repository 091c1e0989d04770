// Package output turns results into what people and tools read: aligned
// text tables, JSON with a fixed key order, and the formatting of figures.
// Later it also writes CSV files, charts and the HTML report.
package output
