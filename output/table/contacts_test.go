package table

import (
	"bytes"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestContactsInReplicationOrder: replications traced in any order and at
// once come out in replication order, each in the order its contacts were
// traced, with empty cells for what did not happen.
func TestContactsInReplicationOrder(t *testing.T) {
	c := fixture.TraceAll(t, NewContacts, t.TempDir()+"/run", fixture.GoldenContacts())
	var b bytes.Buffer
	if err := c.File().Write(&b); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"replication,contact,customer,previous,channel,issue,how,outcome,chased,arrived_seconds,answered_seconds,ended_seconds,wait_seconds,handle_seconds,agent,wrap_seconds,class,callback\n" +
		"0,2,2,,chat,simple,first,abandoned,false,30,,95.5,,,,,,false\n" +
		"0,1,1,,phone,account,first,escalated,false,12.3456789,20,200.25,7.6543211,180.25,front:3,45.5,vip,true\n" +
		"0,3,2,2,phone,simple,retry,blocked,false,300,,300,,,,,,false\n" +
		"0,4,1,1,email,account,escalation,resolved,true,200.25,86400.125,86880.125,86199.875,480,back:1,0,,false\n" +
		"0,5,3,,email,complex,first,unfinished,false,172799.999,,172800,,,,,,false\n" +
		"1,1,1,,chat,simple,first,resolved,false,1e-07,0.666666667,600,0.666666567,599.333333,front:12,0,,false\n" +
		"1,2,1,1,phone,simple,chase,duplicate,false,1234567.89,1234568,1234700,0.109,132,front:1,0,,false\n"
	if got := b.String(); got != want {
		t.Errorf("contacts.csv:\n%s", fixture.FirstLineDiff(got, want))
	}
	// File can be written again: folder.Write may try twice.
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

// TestContactsOfARun traces a real run: one row per contact traced, the
// contacts of the measured window as many as the tallies' offered, and
// every previous contact an earlier one of the same customer.
func TestContactsOfARun(t *testing.T) {
	cfg := fixture.GoldenWorld()
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
	tb, err := output.ReadCSVTable(&b)
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
