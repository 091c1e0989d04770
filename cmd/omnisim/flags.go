package main

import (
	"math"

	"github.com/omnisim/omnisim/models"
)

// durationFlag is a flag holding a duration written as people write it
// ("20s", "3m", "1h30m"), in seconds.
type durationFlag struct {
	sec float64
	set bool
}

func (d *durationFlag) String() string {
	if !d.set && d.sec == 0 {
		return ""
	}
	return models.FormatDuration(d.sec)
}

func (d *durationFlag) Set(s string) error {
	v, err := models.ParseDuration(s)
	if err != nil {
		return err
	}
	d.sec, d.set = v, true
	return nil
}

func (d *durationFlag) Type() string { return "duration" }

// fractionFlag is a flag holding a share, written 0.8 or 80%.
type fractionFlag struct {
	v   float64
	set bool
}

func (f *fractionFlag) String() string {
	if !f.set {
		return ""
	}
	return models.FormatFraction(f.v)
}

func (f *fractionFlag) Set(s string) error {
	v, err := models.ParseFraction(s)
	if err != nil {
		return err
	}
	if v < 0 || v > 1 || math.IsNaN(v) {
		return errorf("%s is not a share between 0 and 1 (0%% and 100%%)", s)
	}
	f.v, f.set = v, true
	return nil
}

func (f *fractionFlag) Type() string { return "share" }
