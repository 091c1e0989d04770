package classroom

import (
	"sync"
)

// subscriber is a page listening to a session's events. It keeps only the
// latest message of each kind, never a queue: a page that falls behind
// skips frames rather than make the server hold them, and the latest
// state, which it cannot miss, overwrites the one before.
type subscriber struct {
	mu     sync.Mutex
	state  []byte // the latest state event, nil once sent
	frame  []byte // the latest frame event, nil once sent
	notify chan struct{}
	// skipped counts the frames overwritten before they were sent.
	skipped int
}

func newSubscriber() *subscriber {
	return &subscriber{notify: make(chan struct{}, 1)}
}

// offer hands the subscriber an event, replacing one of its kind not yet
// sent, and wakes its writer.
func (s *subscriber) offer(kind string, data []byte) {
	s.mu.Lock()
	switch kind {
	case "state":
		s.state = data
	default:
		if s.frame != nil {
			s.skipped++
		}
		s.frame = data
	}
	s.mu.Unlock()
	select {
	case s.notify <- struct{}{}:
	default:
	}
}

// take returns the events to send, the state first, and forgets them.
func (s *subscriber) take() (state, frame []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	state, frame = s.state, s.frame
	s.state, s.frame = nil, nil
	return state, frame
}

// Skipped returns how many frames the subscriber skipped.
func (s *subscriber) Skipped() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.skipped
}
