// Package output is the base of what omnisim writes, which every room of
// output/ imports. It holds what more than one room needs, and the
// results they render:
//
//   - the formatting of figures (Value, Estimate, Count, Rounded, Clock,
//     the units) and the words of sentences (Plural, JoinAnd,
//     SpokenCount, DescribeSpan), and one text wrapping (Wrap);
//   - aligned text tables (Table) and JSON objects that keep their keys in
//     order (Object);
//   - the one atomic file write (WriteFileAtomic) and the registry of
//     temporaries behind every write, which an interrupt empties
//     (Interrupt); a file of an output folder (File) and the names of the
//     folders' files;
//   - the results: a run's report (RunReport, NewPooledReport) with its
//     periods, half-widths, totals and verdicts on targets, and the
//     Dataset its charts and report are drawn from; a comparison
//     (CompareReport), a staffing search (StaffReport) and a sweep
//     (SweepReport).
//
// It draws and writes out nothing itself: the rooms do.
//
//   - output/table: text tables for people, JSON and CSV for tools;
//   - output/chart: the charts (gonum/plot) and the animation;
//   - output/report: the HTML pages, report.html;
//   - output/folder: the output folders, written whole, and read back;
//   - output/shard: the part files of a sharded run.
//
// A room imports the base and no other room, but for the folder writer,
// which gathers every file of a folder from the others.
package output
