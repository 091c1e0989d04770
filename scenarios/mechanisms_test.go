package scenarios

import (
	"reflect"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// mechanisms is a scenario with every setting of issue 17's mechanisms:
// after-call work, classes, callbacks, overflow and proficiency.
const mechanisms = `horizon: 1d
issues:
  simple: 70%
  complex: 30%
classes:
  vip: {share: 10%, priority: 1, patience_factor: 2}
  standard: {share: 90%, priority: 2, promote_after: 3m}
channels:
  sales:
    arrivals: {rate: 60/h}
    handle_time: 4m
    wrap_time: {dist: lognormal, mean: 1m, cv: 0.5}
    wrap_times: {complex: 2m}
    patience: {dist: exponential, mean: 3m}
    callback: {offer_above: 2m, accept: 70%, retries: 1}
  service:
    arrivals: {rate: 30/h}
    handle_time: 5m
pools:
  sellers:
    skills: [sales, service]
    agents: 5
    overflow_after: {service: 45s}
    handle_factor: {service: 1.3}
  servers:
    skills: [service]
    agents: 3
`

// TestParseMechanisms checks that each setting of the new mechanisms
// reaches the model as written, with the defaults the format reference
// gives for what is left out: a class's priority 1 and patience factor 1,
// a callback's no_answer 10 %, retry_delay 10 minutes and attempt_time
// 20 s.
func TestParseMechanisms(t *testing.T) {
	s, err := Parse("t.yaml", "t", []byte(mechanisms), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := s.Config
	wantClasses := []models.Class{
		{Name: "vip", Share: 0.1, Priority: 1, PatienceFactor: 2},
		{Name: "standard", Share: 0.9, Priority: 2, PatienceFactor: 1, PromoteAfter: 180},
	}
	if !reflect.DeepEqual(c.Classes, wantClasses) {
		t.Errorf("classes %+v, want %+v", c.Classes, wantClasses)
	}
	sales := c.Channels[0]
	if want := (models.Dist{Kind: models.LogNormal, Mean: 60, CV: 0.5}); !reflect.DeepEqual(sales.WrapTime, want) {
		t.Errorf("wrap_time %+v, want %+v", sales.WrapTime, want)
	}
	if len(sales.IssueWrap) != 2 || sales.IssueWrap[0].Kind != "" || sales.IssueWrap[1].MeanValue() != 120 {
		t.Errorf("wrap_times %+v, want none for simple and 2m for complex", sales.IssueWrap)
	}
	wantCB := &models.Callback{OfferAbove: 120, Accept: 0.7, NoAnswer: 0.1, Retries: 1, RetryDelay: 600, AttemptTime: 20}
	if !reflect.DeepEqual(sales.Callback, wantCB) {
		t.Errorf("callback %+v, want %+v", sales.Callback, wantCB)
	}
	if c.Channels[1].Callback != nil || c.Channels[1].HasWrap() {
		t.Errorf("service has a callback %v or wrap-up, none given", c.Channels[1].Callback)
	}
	sellers := c.Pools[0]
	if want := []models.SkillSetting{{Skill: "service", Value: 45}}; !reflect.DeepEqual(sellers.OverflowAfter, want) {
		t.Errorf("overflow_after %+v, want %+v", sellers.OverflowAfter, want)
	}
	if want := []models.SkillSetting{{Skill: "service", Value: 1.3}}; !reflect.DeepEqual(sellers.HandleFactors, want) {
		t.Errorf("handle_factor %+v, want %+v", sellers.HandleFactors, want)
	}
}

// TestParseMechanismsErrors checks that mistakes in the new settings are
// reported at their line and column, naming the setting, all at once.
func TestParseMechanismsErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []string
	}{
		{"class shares", "vip: {share: 10%", "vip: {share: 20%",
			[]string{"t.yaml:6:3: classes: the shares add up to 110%, not 100%"}},
		{"class without share", "vip: {share: 10%, priority: 1, patience_factor: 2}", "vip: {priority: 1}",
			[]string{"t.yaml:6:8: classes.vip.share: missing"}},
		{"promoting the top", "patience_factor: 2}", "patience_factor: 2, promote_after: 1m}",
			[]string{"t.yaml:6:69: classes.vip.promote_after: the class has the highest priority already (1): there is nothing to promote it to"}},
		{"wrap-up that never ends", "wrap_time: {dist: lognormal, mean: 1m, cv: 0.5}", "wrap_time: never",
			[]string{"t.yaml:12:16: channels.sales.wrap_time: must end: never is only for patience"}},
		{"callback accept above 100 %", "accept: 70%", "accept: 170%",
			[]string{"t.yaml:15:41: channels.sales.callback.accept: must be a share between 0 and 1 (0 % to 100 %), not 1.7"}},
		{"callback unknown key", "retries: 1}", "retries: 1, ring: 5s}",
			[]string{"t.yaml:15:58: channels.sales.callback.ring: unknown key (known keys: accept, attempt_time, no_answer, offer_above, retries, retry_delay)"}},
		{"overflow to no skill", "overflow_after: {service: 45s}", "overflow_after: {support: 45s}",
			[]string{"t.yaml:23:31: pools.sellers.overflow_after.support: support is not among the pool's skills (sales, service)"}},
		{"handle factor 0", "handle_factor: {service: 1.3}", "handle_factor: {service: 0}",
			[]string{"t.yaml:24:30: pools.sellers.handle_factor.service: must be a positive factor, not 0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(mechanisms, tc.old, tc.new, 1)
			if text == mechanisms {
				t.Fatalf("%q is not in the scenario", tc.old)
			}
			_, err := Parse("t.yaml", "t", []byte(text), nil)
			if err == nil {
				t.Fatal("no error")
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}
