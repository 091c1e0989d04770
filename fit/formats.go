package fit

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// BankFormat reads the "Anonymous Bank" call-centre records (Technion, I.
// Guedj and A. Mandelbaum, 1999): tab-separated, a row per call that
// reached the voice-response unit. A call joins the queue at q_start (or,
// answered at once, when it leaves the voice unit); calls that hung up in
// the voice unit never queued and are skipped, as are the PHANTOM ghost
// records. The channel is the service type (PS, PE, IN, NE, NW, TT).
// Priority-2 calls, which the bank credited with 1.5 minutes of queue time
// at entry, are fitted with their waits as recorded.
var BankFormat = Format{
	Name:     "bank",
	About:    `the "Anonymous Bank" call-centre records (tab-separated; Technion, Guedj and Mandelbaum)`,
	Comma:    '\t',
	Required: []string{"type", "date", "vru_exit", "q_start", "q_time", "outcome", "ser_time", "server", "customer_id"},
	parse:    parseBank,
}

func parseBank(col func(string) string, rec *Record) (string, error) {
	switch col("outcome") {
	case "PHANTOM":
		return "a PHANTOM (ghost) record", nil
	case "AGENT":
		rec.Outcome = Answered
	case "HANG":
		rec.Outcome = Abandoned
	default:
		return "", fmt.Errorf("outcome: %q is not AGENT, HANG or PHANTOM", col("outcome"))
	}
	date, err := time.Parse("060102", col("date"))
	if err != nil {
		return "", fmt.Errorf("date: %q is not a date yymmdd", col("date"))
	}
	rec.Day = int(date.Unix() / 86400)
	queued := col("q_start") != "0:00:00" && col("q_start") != ""
	if !queued && rec.Outcome == Abandoned {
		return "hung up in the voice unit, never queued", nil
	}
	at := "q_start"
	if !queued {
		at = "vru_exit"
	}
	if rec.Arrival, err = clock(at, col(at)); err != nil {
		return "", err
	}
	if rec.Wait, err = number("q_time", col("q_time")); err != nil {
		return "", err
	}
	if rec.Outcome == Answered {
		if rec.Handle, err = number("ser_time", col("ser_time")); err != nil {
			return "", err
		}
		if rec.Handle == 0 {
			return "answered with no service time", nil
		}
		if a := col("server"); a != "NO_SERVER" {
			rec.Agent = a
		}
	}
	rec.Channel = col("type")
	if rec.Channel == "" {
		return "", fmt.Errorf("type: empty")
	}
	if c := col("customer_id"); c != "0" {
		rec.Customer = c
	}
	return "", nil
}

// ContactsFormat reads contacts.csv, the trace 'omnisim run --journeys'
// writes. Each replication counts as days of its own, after the ones
// before; its agents (the agent column, when there) are its own; blocked and unfinished contacts are skipped, as are contacts of
// deferred channels (a backlog, not a queue with patience).
var ContactsFormat = Format{
	Name:     "omnisim",
	About:    "contacts.csv, the per-contact trace of 'omnisim run --journeys'",
	Comma:    ',',
	Required: []string{"replication", "customer", "channel", "outcome", "arrived_seconds", "answered_seconds", "ended_seconds"},
	parse:    parseContacts,
}

// replicationDays is how many days apart the replications of a contacts
// log are set: more than any run's horizon.
const replicationDays = 1 << 16

func parseContacts(col func(string) string, rec *Record) (string, error) {
	rep, err := strconv.Atoi(col("replication"))
	if err != nil || rep < 0 || rep > 1<<14 {
		return "", fmt.Errorf("replication: %q is not a replication number", col("replication"))
	}
	arrived, err := number("arrived_seconds", col("arrived_seconds"))
	if err != nil {
		return "", err
	}
	ended, err := number("ended_seconds", col("ended_seconds"))
	if err != nil {
		return "", err
	}
	switch col("outcome") {
	case "blocked", "unfinished":
		return "blocked or unfinished", nil
	case "abandoned":
		rec.Outcome = Abandoned
		rec.Wait = ended - arrived
	case "":
		return "", fmt.Errorf("outcome: empty")
	default:
		if col("answered_seconds") == "" {
			return "a deferred or self-service contact", nil
		}
		answered, err := number("answered_seconds", col("answered_seconds"))
		if err != nil {
			return "", err
		}
		rec.Outcome = Answered
		rec.Wait = answered - arrived
		rec.Handle = ended - answered
	}
	if rec.Wait < 0 || rec.Handle < 0 || math.IsNaN(rec.Wait) {
		return "", fmt.Errorf("times out of order (arrived %v, ended %v)", arrived, ended)
	}
	day := math.Floor(arrived / 86400)
	rec.Day = rep*replicationDays + int(day)
	rec.Arrival = arrived - day*86400
	rec.Channel = col("channel")
	rec.Customer = col("replication") + "/" + col("customer")
	rec.Type = col("issue")
	if a := col("agent"); a != "" && rec.Outcome == Answered {
		rec.Agent = col("replication") + "/" + a
	}
	return "", nil
}
