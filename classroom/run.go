package classroom

import (
	"container/list"
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/scenarios"
)

// Outcome is one side's run as the page shows it: its frames, and its
// claims judged. It is what the cache keeps, small beside the run itself.
type Outcome struct {
	// Frames are the run's intervals (Frames).
	Frames []Frame
	// Meta describes the run for the page.
	Meta SideMeta
	// Judged are the story's claims judged on the run, Verdicts the same
	// in words; nil until judged.
	Judged   []experiment.Verdict
	Verdicts []Verdict
	// Partial tells that the frames are of the first replications
	// (firstReps), the rest still running.
	Partial bool
	// RunTime is how long the run took (its replications and frames),
	// JudgeTime how long judging its claims took (their variants' runs).
	RunTime, JudgeTime time.Duration
}

// SideMeta describes a side's run for the page.
type SideMeta struct {
	Channels        []output.ChannelMeta `json:"channels"`
	Pools           []output.PoolMeta    `json:"pools"`
	IntervalSeconds float64              `json:"interval_seconds"`
	HorizonSeconds  float64              `json:"horizon_seconds"`
	WarmupSeconds   float64              `json:"warmup_seconds"`
	Replications    int                  `json:"replications"`
	Seed            uint64               `json:"seed"`
	WordOfMouth     bool                 `json:"word_of_mouth"`
}

// side is a side to run: the story's scenario with overrides, a seed and
// replications.
type side struct {
	story *Story
	sets  []string
	seed  uint64
}

// key identifies a side's run: the same key, the same frames.
func (s side) key() string {
	return s.story.Name + "\x00" + strconv.FormatUint(s.seed, 10) + "\x00" + strings.Join(s.sets, "\x00")
}

// load returns the side's scenario and configuration, with its seed.
func (s side) load() (*scenarios.Scenario, models.Config, error) {
	sc := s.story.scenario
	if len(s.sets) > 0 {
		var err error
		if sc, err = sc.Variant(s.sets); err != nil {
			return nil, models.Config{}, err
		}
	}
	cfg := sc.Config
	cfg.Seed = s.seed
	return sc, cfg, nil
}

// runner runs replications on a number of workers (all cores at ≤ 0),
// with at most slots runs at once, the rest waiting their turn.
type runner struct {
	workers int
	slots   chan struct{}
	version string
}

// acquire waits for a slot, or for ctx to end.
func (r *runner) acquire(ctx context.Context) error {
	select {
	case r.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (r *runner) release() { <-r.slots }

// replications runs reps replications of cfg, adding each to pooled (when
// not nil) and returning each by day, as omnisim demo judges claims. It
// stops between replications when ctx ends: a replication cannot be
// stopped halfway, and takes a fraction of a second.
func (r *runner) replications(ctx context.Context, cfg *models.Config, reps int, pooled *models.Pooled) ([]*models.Result, error) {
	return r.span(ctx, cfg, 0, reps, pooled, nil)
}

// span runs replications from to to−1 of cfg as replications does,
// appending each by day to out.
func (r *runner) span(ctx context.Context, cfg *models.Config, from, to int, pooled *models.Pooled, out []*models.Result) ([]*models.Result, error) {
	if err := r.acquire(ctx); err != nil {
		return nil, err
	}
	defer r.release()
	full := *cfg
	full.SetDefaults()
	run := experiment.Run{Config: cfg, Reps: experiment.Span(from, to), Workers: r.workers}
	err := run.Stream(func(_ int, res *models.Result) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if pooled != nil {
			pooled.Add(res)
		}
		out = append(out, res.ByDay(&full))
		return nil
	})
	return out, err
}

// firstReps is how many replications a side shows first, when it has
// more: the view of a story of many replications (word-of-mouth's 20 of
// four weeks) comes in under a second, and is updated when the rest have
// run.
const firstReps = 10

// report runs a side and returns its report, with each replication by
// day for the judge. When the side has more than firstReps replications,
// first is called with the report of the first firstReps, before the
// rest run.
func (r *runner) report(ctx context.Context, s side, first func(*output.RunReport)) (*output.RunReport, []*models.Result, *scenarios.Scenario, error) {
	sc, cfg, err := s.load()
	if err != nil {
		return nil, nil, nil, err
	}
	pooled := models.NewPooled(&cfg)
	reps := sc.Replications
	var byDay []*models.Result
	if first != nil && reps > firstReps {
		if byDay, err = r.span(ctx, &cfg, 0, firstReps, pooled, nil); err != nil {
			return nil, nil, nil, err
		}
		part := output.NewPooledReport(sc.Name, sc.Title, sc.File, &cfg, pooled)
		first(part)
	}
	if byDay, err = r.span(ctx, &cfg, len(byDay), reps, pooled, byDay); err != nil {
		return nil, nil, nil, err
	}
	rep := output.NewPooledReport(sc.Name, sc.Title, sc.File, &cfg, pooled)
	rep.Description = sc.Description
	return rep, byDay, sc, nil
}

// run runs a side: its frames, then its claims judged, handing the
// outcome to ran once the frames are there (so that the page shows the
// run before the judge, which runs the claims' variants, is done).
func (r *runner) run(ctx context.Context, s side, ran func(*Outcome)) (*Outcome, error) {
	start := time.Now()
	var first func(*output.RunReport)
	if ran != nil {
		first = func(part *output.RunReport) {
			o := r.outcome(part)
			o.RunTime, o.Partial = time.Since(start), true
			ran(o)
		}
	}
	rep, byDay, sc, err := r.report(ctx, s, first)
	if err != nil {
		return nil, err
	}
	o := r.outcome(rep)
	o.RunTime = time.Since(start)
	if ran != nil {
		ran(o)
	}
	start = time.Now()
	if len(sc.Claims) > 0 && len(byDay) >= 2 {
		judged, err := experiment.Judge(sc, byDay, func(v *scenarios.Scenario) ([]*models.Result, error) {
			vc := v.Config
			vc.Seed = s.seed
			return r.replications(ctx, &vc, len(byDay), nil)
		})
		if err != nil {
			return nil, err
		}
		done := *o
		done.Judged, done.Verdicts = judged, Verdicts(judged, rep.Config)
		done.JudgeTime = time.Since(start)
		o = &done
	}
	return o, nil
}

// outcome returns a report's frames and description for the page.
func (r *runner) outcome(rep *output.RunReport) *Outcome {
	ds := rep.Dataset(r.version)
	m := ds.Meta
	return &Outcome{Frames: Frames(ds), Meta: SideMeta{Channels: m.Channels, Pools: m.Pools, IntervalSeconds: m.IntervalSeconds,
		HorizonSeconds: m.HorizonSeconds, WarmupSeconds: m.WarmupSeconds, Replications: m.Replications, Seed: m.Seed,
		WordOfMouth: m.WordOfMouth}}
}

// cache keeps the latest outcomes, so that twenty pages of one story run
// it once, and a slider moved back shows its run at once. It holds at most
// size outcomes, the least recently used leaving first; a run being made
// is shared by everyone who asks for it meanwhile.
type cache struct {
	mu      sync.Mutex
	size    int
	order   *list.List // of *cacheEntry, most recent first
	entries map[string]*list.Element
}

type cacheEntry struct {
	key  string
	done chan struct{} // closed when outcome or err is set
	// first is closed when the frames are there (first set), before the
	// judge is done.
	firstDone chan struct{}
	first     *Outcome
	outcome   *Outcome
	err       error
}

func newCache(size int) *cache {
	return &cache{size: size, order: list.New(), entries: map[string]*list.Element{}}
}

// get returns the outcome of side s, running it if no one has: frames is
// called with the outcome as soon as its frames are there, then get
// returns the outcome judged. A run that ended because its caller's ctx
// ended is forgotten, and made again for whoever asks next.
func (c *cache) get(ctx context.Context, r *runner, s side, frames func(*Outcome)) (*Outcome, error) {
	for {
		c.mu.Lock()
		key := s.key()
		if el, ok := c.entries[key]; ok {
			c.order.MoveToFront(el)
			e := el.Value.(*cacheEntry)
			c.mu.Unlock()
			select {
			case <-e.firstDone:
				c.mu.Lock()
				first := e.first
				c.mu.Unlock()
				if first != nil && frames != nil {
					frames(first)
				}
			case <-e.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			select {
			case <-e.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			if e.err != nil && isCancel(e.err) && ctx.Err() == nil {
				continue // its maker gave up; make it again
			}
			return e.outcome, e.err
		}
		e := &cacheEntry{key: key, done: make(chan struct{}), firstDone: make(chan struct{})}
		c.entries[key] = c.order.PushFront(e)
		for c.order.Len() > c.size {
			last := c.order.Back()
			c.order.Remove(last)
			delete(c.entries, last.Value.(*cacheEntry).key)
		}
		c.mu.Unlock()
		o, err := r.run(ctx, s, func(o *Outcome) {
			c.mu.Lock()
			if e.first == nil {
				close(e.firstDone)
			}
			e.first = o
			c.mu.Unlock()
			if frames != nil {
				frames(o)
			}
		})
		c.mu.Lock()
		if e.first == nil {
			close(e.firstDone)
		}
		c.mu.Unlock()
		e.outcome, e.err = o, err
		close(e.done)
		if err != nil && isCancel(err) {
			c.mu.Lock()
			if el, ok := c.entries[key]; ok && el.Value.(*cacheEntry) == e {
				c.order.Remove(el)
				delete(c.entries, key)
			}
			c.mu.Unlock()
		}
		return o, err
	}
}

func isCancel(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
