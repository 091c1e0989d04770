package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

func TestParseVary(t *testing.T) {
	cases := []struct {
		name, arg string
		path      string
		want      []string
	}{
		{"list", "pools.agents.agents=12,13, 14", "pools.agents.agents", []string{"12", "13", "14"}},
		{"one value", "channels.phone.patience=never", "channels.phone.patience", []string{"never"}},
		{"integer range", "pools.agents.agents=2..5", "pools.agents.agents", []string{"2", "3", "4", "5"}},
		{"range with step", "pools.agents.agents=2..10/4", "pools.agents.agents", []string{"2", "6", "10"}},
		{"step past the end", "pools.agents.agents=2..9/4", "pools.agents.agents", []string{"2", "6"}},
		{"decimal range", "x=0.5..0.9/0.1", "x", []string{"0.5", "0.6", "0.7", "0.8", "0.9"}},
		{"units", "channels.phone.patience=1m..3m/1m", "channels.phone.patience", []string{"1m", "2m", "3m"}},
		{"step without unit", "channels.phone.patience=1m..3m/1", "channels.phone.patience", []string{"1m", "2m", "3m"}},
		{"percent", "journey.chase=10%..30%/10%", "journey.chase", []string{"10%", "20%", "30%"}},
		{"ranges and values", "a=1..3,10", "a", []string{"1", "2", "3", "10"}},
		{"lists and mappings", "pools.agents.agents=[10, 12],[12,14]", "pools.agents.agents", []string{"[10, 12]", "[12,14]"}},
		{"mapping", "channels.phone.handle_time={dist: lognormal, mean: 3m, cv: 1},3m", "channels.phone.handle_time",
			[]string{"{dist: lognormal, mean: 3m, cv: 1}", "3m"}},
		{"quoted comma", `title="a, b",c`, "title", []string{`"a, b"`, "c"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseVary(tc.arg)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range d.Rows {
				got = append(got, r[0])
			}
			if !slices.Equal(d.Paths, []string{tc.path}) || !slices.Equal(got, tc.want) {
				t.Errorf("got %v %q, want [%s] %q", d.Paths, got, tc.path, tc.want)
			}
		})
	}
}

func TestParseVaryErrors(t *testing.T) {
	cases := []struct{ name, arg, want string }{
		{"no equals", "pools.agents.agents", "--vary pools.agents.agents: want path=v1,v2,..."},
		{"no path", "=1,2", "--vary =1,2: want path="},
		{"bad path", "pools..agents=1", `--vary pools..agents=1: path "pools..agents" has an empty part`},
		{"empty value", "a=1,,2", "--vary a=1,,2: a: an empty value"},
		{"nothing", "a=", "--vary a=: a: an empty value"},
		{"descending", "a=5..2", `--vary a=5..2: a: range "5..2": it ends below where it starts`},
		{"zero step", "a=1..5/0", `range "1..5/0": the step must be above 0`},
		{"mixed units", "a=1m..5s", `range "1m..5s": write the same unit on each part`},
		{"not a number", "a=x..y", `range "x..y": "x" is not a number`},
		{"too many", "a=1..1000000000", "more than 100000: is the step right?"},
		{"repeated", "a=1,2,1", "--vary a=1,2,1: a: 1 given twice"},
		{"repeated by a range", "a=1..3,2", "--vary a=1..3,2: a: 2 given twice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseVary(tc.arg)
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("got %v, want Errors", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %q, want it to contain %q", err, tc.want)
			}
		})
	}
	// Every problem of a flag at once.
	_, err := ParseVary("a=1,,5..2,1")
	if n := strings.Count(err.Error(), "\n") + 1; n != 3 {
		t.Errorf("got %d problems, want 3:\n%v", n, err)
	}
}

// TestGridOrder: the first dimension varies slowest, the last fastest, and
// a dimension of points sets its settings together.
func TestGridOrder(t *testing.T) {
	g := &Grid{Dims: []Dim{
		{Paths: []string{"a"}, Rows: [][]string{{"1"}, {"2"}}},
		{Paths: []string{"b", "c"}, Rows: [][]string{{"x", "p"}, {"y", "q"}}},
		{Paths: []string{"d"}, Rows: [][]string{{"10"}, {"20"}, {"30"}}},
	}}
	if n := g.Len(100); n != 12 {
		t.Fatalf("Len: got %d, want 12", n)
	}
	if n := g.Len(11); n != -1 {
		t.Errorf("Len(11): got %d, want -1", n)
	}
	var got []string
	for _, p := range g.Points() {
		got = append(got, strings.Join(p.Values, ""))
	}
	want := []string{"1xp10", "1xp20", "1xp30", "1yq10", "1yq20", "1yq30", "2xp10", "2xp20", "2xp30", "2yq10", "2yq20", "2yq30"}
	if !slices.Equal(got, want) {
		t.Errorf("points: got %v, want %v", got, want)
	}
	p := g.Point(4)
	if s := p.String(); s != "a=1, b=y, c=q, d=20" || p.Index != 4 {
		t.Errorf("point 4: got %d %q", p.Index, s)
	}
}

func TestParseGrid(t *testing.T) {
	src := `# a grid
parameters:
  - path: pools.agents.agents
    values: [12, 14]
  - path: channels.phone.handle_time
    values:
      - 3m
      - {dist: lognormal, mean: 3m, cv: 1}
points:
  - {horizon: 1d, warmup: 1h}
  - {warmup: 2h, horizon: 2d}
`
	g, err := ParseGrid("g.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Paths(); !slices.Equal(got, []string{"pools.agents.agents", "channels.phone.handle_time", "horizon", "warmup"}) {
		t.Errorf("paths: got %v", got)
	}
	pts := g.Points()
	if len(pts) != 8 {
		t.Fatalf("got %d points, want 8", len(pts))
	}
	if got, want := pts[3].String(), "pools.agents.agents=12, channels.phone.handle_time={dist: lognormal, mean: 3m, cv: 1}, horizon=2d, warmup=2h"; got != want {
		t.Errorf("point 4: got %q, want %q", got, want)
	}

	r, err := ParseGrid("r.yaml", []byte("parameters:\n  - {path: a, values: 2..6/2}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Points(); len(got) != 3 || got[2].Values[0] != "6" {
		t.Errorf("range: got %v", got)
	}
}

func TestParseGridErrors(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"empty", "", []string{"g.yaml:1:1: the file is empty"}},
		{"syntax", "parameters: [", []string{"g.yaml:1:13: the bracket at line 1, column 13 is never closed"}},
		{"nothing", "{}", []string{"g.yaml:1:1: no parameters or points"}},
		{"unknown key", "parameter: []\n", []string{`g.yaml:1:1: parameter: unknown key (did you mean "parameters"?)`}},
		{"every problem at once", `parameters:
  - path: a
  - values: [1, 2]
  - path: b
    values: 7
    value: 3
  - path: c..d
    values: [1, 1]
`, []string{
			"g.yaml:2:5: parameters[0].values: missing",
			"g.yaml:3:5: parameters[1].path: missing",
			`g.yaml:5:13: parameters[2].values: want a list of values ([1, 2, 3]) or a range (1..3, 2..10/2), not "7"`,
			`g.yaml:6:5: parameters[2].value: unknown key (did you mean "values"?)`,
			`g.yaml:7:11: parameters[3].path: path "c..d" has an empty part`,
		}},
		{"repeated value", "parameters:\n  - path: a\n    values: [1, 2, 1]\n", []string{"g.yaml:3:20: parameters[0].values: 1 given twice"}},
		{"swept twice", "parameters:\n  - {path: a, values: [1]}\n  - {path: a, values: [2]}\n",
			[]string{"g.yaml:3:5: parameters[1]: a is swept twice"}},
		{"points that differ", `points:
  - {a: 1, b: 2}
  - {a: 2}
  - {a: 3, b: 4, c: 5}
  - 7
`, []string{
			"g.yaml:3:5: points[1]: b is missing",
			`g.yaml:4:18: points[2].c: not set by the first point`,
			`g.yaml:5:5: points[3]: want a mapping of settings to values`,
		}},
		{"bad range", "parameters:\n  - {path: a, values: 3..1}\n", []string{`g.yaml:2:23: parameters[0].values: range "3..1": it ends below where it starts`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseGrid("g.yaml", []byte(tc.src))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("got %v, want Errors", err)
			}
			if len(es) != len(tc.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(es), len(tc.want), err)
			}
			for i, w := range tc.want {
				if i < len(es) && !strings.HasPrefix(es[i].Error(), w) {
					t.Errorf("problem %d: got %q, want it to start %q", i+1, es[i], w)
				}
			}
		})
	}
}

// FuzzParseGrid: nothing a grid file holds makes the loader panic.
func FuzzParseGrid(f *testing.F) {
	f.Add([]byte("parameters:\n  - {path: a, values: [1, 2]}\npoints:\n  - {b: 1}\n"))
	f.Add([]byte("parameters:\n  - {path: a, values: 1..1000000}\n"))
	f.Add([]byte("points: [{a: *x}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseGrid("f.yaml", data)
		if err == nil && g.Len(1000) > 0 {
			g.Point(0)
		}
	})
}

func TestOpenGrid(t *testing.T) {
	vary := func(args ...string) *Grid {
		g := &Grid{}
		for _, a := range args {
			d, err := ParseVary(a)
			if err != nil {
				t.Fatal(err)
			}
			g.Dims = append(g.Dims, d)
		}
		return g
	}
	t.Run("good", func(t *testing.T) {
		scs, pts, err := OpenGrid("textbook", []string{"horizon=1d"}, vary("pools.agents.agents=12,14", "channels.phone.patience=2m,never"), DefaultMaxPoints)
		if err != nil {
			t.Fatal(err)
		}
		if len(scs) != 4 || len(pts) != 4 {
			t.Fatalf("got %d scenarios and %d points, want 4", len(scs), len(pts))
		}
		if c := scs[1].Config; c.Pools[0].Agents[0] != 12 || c.Horizon != 86400 || c.Channels[0].Patience.Kind != models.Never {
			t.Errorf("point 2: agents %v, horizon %v, patience %v", c.Pools[0].Agents, c.Horizon, c.Channels[0].Patience)
		}
	})
	t.Run("every bad point at once", func(t *testing.T) {
		_, _, err := OpenGrid("textbook", nil, vary("pools.agents.agents=-1,14,-2", "channels.phone.patience=2m,5x"), DefaultMaxPoints)
		var es Errors
		if !errors.As(err, &es) {
			t.Fatalf("got %v, want Errors", err)
		}
		want := []string{
			"--set pools.agents.agents=-1: pools.agents.agents: must be ≥ 0, not -1 (at 2 of 6 points: #1 pools.agents.agents=-1, channels.phone.patience=2m; #2 pools.agents.agents=-1, channels.phone.patience=5x)",
			`--set channels.phone.patience=5x: channels.phone.patience: duration "5x": unknown unit "x" (use ms, s, m, h, d or w) (at 3 of 6 points: #2 `,
			"--set pools.agents.agents=-2: pools.agents.agents: must be ≥ 0, not -2 (at 2 of 6 points: #5 ",
		}
		if len(es) != len(want) {
			t.Fatalf("got %d problems, want %d:\n%v", len(es), len(want), err)
		}
		for i, w := range want {
			if !strings.HasPrefix(es[i].Error(), w) {
				t.Errorf("problem %d:\n got %q\nwant %q...", i+1, es[i], w)
			}
		}
	})
	t.Run("a problem at every point", func(t *testing.T) {
		// The same problem at every point is reported once.
		_, _, err := OpenGrid("textbook", []string{"warmup=10d"}, vary("pools.agents.agents=12,14"), DefaultMaxPoints)
		if err == nil || !strings.HasPrefix(err.Error(), "--set warmup=10d: warmup: ") ||
			!strings.HasSuffix(err.Error(), " (at all 2 points)") || strings.Contains(err.Error(), "\n") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("set and swept", func(t *testing.T) {
		_, _, err := OpenGrid("textbook", []string{" pools.agents.agents =12"}, vary("pools.agents.agents=1,2"), DefaultMaxPoints)
		if err == nil || !strings.Contains(err.Error(), "pools.agents.agents is also swept") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("too many points", func(t *testing.T) {
		_, _, err := OpenGrid("textbook", nil, vary("pools.agents.agents=1..200", "horizon=1d..100d"), 10_000)
		if err == nil || !strings.Contains(err.Error(), "200 × 100 = 20000 points, more than the limit of 10000") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("grid file", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "g.yaml")
		if err := os.WriteFile(p, []byte("parameters:\n  - {path: pools.agents.agents, values: [12, 13]}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		g, err := LoadGrid(p)
		if err != nil {
			t.Fatal(err)
		}
		if scs, _, err := OpenGrid("textbook", nil, g, DefaultMaxPoints); err != nil || len(scs) != 2 {
			t.Errorf("got %d scenarios, %v", len(scs), err)
		}
		if _, err := LoadGrid(filepath.Join(t.TempDir(), "none.yaml")); err == nil {
			t.Error("a missing grid file: no error")
		}
	})
}
