package scenarios

import (
	"slices"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// StoryChannel returns the channel the scenario's story is about: the
// channel whose figure its first claim measures ("social" for
// social.service_level), or "" when it has no claims or its first claim
// measures a figure of no channel (the customers', a pool's, the
// expectation level). omnisim animate follows that channel's service
// level.
func (s *Scenario) StoryChannel() string {
	if len(s.Claims) == 0 {
		return ""
	}
	figure := s.Claims[0].Figure
	if strings.HasPrefix(figure, "pools.") || strings.HasPrefix(figure, "customers.") {
		if _, err := models.ParseKPI(&s.Config, figure); err == nil {
			return "" // ParseKPI reads these before a channel's
		}
	}
	for _, ch := range s.Config.Channels {
		if key, ok := strings.CutPrefix(figure, ch.Name+"."); ok &&
			slices.ContainsFunc(models.Figures, func(f models.Figure[models.Counts]) bool { return f.Key == key }) {
			return ch.Name
		}
	}
	return ""
}
