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
)

// LinkFile is the file of an exported folder that holds the link to the
// same settings.
const LinkFile = "classroom-link.txt"

// Export writes side B of settings st, the view the trainer has, as the
// usual output folder of a run (the tables, charts, report.html with the
// story's claims judged on B, the scenario as run with B's overrides, and
// summary.json) into a new folder under the server's OutDir, with the
// link that opens the same settings in LinkFile. It never writes into a
// folder that is there: a name taken is followed by -2, -3... It runs B
// again rather than keep every run's tables in memory: the same settings
// and seed give the same numbers.
func (s *Server) Export(ctx context.Context, story *Story, st Settings, link string) (string, error) {
	s.exportMu.Lock()
	defer s.exportMu.Unlock()
	seed := st.Seed
	if seed == 0 {
		seed = story.scenario.Config.Seed
	}
	sd := side{story: story, sets: st.Sets(story), seed: seed}
	o, err := s.cache.get(ctx, s.runner, sd, nil)
	if err != nil {
		return "", err
	}
	rep, _, sc, err := s.runner.report(ctx, sd, nil)
	if err != nil {
		return "", err
	}
	rep.Claims = ClaimsOf(o.Judged)
	args := []string{"omnisim", "demo", story.scenario.File, "--seed", strconv.FormatUint(seed, 10)}
	if strings.HasPrefix(args[2], "builtin:") {
		args[2] = story.Name
	}
	for _, set := range sd.sets {
		args = append(args, "--set", set)
	}
	prov := &output.Provenance{Command: output.CommandLine(args), Sets: sd.sets}
	res, err := sc.Resolve(strings.TrimSuffix(output.ScenarioFile, ".yaml"), seed, sc.Replications)
	if err != nil {
		return "", err
	}
	named := map[string][]byte{}
	for _, f := range res.Files {
		named[f.Name] = f.Data
	}
	prov.ScenarioFiles = []string{output.ScenarioFile}
	prov.Files = output.ScenarioFiles(output.ScenarioFile, res.YAML, named)
	rep.Provenance = prov
	ds := rep.Dataset(s.opts.Version)
	extra := append(folder.VisualFiles(ds), prov.Files...)
	extra = append(extra, output.File{Name: LinkFile,
		Description: "the link that opens these settings in omnisim serve, and the command that runs them",
		Write: func(w io.Writer) error {
			_, err := fmt.Fprintf(w, "%s\n\nThe same run from the command line:\n\n  %s\n", link, prov.Command)
			return err
		}})
	files := folder.RunFiles(ds, folder.RunSummary(rep, s.opts.Version), extra...)
	if err := os.MkdirAll(s.opts.OutDir, 0o755); err != nil {
		return "", fmt.Errorf("classroom: %w", err)
	}
	base := filepath.Join(s.opts.OutDir, story.Name+"-classroom-"+s.now().Format("20060102-150405"))
	dir := base
	for i := 2; ; i++ {
		err := folder.Write(dir, files, false)
		var taken *output.ExistsError
		if errors.As(err, &taken) && i < 100 {
			dir = base + "-" + strconv.Itoa(i)
			continue
		}
		if err != nil {
			return "", err
		}
		return dir, nil
	}
}
