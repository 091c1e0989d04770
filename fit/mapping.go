package fit

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// Mapping says how to read a log of any layout: which column holds what,
// and how times are written. It is read from a small YAML file:
//
//	separator: ","                      # or "tab", ";"
//	arrival: {column: start, format: "2006-01-02 15:04:05"}
//	channel: queue                      # a column; or channel_name: phone
//	wait: wait_seconds                  # seconds in the queue
//	handle: talk_seconds                # seconds of service (answered)
//	outcome: {column: result, answered: [ANSWERED], abandoned: [ABANDONED, HANGUP]}
//	type: reason                        # optional: handle times by type
//	customer: caller_id                 # optional
//	agent: agent                        # optional
//	start: monday                       # with format seconds: day 0's weekday
//
// The arrival's format is a Go time layout (the reference time is Mon Jan 2
// 15:04:05 2006), or "seconds" for seconds from the start of the log.
// Outcomes other than those listed are skipped, counted by value.
type Mapping struct {
	Separator string `yaml:"separator"`
	Arrival   struct {
		Column string `yaml:"column"`
		Format string `yaml:"format"`
	} `yaml:"arrival"`
	Channel     string `yaml:"channel"`
	ChannelName string `yaml:"channel_name"`
	Wait        string `yaml:"wait"`
	Handle      string `yaml:"handle"`
	Outcome     struct {
		Column    string   `yaml:"column"`
		Answered  []string `yaml:"answered"`
		Abandoned []string `yaml:"abandoned"`
	} `yaml:"outcome"`
	Type     string `yaml:"type"`
	Customer string `yaml:"customer"`
	Agent    string `yaml:"agent"`
	// Start is the weekday of day 0 when arrivals are in seconds.
	Start string `yaml:"start"`
	// offset shifts day numbers so that day 0 falls on Start.
	offset int
}

// ParseMapping reads a mapping file, every problem at once, each with its
// line.
func ParseMapping(file string, data []byte) (Format, error) {
	var m Mapping
	if errs := decodeMapping(file, data, &m); len(errs) > 0 {
		return Format{}, errs
	}
	var problems scenarios.Errors
	need := func(field, v string) {
		if v == "" {
			problems = append(problems, &scenarios.Error{File: file, Path: field, Msg: "missing"})
		}
	}
	need("arrival.column", m.Arrival.Column)
	need("arrival.format", m.Arrival.Format)
	need("wait", m.Wait)
	need("handle", m.Handle)
	need("outcome.column", m.Outcome.Column)
	if len(m.Outcome.Answered) == 0 {
		problems = append(problems, &scenarios.Error{File: file, Path: "outcome.answered", Msg: "list the values of an answered contact"})
	}
	if m.Channel == "" && m.ChannelName == "" {
		problems = append(problems, &scenarios.Error{File: file, Path: "channel", Msg: "name the channel's column, or give channel_name for a log of one channel"})
	}
	if m.Arrival.Format != "" && m.Arrival.Format != "seconds" {
		// A layout must carry the date and the time of day: the reference
		// time written in it must read back as the same day and minute.
		ref := time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)
		if t, err := time.Parse(m.Arrival.Format, ref.Format(m.Arrival.Format)); err != nil || t.YearDay() != 2 || t.Hour() != 15 || t.Minute() != 4 {
			problems = append(problems, &scenarios.Error{File: file, Path: "arrival.format", Msg: fmt.Sprintf("%q is not a Go time layout with a date and a time of day (as 2006-01-02 15:04:05)", m.Arrival.Format)})
		}
	}
	if m.Start != "" {
		wd, err := models.ParseWeekday(m.Start)
		if err != nil {
			problems = append(problems, &scenarios.Error{File: file, Path: "start", Msg: fmt.Sprintf("%v", err)})
		}
		// Day numbers count from 1 January 1970, a Thursday.
		m.offset = (int(wd) - int(models.Thursday) + 7) % 7
	}
	comma := ','
	switch m.Separator {
	case "", ",":
	case "tab", "\t":
		comma = '\t'
	case ";":
		comma = ';'
	case "|":
		comma = '|'
	default:
		problems = append(problems, &scenarios.Error{File: file, Path: "separator", Msg: fmt.Sprintf("%q: want \",\", \";\", \"|\" or tab", m.Separator)})
	}
	if len(problems) > 0 {
		return Format{}, problems
	}
	required := []string{m.Arrival.Column, m.Wait, m.Handle, m.Outcome.Column}
	if m.Channel != "" {
		required = append(required, m.Channel)
	}
	for _, c := range []string{m.Type, m.Customer, m.Agent} {
		if c != "" {
			required = append(required, c)
		}
	}
	return Format{
		Name:     file,
		About:    "the mapping in " + file,
		Comma:    comma,
		Required: required,
		parse:    m.parse,
	}, nil
}

// parse reads one row as the mapping says.
func (m *Mapping) parse(col func(string) string, rec *Record) (string, error) {
	out := col(m.Outcome.Column)
	switch {
	case slices.Contains(m.Outcome.Answered, out):
		rec.Outcome = Answered
	case slices.Contains(m.Outcome.Abandoned, out):
		rec.Outcome = Abandoned
	default:
		return fmt.Sprintf("outcome %q, neither answered nor abandoned", out), nil
	}
	at := col(m.Arrival.Column)
	if m.Arrival.Format == "seconds" {
		sec, err := number(m.Arrival.Column, at)
		if err != nil {
			return "", err
		}
		rec.Day, rec.Arrival = int(sec/86400)+m.offset, math.Mod(sec, 86400)
	} else {
		t, err := time.Parse(m.Arrival.Format, at)
		if err != nil {
			return "", fmt.Errorf("%s: %q does not match the format %q", m.Arrival.Column, at, m.Arrival.Format)
		}
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		rec.Day = int(day.Unix() / 86400)
		rec.Arrival = float64(t.Hour()*3600+t.Minute()*60+t.Second()) + float64(t.Nanosecond())/1e9
	}
	var err error
	if rec.Wait, err = number(m.Wait, col(m.Wait)); err != nil {
		return "", err
	}
	if rec.Outcome == Answered {
		if rec.Handle, err = number(m.Handle, col(m.Handle)); err != nil {
			return "", err
		}
		if rec.Handle == 0 {
			return "answered with no handle time", nil
		}
	}
	rec.Channel = m.ChannelName
	if m.Channel != "" {
		if rec.Channel = col(m.Channel); rec.Channel == "" {
			return "", fmt.Errorf("%s: empty", m.Channel)
		}
	}
	if m.Type != "" {
		rec.Type = col(m.Type)
	}
	if m.Customer != "" {
		rec.Customer = col(m.Customer)
	}
	if m.Agent != "" {
		rec.Agent = col(m.Agent)
	}
	return "", nil
}
