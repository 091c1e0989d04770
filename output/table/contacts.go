package table

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// contactColumns are contacts.csv's columns.
var contactColumns = []output.Column{
	{Name: "replication", Description: "the replication, numbered from 0 as its random streams are"},
	{Name: "contact", Description: "the contact's number in its replication, from 1, in the order contacts arrived"},
	{Name: "customer", Description: "the customer's number in its replication, from 1"},
	{Name: "previous", Description: "the customer's contact before this one, the link a retry, switch, chase or escalation follows; empty for the customer's first"},
	{Name: "channel", Description: "the channel's name"},
	{Name: "issue", Description: "the customer's issue"},
	{Name: "how", Description: "how the contact came about: " + models.HowFirst + ", " + models.HowRetry + ", " + models.HowChase + ", " +
		models.HowEscalation + " or " + models.HowSentOn},
	{Name: "outcome", Description: "how it ended: " + models.OutcomeResolved + ", " + models.OutcomeEscalated + ", " + models.OutcomeUnresolved + ", " +
		models.OutcomeSentOn + ", " + models.OutcomeDuplicate + " (answered after the customer had finished: work done twice), " +
		models.OutcomeAbandoned + ", " + models.OutcomeBlocked + ", " + models.OutcomeUnfinished + " (still waiting when the run ended), " +
		models.OutcomeInService + " (still in an agent's hands when a run with end: cutoff stopped; its handle time the time until then) or " +
		models.OutcomeCallbackMissed + " (a callback whose customer answered none of the attempts)"},
	{Name: "chased", Description: "true when the customer chased this deferred contact on another channel while it waited"},
	{Name: "arrived_seconds", Description: "when the contact arrived, in seconds from the start of the run (warm-up included)"},
	{Name: "answered_seconds", Description: "when an agent took it (self-service: when the session began); empty if never answered"},
	{Name: "ended_seconds", Description: "when it ended; for a contact still waiting, when the run ended"},
	{Name: "wait_seconds", Description: "answered − arrived; empty if never answered"},
	{Name: "handle_seconds", Description: "the handle time, slowdown included; empty if never answered"},
	{Name: "agent", Description: "the agent who took it, as pool:number (agents numbered from 1 in the order they first came to work in the replication); empty if no agent took it"},
	{Name: "wrap_seconds", Description: "the agent's after-call work on it, after ended_seconds (0 for none); empty if never answered"},
	{Name: "class", Description: "the customer's class; empty when the scenario has no classes"},
	{Name: "callback", Description: "true when the caller took a callback: off the line, place kept; answered_seconds is then when an agent reached them"},
}

const contactsAbout = "one row per contact of every replication (written with --journeys): who made it, on which " +
	"channel, when, how it came about and how it ended; replication by replication, each in the order its contacts " +
	"ended. Contacts of the warm-up and after the horizon are there too: the figures count those that arrived in the " +
	"measured window."

// ContactWriter writes contact records as rows of contacts.csv (without
// its header), numbers with 9 significant digits as in every CSV file. It
// uses no memory per contact.
type ContactWriter struct {
	w   *csv.Writer
	row []string
}

// NewContactWriter returns a ContactWriter writing to w.
func NewContactWriter(w io.Writer) *ContactWriter {
	return &ContactWriter{w: csv.NewWriter(w), row: make([]string, len(contactColumns))}
}

// Write writes a contact's row. An error is kept for Flush to return: Write
// can be passed to models.RunTraced as it is.
func (c *ContactWriter) Write(r *models.ContactRecord) {
	row := c.row
	row[0] = strconv.Itoa(r.Replication)
	row[1] = strconv.FormatInt(r.ID, 10)
	row[2] = strconv.FormatInt(r.Customer, 10)
	row[3] = ""
	if r.Previous != 0 {
		row[3] = strconv.FormatInt(r.Previous, 10)
	}
	row[4], row[5], row[6], row[7] = r.Channel, r.Issue, r.How, r.Outcome
	row[8] = strconv.FormatBool(r.Chased)
	row[9], row[10], row[11] = output.CellOf(r.Arrived), output.CellOf(r.Answered), output.CellOf(r.Ended)
	row[12], row[13], row[14] = "", "", ""
	if !math.IsNaN(r.Answered) {
		row[12], row[13] = output.CellOf(r.Answered-r.Arrived), output.CellOf(r.Handle)
	}
	if r.Agent > 0 {
		row[14] = r.Pool + ":" + strconv.Itoa(r.Agent)
	}
	row[15] = ""
	if !math.IsNaN(r.Answered) {
		row[15] = output.CellOf(r.Wrap)
	}
	row[16], row[17] = r.Class, strconv.FormatBool(r.Callback)
	c.w.Write(row) // a write error sticks in the writer, for Flush
}

// Flush writes what is buffered and returns the first error of any Write.
func (c *ContactWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// Contacts gathers the per-contact trace of a run's replications for
// contacts.csv. Each replication writes its rows to a file of its own as
// its contacts end, so that memory does not grow with the number of
// contacts and the replications can run in parallel; File joins the files
// in replication order, so that contacts.csv is the same bytes however
// many replications ran at once.
type Contacts struct {
	dir   string
	parts []string
}

// NewContacts makes a temporary folder for the trace of reps replications
// of a run whose output folder will be outDir: beside it, on the disk that
// will hold contacts.csv, since the trace can be as large as that. Remove
// deletes it.
func NewContacts(outDir string, reps int) (*Contacts, error) {
	dir, err := output.MkdirBeside(filepath.Clean(outDir), "contacts")
	if err != nil {
		return nil, err
	}
	c := &Contacts{dir: dir, parts: make([]string, reps)}
	for rep := range reps {
		c.parts[rep] = filepath.Join(dir, strconv.Itoa(rep)+".csv")
	}
	return c, nil
}

// Replication opens replication rep's file. It returns the function to
// pass to models.RunTraced, and the one to call when the replication is
// over, which writes out the rows and closes the file. Replications may be
// traced at the same time, each from its own goroutine.
func (c *Contacts) Replication(rep int) (trace func(*models.ContactRecord), done func() error, err error) {
	if rep < 0 || rep >= len(c.parts) {
		panic(fmt.Sprintf("output: replication %d of a trace of %d", rep, len(c.parts)))
	}
	f, err := os.Create(c.parts[rep])
	if err != nil {
		return nil, nil, fmt.Errorf("output: tracing contacts: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	cw := NewContactWriter(bw)
	done = func() error {
		err := cw.Flush()
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("output: tracing contacts: %w", err)
		}
		return nil
	}
	return cw.Write, done, nil
}

// File returns contacts.csv for folder.RunFiles: its header, then every
// replication's rows, in replication order. Every replication must be done.
func (c *Contacts) File() output.File {
	return output.File{Name: output.ContactsFile, Description: contactsAbout, Columns: contactColumns, Write: c.writeTo}
}

func (c *Contacts) writeTo(w io.Writer) error {
	cw := csv.NewWriter(w)
	header := make([]string, len(contactColumns))
	for i, col := range contactColumns {
		header[i] = col.Name
	}
	cw.Write(header)
	if cw.Flush(); cw.Error() != nil {
		return cw.Error()
	}
	for _, p := range c.parts {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		_, err = io.Copy(w, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Remove deletes the temporary folder and the files in it.
func (c *Contacts) Remove() error {
	return output.RemoveTemp(c.dir)
}
