package classroom

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"time"
)

// assets are the page: plain HTML, CSS and JavaScript, nothing fetched
// from elsewhere.
//
//go:embed assets
var assets embed.FS

// maxBody bounds what a request may send: the settings travel in the
// query, so a body has nothing to say.
const maxBody = 4096

// Handler returns the server's routes:
//
//	GET  /                             the page
//	GET  /assets/...                   its script and style
//	GET  /api/stories                  the library
//	POST /api/sessions?SETTINGS        a new session: A and B start running
//	POST /api/sessions/ID/settings?SETTINGS   new settings: B reruns
//	POST /api/sessions/ID/control?play=on|off&speed=1..7&day=N
//	GET  /api/sessions/ID/events       the session's events (server-sent)
//	POST /api/sessions/ID/export       B's output folder, written on disk
//
// A bad request gets status 400 and {"error": "..."} in words the page
// shows.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "assets")
	files := http.FileServerFS(static)
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/"
		noCache(w)
		files.ServeHTTP(w, r2)
	})
	mux.Handle("GET /assets/", http.StripPrefix("/assets", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		noCache(w)
		files.ServeHTTP(w, r)
	})))
	mux.HandleFunc("GET /api/stories", s.stories)
	mux.HandleFunc("POST /api/sessions", s.create)
	mux.HandleFunc("POST /api/sessions/{id}/settings", s.withSession(s.settings))
	mux.HandleFunc("POST /api/sessions/{id}/control", s.withSession(s.control))
	mux.HandleFunc("GET /api/sessions/{id}/events", s.withSession(s.events))
	mux.HandleFunc("POST /api/sessions/{id}/export", s.withSession(s.export))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		mux.ServeHTTP(w, r)
	})
}

func noCache(w http.ResponseWriter) { w.Header().Set("Cache-Control", "no-cache") }

// writeJSON writes v with status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(encode(v))
}

// fail writes an error in words with status code.
func fail(w http.ResponseWriter, code int, err error) {
	writeJSON(w, code, map[string]string{"error": err.Error()})
}

func (s *Server) stories(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"stories": s.opts.Library.Stories()})
}

// parse reads the settings of a request's query.
func (s *Server) parse(r *http.Request) (Settings, *Story, error) {
	st, err := ParseSettings(r.URL.RawQuery, s.opts.Library)
	if err != nil {
		return Settings{}, nil, err
	}
	return st, s.opts.Library.Lookup(st.Story), nil
}

func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	st, story, err := s.parse(r)
	if err != nil {
		fail(w, http.StatusBadRequest, err)
		return
	}
	sess, err := s.newSession(st, story)
	if err != nil {
		fail(w, http.StatusServiceUnavailable, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"id": sess.id, "settings": st.Encode(story)})
}

// withSession finds the session a request names, or answers 404.
func (s *Server) withSession(h func(http.ResponseWriter, *http.Request, *Session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess := s.session(r.PathValue("id"))
		if sess == nil {
			fail(w, http.StatusNotFound, errors.New("this page's session has ended (the server restarted, or it was idle too long): reload the page"))
			return
		}
		h(w, r, sess)
	}
}

func (s *Server) settings(w http.ResponseWriter, r *http.Request, sess *Session) {
	st, story, err := s.parse(r)
	if err != nil {
		fail(w, http.StatusBadRequest, err)
		return
	}
	sess.Apply(st, story)
	writeJSON(w, http.StatusOK, map[string]string{"settings": st.Encode(story)})
}

func (s *Server) control(w http.ResponseWriter, r *http.Request, sess *Session) {
	q := r.URL.Query()
	var c Control
	for key, vs := range q {
		if len(vs) != 1 {
			fail(w, http.StatusBadRequest, fmt.Errorf("%s is given %d times; give it once", key, len(vs)))
			return
		}
	}
	for key := range q {
		switch key {
		case "play", "speed", "day":
		default:
			fail(w, http.StatusBadRequest, fmt.Errorf("%q is not a playback control (play=on|off, speed, day)", key))
			return
		}
	}
	if v, ok := q["play"]; ok {
		b, err := onOff(v[0])
		if err != nil {
			fail(w, http.StatusBadRequest, fmt.Errorf("play=%s: %v", v[0], err))
			return
		}
		c.Play = &b
	}
	for _, f := range []struct {
		key string
		to  *int
	}{{"speed", &c.Speed}, {"day", &c.Day}} {
		if v, ok := q[f.key]; ok {
			n, err := strconv.Atoi(v[0])
			if err != nil || n == 0 {
				fail(w, http.StatusBadRequest, fmt.Errorf("%s=%s: want a whole number from 1", f.key, v[0]))
				return
			}
			*f.to = n
		}
	}
	if err := sess.Control(c); err != nil {
		fail(w, http.StatusBadRequest, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// events streams the session's events to a page (server-sent events): a
// state event whenever a run or the playback changes, a frame event per
// tick while it plays. A page that reads slowly skips frames (subscriber):
// the server never queues for it.
func (s *Server) events(w http.ResponseWriter, r *http.Request, sess *Session) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		fail(w, http.StatusInternalServerError, errors.New("this connection cannot stream events"))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("Connection", "keep-alive")
	w.WriteHeader(http.StatusOK)
	sub := sess.subscribe()
	defer sess.unsubscribe(sub)
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	rc := http.NewResponseController(w)
	for {
		select {
		case <-r.Context().Done():
			return
		case <-sess.ctx.Done():
			return
		case <-keepAlive.C:
			if _, err := fmt.Fprint(w, ": still here\n\n"); err != nil {
				return
			}
		case <-sub.notify:
			state, frame := sub.take()
			// A client that cannot take an event in 10 s is let go.
			rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
			for _, ev := range []struct {
				name string
				data []byte
			}{{"state", state}, {"frame", frame}} {
				if ev.data == nil {
					continue
				}
				if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data); err != nil {
					return
				}
			}
		}
		flusher.Flush()
	}
}

func (s *Server) export(w http.ResponseWriter, r *http.Request, sess *Session) {
	story, st := sess.current()
	dir, err := s.Export(r.Context(), story, st, "http://"+r.Host+"/?"+st.Encode(story))
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"folder": dir})
}
