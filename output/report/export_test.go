package report

// What the external tests (package report_test, which may import the
// folder writer above this package) reach of its insides.

// CSP is the report's Content-Security-Policy.
const CSP = reportCSP

// ChartsOf returns hand-made charts of a Dataset, as the report tests
// draw them.
var ChartsOf = testCharts

// FigureRE finds the figures of a report: their ids and contents.
var FigureRE = figureRE
