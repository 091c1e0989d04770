// Command omnisim simulates customer service across channels: run a
// scenario, check a file, or work out staffing with the Erlang formulas.
// Run omnisim --help for the commands.
package main

import "os"

func main() {
	os.Exit(execute(os.Args[1:], os.Stdout, os.Stderr))
}
