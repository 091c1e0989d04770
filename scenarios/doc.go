// Package scenarios reads omnisim's YAML scenario files into validated
// models.Config values, and holds the built-in library of scenarios.
//
// Decoding goes through yaml.Node, so every problem is reported with its
// file, line and column and the path of the field
// ("phone.yaml:12:5: channels.phone.patience.cv: must be a finite number ≥ 0"),
// and every problem in a file is reported at once rather than the first
// alone. Unknown keys, wrong types, bad durations and impossible values are
// all errors; nothing a user writes can make the loader panic.
//
// Overrides given on the command line (--set path=value) are applied to the
// YAML tree before decoding, so they are checked exactly like the file.
package scenarios
