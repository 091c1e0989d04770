package output

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// ScenarioFile is the name of the scenario as run in an output folder.
const ScenarioFile = "scenario.yaml"

// Provenance records how an output folder was made, so that what it shows
// can be made again: the command line, the overrides it gave, and the
// scenario as run (with the overrides applied), written into the folder.
type Provenance struct {
	// Command is the command line, quoted as a shell needs it.
	Command string
	// Sets are the overrides given, each as written ("path=value"; for a
	// comparison, "--set-b path=value" where the flag says which side).
	Sets []string
	// ScenarioFiles are the scenarios' names in the folder (ScenarioFile,
	// or for a comparison one per side).
	ScenarioFiles []string
	// Files are the scenarios as run and the files they name, to be
	// written into the folder.
	Files []File
}

// ScenarioFiles returns the files of a scenario as run, the first holding
// the scenario itself (named name) and the others the files it names.
func ScenarioFiles(name string, text []byte, named map[string][]byte) []File {
	files := []File{{Name: name, Description: "the scenario as run, every --set applied, with its seed and replications: omnisim run " + name + " runs it again",
		Write: bytesWriter(text)}}
	keys := make([]string, 0, len(named))
	for k := range named {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		files = append(files, File{Name: k, Description: "a file " + name + " names, as it was read", Write: bytesWriter(named[k])})
	}
	return files
}

func bytesWriter(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// Set records the provenance in an output folder's summary.json: the
// command line ("command"), the overrides ("sets") and the scenarios' files
// ("scenario_files"). A nil Provenance records nothing.
func (p *Provenance) Set(o *Object) {
	if p == nil {
		return
	}
	o.Set("command", p.Command)
	o.Set("sets", append([]string{}, p.Sets...))
	o.Set("scenario_files", append([]string{}, p.ScenarioFiles...))
}

// CommandLine writes args as one command line a POSIX shell reads back as
// them: a word with anything but letters, digits and -_./=:,+@% is quoted.
func CommandLine(args []string) string {
	words := make([]string, len(args))
	for i, a := range args {
		words[i] = shellQuote(a)
	}
	return strings.Join(words, " ")
}

func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:,+@%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// staffingWords says how many agents a pool has: "12", "8 to 17 by
// interval", "3 shifts of 8 to 14 agents".
func staffingWords(p models.Pool) string {
	span := func(lo, hi int) string {
		if lo == hi {
			return fmt.Sprint(lo)
		}
		return fmt.Sprintf("%d to %d", lo, hi)
	}
	switch {
	case len(p.Shifts) > 0:
		lo, hi := p.Shifts[0].Agents, p.Shifts[0].Agents
		for _, s := range p.Shifts {
			lo, hi = min(lo, s.Agents), max(hi, s.Agents)
		}
		if len(p.Shifts) == 1 {
			return fmt.Sprintf("1 shift of %s agents", span(lo, hi))
		}
		return fmt.Sprintf("%d shifts of %s agents", len(p.Shifts), span(lo, hi))
	case len(p.Agents) == 1:
		return fmt.Sprint(p.Agents[0])
	case len(p.Agents) > 1:
		return span(slices.Min(p.Agents), slices.Max(p.Agents)) + " by interval"
	}
	return ""
}
