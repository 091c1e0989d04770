package output

import (
	"bytes"
	"math"
	"testing"
)

func TestTable(t *testing.T) {
	tb := NewTable("figure", "value", "ci")
	tb.Row("service level", "91.59 %", "0.15")
	tb.Row("ASA", "3.93 s")
	var b bytes.Buffer
	tb.WriteTo(&b)
	want := "" +
		"figure           value    ci\n" +
		"-------------  -------  ----\n" +
		"service level  91.59 %  0.15\n" +
		"ASA             3.93 s\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestTableAlignLeft(t *testing.T) {
	tb := NewTable("name", "title").AlignLeft(1)
	tb.Row("a", "short")
	tb.Row("bbb", "a longer one")
	var b bytes.Buffer
	tb.WriteTo(&b)
	want := "" +
		"name  title\n" +
		"----  ------------\n" +
		"a     short\n" +
		"bbb   a longer one\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestObjectKeepsOrderAndWritesNaNAsNull(t *testing.T) {
	var o Object
	o.Set("z", 1).Set("a", math.NaN()).Set("m", "x").Set("z", 2.5)
	got, err := o.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"z":2.5,"a":null,"m":"x"}`; string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestValue(t *testing.T) {
	tests := []struct {
		v    float64
		unit string
		want string
	}{
		{0.916792, UnitShare, "91.68 %"},
		{7.83591, UnitSeconds, "7.84 s"},
		{1234567, UnitCount, "1,234,567"},
		{12.5, UnitCount, "12.5"},
		{-1234.25, UnitCount, "-1,234.2"},
		{math.NaN(), UnitShare, "–"},
		{86400, UnitSeconds, "24.00 h"},
		{180.16, UnitSeconds, "3.00 min"},
		{1234.54, UnitHours, "1,234.5 h"},
		{12345.4, UnitMoney, "12,345"},
		{-0.4, UnitMoney, "0"},
		{1.2345, UnitRatio, "1.23"},
		{math.NaN(), UnitRatio, "–"},
	}
	for _, tc := range tests {
		if got := Value(tc.v, tc.unit); got != tc.want {
			t.Errorf("Value(%v, %q) = %q, want %q", tc.v, tc.unit, got, tc.want)
		}
	}
	if got := Estimate(0.9159, 0.0015, UnitShare); got != "91.59 % ± 0.15" {
		t.Errorf("Estimate = %q", got)
	}
	for _, tc := range []struct {
		mean, half float64
		unit       string
		want       string
	}{
		{4600.75, 12.34, UnitCount, "4,600.8 ± 12.3"},
		{1234.54, 3.21, UnitHours, "1,234.5 h ± 3.2"},
		{12345.4, 67.4, UnitMoney, "12,345 ± 67"},
		{1.2345, 0.0123, UnitRatio, "1.23 ± 0.01"},
		{7.8359, 1234.5, UnitSeconds, "7.84 s ± 1,234.50"},
		{49977.14, 1048.12, UnitSeconds, "13.88 h ± 0.29"},
		{1.5, math.NaN(), UnitRatio, "1.50"},
	} {
		if got := Estimate(tc.mean, tc.half, tc.unit); got != tc.want {
			t.Errorf("Estimate(%v, %v, %q) = %q, want %q", tc.mean, tc.half, tc.unit, got, tc.want)
		}
	}
}

func TestFloatsWritesNaNAsNull(t *testing.T) {
	got, err := Floats{1.5, math.NaN(), math.Inf(1), 0}.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := `[1.5,null,null,0]`; string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestClock(t *testing.T) {
	for sec, want := range map[float64]string{0: "00:00", 30600: "08:30", 86400 + 3600: "d2 01:00"} {
		if got := Clock(sec); got != want {
			t.Errorf("Clock(%v) = %q, want %q", sec, got, want)
		}
	}
}

// TestRounded: a mean of counts in a sentence keeps three significant
// figures, and at most one decimal (two below 1).
func TestRounded(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{32061.35, "32,100"},
		{33542.5, "33,500"},
		{105.9, "106"},
		{999.6, "1,000"},
		{45.67, "45.7"},
		{4.53, "4.5"},
		{96.02, "96"},
		{0.5, "0.5"},
		{0.031, "0.03"},
		{-1234.5, "-1,230"},
		{0, "0"},
		{math.NaN(), "–"},
	} {
		if got := Rounded(tc.v); got != tc.want {
			t.Errorf("Rounded(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
	for _, tc := range []struct {
		v    float64
		reps int
		want string
	}{
		{32061.35, 20, "about 32,100"},
		{32061, 1, "32,061"},
		{0, 20, "0"},
	} {
		if got := SpokenCount(tc.v, tc.reps); got != tc.want {
			t.Errorf("SpokenCount(%v, %d) = %q, want %q", tc.v, tc.reps, got, tc.want)
		}
	}
}
