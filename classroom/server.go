package classroom

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"sync"
	"time"
)

// Options configure a Server; zero fields take the defaults.
type Options struct {
	// Library is the stories offered (NewLibrary).
	Library *Library
	// OutDir is the folder exports are written under, each in a new
	// folder of its own.
	OutDir string
	// Version is omnisim's, written into exported folders.
	Version string
	// Workers is how many replications of a run go at once (all cores
	// at ≤ 0); Runs how many runs go at once (default 2), the rest
	// waiting their turn.
	Workers, Runs int
	// MaxSessions bounds the sessions at once (default 64): each holds
	// two runs' frames.
	MaxSessions int
	// Idle is how long a session with no page listening is kept (default
	// 10 minutes).
	Idle time.Duration
	// Tick is the playback's step (default 100 ms: ten frames a second).
	Tick time.Duration
	// Cache is how many runs' outcomes are kept (default 32).
	Cache int
	// Now is the clock, time.Now by default.
	Now func() time.Time
}

// Server is omnisim serve's web server: the page, its assets and the API
// its script calls (handlers.go).
type Server struct {
	opts   Options
	ctx    context.Context
	stop   context.CancelFunc
	runner *runner
	cache  *cache
	wg     sync.WaitGroup

	mu       sync.Mutex
	sessions map[string]*Session
	exportMu sync.Mutex
}

// New returns a server with opts.
func New(opts Options) (*Server, error) {
	if opts.Library == nil {
		return nil, errors.New("classroom: a server needs a library of stories")
	}
	if opts.Runs <= 0 {
		opts.Runs = 2
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.MaxSessions <= 0 {
		opts.MaxSessions = 64
	}
	if opts.Idle <= 0 {
		opts.Idle = 10 * time.Minute
	}
	if opts.Tick <= 0 {
		opts.Tick = 100 * time.Millisecond
	}
	if opts.Cache <= 0 {
		opts.Cache = 32
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.OutDir == "" {
		opts.OutDir = "omnisim-out"
	}
	ctx, stop := context.WithCancel(context.Background())
	return &Server{opts: opts, ctx: ctx, stop: stop, cache: newCache(opts.Cache), sessions: map[string]*Session{},
		runner: &runner{workers: opts.Workers, slots: make(chan struct{}, opts.Runs), version: opts.Version}}, nil
}

func (s *Server) now() time.Time { return s.opts.Now() }

// Serve serves on ln until ctx ends (Ctrl-C, in omnisim serve), then shuts
// down cleanly: it stops taking requests, ends the pages' event streams,
// cancels every run, waits for them, and returns nil. An error of the
// listener is returned as it is.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return s.ctx }}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	ticker := time.NewTicker(s.opts.Tick)
	defer ticker.Stop()
	for {
		select {
		case err := <-errc:
			s.close()
			return err
		case <-ticker.C:
			s.tick()
		case <-ctx.Done():
			// Ending the server's context ends the event streams, which
			// Shutdown does not wait for otherwise.
			s.close()
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			err := hs.Shutdown(sctx)
			s.wg.Wait()
			if err != nil {
				return fmt.Errorf("classroom: shutting down: %w", err)
			}
			return nil
		}
	}
}

// close cancels every session and run.
func (s *Server) close() {
	s.stop()
	s.mu.Lock()
	for id, sess := range s.sessions {
		sess.close()
		delete(s.sessions, id)
	}
	s.mu.Unlock()
}

// tick advances every session's playback, and forgets the sessions no
// page has listened to for the idle time.
func (s *Server) tick() {
	s.mu.Lock()
	sessions := make([]*Session, 0, len(s.sessions))
	for id, sess := range s.sessions {
		if last, listening := sess.idleSince(); !listening && s.now().Sub(last) > s.opts.Idle {
			sess.close()
			delete(s.sessions, id)
			continue
		}
		sessions = append(sessions, sess)
	}
	s.mu.Unlock()
	for _, sess := range sessions {
		sess.tick(s.opts.Tick)
	}
}

// errTooMany says that the server holds as many sessions as it may.
var errTooMany = errors.New("the classroom has as many pages open as it serves at once; close one, or wait ten minutes for an idle one to be let go")

// newSession starts a session with settings st.
func (s *Server) newSession(st Settings, story *Story) (*Session, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	id := hex.EncodeToString(b[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ctx.Err() != nil {
		return nil, errors.New("the classroom is shutting down")
	}
	if len(s.sessions) >= s.opts.MaxSessions {
		return nil, errTooMany
	}
	sess := newSession(s, id, st, story)
	s.sessions[id] = sess
	return sess, nil
}

// session returns the session with that id, nil if there is none.
func (s *Server) session(id string) *Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions[id]
}

// Sessions returns how many sessions the server holds.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}
