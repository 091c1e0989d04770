package scenarios

import (
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// days builds a set of days from letters, Monday first: "mtwtf.." is Monday
// to Friday.
func days(s string) models.Days {
	var d models.Days
	for i, c := range s {
		d[i] = c != '.'
	}
	return d
}

func TestParseDays(t *testing.T) {
	tests := []struct {
		text string
		want models.Days
	}{
		{"mon", days("m......")},
		{"Sunday", days("......s")},
		{"tues", days(".t.....")},
		{"mon-fri", days("mtwtf..")},
		{"tue-sat", days(".twtfs.")},
		{"sat-mon", days("m....ss")},
		{"fri - tue", days("mt..fss")},
		{"wed-wed", days("..w....")},
		{"weekdays", days("mtwtf..")},
		{"weekend", days(".....ss")},
		{"every day", days("mtwtfss")},
		{"daily", days("mtwtfss")},
		{"mon, wed, fri", days("m.w.f..")},
		{"weekend, mon", days("m....ss")},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := parseDays(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParseDaysErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"funday", `"funday" is not a day of the week: ` + daysHelp},
		{"mon-funday", `"funday" is not a day of the week: ` + daysHelp},
		// Every part is read, even after every day.
		{"every day, funday", `"funday" is not a day of the week: ` + daysHelp},
		{"daily,xyz", `"xyz" is not a day of the week: ` + daysHelp},
		{"mo", `"mo" is not a day of the week: ` + daysHelp},
		{"mon-", `"" is not a day of the week: ` + daysHelp},
		{"", `no days given: ` + daysHelp},
		// Words after "every day" are read too: a typing mistake there is
		// not every day.
		{"every day, funday", `"funday" is not a day of the week: ` + daysHelp},
		{"daily, mon-sat-sun", `"sat-sun" is not a day of the week: ` + daysHelp},
		{"weekend, everyday, x", `"x" is not a day of the week: ` + daysHelp},
		{"mon, fri and sat", `"fri and sat" is not a day of the week: ` + daysHelp},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			_, err := parseDays(tc.text)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

func TestParseHours(t *testing.T) {
	const h = 3600
	tests := []struct {
		text     string
		from, to float64
	}{
		{"08:00-20:00", 8 * h, 20 * h},
		{"8:30-17:15", 8.5 * h, 17.25 * h},
		{"00:00-24:00", 0, 24 * h},
		{"22:00-24:00", 22 * h, 24 * h},
		{"20:00-00:00", 20 * h, 24 * h}, // to midnight: the evening
		{"22:00-06:00", 22 * h, 6 * h},  // past midnight
		{" 09:00 - 13:00 ", 9 * h, 13 * h},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			from, to, err := parseHours(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if from != tc.from || to != tc.to {
				t.Errorf("got %v to %v, want %v to %v", from, to, tc.from, tc.to)
			}
		})
	}
}

func TestParseHoursErrors(t *testing.T) {
	const help = ` is not a time of day: write hours as HH:MM-HH:MM, from 00:00 to 24:00, such as 08:00-20:00`
	tests := []struct{ text, want string }{
		{"25:00-26:00", `"25:00"` + help},
		{"08:00-24:30", `"24:30"` + help},
		{"08:60-12:00", `"08:60"` + help},
		{"8-12", `"8"` + help},
		{"08:00-", `""` + help},
		{"0800-1200", `"0800"` + help},
		{"8am", `want hours such as 08:00-20:00, not "8am"`},
		{"08:00-20:00, 21:00-22:00", `"20:00, 21:00-22:00"` + help},
		{"08:00-20:00 weekdays", `"20:00 weekdays"` + help},
		{"+8:00-20:00", `"+8:00"` + help},
		{"-0:30-20:00", `""` + help},
		{"08:+5-20:00", `"08:+5"` + help},
		{"24:00-06:00", `hours "24:00-06:00" start at 24:00, the end of the day: write 00:00`},
		{"08:00-08:00", `hours "08:00-08:00" start and end at the same time: write 00:00-24:00 for the whole day`},
		{"00:00-00:00", `hours "00:00-00:00" start and end at the same time: write 00:00-24:00 for the whole day`},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			_, _, err := parseHours(tc.text)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

// TestDecodeSpans checks the forms a channel's opening hours take in a
// scenario: one span or a list, days as text or a list, defaults for what
// is left out.
func TestDecodeSpans(t *testing.T) {
	const h = 3600
	tests := []struct {
		yaml string
		want []models.Span
	}{
		{`{days: mon-fri, hours: "08:00-20:00"}`, []models.Span{{Days: days("mtwtf.."), From: 8 * h, To: 20 * h}}},
		{`{hours: "07:00-23:00"}`, []models.Span{{Days: models.EveryDay, From: 7 * h, To: 23 * h}}},
		{`{days: weekend}`, []models.Span{{Days: days(".....ss"), From: 0, To: 24 * h}}},
		{`{days: [mon, wed-thu], hours: "22:00-02:00"}`, []models.Span{{Days: days("m.wt..."), From: 22 * h, To: 2 * h}}},
		{`[{days: weekdays, hours: "08:00-20:00"}, {days: sat, hours: "09:00-13:00"}]`, []models.Span{
			{Days: days("mtwtf.."), From: 8 * h, To: 20 * h},
			{Days: days(".....s."), From: 9 * h, To: 13 * h},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.yaml, func(t *testing.T) {
			src := strings.Replace(valid, "    kind: live\n", "    kind: live\n    open: "+tc.yaml+"\n", 1)
			s, err := Parse("t.yaml", "t", []byte(src), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := s.Config.Channels[0].Open
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("span %d: got %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}
