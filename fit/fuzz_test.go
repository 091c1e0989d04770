package fit

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/scenarios"
)

// FuzzFit: whatever a log holds, reading and fitting it, writing its
// report, scenario and forecast never panic, and a scenario fitted to
// anything readable loads back.
func FuzzFit(f *testing.F) {
	shipped, err := os.ReadFile("testdata/known-contacts.csv")
	if err != nil {
		f.Fatal(err)
	}
	if len(shipped) > 4000 {
		shipped = shipped[:bytes.LastIndexByte(shipped[:4000], '\n')+1]
	}
	f.Add(shipped, uint8(0))
	f.Add([]byte("replication,contact,customer,previous,channel,issue,how,outcome,chased,arrived_seconds,answered_seconds,ended_seconds\n"+
		"0,1,1,,a b,x y,first,abandoned,false,10,,70\n0,2,1,,a-b,x-y,retry,resolved,false,100,100,200\n0,3,2,,a b,,first,resolved,false,1e9,1e9,2e9\n"), uint8(0))
	f.Add([]byte("vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver\n"+
		"AA0101\t1\t7\t0\tPS\t991001\t7:15:55\t7:16:08\t13\t7:16:08\t7:16:30\t22\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER\n"+
		"AA0101\t2\t7\t0\tPS\t991001\t7:20:00\t7:20:08\t8\t7:20:08\t7:20:10\t2\tAGENT\t7:20:10\t7:21:10\t60\tDORIT\n"), uint8(1))
	f.Add([]byte("garbage\n\x00,,,\n"), uint8(2))
	f.Fuzz(func(t *testing.T, log []byte, which uint8) {
		formats := []Format{ContactsFormat, BankFormat}
		format := formats[int(which)%len(formats)]
		fitter := NewFitter(DefaultOptions)
		s, err := Read(bytes.NewReader(log), format, fitter.Add)
		if err != nil {
			return
		}
		fit := fitter.Result()
		if err := fit.WriteReport(io.Discard, s, "fuzz.csv"); err != nil {
			t.Fatal(err)
		}
		if len(fit.Channels) == 0 {
			return
		}
		if err := fit.WriteForecast(io.Discard); err != nil {
			t.Fatal(err)
		}
		yaml := fit.Scenario("fuzz", "fuzz.csv")
		if _, err := scenarios.Parse("fuzz.yaml", "fuzz", yaml, nil); err != nil {
			t.Fatalf("the fitted scenario does not load: %v\n%s", err, yaml)
		}
	})
}

// TestFNV1a: the hash customers are known by is hash/fnv's FNV-1a.
func TestFNV1a(t *testing.T) {
	for _, s := range []string{"", "a", "0/12345", "customer 7 ☎"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if got, want := fnv1a(s), h.Sum64(); got != want {
			t.Errorf("fnv1a(%q) = %x, want %x", s, got, want)
		}
	}
}

// TestShares: shares add up to exactly 100 % and none is negative, even
// for a type of one contact among a billion, or many rare types that all
// round up.
func TestShares(t *testing.T) {
	// 23 types of 1.5 millionths each round up: the rest must absorb it.
	small := []int{2e6 - 23*3}
	for range 23 {
		small = append(small, 3)
	}
	for _, counts := range [][]int{{1}, {2, 1}, {1, 1, 1}, {1e9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, small} {
		names := make([]string, len(counts))
		for i := range names {
			names[i] = fmt.Sprintf("t%d", i)
		}
		total := 0
		m := shares(names, counts)
		for i := 1; i < len(m.Content); i += 2 {
			v := strings.TrimSuffix(m.Content[i].Value, "%")
			x, err := strconv.ParseFloat(v, 64)
			if err != nil || x < 0 {
				t.Fatalf("%v: share %q of %s", counts, m.Content[i].Value, m.Content[i-1].Value)
			}
			total += int(math.Round(x * 1e4))
		}
		if total != 1000000 {
			t.Errorf("%v: shares add up to %d millionths", counts, total)
		}
	}
}
