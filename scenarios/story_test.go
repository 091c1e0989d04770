package scenarios

import "testing"

// TestStoryChannel: the channel of a story is the channel whose figure its
// first claim measures; a first claim on the customers, a pool or the
// expectation level, and a scenario without claims, name none. The wants
// are read off the built-ins' files (their first claim's figure).
//
// Seen to catch: taking any claim's channel rather than the first's
// (word-of-mouth's second claim is phone.p_abandon), and reading
// "customers." as a channel's name.
func TestStoryChannel(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"one-fast-channel", "social"}, // social.service_level
		{"jump-the-line", "social"},    // social.switched_in
		{"baseline", "phone"},          // phone.service_level
		{"one-knowledge-base", "chat"}, // chat.resolution_rate
		{"word-of-mouth", ""},          // expectation
		{"siloed-vs-integrated", ""},   // customers.contacts_per_resolution
		{"textbook", ""},               // no claims
	} {
		s, err := Open(c.name, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.StoryChannel(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
	s, err := Open("one-fast-channel", nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Claims[0].Figure = "pools.social-team.occupancy"
	if got := s.StoryChannel(); got != "" {
		t.Errorf("a first claim on a pool: got %q, want none", got)
	}
}
