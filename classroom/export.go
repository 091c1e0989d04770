package classroom

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/scenarios"
)

// LinkFile is the file of an exported folder that holds the link to the
// same settings.
const LinkFile = "classroom-link.txt"

// Export writes the view the trainer has, A and B of settings st, into a
// new folder under the server's OutDir: at its top, the comparison of A
// and B as omnisim compare writes it (compare.csv, the charts,
// report.html comparing them, summary.json, both scenarios as run), with
// LinkFile holding the link that opens the same settings and the command
// lines that run them; and in b/, side B as the usual output folder of a
// run (the tables, the charts, report.html with the story's claims judged
// on B, the scenario as run with B's overrides). It never writes into a
// folder that is there: a name taken is followed by -2, -3... It runs the
// sides again rather than keep every run's tables in memory: the same
// settings and seed give the same numbers.
func (s *Server) Export(ctx context.Context, story *Story, st Settings, link string) (string, error) {
	s.exportMu.Lock()
	defer s.exportMu.Unlock()
	seed := st.Seed
	if seed == 0 {
		seed = story.scenario.Config.Seed
	}
	sideA := side{story: story, seed: seed}
	sideB := side{story: story, sets: st.Sets(story), seed: seed}
	o, err := s.cache.get(ctx, s.runner, sideB, nil)
	if err != nil {
		return "", err
	}
	repA, _, scA, err := s.runner.report(ctx, sideA, nil)
	if err != nil {
		return "", err
	}
	repB, _, scB, err := s.runner.report(ctx, sideB, nil)
	if err != nil {
		return "", err
	}
	repB.Claims = ClaimsOf(o.Judged)
	cl := exportCommands(story, sideB.sets, seed, scA.Replications)

	// B as a run's folder, in b/.
	provB := &output.Provenance{Command: output.CommandLine(cl.demo), Sets: sideB.sets}
	base := strings.TrimSuffix(output.ScenarioFile, ".yaml")
	if provB.Files, err = resolvedFiles(scB, base, output.ScenarioFile, seed); err != nil {
		return "", err
	}
	provB.ScenarioFiles = []string{output.ScenarioFile}
	repB.Provenance = provB
	ds := repB.Dataset(s.opts.Version)
	runFiles := folder.RunFiles(ds, folder.RunSummary(repB, s.opts.Version), append(folder.VisualFiles(ds), provB.Files...)...)

	// The comparison, at the top.
	cr := output.NewCompareReport(output.Variant{Report: repA}, output.Variant{Report: repB, Sets: sideB.sets})
	cr.Provenance = &output.Provenance{Command: output.CommandLine(cl.compare), Sets: cl.compareSets,
		ScenarioFiles: []string{"scenario-a.yaml", "scenario-b.yaml"}}
	for _, v := range []struct {
		sc   *scenarios.Scenario
		name string
	}{{scA, "scenario-a.yaml"}, {scB, "scenario-b.yaml"}} {
		files, err := resolvedFiles(v.sc, strings.TrimSuffix(v.name, ".yaml"), v.name, seed)
		if err != nil {
			return "", err
		}
		cr.Provenance.Files = append(cr.Provenance.Files, files...)
	}
	files := folder.CompareFiles(cr, s.opts.Version)
	files = append(files, output.File{Name: LinkFile,
		Description: "the link that opens these settings in omnisim serve, and the commands that run them",
		Write: func(w io.Writer) error {
			_, err := fmt.Fprintf(w, "%s\n\nThe same from the command line: A and B compared (this folder),\n\n  %s\n\nand B alone with the story's claims (b/),\n\n  %s\n",
				link, cr.Provenance.Command, provB.Command)
			return err
		}})
	for _, f := range runFiles {
		f.Name = "b/" + f.Name
		files = append(files, f)
	}
	return s.writeNew(story.Name+"-classroom-"+s.now().Format("20060102-150405"), files)
}

// exportLines are the command lines that run an export's sides again: B
// alone with the story's claims (omnisim demo), A and B compared (omnisim
// compare), and compare's --set-b settings as the provenance lists them.
type exportLines struct {
	demo, compare, compareSets []string
}

// exportCommands returns the command lines of a story's sides, B with
// the settings sets, of reps replications from seed.
func exportCommands(story *Story, sets []string, seed uint64, reps int) exportLines {
	name := story.scenario.File
	if strings.HasPrefix(name, "builtin:") {
		name = story.Name
	}
	seedText := strconv.FormatUint(seed, 10)
	cl := exportLines{
		demo:    []string{"omnisim", "demo", name, "--seed", seedText},
		compare: []string{"omnisim", "compare", name, name, "--seed", seedText, "--reps", strconv.Itoa(reps)},
	}
	for _, set := range sets {
		cl.demo = append(cl.demo, "--set", set)
		cl.compare = append(cl.compare, "--set-b", set)
		cl.compareSets = append(cl.compareSets, "--set-b "+set)
	}
	return cl
}

// writeNew writes files into a new folder of the server's OutDir named
// name, or name-2, name-3... when a name is taken, and returns its path.
func (s *Server) writeNew(name string, files []output.File) (string, error) {
	if err := os.MkdirAll(s.opts.OutDir, 0o755); err != nil {
		return "", fmt.Errorf("classroom: %w", err)
	}
	dirBase := filepath.Join(s.opts.OutDir, name)
	dir := dirBase
	for i := 2; ; i++ {
		err := folder.Write(dir, files, false)
		var taken *output.ExistsError
		if errors.As(err, &taken) && i < 100 {
			dir = dirBase + "-" + strconv.Itoa(i)
			continue
		}
		if err != nil {
			return "", err
		}
		return dir, nil
	}
}

// resolvedFiles returns a scenario as run, named name in the folder, with
// the files it names (their names starting with base), for a folder's
// provenance.
func resolvedFiles(sc *scenarios.Scenario, base, name string, seed uint64) ([]output.File, error) {
	res, err := sc.Resolve(base, seed, sc.Replications)
	if err != nil {
		return nil, err
	}
	named := map[string][]byte{}
	for _, f := range res.Files {
		named[f.Name] = f.Data
	}
	return output.ScenarioFiles(name, res.YAML, named), nil
}
