package fit

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// readRows reads a log in omnisim's own format and returns its summary,
// the records used and the error.
func readRows(t *testing.T, log string) (*Summary, []Record, error) {
	t.Helper()
	var recs []Record
	s, err := Read(strings.NewReader(log), ContactsFormat, func(r *Record) { recs = append(recs, *r) })
	return s, recs, err
}

// TestReadLimits: Record.check refuses a wait or a handle time of more
// than a day, and a day beyond maxDay, so a wait or a handle time of
// exactly a day is read, and so is the last day of the last replication a
// contacts log may hold (replication 1<<14, day 0: replications are
// replicationDays apart, and 1<<14 × 1<<16 = maxDay). Seen to catch:
// read.go `r.Wait > 86400` → `>=`, `r.Handle > 86400` → `>=`,
// `r.Day > maxDay` → `>=`; formats.go `rep > 1<<14` → `>=`.
func TestReadLimits(t *testing.T) {
	tests := []struct {
		name, row string
		ok        bool
	}{
		{"a wait of a day", "0,1,phone,resolved,0,86400,86460", true},
		{"a wait of a day and a second", "0,1,phone,resolved,0,86401,86461", false},
		{"a handle time of a day", "0,1,phone,resolved,0,10,86410", true},
		{"a handle time of a day and a second", "0,1,phone,resolved,0,10,86411", false},
		{"the last replication's first day", "16384,1,phone,resolved,100,110,170", true},
		{"the last replication's second day", "16384,1,phone,resolved,86500,86510,86570", false},
		{"a replication more", "16385,1,phone,resolved,100,110,170", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, recs, _ := readRows(t, contactsHeader+tc.row+"\n")
			if got := s.Used == 1 && len(recs) == 1; got != tc.ok {
				t.Fatalf("read %v (summary %+v), want %v", got, s, tc.ok)
			}
		})
	}
	_, recs, err := readRows(t, contactsHeader+"16384,1,phone,resolved,100,110,170\n")
	if err != nil || len(recs) != 1 || recs[0].Day != maxDay {
		t.Errorf("replication 16384, day 0: %+v (%v), want day %d", recs, err, maxDay)
	}
}

// TestReadReplicationsAsDays: each replication of a contacts log counts as
// days of its own, after the ones before (replicationDays apart), so two
// replications of one day are a log of two days. Seen to catch: formats.go
// `rep*replicationDays` → `rep/replicationDays`.
func TestReadReplicationsAsDays(t *testing.T) {
	log := contactsHeader + "0,1,phone,resolved,100,110,170\n1,1,phone,resolved,100,110,170\n1,2,phone,resolved,90000,90010,90070\n"
	fitter := NewFitter(DefaultOptions)
	var days []int
	if _, err := Read(strings.NewReader(log), ContactsFormat, func(r *Record) {
		days = append(days, r.Day)
		fitter.Add(r)
	}); err != nil {
		t.Fatal(err)
	}
	if want := []int{0, replicationDays, replicationDays + 1}; fmt.Sprint(days) != fmt.Sprint(want) {
		t.Errorf("days %v, want %v", days, want)
	}
	if fit := fitter.Result(); fit.Days != 3 {
		t.Errorf("%d days fitted, want 3", fit.Days)
	}
}

// TestReadSummary: Read counts the rows it used, skipped and could not
// read; lists the first maxProblems bad rows by line and counts the rest; a
// short row (fewer fields than the header) is a bad row, not a crash; and
// only a log of which more than half cannot be read is refused, so one
// exactly half bad is read. Seen to catch: read.go `s.Used++` → `--`,
// `len(s.Problems) < maxProblems` → `<=`, `i < len(row)` → `<=`,
// `s.Bad*2 > s.Rows` → `>=`.
func TestReadSummary(t *testing.T) {
	good := "0,1,phone,resolved,10,20,200\n"
	log := contactsHeader + good + good + "0,2,phone,blocked,10,,10\n" + "0,3,phone,resolved,10,20\n" + good
	s, recs, err := readRows(t, log)
	if err != nil || s.Rows != 5 || s.Used != 3 || len(recs) != 3 || s.Bad != 1 || s.Skipped["blocked or unfinished"] != 1 {
		t.Fatalf("summary %+v, %d records, %v; want 5 rows, 3 used, 1 skipped, 1 bad", s, len(recs), err)
	}
	if len(s.Problems) != 1 || !strings.HasPrefix(s.Problems[0], "line 5: ended_seconds") {
		t.Errorf("problems %q, want line 5's ended_seconds", s.Problems)
	}
	bad := "0,2,phone,resolved,x,20,200\n"
	half := contactsHeader + good + bad + good + bad
	if s, _, err := readRows(t, half); err != nil || s.Bad != 2 || s.Used != 2 {
		t.Errorf("half the rows bad: summary %+v, %v; want read", s, err)
	}
	many := contactsHeader + strings.Repeat(good, 26) + strings.Repeat(bad, 25)
	s, _, err = readRows(t, many)
	if err != nil || s.Bad != 25 || len(s.Problems) != maxProblems {
		t.Fatalf("25 bad rows: %d bad, %d listed (%v); want 25 and %d", s.Bad, len(s.Problems), err, maxProblems)
	}
	if !strings.HasPrefix(s.Problems[maxProblems-1], fmt.Sprintf("line %d:", 2+26+maxProblems-1)) {
		t.Errorf("the last listed %q, want the 20th bad row's line, %d", s.Problems[maxProblems-1], 2+26+maxProblems-1)
	}
}

// TestReadBankTimes: a bank record joins the queue at q_start, H:MM:SS
// (or at vru_exit when answered at once, q_start 0:00:00), on its date
// yymmdd; the arrival is the time of day in seconds, the day counted from
// 1 January 1970. Seen to catch: read.go's clock `+ t.Minute()*60` → `-`
// and `+ t.Second()` → `-`.
func TestReadBankTimes(t *testing.T) {
	header := "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver\n"
	log := header +
		"AA0101\t1\t7\t0\tPS\t991001\t7:15:55\t7:16:08\t13\t7:16:08\t7:16:30\t22\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER\n" +
		"AA0101\t2\t0\t0\tNW\t991002\t13:20:00\t13:21:47\t107\t0:00:00\t0:00:00\t0\tAGENT\t13:21:47\t13:22:47\t60\tDORIT\n"
	var recs []Record
	if _, err := Read(strings.NewReader(log), BankFormat, func(r *Record) { recs = append(recs, *r) }); err != nil {
		t.Fatal(err)
	}
	day := int(time.Date(1999, 10, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	want := []Record{
		{Line: 2, Day: day, Arrival: 7*3600 + 16*60 + 8, Channel: "PS", Outcome: Abandoned, Wait: 22, Customer: "7"},
		{Line: 3, Day: day + 1, Arrival: 13*3600 + 21*60 + 47, Channel: "NW", Outcome: Answered, Handle: 60, Agent: "DORIT"},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d", len(recs), len(want))
	}
	for i := range want {
		if recs[i] != want[i] {
			t.Errorf("record %d: %+v, want %+v", i, recs[i], want[i])
		}
	}
}

// TestMappingRead: a mapping's columns are read as it names them: a log
// of one channel named by channel_name (no channel column needed in the
// header), its agents from the agent column. Seen to catch: mapping.go
// `m.Channel != ""` → `==` (the header then needs a column named ""),
// `m.Agent != ""` → `==`.
func TestMappingRead(t *testing.T) {
	f, err := ParseMapping("m.yaml", []byte("arrival: {column: at, format: seconds}\nwait: w\nhandle: h\nchannel_name: phone\n"+
		"outcome: {column: r, answered: OK, abandoned: GONE}\nagent: who\n"))
	if err != nil {
		t.Fatal(err)
	}
	var recs []Record
	log := "at,w,h,r,who\n90000,5,60,OK,ann\n90100,30,,GONE,\n"
	if _, err := Read(strings.NewReader(log), f, func(r *Record) { recs = append(recs, *r) }); err != nil {
		t.Fatal(err)
	}
	want := []Record{
		{Line: 2, Day: 1, Arrival: 3600, Channel: "phone", Outcome: Answered, Wait: 5, Handle: 60, Agent: "ann"},
		{Line: 3, Day: 1, Arrival: 3700, Channel: "phone", Outcome: Abandoned, Wait: 30},
	}
	if fmt.Sprint(recs) != fmt.Sprint(want) {
		t.Errorf("records %+v, want %+v", recs, want)
	}
}
