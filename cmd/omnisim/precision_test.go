package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// precisionOf reads the "precision" object of a run's JSON, and the JSON
// without it.
func precisionOf(t *testing.T, stdout string) (p struct {
	Replications int
	Targets      map[string]struct {
		Target    float64
		HalfWidth float64 `json:"half_width"`
		Met       bool
	}
}, rest map[string]any) {
	t.Helper()
	if err := json.Unmarshal([]byte(stdout), &rest); err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(rest["precision"])
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	delete(rest, "precision")
	return p, rest
}

// TestRunPrecision: --precision adds replications until the half-width is
// reached, the same whatever -j is; the result is exactly a run of that
// many replications; a target out of reach stops at --max-reps and says
// so.
func TestRunPrecision(t *testing.T) {
	base := args("run", "textbook", "--no-out", "--json", "--reps", "5", "--precision", "phone.service_level=0.1%")
	one := omnisim(t, args(base, "-j", "1")...)
	two := omnisim(t, args(base, "-j", "2")...)
	if one.code != exitOK || one.stdout != two.stdout {
		t.Fatalf("-j 1 and -j 2: status %d, stdouts equal %v; stderr %s", one.code, one.stdout == two.stdout, one.stderr)
	}
	p, rest := precisionOf(t, one.stdout)
	target := p.Targets["phone.service_level"]
	var half struct {
		Channels map[string]struct {
			CI95 map[string]float64 `json:"ci95"`
		}
	}
	json.Unmarshal([]byte(one.stdout), &half)
	got := half.Channels["phone"].CI95["service_level"]
	if !target.Met || target.Target != 0.001 || got > 0.001 || got != target.HalfWidth || p.Replications <= 5 {
		t.Errorf("precision: %+v, half-width %v after %d replications: want met, ≤ 0.001, more than 5", target, got, p.Replications)
	}
	// Exactly a run of that many replications.
	plain := omnisim(t, "run", "textbook", "--no-out", "--json", "--reps", strconv.Itoa(p.Replications))
	var want map[string]any
	json.Unmarshal([]byte(plain.stdout), &want)
	a, _ := json.Marshal(rest)
	b, _ := json.Marshal(want)
	if string(a) != string(b) {
		t.Error("a --precision run differs from a run of as many replications")
	}
	// The starting 5 did not meet it: otherwise nothing would be added.
	if !strings.Contains(one.stderr, "omnisim: precision: phone.service_level ±") {
		t.Errorf("stderr: %s", one.stderr)
	}

	capped := omnisim(t, "run", "textbook", "--no-out", "--json", "--reps", "5", "--max-reps", "8", "--precision", "phone.service_level=0.0001")
	cp, _ := precisionOf(t, capped.stdout)
	if capped.code != exitOK || cp.Replications != 8 || cp.Targets["phone.service_level"].Met ||
		!strings.Contains(capped.stderr, "at the cap of 8 replications (raise --max-reps)") {
		t.Errorf("capped: status %d, %+v, stderr %s", capped.code, cp, capped.stderr)
	}
	text := omnisim(t, "run", "textbook", "--no-out", "--reps", "5", "--max-reps", "8", "--precision", "phone.service_level=0.0001")
	if !strings.Contains(text.stdout, "8 replications for --precision (at most 8):") || !strings.Contains(text.stdout, "phone.service_level") {
		t.Errorf("text output:\n%s", text.stdout)
	}
}

func TestRunPrecisionErrors(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{args("--precision", "phone.service_level"), "want KPI=HALFWIDTH"},
		{args("--precision", "phone.nope=0.01"), "channel phone has offered, answered"},
		{args("--precision", "email.service_level=0.01"), `no figure "email.service_level"`},
		{args("--precision", "phone.service_level=0"), "is not a share > 0"},
		{args("--precision", "phone.asa_seconds=fast"), "is not a number > 0"},
		{args("--precision", "phone.p_wait=1%", "--precision", "phone.p_wait=2%"), "has a target already"},
		{args("--precision", "phone.p_wait=1%", "--max-reps", "0"), "--max-reps must be from 1 to 100000, not 0"},
		{args("--precision", "phone.p_wait=1%", "--max-reps", "10"), "the scenario's 20 replications are more than --max-reps 10"},
		{args("--precision", "phone.p_wait=1%", "--journeys", "--out", "x"), "--precision cannot go with --journeys"},
	}
	for _, tt := range tests {
		r := omnisim(t, args("run", "textbook", tt.args)...)
		if r.code != exitInput || !strings.Contains(r.stderr, tt.msg) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q", tt.args, r.code, r.stderr, exitInput, tt.msg)
		}
	}
}
