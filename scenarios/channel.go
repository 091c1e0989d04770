package scenarios

import (
	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// defaultEscalationDelay is how long a customer takes to make the contact
// an escalation asks for, when it is not a transfer and the scenario does
// not say: an hour on average.
var defaultEscalationDelay = models.Dist{Kind: models.Exponential, Mean: 3600}

// decodeChannel decodes the channel called name. issues names the issues in
// order: fit and resolution get one value for each.
func (d *decoder) decodeChannel(name string, n *yaml.Node, path string, issues []string) models.Channel {
	ch := models.Channel{
		Name:         name,
		Kind:         models.Live,
		Choosable:    true,
		Concurrency:  1,
		Patience:     models.Dist{Kind: models.Never},
		AnswerWithin: DefaultAnswerWithin,
	}
	d.mapping(n, path, []field{
		{"kind", func(n *yaml.Node, p string) {
			switch v, ok := d.word(n, p, string(models.Live), string(models.Deferred), string(models.SelfService)); {
			case ok:
				ch.Kind = models.ChannelKind(v)
			case v != "":
				d.errorf(n, p, "want live, deferred or self-service, not %q", v)
				d.doubtful = append(d.doubtful, path)
			}
		}},
		{"arrivals", func(n *yaml.Node, p string) { ch.Arrivals = d.decodeArrivals(n, p, issues) }},
		{"choice", func(n *yaml.Node, p string) { ch.Choosable = d.boolean(n, p) }},
		{"preference", func(n *yaml.Node, p string) { ch.Preference = d.number(n, p) }},
		{"fit", func(n *yaml.Node, p string) {
			ch.Fit = d.decodeByIssue(n, p, issues, 0, "a number", d.number)
		}},
		{"expected_wait", func(n *yaml.Node, p string) { ch.ExpectedWait = d.duration(n, p) }},
		{"open", func(n *yaml.Node, p string) { ch.Open = d.decodeSpans(n, p) }},
		{"lines", func(n *yaml.Node, p string) { ch.Lines = d.integer(n, p) }},
		{"concurrency", func(n *yaml.Node, p string) { ch.Concurrency = d.integer(n, p) }},
		{"slowdown", func(n *yaml.Node, p string) { ch.Slowdown = d.number(n, p) }},
		{"handle_time", func(n *yaml.Node, p string) { ch.HandleTime = d.decodeDist(n, p, false) }},
		{"handle_times", func(n *yaml.Node, p string) { ch.IssueHandle = d.decodeDistByIssue(n, p, issues) }},
		{"wrap_time", func(n *yaml.Node, p string) { ch.WrapTime = d.decodeDist(n, p, false) }},
		{"wrap_times", func(n *yaml.Node, p string) { ch.IssueWrap = d.decodeDistByIssue(n, p, issues) }},
		{"patience", func(n *yaml.Node, p string) { ch.Patience = d.decodeDist(n, p, true) }},
		{"resolution", func(n *yaml.Node, p string) {
			ch.Resolution = d.decodeByIssue(n, p, issues, 1, "a share such as 80%", d.fraction)
		}},
		{"escalation", func(n *yaml.Node, p string) {
			d.list(n, p, func(n *yaml.Node, p string) { ch.Escalations = append(ch.Escalations, d.decodeEscalation(n, p)) })
		}},
		{"send_to", func(n *yaml.Node, p string) {
			d.list(n, p, func(n *yaml.Node, p string) { ch.SendTo = append(ch.SendTo, d.str(n, p)) })
		}},
		{"public", func(n *yaml.Node, p string) { ch.Public = d.boolean(n, p) }},
		{"jump_the_line", func(n *yaml.Node, p string) { ch.JumpTheLine = d.boolean(n, p) }},
		{"service_level", func(n *yaml.Node, p string) {
			d.mapping(n, p, []field{
				{"within", func(n *yaml.Node, p string) { ch.AnswerWithin = d.duration(n, p) }},
				{"target", func(n *yaml.Node, p string) { ch.TargetServiceLevel = d.fraction(n, p) }},
			})
		}},
		{"callback", func(n *yaml.Node, p string) { ch.Callback = d.decodeCallback(n, p) }},
		{"max_abandon", func(n *yaml.Node, p string) { ch.MaxAbandon = d.fraction(n, p) }},
		{"max_occupancy", func(n *yaml.Node, p string) { ch.MaxOccupancy = d.fraction(n, p) }},
	}, "handle_time")
	return ch
}

// decodeCallback decodes a channel's callback offer: a mapping whose
// settings left out take models.DefaultCallback's.
func (d *decoder) decodeCallback(n *yaml.Node, path string) *models.Callback {
	cb := models.DefaultCallback()
	d.mapping(n, path, []field{
		{"offer_above", func(n *yaml.Node, p string) { cb.OfferAbove = d.duration(n, p) }},
		{"accept", func(n *yaml.Node, p string) { cb.Accept = d.fraction(n, p) }},
		{"no_answer", func(n *yaml.Node, p string) { cb.NoAnswer = d.fraction(n, p) }},
		{"retries", func(n *yaml.Node, p string) { cb.Retries = d.integer(n, p) }},
		{"retry_delay", func(n *yaml.Node, p string) { cb.RetryDelay = d.duration(n, p) }},
		{"attempt_time", func(n *yaml.Node, p string) { cb.AttemptTime = d.duration(n, p) }},
	})
	return &cb
}

// decodeEscalation decodes one escalation path: {to: phone, share: 30%},
// with transfer: true for a warm transfer, or a delay (a distribution)
// before the customer makes the new contact.
func (d *decoder) decodeEscalation(n *yaml.Node, path string) models.Escalation {
	e := models.Escalation{Delay: defaultEscalationDelay}
	var delay *yaml.Node
	d.mapping(n, path, []field{
		{"to", func(n *yaml.Node, p string) { e.To = d.str(n, p) }},
		{"share", func(n *yaml.Node, p string) { e.Share = d.fraction(n, p) }},
		{"transfer", func(n *yaml.Node, p string) { e.Transfer = d.boolean(n, p) }},
		{"delay", func(n *yaml.Node, p string) { delay = n; e.Delay = d.decodeDist(n, p, false) }},
	}, "to", "share")
	if e.Transfer && delay != nil {
		d.errorf(delay, join(path, "delay"), "does not apply to a transfer, which puts the contact in the queue at once")
	}
	return e
}

// decodeDistByIssue decodes a mapping of issue names to distributions: an
// issue left out gets none (Kind "").
func (d *decoder) decodeDistByIssue(n *yaml.Node, path string, issues []string) []models.Dist {
	out := make([]models.Dist, len(issues))
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want a mapping of issue names to distributions, such as {billing: {dist: lognormal, mean: 3m, cv: 0.8}}, not %s", KindName(n))
		return out
	}
	d.entries(n, path, func(k, n *yaml.Node, p string) {
		if i := d.issueIndex(k, p, issues); i >= 0 {
			out[i] = d.decodeDist(n, p, false)
		}
	})
	return out
}
