// Package report writes report.html, the page for people of every output
// folder: one self-contained page (no request of any kind, each chart an
// SVG in an <img>), the same bytes for the same results, for a run
// (WriteRun, from its Dataset alone; a demo's with its story first), a comparison (WriteCompare), a
// staffing search (WriteStaff) and a sweep (WriteSweep).
//
// It draws no chart: it is handed them rendered (Chart), as output/folder
// renders output/chart's.
package report
