// Package arch holds no code: its test checks the module's import rules,
// the arrows docs/architecture.md draws between the packages, so that no
// import runs back up.
package arch
