package scenarios

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// maxHeadcount is the largest headcount a change may give an interval or a
// shift: the largest a file may write.
const maxHeadcount = models.MaxAgents

// maxScale bounds a pool's scale: far above any change a planner means,
// low enough that reading it exactly stays cheap.
const maxScale = 1e6

// maxScaleText bounds the characters of a scale as written, so that
// reading it exactly stays cheap whatever its exponent.
const maxScaleText = 32

// poolChange is a relative change of a pool's staffing, the pool keys add
// and scale: it applies to the headcount the pool ends up with, from its
// agents, its shifts or the scenario's staffing table, so that a plan
// keeps its shape ("one more agent in every half hour") instead of being
// replaced by a flat headcount.
type poolChange struct {
	pool string
	// add is the number of agents added to every interval or shift, after
	// scaling; it may be negative.
	add int
	// scale multiplies every interval's or shift's agents, exactly (1.1
	// is eleven tenths, not the nearest binary fraction); nil for none.
	scale *big.Rat
	// addNode and scaleNode are where the keys were written, for messages.
	addNode, scaleNode *yaml.Node
	path               string
}

// decodeAdd reads a pool's add: a whole number of agents, of either sign.
func (d *decoder) decodeAdd(c *poolChange, n *yaml.Node, path string) {
	v := d.parsed(n, path, addForm, func(s string) (float64, error) {
		v, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 32)
		if err != nil {
			return 0, fmt.Errorf("want a whole number of agents to add to every interval or shift (negative to remove), such as 1 or -2, not %q", s)
		}
		return float64(v), nil
	})
	if !math.IsNaN(v) {
		c.add, c.addNode = int(v), n
	}
}

// decodeScale reads a pool's scale: a number above 0, or a percentage
// (1.1 or 110%).
func (d *decoder) decodeScale(c *poolChange, n *yaml.Node, path string) {
	text, ok := d.scalar(n, path, scaleForm)
	if !ok {
		return
	}
	r, err := parseScale(text)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return
	}
	c.scale, c.scaleNode = r, n
}

// parseScale reads a factor, "1.1" or "110%", exactly as written.
func parseScale(text string) (*big.Rat, error) {
	s := strings.TrimSpace(text)
	num, percent := strings.CutSuffix(s, "%")
	num = strings.TrimSpace(num)
	bad := fmt.Errorf("want a factor above 0 that multiplies every interval's or shift's agents, such as 1.1 or 110%%, not %q", text)
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || strings.ContainsAny(num, "xXpP_") || len(num) > maxScaleText {
		return nil, bad
	}
	if percent {
		f /= 100
	}
	if !(f > 0) {
		return nil, fmt.Errorf("must be above 0, not %s: it multiplies every interval's or shift's agents (1 leaves them, 0.9 takes a tenth off); to remove agents use add", strings.TrimSpace(text))
	}
	if f > maxScale {
		return nil, fmt.Errorf("must be at most %g, not %s", maxScale, strings.TrimSpace(text))
	}
	r, ok := new(big.Rat).SetString(num)
	if !ok {
		return nil, bad
	}
	if percent {
		r.Quo(r, big.NewRat(100, 1))
	}
	return r, nil
}

// applyPoolChanges applies each pool's add and scale to the headcount it
// has now, once its agents, its shifts and the staffing table are read:
// each interval's agents (or each shift's) n become round(n × scale) + add,
// rounded half up (10 × 1.05 = 10.5 gives 11), and never below 0 (an
// interval with fewer agents than add removes is left with none). A
// headcount that is already wrong (negative) is left for validation to
// report.
func (d *decoder) applyPoolChanges(cfg *models.Config) {
	for _, c := range d.poolChanges {
		for i := range cfg.Pools {
			p := &cfg.Pools[i]
			if p.Name != c.pool {
				continue
			}
			ok := true
			for k := 0; ok && k < len(p.Agents); k++ {
				p.Agents[k], ok = d.changed(c, p.Agents[k], fmt.Sprintf("interval %d", k))
			}
			for k := 0; ok && k < len(p.Shifts); k++ {
				p.Shifts[k].Agents, ok = d.changed(c, p.Shifts[k].Agents, fmt.Sprintf("shift %d", k+1))
			}
		}
	}
}

// changed returns headcount n after change c, and false (having reported
// it) when the result is too large to count; what names the interval or
// shift in that message.
func (d *decoder) changed(c poolChange, n int, what string) (int, bool) {
	if n < 0 {
		return n, true
	}
	v := big.NewInt(int64(n))
	if c.scale != nil {
		// round(n·p/q) half up, for n·p/q ≥ 0: ⌊(2·n·p + q) ÷ 2q⌋.
		p, q := c.scale.Num(), c.scale.Denom()
		twice := new(big.Int).Mul(v, p)
		twice.Lsh(twice, 1).Add(twice, q)
		v.Quo(twice, new(big.Int).Lsh(q, 1))
	}
	v.Add(v, big.NewInt(int64(c.add)))
	if v.Sign() < 0 {
		return 0, true
	}
	if !v.IsInt64() || v.Int64() > maxHeadcount {
		at, key := c.scaleNode, "scale"
		if at == nil {
			at, key = c.addNode, "add"
		}
		d.errorf(at, join(c.path, key), "gives %s %s agents, more than %d (the limit of a pool in an interval)", what, v, maxHeadcount)
		return n, false
	}
	return int(v.Int64()), true
}
