package table

import (
	"fmt"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// describeClasses says in one line the classes of customer and what sets
// each apart: "classes: vip 10 %, priority 1, patience × 2; standard
// 90 %, priority 2, served first after waiting 3m".
func describeClasses(cfg *models.Config) string {
	parts := make([]string, len(cfg.Classes))
	for i, cl := range cfg.Classes {
		parts[i] = cl.Name + " " + cl.String()
	}
	return "classes: " + strings.Join(parts, "; ")
}

// writeClasses writes, with classes of customer, a table of each
// channel's figures by class (models.ClassFigures): a row per channel
// and class; channels where no class was offered a contact are left out.
func (r run) writeClasses(b *strings.Builder) {
	if len(r.Config.Classes) < 2 {
		return
	}
	fmt.Fprintf(b, "\nBy class of customer, each figure a mean ± 95 %% CI\n\n")
	header := []string{"channel", "class"}
	for _, f := range models.ClassFigures {
		header = append(header, f.Label)
	}
	t := output.NewTable(header...)
	for i, cs := range r.Summary.Channels {
		if cs.Total.Offered == 0 {
			continue
		}
		for _, cl := range cs.Classes {
			row := []string{r.Config.Channels[i].Name, cl.Name}
			for fi, f := range models.ClassFigures {
				e := cl.Figures[fi]
				row = append(row, output.Estimate(e.Mean, e.HalfWidth, f.Unit))
			}
			t.Row(row...)
		}
	}
	t.WriteTo(b)
}
