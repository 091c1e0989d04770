package output

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// goldenContacts are the contacts of two small replications, written by
// hand: one of each way of coming about and of ending, a customer who
// switches and escalates, and times that need all nine digits.
func goldenContacts() [][]models.ContactRecord {
	nan := math.NaN()
	return [][]models.ContactRecord{
		{
			{ID: 2, Customer: 2, Channel: "chat", Issue: "simple", How: models.HowFirst, Outcome: models.OutcomeAbandoned,
				Arrived: 30, Answered: nan, Ended: 95.5, Handle: nan},
			{ID: 1, Customer: 1, Channel: "phone", Issue: "account", How: models.HowFirst, Outcome: models.OutcomeEscalated,
				Arrived: 12.3456789012, Answered: 20, Ended: 200.25, Handle: 180.25, Pool: "front", Agent: 3},
			{ID: 3, Customer: 2, Previous: 2, Channel: "phone", Issue: "simple", How: models.HowRetry, Outcome: models.OutcomeBlocked,
				Arrived: 300, Answered: nan, Ended: 300, Handle: nan},
			{ID: 4, Customer: 1, Previous: 1, Channel: "email", Issue: "account", How: models.HowEscalation, Outcome: models.OutcomeResolved,
				Chased: true, Arrived: 200.25, Answered: 86400.125, Ended: 86880.125, Handle: 480, Pool: "back", Agent: 1},
			{ID: 5, Customer: 3, Channel: "email", Issue: "complex", How: models.HowFirst, Outcome: models.OutcomeUnfinished,
				Arrived: 172799.999, Answered: nan, Ended: 172800, Handle: nan},
		},
		{
			{Replication: 1, ID: 1, Customer: 1, Channel: "chat", Issue: "simple", How: models.HowFirst, Outcome: models.OutcomeResolved,
				Arrived: 1e-7, Answered: 2.0 / 3, Ended: 600, Handle: 599.333333, Pool: "front", Agent: 12},
			{Replication: 1, ID: 2, Customer: 1, Previous: 1, Channel: "phone", Issue: "simple", How: models.HowChase, Outcome: models.OutcomeDuplicate,
				Arrived: 1234567.891, Answered: 1234568, Ended: 1234700, Handle: 132, Pool: "front", Agent: 1},
		},
	}
}

// traceAll writes each replication's records through a Contacts in
// parallel, the last replication first, and returns the Contacts.
func traceAll(t *testing.T, outDir string, reps [][]models.ContactRecord) *Contacts {
	t.Helper()
	c, err := NewContacts(outDir, len(reps))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Remove() })
	var wg sync.WaitGroup
	errs := make([]error, len(reps))
	for rep := len(reps) - 1; rep >= 0; rep-- {
		wg.Go(func() {
			trace, done, err := c.Replication(rep)
			if err != nil {
				errs[rep] = err
				return
			}
			for i := range reps[rep] {
				r := reps[rep][i] // RunTraced reuses its record: so do we
				trace(&r)
			}
			errs[rep] = done()
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// TestContactsInReplicationOrder: replications traced in any order and at
// once come out in replication order, each in the order its contacts were
// traced, with empty cells for what did not happen.
func TestContactsInReplicationOrder(t *testing.T) {
	c := traceAll(t, t.TempDir()+"/run", goldenContacts())
	var b bytes.Buffer
	if err := c.File().Write(&b); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"replication,contact,customer,previous,channel,issue,how,outcome,chased,arrived_seconds,answered_seconds,ended_seconds,wait_seconds,handle_seconds,agent\n" +
		"0,2,2,,chat,simple,first,abandoned,false,30,,95.5,,,\n" +
		"0,1,1,,phone,account,first,escalated,false,12.3456789,20,200.25,7.6543211,180.25,front:3\n" +
		"0,3,2,2,phone,simple,retry,blocked,false,300,,300,,,\n" +
		"0,4,1,1,email,account,escalation,resolved,true,200.25,86400.125,86880.125,86199.875,480,back:1\n" +
		"0,5,3,,email,complex,first,unfinished,false,172799.999,,172800,,,\n" +
		"1,1,1,,chat,simple,first,resolved,false,1e-07,0.666666667,600,0.666666567,599.333333,front:12\n" +
		"1,2,1,1,phone,simple,chase,duplicate,false,1234567.89,1234568,1234700,0.109,132,front:1\n"
	if got := b.String(); got != want {
		t.Errorf("contacts.csv:\n%s", firstLineDiff(got, want))
	}
	// File can be written again: WriteFolder may try twice.
	var again bytes.Buffer
	if err := c.File().Write(&again); err != nil || again.String() != b.String() {
		t.Errorf("writing contacts.csv again: %v, or different bytes", err)
	}
	if err := c.Remove(); err != nil {
		t.Fatal(err)
	}
	if err := c.File().Write(&b); err == nil {
		t.Errorf("after Remove, writing contacts.csv: no error")
	}
}

// firstLineDiff shows the first line where got and want part.
func firstLineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, gl, wl)
		}
	}
	return "(no difference in lines)"
}

// TestContactsOfARun traces a real run: one row per contact traced, the
// contacts of the measured window as many as the tallies' offered, and
// every previous contact an earlier one of the same customer.
func TestContactsOfARun(t *testing.T) {
	cfg := goldenWorld()
	cfg.Horizon = 86400
	c, err := NewContacts(t.TempDir()+"/run", 2)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Remove()
	var offered int64
	for rep := range 2 {
		trace, done, err := c.Replication(rep)
		if err != nil {
			t.Fatal(err)
		}
		res, err := models.RunTraced(cfg, rep, trace)
		if err := done(); err != nil {
			t.Fatal(err)
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range res.Channels {
			offered += ch.Total.Offered
		}
	}
	var b bytes.Buffer
	if err := c.File().Write(&b); err != nil {
		t.Fatal(err)
	}
	tb, err := ReadCSVTable(&b)
	if err != nil {
		t.Fatal(err)
	}
	var inWindow int64
	customerOf := map[[2]string]string{}
	for i := range tb.Rows {
		rep, id := tb.Text(i, "replication"), tb.Text(i, "contact")
		customerOf[[2]string{rep, id}] = tb.Text(i, "customer")
		if at := tb.Float(i, "arrived_seconds"); at >= cfg.Warmup && at < cfg.Horizon {
			inWindow++
		}
	}
	for i := range tb.Rows {
		prev := tb.Text(i, "previous")
		if prev == "" {
			continue
		}
		if tb.Float(i, "previous") >= tb.Float(i, "contact") {
			t.Fatalf("row %d: previous contact %s is not earlier than %s", i, prev, tb.Text(i, "contact"))
		}
		if cust, ok := customerOf[[2]string{tb.Text(i, "replication"), prev}]; !ok || cust != tb.Text(i, "customer") {
			t.Fatalf("row %d: previous contact %s is of customer %q, not %s", i, prev, cust, tb.Text(i, "customer"))
		}
	}
	if inWindow != offered {
		t.Errorf("%d contacts arrived in the measured window, the tallies offered %d", inWindow, offered)
	}
	if len(tb.Rows) == 0 || len(customerOf) != len(tb.Rows) {
		t.Errorf("%d rows for %d contacts: each contact once", len(tb.Rows), len(customerOf))
	}
}
