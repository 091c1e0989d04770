package scenarios

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// DefaultMaxPoints is the most points a sweep runs unless told otherwise:
// a grid larger than this is more often a mistake (a range with too fine a
// step) than a plan.
const DefaultMaxPoints = 10_000

// OpenGrid loads the scenario named on the command line (a file, or a
// built-in scenario, as Open finds it) once for each point of the grid:
// with the --set overrides sets, then the point's settings. It returns the
// scenarios in the grid's order, with the points.
//
// Every point is checked before any is returned, and every problem comes
// back at once as Errors: each problem as the scenario's loader words it,
// followed by the points that have it, with their values ("at point 3 of
// 12: pools.agents.agents=-2"), each problem once however many points have
// it.
// A grid of more than maxPoints points, and an override that sets what the
// grid sweeps, are refused before anything is loaded.
func OpenGrid(arg string, sets []string, g *Grid, maxPoints int) ([]*Scenario, []Point, error) {
	if n := g.Len(maxPoints); n < 0 {
		return nil, nil, fmt.Errorf("scenarios: the grid has %s points, more than the limit of %d: sweep fewer values, or raise the limit (--max-points)",
			g.size(), maxPoints)
	}
	swept := map[string]bool{}
	for _, p := range g.Paths() {
		swept[canonicalPath(p)] = true
	}
	var clash Errors
	for _, s := range sets {
		path, _, _ := strings.Cut(s, "=")
		if swept[canonicalPath(path)] {
			clash = append(clash, &Error{File: "--set " + s, Msg: fmt.Sprintf("%s is also swept: set it with --set or sweep it, not both", strings.TrimSpace(path))})
		}
	}
	if len(clash) > 0 {
		return nil, nil, clash
	}
	file, name, data, err := source(arg)
	if err != nil {
		return nil, nil, err
	}
	points := g.Points()
	out := make([]*Scenario, len(points))
	var problems []pointProblem
	for i, pt := range points {
		s, err := Parse(file, name, data, append(append([]string(nil), sets...), pt.Sets()...))
		if err == nil {
			out[i] = s
			continue
		}
		var es Errors
		if !errors.As(err, &es) {
			es = Errors{{File: file, Msg: err.Error()}}
		}
		for _, e := range es {
			problems = append(problems, pointProblem{e, pt})
		}
	}
	if len(problems) > 0 {
		return nil, nil, annotate(problems, len(points))
	}
	return out, points, nil
}

// size writes the number of points as the product of the dimensions'
// sizes: "3 × 200 × 50 = 30,000".
func (g *Grid) size() string {
	n := big.NewInt(1)
	var parts []string
	for _, d := range g.Dims {
		n.Mul(n, big.NewInt(int64(len(d.Rows))))
		parts = append(parts, fmt.Sprint(len(d.Rows)))
	}
	if len(parts) == 1 {
		return n.String()
	}
	return strings.Join(parts, " × ") + " = " + n.String()
}

// pointProblem is a problem of the scenario at one point of a grid.
type pointProblem struct {
	err   *Error
	point Point
}

// maxNamedPoints is the most points a problem names; the rest are counted.
const maxNamedPoints = 3

// annotate gathers the problems that several points share and adds to each
// the points that have it, in the order of the first point that has it.
func annotate(problems []pointProblem, total int) Errors {
	var order []string
	at := map[string][]Point{}
	first := map[string]*Error{}
	for _, p := range problems {
		key := p.err.Error()
		if _, ok := at[key]; !ok {
			order = append(order, key)
			first[key] = p.err
		}
		at[key] = append(at[key], p.point)
	}
	var out Errors
	for _, key := range order {
		e := *first[key]
		pts := at[key]
		var where string
		switch {
		case len(pts) == total && total > 1:
			where = fmt.Sprintf("at all %d points", total)
		case len(pts) == 1:
			where = fmt.Sprintf("at point %d of %d: %s", pts[0].Index+1, total, pts[0])
		default:
			var named []string
			for _, p := range pts[:min(len(pts), maxNamedPoints)] {
				named = append(named, fmt.Sprintf("#%d %s", p.Index+1, p))
			}
			if len(pts) > maxNamedPoints {
				named = append(named, fmt.Sprintf("and %d more", len(pts)-maxNamedPoints))
			}
			where = fmt.Sprintf("at %d of %d points: %s", len(pts), total, strings.Join(named, "; "))
		}
		e.Msg += " (" + where + ")"
		out = append(out, &e)
	}
	return out
}
