package models

import (
	"fmt"
	"testing"
)

// TestChannelsUsedPast64Channels escalates every phone contact to channel
// number 64 of 66: each customer uses two different channels. A 64-bit
// mask of channels used gave channels 0 and 64 the same bit and counted one.
func TestChannelsUsedPast64Channels(t *testing.T) {
	phone := live("phone", 20.0/3600, 120)
	phone.Resolution = []float64{0}
	phone.Escalations = []Escalation{{To: "c64", Share: 1, Transfer: true}}
	channels := []Channel{phone}
	var rest []string
	for i := 1; i < 66; i++ {
		c := live(fmt.Sprintf("c%d", i), 0, 300)
		c.Choosable = false
		channels = append(channels, c)
		rest = append(rest, c.Name)
	}
	cfg := &Config{Seed: 10, Horizon: 24 * 3600, Interval: 3600, Channels: channels,
		Pools: []Pool{onePool("t1", 4, "phone"), onePool("t2", 4, rest...)}}
	r, err := Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := r.Customers.Total
	if c.Finished == 0 || r.Channels[64].Total.Answered == 0 {
		t.Fatalf("finished %d customers, channel 64 answered %d: the test needs both",
			c.Finished, r.Channels[64].Total.Answered)
	}
	if c.ChannelsUsed != 2*c.Finished {
		t.Errorf("channels used %d by %d customers, want 2 each (%d)", c.ChannelsUsed, c.Finished, 2*c.Finished)
	}
}

// TestCustomerUseCountsEachChannelOnce: a channel contacted again is not
// counted again, whatever its number.
func TestCustomerUseCountsEachChannelOnce(t *testing.T) {
	var cu customer
	for _, idx := range []int{0, 64, 0, 128, 64, 1999} {
		cu.use(idx)
	}
	if got := cu.channelsUsed(); got != 4 {
		t.Errorf("channels used %d, want 4", got)
	}
}
