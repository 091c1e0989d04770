// Package table writes omnisim's results as text for people and as JSON
// and CSV for tools: a run's report (WriteRun, RunJSON), a staffing
// search's (WriteStaff, StaffJSON, StaffCSV), a sweep's (WriteSweep,
// SweepJSON, SweepCSV), a comparison's (WriteCompare, CompareJSON,
// CompareCSV); a scenario's settings in words (DescribeSettings); and the
// contacts of a traced run, contacts.csv (Contacts).
//
// It computes no figure: the base does (a RunReport's estimates, its
// Dataset, whose tables are a run's CSV files). Nor does it put anything
// in a folder: output/folder does, with these renderings among the files.
package table
