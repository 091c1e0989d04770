// Package folder writes and reads omnisim's output folders. A folder is
// written whole, into a temporary folder beside it renamed into place
// (Write), checked before a run so that a long run does not end in an
// error it could have reported at once (Check), and read back into a
// Dataset for omnisim plot and animate (Read). Its manifest lists the
// files omnisim wrote, so that --force replaces nothing else
// (ManifestFile, CheckReplace, RecordFiles).
//
// It knows the files of each command's folder (RunFiles with RunSummary
// and VisualFiles, StaffFiles, SweepFiles, CompareFiles) and gathers them
// from the rooms: the one package of output/ that imports the others. It
// decides nothing of what a file holds: the base computes the figures,
// output/table, output/chart and output/report render them.
package folder
