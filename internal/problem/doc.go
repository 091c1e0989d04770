// Package problem names what is wrong with a configuration, field by
// field: a Problem holds the field's path as its file writes it
// ("channels.phone.handle_time.cv", "pools.agents.shifts[0].lunch"), so
// that a decoder can place it at the line and column the field came from.
// models checks a Config with it, roster a roster's rules.
package problem
