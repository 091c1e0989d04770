package models

import (
	"math"
	"testing"
)

// TestEmpiricalTailMoments: an empirical law whose largest value goes on
// by an exponential tail has the mean and CV its definition gives. For
// values {10, 40, 70, 70} and a tail of mean 45: half the draws are 70 +
// E, so the mean is (10 + 40 + 2·70)/4 + 45/2 = 70 and E[X²] = (10² + 40² +
// 2·(70² + 2·70·45 + 2·45²))/4 = 8050, a variance of 3150.
func TestEmpiricalTailMoments(t *testing.T) {
	d := Dist{Kind: Empirical, Values: []float64{10, 40, 70, 70}, Tail: 45}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if m := d.MeanValue(); math.Abs(m-70) > 1e-12 {
		t.Errorf("mean %v, want 70", m)
	}
	if cv, want := d.CoefVar(), math.Sqrt(3150)/70; math.Abs(cv-want) > 1e-12 {
		t.Errorf("CV %v, want %v", cv, want)
	}
	if err := (Dist{Kind: Empirical, Values: []float64{1}, Tail: -1}).Validate(); err == nil {
		t.Error("a negative tail: no error")
	}
}
