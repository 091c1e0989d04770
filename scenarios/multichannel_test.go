package scenarios

import (
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

const multiFile = "testdata/multichannel.yaml"

func readMulti(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(multiFile)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// approx tells whether a and b are equal, floats anywhere inside them
// within a relative 1e-12: shares written as percentages are read as
// v × 0.01, which is off from the decimal literal v/100 by an ulp or so.
func approx(a, b reflect.Value) bool {
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Float64:
		x, y := a.Float(), b.Float()
		return x == y || math.Abs(x-y) <= 1e-12*math.Max(math.Abs(x), math.Abs(y))
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !approx(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !approx(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return a.Equal(b)
}

// TestParseMultiChannel decodes the complete multi-channel scenario and
// checks every field it sets, and the defaults of those it leaves out.
func TestParseMultiChannel(t *testing.T) {
	s, err := Load(multiFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := s.Config
	ch := map[string]models.Channel{}
	for _, x := range c.Channels {
		ch[x.Name] = x
	}
	const h, m = 3600.0, 60.0
	exp := func(mean float64) models.Dist { return models.Dist{Kind: models.Exponential, Mean: mean} }
	span := func(d string, from, to float64) models.Span {
		return models.Span{Days: days(d), From: from * h, To: to * h}
	}
	tests := []struct {
		name      string
		got, want any
	}{
		{"name", s.Name, "multichannel"},
		{"replications", s.Replications, 3},
		{"seed", c.Seed, uint64(42)},
		{"horizon", c.Horizon, 14 * 24 * h},
		{"warmup", c.Warmup, 24 * h},
		{"interval", c.Interval, 30 * m},
		{"start", c.Start, models.Wednesday},
		{"end", c.Cutoff, true},

		{"issues", c.Issues, []models.Issue{
			{Name: "simple", Share: 0.6, HandleFactor: 1},
			{Name: "account", Share: 0.3, HandleFactor: 1.2},
			{Name: "complex", Share: 0.1, HandleFactor: 2.5},
		}},

		{"demand.rate", c.Demand.Rate, 300 / h},
		{"demand.volumes", len(c.Demand.Volumes), 0},
		{"demand.weekdays", c.Demand.Weekdays, [7]float64{1, 1, 1, 1, 1, 0.6, 0.3}},
		{"demand.noise", c.Demand.Noise, 0.1},
		{"choice", c.Choice, models.Choice{WaitWeight: 0.8, Stay: 0.5}},

		{"journey.max_contacts", c.Journey.MaxContacts, 6},
		{"journey.retry", c.Journey.Retry, []float64{0.8, 0.5, 0.2}},
		{"journey.retry_delay", c.Journey.RetryDelay, models.Dist{Kind: models.LogNormal, Mean: 20 * m, CV: 1}},
		{"journey.repeat_delay", c.Journey.RepeatDelay, exp(48 * h)},
		{"journey.chase", c.Journey.Chase, 0.4},
		{"journey.chase_after", c.Journey.ChaseAfter, 2.0},
		{"journey.history", c.Journey.History, models.Siloed},
		{"journey.siloed.handle_factor", c.Journey.SiloHandleFactor, 1.4},
		{"journey.siloed.resolution_factor", c.Journey.SiloResolutionFactor, 0.7},
		{"journey.siloed.annoyance", c.Journey.SiloAnnoyance, 0.15},

		{"word_of_mouth", c.WordOfMouth, models.WordOfMouth{Enabled: true, ShareGood: 0.1, ShareBad: 0.4,
			PublicFactor: 4, Reach: 20, Inertia: 1500, LevelInertia: 50000, Memory: 72 * h, Coupling: 0.7}},

		{"channel order", names(c.Channels), "phone chat email social web tier2"},
		{"phone.kind", ch["phone"].Kind, models.Live},
		{"phone.arrivals", ch["phone"].Arrivals.Rate, 0.0},
		{"phone.choice", ch["phone"].Choosable, true},
		{"phone.preference", ch["phone"].Preference, 0.5},
		{"phone.fit", ch["phone"].Fit, []float64{0, 0.5, 1}},
		{"phone.expected_wait", ch["phone"].ExpectedWait, 2 * m},
		{"phone.open", ch["phone"].Open, []models.Span{span("mtwtf..", 8, 20), span(".....s.", 9, 13)}},
		{"phone.lines", ch["phone"].Lines, 60},
		{"phone.concurrency", ch["phone"].Concurrency, 1},
		{"phone.handle_time", ch["phone"].HandleTime, models.Dist{Kind: models.LogNormal, Mean: 6 * m, CV: 0.8}},
		{"phone.patience", ch["phone"].Patience, exp(4 * m)},
		{"phone.resolution", ch["phone"].Resolution, []float64{0.95, 0.85, 0.6}},
		{"phone.escalation", ch["phone"].Escalations, []models.Escalation{{To: "tier2", Share: 0.7, Transfer: true, Delay: exp(h)}}},
		{"phone.service_level", []float64{ch["phone"].AnswerWithin, ch["phone"].TargetServiceLevel}, []float64{20, 0.8}},

		{"chat.fit", ch["chat"].Fit, []float64{1, 0, 0}},
		{"chat.open", ch["chat"].Open, []models.Span{span("mtwtfss", 7, 23)}},
		{"chat.concurrency", ch["chat"].Concurrency, 3},
		{"chat.slowdown", ch["chat"].Slowdown, 0.25},
		{"chat.handle_time", ch["chat"].HandleTime, models.Dist{Kind: models.Gamma, Mean: 10 * m, CV: 0.7}},
		{"chat.patience", ch["chat"].Patience, exp(3 * m)},
		{"chat.resolution", ch["chat"].Resolution, []float64{0.85, 0.85, 0.85}},
		{"chat.escalation", ch["chat"].Escalations, []models.Escalation{{To: "phone", Share: 0.5, Delay: exp(30 * m)}}},
		{"chat.expected_wait (default: service_level.within)", ch["chat"].ExpectedWait, 1 * m},

		{"email.kind", ch["email"].Kind, models.Deferred},
		{"email.preference", ch["email"].Preference, -0.3},
		{"email.expected_wait", ch["email"].ExpectedWait, 24 * h},
		{"email.open (default: always)", len(ch["email"].Open), 0},
		{"email.patience (default: never)", ch["email"].Patience.Kind, models.Never},
		{"email.resolution", ch["email"].Resolution, []float64{0.9, 0.8, 0.5}},
		{"email.fit (default: 0)", ch["email"].Fit, []float64{0, 0, 0}},

		{"social.kind", ch["social"].Kind, models.Deferred},
		{"social.public", ch["social"].Public, true},
		{"social.jump_the_line", ch["social"].JumpTheLine, true},
		{"social.arrivals", ch["social"].Arrivals.Rate, 5 / h},
		{"social.escalation (default delay: 1h)", ch["social"].Escalations, []models.Escalation{{To: "phone", Share: 0.6, Delay: exp(h)}}},

		{"web.kind", ch["web"].Kind, models.SelfService},
		{"web.fit", ch["web"].Fit, []float64{0.5, 0.5, 0.5}},
		{"web.handle_time", ch["web"].HandleTime, models.Dist{Kind: models.Uniform, Min: 2 * m, Max: 6 * m}},
		{"web.resolution", ch["web"].Resolution, []float64{0.7, 0.4, 0.05}},
		{"web.send_to", ch["web"].SendTo, []string{"chat", "phone"}},
		{"web.service_level (default)", ch["web"].AnswerWithin, float64(DefaultAnswerWithin)},

		{"tier2.choice", ch["tier2"].Choosable, false},
		{"tier2.patience", ch["tier2"].Patience.Kind, models.Never},
		{"tier2.resolution", ch["tier2"].Resolution, []float64{0.9, 0.9, 0.9}},
		{"tier2.public (default)", ch["tier2"].Public, false},

		{"pools", c.Pools, []models.Pool{
			{Name: "generalists", Skills: []string{"phone", "chat", "email"}, Shifts: []models.Shift{
				{Span: span("mtwtf..", 8, 16), Agents: 20},
				{Span: span("mtwtf..", 12, 20), Agents: 18},
				{Span: span(".....s.", 9, 13), Agents: 6},
				{Span: span("mtwtfss", 16, 23), Agents: 4},
			}, Shrinkage: 0.3, CostPerHour: 28},
			{Name: "social-team", Skills: []string{"social", "email"}, Agents: []int{3}, Shrinkage: 0.2, CostPerHour: 32},
			{Name: "specialists", Skills: []string{"tier2"}, Shifts: []models.Shift{{Span: span("mtwtf..", 8, 20), Agents: 6}},
				Shrinkage: 0.25, CostPerHour: 45.5},
		}},
	}
	for _, tc := range tests {
		if !approx(reflect.ValueOf(tc.got), reflect.ValueOf(tc.want)) {
			t.Errorf("%s: got %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}
}

func names(chs []models.Channel) string {
	var out []string
	for _, c := range chs {
		out = append(out, c.Name)
	}
	return strings.Join(out, " ")
}

// TestParseMultiChannelErrors breaks the multi-channel scenario one way at a
// time; each problem must be reported at its line and column with its
// field's path, and nothing else.
func TestParseMultiChannelErrors(t *testing.T) {
	const f = "testdata/multichannel.yaml"
	tests := []struct {
		name     string
		old, new string // text of the file to replace
		want     []string
	}{
		{"bad weekday", "start: wed", "start: someday",
			[]string{f + `:16:8: start: "someday" is not a day of the week (write mon, tue, wed, thu, fri, sat or sun)`}},
		{"weekday not text", "start: wed", "start: [wed]",
			[]string{f + `:16:8: start: want a day of the week, not a list`}},
		{"bad hours", `open: {hours: "07:00-23:00"}`, `open: {hours: "25:00-26:00"}`,
			[]string{f + `:72:19: channels.chat.open.hours: "25:00" is not a time of day: write hours as HH:MM-HH:MM, from 00:00 to 24:00, such as 08:00-20:00`}},
		{"hours of no length", `open: {hours: "07:00-23:00"}`, `open: {hours: "07:00-07:00"}`,
			[]string{f + `:72:19: channels.chat.open.hours: hours "07:00-07:00" start and end at the same time: write 00:00-24:00 for the whole day`}},
		{"open not a span", `open: {hours: "07:00-23:00"}`, `open: "07:00-23:00"`,
			[]string{f + `:72:11: channels.chat.open: want a span such as {days: mon-fri, hours: 08:00-20:00}, or a list of them, not "07:00-23:00"`}},
		{"bad day", "{days: sat, hours: \"09:00-13:00\", agents: 6}", "{days: funday, hours: \"09:00-13:00\", agents: 6}",
			[]string{f + `:122:16: pools.generalists.shifts[2].days: "funday" is not a day of the week: write a day (mon, tue, wed, thu, fri, sat or sun), a range such as mon-fri, weekdays, weekend or every day`}},
		{"bad day in a list", "[mon, tue, wed, thu, fri]", "[mon, tue, wed, thurs, fry]",
			[]string{f + `:134:39: pools.specialists.shifts[0].days[4]: "fry" is not a day of the week: write a day (mon, tue, wed, thu, fri, sat or sun), a range such as mon-fri, weekdays, weekend or every day`}},
		{"no days", "[mon, tue, wed, thu, fri]", "[]",
			[]string{f + `:134:16: pools.specialists.shifts[0].days: must name at least one day`}},
		{"fit for an unknown issue", "fit: {account: 0.5, complex: 1}", "fit: {account: 0.5, complx: 1}",
			[]string{f + `:56:25: channels.phone.fit.complx: no issue is named "complx" (issues: simple, account, complex)`}},
		{"fit not a number", "fit: 0.5", "fit: [0.5]",
			[]string{f + `:103:10: channels.web.fit: want a number for every issue, or a mapping of issue names to values, not a list`}},
		{"resolution above 100 %", "complex: 60%}", "complex: 150%}",
			[]string{f + `:64:54: channels.phone.resolution.complex: must be a share between 0 and 1 (0 % to 100 %), not 1.5`}},
		{"one resolution above 100 %", "resolution: 85%", "resolution: 150%",
			[]string{f + `:77:17: channels.chat.resolution: must be a share between 0 and 1 (0 % to 100 %), not 1.5`}},
		{"escalation to an unknown channel", "{to: tier2,", "{to: tier3,",
			[]string{f + `:66:14: channels.phone.escalation[0].to: no channel is named "tier3"`}},
		{"escalation without share", "{to: phone, share: 60%}", "{to: phone}",
			[]string{f + `:98:9: channels.social.escalation[0].share: missing`}},
		{"delay of a transfer", "transfer: true}", "transfer: true, delay: 5m}",
			[]string{f + `:66:56: channels.phone.escalation[0].delay: does not apply to a transfer, which puts the contact in the queue at once`}},
		{"escalation shares above 100 %", "share: 50%, delay: 30m}", "share: 50%, delay: 30m}\n      - {to: email, share: 75%}",
			[]string{f + `:79:7: channels.chat.escalation: the shares add up to 125%, more than 100%`}},
		{"send_to an unknown channel", "send_to: [chat, phone]", "send_to: [chat, fone]",
			[]string{f + `:107:21: channels.web.send_to[1]: no channel is named "fone"`}},
		{"send_to on a live channel", "    slowdown: 0.25\n", "    slowdown: 0.25\n    send_to: [phone]\n",
			[]string{f + `:75:14: channels.chat.send_to: applies to self-service channels only`}},
		{"issue shares not adding up", "simple: 60%", "simple: 50%",
			[]string{f + `:20:3: issues: the shares add up to 90%, not 100%`}},
		{"issue share not a share", "simple: 60%", "simple: lots",
			[]string{f + `:20:11: issues.simple: "lots" is not a number or a percentage (write, for example, 0.8 or 80%)`}},
		{"issue without share", "account: {share: 30%, handle_factor: 1.2}", "account: {handle_factor: 1.2}",
			[]string{f + `:21:12: issues.account.share: missing`}},
		{"bad issue name", "  complex: {share", "  com plex: {share",
			[]string{f + `:22:3: issues.com plex: names may use letters, digits, '-' and '_' only`,
				f + `:56:25: channels.phone.fit.complex: no issue is named "complex" (issues: simple, account, com plex)`,
				f + `:64:45: channels.phone.resolution.complex: no issue is named "complex" (issues: simple, account, com plex)`,
				f + `:86:45: channels.email.resolution.complex: no issue is named "complex" (issues: simple, account, com plex)`,
				f + `:106:45: channels.web.resolution.complex: no issue is named "complex" (issues: simple, account, com plex)`}},
		{"lines on a deferred channel", "    expected_wait: 1d\n", "    expected_wait: 1d\n    lines: 10\n",
			[]string{f + `:85:12: channels.email.lines: applies to live channels only`}},
		{"patience on a deferred channel", "    expected_wait: 1d\n", "    expected_wait: 1d\n    patience: 2d\n",
			[]string{f + `:85:15: channels.email.patience: applies to live channels only: customers of deferred channels chase instead (journey.chase)`}},
		{"concurrency zero", "concurrency: 3", "concurrency: 0",
			[]string{f + `:73:18: channels.chat.concurrency: must be between 1 and 100, not 0`}},
		{"shift not on the intervals", `hours: "08:00-16:00"`, `hours: "08:15-16:00"`,
			[]string{f + `:120:32: pools.generalists.shifts[0].hours: must start and end on the scenario's intervals (every 30m)`}},
		{"both agents and shifts", "    skills: [tier2]\n", "    skills: [tier2]\n    agents: 6\n",
			[]string{f + `:135:7: pools.specialists.shifts: give agents or shifts, not both`}},
		{"neither agents nor shifts", "    agents: 3\n", "",
			[]string{f + `:127:5: pools.social-team: missing: give agents (a headcount, or one per interval) or shifts`}},
		{"shift without agents", `hours: "12:00-20:00", agents: 18}`, `hours: "12:00-20:00"}`,
			[]string{f + `:121:9: pools.generalists.shifts[1].agents: missing`}},
		{"shrinkage of 100 %", "shrinkage: 30%", "shrinkage: 100%",
			[]string{f + `:124:16: pools.generalists.shrinkage: must be a share from 0 up to (not including) 100 %, not 1`}},
		{"availability of zero", "shrinkage: 30%", "shrinkage: 30%\n    availability: 0",
			[]string{f + `:125:19: pools.generalists.availability: must be a share above 0 and at most 100 %, not 0`}},
		{"availability above 100 % in a list", "shrinkage: 30%", "shrinkage: 30%\n    availability: [90%, 120%]",
			[]string{f + `:125:25: pools.generalists.availability[1]: must be a share above 0 and at most 100 %, not 1.2`}},
		{"availability an empty list", "shrinkage: 30%", "shrinkage: 30%\n    availability: []",
			[]string{f + `:125:19: pools.generalists.availability: must list at least one share`}},
		{"away spell not a duration", "shrinkage: 30%", "shrinkage: 30%\n    away_spell: soon",
			[]string{f + `:125:17: pools.generalists.away_spell: duration "soon": expected a number at "soon" (write, for example, 20s, 5m or 1h30m)`}},
		{"bool maybe", "public: true", "public: maybe",
			[]string{f + `:90:13: channels.social.public: want true or false, not "maybe"`}},
		{"bool as text", "choice: false", `choice: "false"`,
			[]string{f + `:110:13: channels.tier2.choice: want true or false, not "false"`}},
		{"bad kind", "kind: self-service", "kind: selfservice",
			[]string{f + `:101:11: channels.web.kind: want live, deferred or self-service, not "selfservice"`}},
		{"weekdays of six days", "weekdays: {sat: 0.6, sun: 0.3}", "weekdays: [1, 1, 1, 1, 1, 0.6]",
			[]string{f + `:26:13: demand.weekdays: must list 7 numbers, one for each day from Monday, not 6`}},
		{"negative weekday in a list", "weekdays: {sat: 0.6, sun: 0.3}", "weekdays: [1, 1, 1, 1, 1, -0.6, 0.3]",
			[]string{f + `:26:29: demand.weekdays[5]: must be a finite number ≥ 0, not -0.6`}},
		{"negative weekday by name", "weekdays: {sat: 0.6, sun: 0.3}", "weekdays: {saturday: -0.6, sun: 0.3}",
			[]string{f + `:26:24: demand.weekdays.saturday: must be a finite number ≥ 0, not -0.6`}},
		{"weekday given twice", "weekdays: {sat: 0.6, sun: 0.3}", "weekdays: {sat: 0.6, saturday: 0.3}",
			[]string{f + `:26:24: demand.weekdays.saturday: given twice (sat)`}},
		{"weekday not a day", "weekdays: {sat: 0.6, sun: 0.3}", "weekdays: {sat: 0.6, holiday: 0}",
			[]string{f + `:26:24: demand.weekdays.holiday: "holiday" is not a day of the week (write mon, tue, wed, thu, fri, sat or sun)`}},
		{"demand without rate", "  rate: 300/h\n", "",
			[]string{f + `:25:3: demand: give either rate (such as 200/h) or volumes (contacts per interval), not neither`}},
		{"noise too high", "noise: 0.1", "noise: 11",
			[]string{f + `:27:10: demand.noise: must be a coefficient of variation between 0 and 10, not 11`}},
		{"wait weight negative", "wait_weight: 0.8", "wait_weight: -1",
			[]string{f + `:30:16: choice.wait_weight: must be a finite number ≥ 0, not -1`}},
		{"max contacts zero", "max_contacts: 6", "max_contacts: 0",
			[]string{f + `:34:17: journey.max_contacts: must be between 1 and 1000, not 0`}},
		{"retry above 100 %", "retry: [80%, 50%, 20%]", "retry: [80%, 150%]",
			[]string{f + `:35:16: journey.retry[1]: must be a share between 0 and 1 (0 % to 100 %), not 1.5`}},
		{"one retry above 100 %", "retry: [80%, 50%, 20%]", "retry: 150%",
			[]string{f + `:35:10: journey.retry: must be a share between 0 and 1 (0 % to 100 %), not 1.5`}},
		{"bad history", "history: siloed", "history: shared",
			[]string{f + `:40:12: journey.history: want integrated (channels share what they know of a customer) or siloed (each knows only its own contacts), not "shared"`}},
		{"siloed unknown key", "annoyance: 15%}", "annoyance: 15%, anger: 1}",
			[]string{f + `:41:72: journey.siloed.anger: unknown key (known keys: annoyance, handle_factor, resolution_factor)`}},
		{"word of mouth memory zero", "memory: 3d", "memory: 0s",
			[]string{f + `:49:11: word_of_mouth.memory: must be a positive duration (never, to forget nothing), not 0s`}},
		{"word of mouth unknown key", "coupling: 0.7", "coupling: 0.7\n  couplng: 1",
			[]string{f + `:51:3: word_of_mouth.couplng: unknown key (did you mean "coupling"?)`}},
		{"inertia of nobody", "inertia: 1500", "inertia: 0",
			[]string{f + `:48:12: word_of_mouth.inertia: must be a positive number of people, not 0`}},
	}
	base := readMulti(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(base, tc.old, tc.new, 1)
			if src == base {
				t.Fatalf("test case does not change the scenario")
			}
			_, err := Parse(f, "multichannel", []byte(src), nil)
			if err == nil {
				t.Fatalf("no error")
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}

// TestParseDefaults checks what a scenario that sets none of the
// multi-channel sections gets.
func TestParseDefaults(t *testing.T) {
	s, err := Parse("t.yaml", "t", []byte(valid), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := s.Config
	ch := c.Channels[0]
	tests := []struct {
		name      string
		got, want any
	}{
		{"start", c.Start, models.Monday},
		{"issues", c.Issues, []models.Issue{{Name: "general", Share: 1, HandleFactor: 1}}},
		{"demand", c.Demand, models.Demand{Weekdays: [7]float64{1, 1, 1, 1, 1, 1, 1}}},
		{"choice", c.Choice, models.Choice{WaitWeight: 1}},
		{"journey", c.Journey, models.DefaultJourney()},
		{"word_of_mouth", c.WordOfMouth.Enabled, false},
		{"kind", ch.Kind, models.Live},
		{"choice", ch.Choosable, true},
		{"fit", ch.Fit, []float64{0}},
		{"resolution", ch.Resolution, []float64{1}},
		{"expected_wait", ch.ExpectedWait, 20.0},
		{"open", len(ch.Open), 0},
		{"concurrency", ch.Concurrency, 1},
		{"lines", ch.Lines, 0},
		{"public", ch.Public, false},
		{"jump_the_line", ch.JumpTheLine, false},
		{"shifts", len(c.Pools[0].Shifts), 0},
		{"shrinkage", c.Pools[0].Shrinkage, 0.0},
	}
	for _, tc := range tests {
		if !approx(reflect.ValueOf(tc.got), reflect.ValueOf(tc.want)) {
			t.Errorf("%s: got %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}
}

// TestParseShortFormsMultiChannel checks the other ways the new keys may be
// written, against the long forms of the multi-channel scenario.
func TestParseShortFormsMultiChannel(t *testing.T) {
	wom := models.DefaultWordOfMouth()
	tests := []struct {
		name     string
		old, new string
		check    func(c *models.Config) any
		want     any
	}{
		{"weekdays as a list", "weekdays: {sat: 0.6, sun: 0.3}", "weekdays: [1.1, 1, 1, 1, 0.9, 0.5, 0]",
			func(c *models.Config) any { return c.Demand.Weekdays }, [7]float64{1.1, 1, 1, 1, 0.9, 0.5, 0}},
		{"weekdays by full name", "weekdays: {sat: 0.6, sun: 0.3}", "weekdays: {Saturday: 0.6, SUN: 0}",
			func(c *models.Config) any { return c.Demand.Weekdays }, [7]float64{1, 1, 1, 1, 1, 0.6, 0}},
		{"demand volumes", "rate: 300/h", "volumes: [100, 200]",
			func(c *models.Config) any { return c.Demand.Volumes }, []float64{100, 200}},
		{"one retry chance", "retry: [80%, 50%, 20%]", "retry: 70%",
			func(c *models.Config) any { return c.Journey.Retry }, []float64{0.7}},
		{"no retry", "retry: [80%, 50%, 20%]", "retry: []",
			func(c *models.Config) any { return len(c.Journey.Retry) }, 0},
		{"annoyance zero kept", "annoyance: 15%", "annoyance: 0",
			func(c *models.Config) any { return c.Journey.SiloAnnoyance }, 0.0},
		{"resolution factor zero kept", "resolution_factor: 0.7", "resolution_factor: 0",
			func(c *models.Config) any { return c.Journey.SiloResolutionFactor }, 0.0},
		{"journey left out", "  history: siloed\n", "",
			func(c *models.Config) any { return c.Journey.History }, models.Integrated},
		{"word of mouth empty", "word_of_mouth:\n  share_good: 10%\n  share_bad: 40%\n  public_factor: 4\n  reach: 20\n  inertia: 1500\n  memory: 3d\n  coupling: 0.7\n",
			"word_of_mouth: {}\n", func(c *models.Config) any { return c.WordOfMouth }, wom},
		{"word of mouth with nothing", "word_of_mouth:\n  share_good: 10%\n  share_bad: 40%\n  public_factor: 4\n  reach: 20\n  inertia: 1500\n  memory: 3d\n  coupling: 0.7\n",
			"word_of_mouth:\n", func(c *models.Config) any { return c.WordOfMouth }, wom},
		{"word of mouth off", "coupling: 0.7", "coupling: 0.7\n  enabled: false",
			func(c *models.Config) any { return c.WordOfMouth.Enabled }, false},
		{"memory never", "memory: 3d", "memory: never",
			func(c *models.Config) any { return math.IsInf(c.WordOfMouth.Memory, 1) }, true},
		{"bool in capitals", "public: true", "public: True",
			func(c *models.Config) any { return c.Channels[3].Public }, true},
		{"open past midnight", `open: {hours: "07:00-23:00"}`, `open: {days: sat-mon, hours: "22:00-02:00"}`,
			func(c *models.Config) any { return c.Channels[1].Open },
			[]models.Span{{Days: days("m....ss"), From: 22 * 3600, To: 2 * 3600}}},
		{"start in full", "start: wed", "start: Thursday",
			func(c *models.Config) any { return c.Start }, models.Thursday},
		{"escalation delay as a mapping", "delay: 30m}", "delay: {dist: deterministic, mean: 30m}}",
			func(c *models.Config) any { return c.Channels[1].Escalations[0].Delay },
			models.Dist{Kind: models.Deterministic, Mean: 1800}},
		{"agents by interval", "    agents: 3\n", "    agents: [2, 3]\n",
			func(c *models.Config) any { return c.Pools[1].Agents }, []int{2, 3}},
	}
	base := readMulti(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(base, tc.old, tc.new, 1)
			if src == base {
				t.Fatalf("test case does not change the scenario")
			}
			s, err := Parse(multiFile, "multichannel", []byte(src), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := tc.check(&s.Config); !approx(reflect.ValueOf(got), reflect.ValueOf(tc.want)) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestSetMultiChannel applies --set overrides to the new keys.
func TestSetMultiChannel(t *testing.T) {
	tests := []struct {
		set   string
		check func(c *models.Config) any
		want  any
	}{
		{"journey.history=integrated", func(c *models.Config) any { return c.Journey.History }, models.Integrated},
		{"word_of_mouth.coupling=0", func(c *models.Config) any { return c.WordOfMouth.Coupling }, 0.0},
		{"word_of_mouth.enabled=false", func(c *models.Config) any { return c.WordOfMouth.Enabled }, false},
		{"channels.chat.concurrency=2", func(c *models.Config) any { return c.Channels[1].Concurrency }, 2},
		{"channels.tier2.choice=true", func(c *models.Config) any { return c.Channels[5].Choosable }, true},
		{"channels.phone.resolution.complex=75%", func(c *models.Config) any { return c.Channels[0].Resolution }, []float64{0.95, 0.85, 0.75}},
		{"channels.email.resolution=60%", func(c *models.Config) any { return c.Channels[2].Resolution }, []float64{0.6, 0.6, 0.6}},
		{"channels.phone.open={days: every day, hours: 08:00-22:00}", func(c *models.Config) any { return c.Channels[0].Open },
			[]models.Span{{Days: models.EveryDay, From: 8 * 3600, To: 22 * 3600}}},
		{"channels.phone.open[1].hours=10:00-14:00", func(c *models.Config) any { return c.Channels[0].Open[1].To }, 14 * 3600.0},
		{"channels.phone.lines=0", func(c *models.Config) any { return c.Channels[0].Lines }, 0},
		{"demand.weekdays.sun=0", func(c *models.Config) any { return c.Demand.Weekdays[models.Sunday] }, 0.0},
		{"demand.rate=400/h", func(c *models.Config) any { return c.Demand.Rate }, 400 / 3600.0},
		{"start=sat", func(c *models.Config) any { return c.Start }, models.Saturday},
		{"pools.specialists.shifts[0].agents=8", func(c *models.Config) any { return c.Pools[2].Shifts[0].Agents }, 8},
		{"pools.generalists.shrinkage=35%", func(c *models.Config) any { return c.Pools[0].Shrinkage }, 0.35},
		{"pools.generalists.availability=85%", func(c *models.Config) any { return c.Pools[0].Availability }, []float64{0.85}},
		{"pools.generalists.availability=[90%, 80%]", func(c *models.Config) any { return c.Pools[0].Availability }, []float64{0.9, 0.8}},
		{"pools.generalists.away_spell=4m", func(c *models.Config) any { return c.Pools[0].AwaySpell }, 240.0},
	}
	for _, tc := range tests {
		t.Run(tc.set, func(t *testing.T) {
			s, err := Parse(multiFile, "multichannel", []byte(readMulti(t)), []string{tc.set})
			if err != nil {
				t.Fatal(err)
			}
			if got := tc.check(&s.Config); !approx(reflect.ValueOf(got), reflect.ValueOf(tc.want)) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestSetMultiChannelErrors(t *testing.T) {
	tests := []struct {
		set  string
		want []string
	}{
		{"journey.history=shared", []string{`--set journey.history=shared: journey.history: want integrated (channels share what they know of a customer) or siloed (each knows only its own contacts), not "shared"`}},
		{"channels.chat.concurrency=0", []string{`--set channels.chat.concurrency=0: channels.chat.concurrency: must be between 1 and 100, not 0`}},
		{"channels.email.public=maybe", []string{`--set channels.email.public=maybe: channels.email.public: want true or false, not "maybe"`}},
		{"channels.phone.fit.billing=1", []string{`--set channels.phone.fit.billing=1: channels.phone.fit.billing: no issue is named "billing" (issues: simple, account, complex)`}},
		// The override is right; the problem it makes is in the file.
		{"issues.simple=50%", []string{multiFile + `:20:3: issues: the shares add up to 90%, not 100%`}},
		{"demand.weekdays[2]=1", []string{`--set demand.weekdays[2]=1: demand.weekdays is not a list, so it has no item [2]`}},
	}
	for _, tc := range tests {
		t.Run(tc.set, func(t *testing.T) {
			_, err := Parse(multiFile, "multichannel", []byte(readMulti(t)), []string{tc.set})
			if err == nil || err.Error() != strings.Join(tc.want, "\n") {
				t.Errorf("got %v, want %s", err, strings.Join(tc.want, "\n"))
			}
		})
	}
}
