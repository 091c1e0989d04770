package classroom

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"sync"
	"time"
)

// The playback speeds, in days of the run per 10 seconds: from a day to a
// week.
const (
	MinSpeed, MaxSpeed = 1, 7
	defaultSpeed       = 1
)

// The states of a side's run, as the page shows them.
const (
	statusRunning = "running" // its replications are running
	statusJudging = "judging" // its frames are there; its claims are being judged
	statusReady   = "ready"   // frames and verdicts are there
	statusFailed  = "failed"  // it could not run: Error says why
)

// Session is a trainer's page: a story run as A and B, the playback clock,
// and the pages listening. A change of settings reruns B alone (or both,
// for another story or seed), cancelling the run it replaces.
type Session struct {
	id  string
	srv *Server

	ctx    context.Context
	cancel context.CancelFunc

	mu       sync.Mutex
	story    *Story
	settings Settings
	sides    [2]*sideState
	playing  bool
	speed    int     // days per 10 s
	pos      float64 // the playback clock, in seconds of the run
	subs     map[*subscriber]struct{}
	lastUsed time.Time
}

// sideState is one side of a session: its run as it stands.
type sideState struct {
	gen     int
	sets    []string
	status  string
	err     string
	outcome *Outcome
	cancel  context.CancelFunc
}

// sideLabels name the two sides.
var sideLabels = [2]string{"A: the story as written", "B: with your change"}

func newSession(srv *Server, id string, st Settings, story *Story) *Session {
	ctx, cancel := context.WithCancel(srv.ctx)
	s := &Session{id: id, srv: srv, ctx: ctx, cancel: cancel, story: story, settings: st, speed: defaultSpeed,
		subs: map[*subscriber]struct{}{}, lastUsed: srv.now()}
	s.sides[0], s.sides[1] = &sideState{cancel: func() {}}, &sideState{cancel: func() {}}
	s.mu.Lock()
	s.startLocked(0)
	s.startLocked(1)
	s.mu.Unlock()
	return s
}

// seed returns the seed both sides run with.
func (s *Session) seedLocked() uint64 {
	if s.settings.Seed != 0 {
		return s.settings.Seed
	}
	return s.story.scenario.Config.Seed
}

// startLocked (re)starts side i's run with the session's settings,
// cancelling the run it replaces.
func (s *Session) startLocked(i int) {
	old := s.sides[i]
	old.cancel()
	var sets []string
	if i == 1 {
		sets = s.settings.Sets(s.story)
	}
	ctx, cancel := context.WithCancel(s.ctx)
	st := &sideState{gen: old.gen + 1, sets: sets, status: statusRunning, cancel: cancel}
	s.sides[i] = st
	sd := side{story: s.story, sets: sets, seed: s.seedLocked()}
	gen := st.gen
	s.srv.wg.Add(1)
	go func() {
		defer s.srv.wg.Done()
		o, err := s.srv.cache.get(ctx, s.srv.runner, sd, func(o *Outcome) {
			s.update(i, gen, func(st *sideState) {
				st.outcome, st.status = o, statusJudging
				if o.Partial {
					st.status = statusRunning
				}
			})
		})
		s.update(i, gen, func(st *sideState) {
			switch {
			case err != nil && isCancel(err):
				// replaced, or the session is closing
			case err != nil:
				st.status, st.err = statusFailed, err.Error()
			default:
				st.outcome, st.status = o, statusReady
			}
		})
	}()
}

// update changes side i's state if its run is still generation gen, and
// sends the pages the new state.
func (s *Session) update(i, gen int, change func(*sideState)) {
	s.mu.Lock()
	if s.sides[i].gen != gen {
		s.mu.Unlock()
		return
	}
	change(s.sides[i])
	s.broadcastLocked(true)
	s.mu.Unlock()
}

// Apply changes the settings: another story or seed reruns both sides,
// any other change B alone.
func (s *Session) Apply(st Settings, story *Story) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastUsed = s.srv.now()
	both := story != s.story || st.Seed != s.settings.Seed
	s.story, s.settings = story, st
	if both {
		s.pos, s.playing = 0, false
		s.startLocked(0)
	}
	s.startLocked(1)
	s.broadcastLocked(true)
}

// Control is a change of the playback: play or pause, the speed, or a
// jump to a day; nil or 0 leave each as it is.
type Control struct {
	Play  *bool
	Speed int
	Day   int
}

// Control changes the playback, or says why it cannot.
func (s *Session) Control(c Control) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastUsed = s.srv.now()
	if c.Speed != 0 {
		if c.Speed < MinSpeed || c.Speed > MaxSpeed {
			return fmt.Errorf("speed=%d: want from %d (a day in 10 s) to %d (a week in 10 s)", c.Speed, MinSpeed, MaxSpeed)
		}
		s.speed = c.Speed
	}
	if c.Day != 0 {
		days := s.story.HorizonDays
		if c.Day < 1 || c.Day > days {
			return fmt.Errorf("day=%d: the run has days 1 to %d", c.Day, days)
		}
		s.pos = float64(c.Day-1) * 86400
	}
	if c.Play != nil {
		s.playing = *c.Play
		if s.playing && s.pos >= s.horizonLocked() {
			s.pos = 0 // play again from the start
		}
	}
	s.broadcastLocked(true)
	return nil
}

// horizonLocked returns the run's length in seconds.
func (s *Session) horizonLocked() float64 { return s.story.scenario.Config.Horizon }

// tick advances the playback clock by dt of real time and sends the pages
// the frame it shows.
func (s *Session) tick(dt time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.playing || len(s.subs) == 0 {
		return
	}
	s.pos += dt.Seconds() * float64(s.speed) * 86400 / 10
	if h := s.horizonLocked(); s.pos >= h {
		s.pos, s.playing = h, false
		s.broadcastLocked(true)
		return
	}
	s.broadcastLocked(false)
}

// stateMsg is the state event: everything the page shows but the frame.
type stateMsg struct {
	Story    *Story      `json:"story"`
	Settings string      `json:"settings"`
	Playing  bool        `json:"playing"`
	Speed    int         `json:"speed"`
	Sides    [2]sideMsg  `json:"sides"`
	Seed     json.Number `json:"seed"`
}

type sideMsg struct {
	Label    string    `json:"label"`
	Sets     []string  `json:"sets"`
	Status   string    `json:"status"`
	Error    string    `json:"error,omitempty"`
	Meta     *SideMeta `json:"meta,omitempty"`
	Verdicts []Verdict `json:"verdicts"`
	RunMS    int64     `json:"run_ms"`
	// Partial tells that the frames are of the first replications, the
	// rest still running.
	Partial bool  `json:"partial"`
	JudgeMS int64 `json:"judge_ms"`
}

// frameMsg is the frame event: the clock and each side's interval.
type frameMsg struct {
	T     float64   `json:"t"`
	K     int       `json:"k"`
	Day   int       `json:"day"`
	Frac  float64   `json:"frac"` // how far into interval K the clock is, 0 to 1
	Sides [2]*Frame `json:"sides"`
}

// stateLocked returns the state event's data.
func (s *Session) stateLocked() []byte {
	m := stateMsg{Story: s.story, Settings: s.settings.Encode(s.story), Playing: s.playing, Speed: s.speed,
		Seed: json.Number(strconv.FormatUint(s.seedLocked(), 10))}
	for i, st := range s.sides {
		sm := sideMsg{Label: sideLabels[i], Sets: st.sets, Status: st.status, Error: st.err, Verdicts: []Verdict{}}
		if sm.Sets == nil {
			sm.Sets = []string{}
		}
		if o := st.outcome; o != nil {
			sm.Meta = &o.Meta
			sm.RunMS, sm.Partial = o.RunTime.Milliseconds(), o.Partial
			sm.JudgeMS = o.JudgeTime.Milliseconds()
			if o.Verdicts != nil {
				sm.Verdicts = o.Verdicts
			}
		}
		m.Sides[i] = sm
	}
	return encode(m)
}

// frameLocked returns the frame event's data for the playback clock.
func (s *Session) frameLocked() []byte {
	m := frameMsg{T: s.pos, Day: int(s.pos/86400) + 1}
	for i, st := range s.sides {
		if st.outcome == nil || len(st.outcome.Frames) == 0 || !(st.outcome.Meta.IntervalSeconds > 0) {
			continue
		}
		step := st.outcome.Meta.IntervalSeconds
		k := min(int(s.pos/step), len(st.outcome.Frames)-1)
		m.K = k
		m.Frac = math.Min(1, (s.pos-float64(k)*step)/step)
		m.Sides[i] = &st.outcome.Frames[k]
	}
	return encode(m)
}

// broadcastLocked sends the pages the frame, and the state too when it
// changed.
func (s *Session) broadcastLocked(state bool) {
	if len(s.subs) == 0 {
		return
	}
	var st []byte
	if state {
		st = s.stateLocked()
	}
	fr := s.frameLocked()
	for sub := range s.subs {
		if st != nil {
			sub.offer("state", st)
		}
		sub.offer("frame", fr)
	}
}

// subscribe adds a page, and sends it the state and frame at once.
func (s *Session) subscribe() *subscriber {
	sub := newSubscriber()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subs[sub] = struct{}{}
	s.lastUsed = s.srv.now()
	sub.offer("state", s.stateLocked())
	sub.offer("frame", s.frameLocked())
	return sub
}

// unsubscribe removes a page.
func (s *Session) unsubscribe(sub *subscriber) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.subs, sub)
	s.lastUsed = s.srv.now()
}

// idleSince returns when the session was last used, and whether a page
// is listening now.
func (s *Session) idleSince() (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastUsed, len(s.subs) > 0
}

// close stops the session's runs.
func (s *Session) close() { s.cancel() }

// current returns the session's story and settings.
func (s *Session) current() (*Story, Settings) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.story, s.settings
}

// encode writes an event's data as JSON. Every figure is a Num, which
// writes NaN as null, so nothing should fail; if something does, the page
// is told so in words instead.
func encode(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		data, _ = json.Marshal(map[string]string{"error": "classroom: an event could not be written: " + err.Error()})
	}
	return data
}
