package scenarios

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Export returns the text of the built-in scenario name with a comment on
// every setting saying what it means and in which unit, so that a planner
// can copy it and edit it. The settings, their order and the file's own
// comments are kept exactly: only comments are added, so the export loads
// as the built-in does and runs the same.
func Export(name string) ([]byte, error) {
	data, err := BuiltinSource(name)
	if err != nil {
		return nil, err
	}
	return commentSettings(name, data)
}

// commentSettings adds a comment to every key of a block mapping in data: at the
// end of its line, or on a line of its own above it when its line already
// has a comment. Keys inside flow mappings ({dist: lognormal, mean: 5m})
// are explained by their parent's comment.
func commentSettings(name string, data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("scenarios: %s: %w", name, err)
	}
	notes := map[int]note{} // line (from 1) → the note for the key on it
	if len(doc.Content) == 1 {
		collectNotes(doc.Content[0], "", notes)
	}
	lines := strings.SplitAfter(string(data), "\n")
	var b bytes.Buffer
	fmt.Fprintf(&b, "# The built-in scenario %q, exported by omnisim scenarios export: every\n", name)
	b.WriteString("# setting has a comment saying what it means and its unit (omnisim's\n")
	b.WriteString("# docs/scenario-format.md has the full reference). Edit it, check it with\n")
	fmt.Fprintf(&b, "# omnisim validate FILE, and run it with omnisim run FILE (or omnisim demo FILE).\n\n")
	for i, line := range lines {
		n, ok := notes[i+1]
		if !ok {
			b.WriteString(line)
			continue
		}
		body, nl := strings.CutSuffix(line, "\n")
		if hasComment(body) {
			fmt.Fprintf(&b, "%s# %s\n", strings.Repeat(" ", n.column-1), n.text)
			b.WriteString(line)
			continue
		}
		b.WriteString(body)
		b.WriteString(strings.Repeat(" ", max(2, commentColumn-len([]rune(body)))))
		b.WriteString("# " + n.text)
		if nl {
			b.WriteString("\n")
		}
	}
	return b.Bytes(), nil
}

// commentColumn is where added comments start, on lines short enough.
const commentColumn = 36

// note is the comment for the key at a column of a line.
type note struct {
	column int
	text   string
}

// collectNotes records a note for every key of the block mappings in n,
// path being n's place ("channels.*.open[]" style: names as "*", list
// items as "[]").
func collectNotes(n *yaml.Node, path string, notes map[int]note) {
	n = resolve(n)
	if n == nil || n.Style&yaml.FlowStyle != 0 {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		named := namedMappings[path]
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			at := join(path, k.Value)
			if named {
				at = join(path, "*")
			}
			if text := settingNote(at); text != "" {
				if _, taken := notes[k.Line]; !taken {
					notes[k.Line] = note{column: k.Column, text: text}
				}
			}
			collectNotes(n.Content[i+1], at, notes)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			collectNotes(c, path+"[]", notes)
		}
	}
}

// namedMappings are the mappings whose keys are names the scenario chooses.
var namedMappings = map[string]bool{"issues": true, "classes": true, "channels": true, "pools": true}

// settingNote returns the comment for the setting at path, "" if there is
// none: the exact path's, else the note for its last part (distribution
// and span keys, wherever they are).
func settingNote(path string) string {
	if s, ok := settingNotes[path]; ok {
		return s
	}
	i := strings.LastIndexAny(path, ".")
	return keyNotes[path[i+1:]]
}

// settingNotes explain each setting, from the format reference,
// docs/scenario-format.md.
var settingNotes = map[string]string{
	"name":         "short name of the scenario (default: the file's name)",
	"title":        "a one-line headline, shown in output",
	"description":  "what the scenario shows and what to watch, for people",
	"seed":         "seed of every random stream (a whole number): same seed, same results",
	"replications": "independent replications when --reps is not given",
	"horizon":      "customers arrive in [0, horizon) (a duration: 7d, 29d)",
	"warmup":       "the start of the horizon left out of every figure (a duration)",
	"interval":     "length of intervals for volumes, staffing and figures; divides a day",
	"start":        "weekday of day 0 (monday, tue, ...)",
	"end":          "finish: follow everyone still waiting at the horizon; cutoff: stop there",

	"issues":                 "the mix of customers' needs, by name; shares add up to 100 %",
	"issues.*":               "an issue: its share of customers (and handle_factor, × every handle time)",
	"issues.*.share":         "share of customers with this issue",
	"issues.*.handle_factor": "multiplies every channel's handle time for this issue",

	"classes":                   "kinds of customer with their own priority and patience, by name; shares add up to 100 %",
	"classes.*":                 "a class: its share of customers, priority, patience factor and promotion",
	"classes.*.share":           "share of customers in this class",
	"classes.*.priority":        "1 is served first, then 2, ...; the same number shares a place in line",
	"classes.*.patience_factor": "multiplies the class's patience (and its wait before chasing)",
	"classes.*.promote_after":   "a contact of this class waiting this long is served as of the highest priority",

	"demand":          "customers who choose their channel (multinomial logit)",
	"demand.rate":     "customers per period, steady (a rate: 300/h)",
	"demand.volumes":  "expected customers per interval from midnight of day 0, repeating",
	"demand.weekdays": "a factor on the volume per day of the week (unlisted days 1)",
	"demand.noise":    "coefficient of variation of each day's volume (gamma factor, mean 1)",

	"choice":             "how customers pick a channel: chance ∝ exp(preference + fit − wait_weight·ln(expected wait ÷ 1m))",
	"choice.wait_weight": "at 1, a channel expected to answer twice as fast is twice as likely chosen; 0: by habit",
	"choice.stay":        "pull of the same channel when trying again (negative: switch)",

	"journey":                          "what customers do when a contact fails or ends unresolved",
	"journey.max_contacts":             "contacts after which a customer gives up",
	"journey.retry":                    "chance of trying again after the 1st, 2nd, 3rd... failure (last one holds)",
	"journey.retry_delay":              "time before trying again (a distribution; default exponential, mean 30m)",
	"journey.repeat_delay":             "time before an unresolved customer contacts again (default mean 1d)",
	"journey.chase":                    "chance a customer whose deferred reply is late chases on another channel",
	"journey.chase_after":              "late means this multiple of the wait the customer expected",
	"journey.history":                  "integrated: channels share history; siloed: each knows only its own",
	"journey.siloed":                   "with siloed history, a contact on a new channel: × handle time, × resolution, − satisfaction",
	"journey.siloed.handle_factor":     "multiplies the handle time of a contact that starts from nothing",
	"journey.siloed.resolution_factor": "multiplies its chance of resolving the issue",
	"journey.siloed.annoyance":         "satisfaction it costs the customer (0 to 1)",

	"word_of_mouth":               "present: customers share their experience, moving reputations and expectations",
	"word_of_mouth.enabled":       "false turns word of mouth off",
	"word_of_mouth.share_good":    "chance a customer tells the story of each contact after a good journey",
	"word_of_mouth.share_bad":     "the same after a bad one (unresolved, a failure, a long wait)",
	"word_of_mouth.public_factor": "stories of contacts on a public channel are told this many times more",
	"word_of_mouth.reach":         "people one story reaches",
	"word_of_mouth.inertia":       "people's worth of belief a channel's starting expected wait carries",
	"word_of_mouth.level_inertia": "the same for the global expectation level",
	"word_of_mouth.memory":        "half-life of stories (a duration, or never)",
	"word_of_mouth.coupling":      "how strongly expectations shorten patience: × exp(−coupling · level)",

	"channels":                         "ways customers reach the centre, by name",
	"channels.*":                       "a channel",
	"channels.*.kind":                  "live (queue, patience), deferred (backlog, chasing) or self-service",
	"channels.*.arrivals":              "customers who come straight here without choosing (rate or volumes)",
	"channels.*.choice":                "whether choosing customers may pick it (false: reached by transfer only)",
	"channels.*.preference":            "attractiveness in the choice model (a number; deferred channels need a large one)",
	"channels.*.fit":                   "extra attractiveness by issue",
	"channels.*.expected_wait":         "the wait customers expect at first, before word of mouth moves it",
	"channels.*.open":                  "when it takes new contacts (days and hours); default always",
	"channels.*.lines":                 "(live) contacts held at once, waiting or handled; one more is turned away",
	"channels.*.concurrency":           "(live) contacts an agent handles at once (chat)",
	"channels.*.slowdown":              "each contact already in hand makes a new one this much longer",
	"channels.*.handle_time":           "time an agent spends on a contact (a distribution by its mean); self-service: the session",
	"channels.*.handle_times":          "handle-time laws by issue on this channel, in place of handle_time × the issue's handle_factor",
	"channels.*.wrap_time":             "after-call work: the agent stays busy this long after the customer has gone",
	"channels.*.wrap_times":            "after-call work laws by issue on this channel, in place of wrap_time",
	"channels.*.patience":              "(live) time a waiting customer waits before abandoning; never",
	"channels.*.resolution":            "chance a handled contact resolves the issue, by issue (unlisted 100 %)",
	"channels.*.escalation":            "where unresolved contacts go: transfer (still waiting) or a later contact (delay)",
	"channels.*.send_to":               "(self-service) channels the customers it could not help choose among",
	"channels.*.public":                "contacts are seen by others (social media): their stories travel further",
	"channels.*.jump_the_line":         "complaints (customers who already failed) go to the front of the queue",
	"channels.*.service_level":         "answered within `within` ÷ offered, and its target share",
	"channels.*.callback":              "(live) callers who would wait long are offered a callback that keeps their place",
	"channels.*.callback.offer_above":  "offered when the quoted wait, (waiting + 1) × agent time ÷ agents, is longer",
	"channels.*.callback.accept":       "chance a caller offered a callback takes it",
	"channels.*.callback.no_answer":    "chance a customer called back does not answer",
	"channels.*.callback.retries":      "further attempts after an unanswered one",
	"channels.*.callback.retry_delay":  "wait before the next attempt is queued",
	"channels.*.callback.attempt_time": "agent time of each attempt: dialling and ringing",
	"channels.*.max_abandon":           "a live channel's abandonment target: at most this share abandoned (omnisim staff staffs for it)",
	"channels.*.max_occupancy":         "the most occupancy the channel's agents may have (omnisim staff staffs for it)",
	"staffing":                         "a staffing table (CSV, as omnisim staff writes it) giving pools their headcount per interval",
	"roster":                           "a roster (YAML, as omnisim roster writes it: pools.NAME.shifts) giving pools their shifts",
	"forecast":                         "a forecast table (CSV: channel, interval, volume) giving channels their arrivals per interval",

	"channels.*.arrivals.rate":    "contacts per period, steady (a rate: 200/h)",
	"channels.*.arrivals.volumes": "expected contacts per interval from midnight of day 0, repeating",
	"channels.*.arrivals.noise":   "coefficient of variation of each day's volume (gamma factor, mean 1)",
	"channels.*.arrivals.issues":  "the mix of issues they bring, by issue name (default: the scenario's mix)",

	"pools":                   "groups of agents, by name",
	"pools.*":                 "a pool of agents",
	"pools.*.skills":          "channels served, most preferred first (live before deferred always)",
	"pools.*.agents":          "headcount scheduled: a number, or one per interval from midnight, repeating",
	"pools.*.shifts":          "shifts: {days, hours, agents}; the headcount is that of the shifts covering an interval",
	"pools.*.add":             "agents added to every interval or shift, after agents, shifts or the staffing table (negative removes; never below 0)",
	"pools.*.scale":           "multiplies every interval's or shift's agents (1.1 or 110%), rounded half up; applied before add",
	"pools.*.shrinkage":       "share of scheduled time lost to breaks, training and absence",
	"pools.*.overflow_after":  "a backup for these channels: takes their contacts once they have waited this long",
	"pools.*.handle_factor":   "proficiency by channel: multiplies the pool's handle time there",
	"pools.*.cost_per_hour":   "cost of a scheduled agent hour, in your currency",
	"pools.*.availability":    "share of their time at work agents are ready for contacts (the rest away); one, or one per interval",
	"pools.*.away_spell":      "mean length of an agent's spell away from contacts (with availability below 100 %)",
	"pools.*.shifts[].agents": "agents on the shift, in every interval it covers",

	"claims":                  "what the story says, each claim checked by omnisim demo on the run's numbers",
	"claims[].says":           "the sentence; {a}, {b}, {change}, {counter}, {part} are filled with measured numbers",
	"claims[].figure":         "the figure measured: channel.figure, customers.figure, pools.P.figure or expectation",
	"claims[].a":              "side A: days of the run (week 1, days 2-8) and/or a variant (set: [path=value])",
	"claims[].b":              "side B, the same way; the change is B − A, paired replication by replication",
	"claims[].expect":         "rise, fall (the 95 % interval of B − A beyond by), steady (within by); above, below (A against than)",
	"claims[].by":             "the size of change claimed (shares as points: 5%); default 0",
	"claims[].than":           "the level side a is set against, for expect above or below (a share: 80%)",
	"claims[].relative":       "true: the change is B ÷ A − 1 in each replication",
	"claims[].counter":        "--set overrides turning the mechanism off: the change must then be gone",
	"claims[].counter_within": "the change left without the mechanism may be at most this",
	"claims[].a.days":         "days of the run, from 1 as daily.csv counts them: week 2, days 8-14, day 3",
	"claims[].b.days":         "days of the run, from 1 as daily.csv counts them: week 2, days 8-14, day 3",
	"claims[].a.set":          "--set overrides of side A's variant",
	"claims[].b.set":          "--set overrides of side B's variant",
}

// keyNotes explain keys that mean the same wherever they are.
var keyNotes = map[string]string{
	"dist":     "distribution: exponential, deterministic, erlang, gamma, lognormal, uniform or empirical",
	"mean":     "the distribution's mean (a duration)",
	"cv":       "coefficient of variation: standard deviation ÷ mean",
	"shape":    "Erlang shape k (CV 1/√k)",
	"min":      "smallest value (a duration)",
	"max":      "largest value (a duration)",
	"values":   "equally likely values (durations)",
	"tail":     "a draw of the largest value goes on past it by an exponential time of this mean (a duration)",
	"days":     "days of the week: mon-fri, weekdays, weekend, every day, or a list",
	"hours":    "hours of the day, HH:MM-HH:MM (an end before the start runs past midnight)",
	"within":   "the service-level threshold T: answered within T counts (a duration)",
	"target":   "the target share answered within T",
	"to":       "the channel the path leads to",
	"share":    "share of unresolved contacts that take this path",
	"transfer": "true: straight into the channel's queue, the customer still waiting",
	"delay":    "time before the customer makes the contact (a distribution)",
}

// hasComment tells whether a line of YAML ends in a comment: a # at its
// start or after a space, outside quotes.
func hasComment(line string) bool {
	var quote rune
	prev := ' '
	for _, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case (r == '\'' || r == '"') && strings.ContainsRune(" \t[{,:", prev):
			quote = r
		case r == '#' && (prev == ' ' || prev == '\t'):
			return true
		}
		prev = r
	}
	return false
}
