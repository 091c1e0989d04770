// Package chart draws omnisim's charts with gonum/plot, as PNG or SVG
// (Chart.Render): a run's, from its Dataset alone, so that omnisim plot
// can draw them again from a folder (Run), with a demo's A/B chart of
// each claim (Claims); a comparison's (Compare), a sweep's (Sweep), a
// staffing plan's (Staff), and those of omnisim fit (HandleTime, Check).
// It animates a run as a GIF too (Animate).
//
// It writes no file: output/folder puts the charts into an output folder,
// and hands them, as SVG, to the HTML report.
package chart
