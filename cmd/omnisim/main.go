// Command omnisim simulates customer service across channels: run a
// scenario, check a file, or work out staffing with the Erlang formulas.
// Run omnisim --help for the commands.
package main

import "os"

func main() {
	stop := catchSignals(os.Stderr, os.Exit)
	code := execute(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
