package output

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/omnisim/omnisim/models"
)

// Dataset is what a run's output folder holds: the run's description and
// its tables, one per CSV file. Charts and the report are drawn from a
// Dataset alone, so that they can be drawn again from the folder
// (folder.Read) without running anything.
type Dataset struct {
	// Meta describes the run (summary.json's "run").
	Meta Meta
	// Intervals has one row per channel and interval (intervals.csv).
	Intervals *CSVTable
	// Daily has one row per channel and day (daily.csv).
	Daily *CSVTable
	// Customers has one row per day, by the day journeys began
	// (customers.csv).
	Customers *CSVTable
	// Staffing has one row per pool and interval (staffing.csv).
	Staffing *CSVTable
	// Flows has one row per pair of channels: customers' moves from one to
	// the other (flows.csv).
	Flows *CSVTable
	// Expectation has one row per interval: the global expectation level
	// (expectation.csv); nil without word of mouth.
	Expectation *CSVTable
	// Totals has one row per figure over the measured window, with its 95 %
	// confidence half-width (totals.csv); nil in the folder of an omnisim
	// older than the file.
	Totals *CSVTable
	// Claims has one row per claim of the scenario's story, as omnisim
	// demo judged it (claims.csv, ClaimsTable); nil in the folder of a
	// run.
	Claims *CSVTable
}

// Meta describes a run for its output folder.
type Meta struct {
	Version         string        `json:"omnisim_version"`
	Name            string        `json:"scenario"`
	Title           string        `json:"title"`
	Description     string        `json:"description"`
	File            string        `json:"file"`
	Seed            uint64        `json:"seed"`
	Replications    int           `json:"replications"`
	HorizonSeconds  float64       `json:"horizon_seconds"`
	WarmupSeconds   float64       `json:"warmup_seconds"`
	IntervalSeconds float64       `json:"interval_seconds"`
	Start           string        `json:"start"`
	WordOfMouth     bool          `json:"word_of_mouth"`
	Channels        []ChannelMeta `json:"channels"`
	Pools           []PoolMeta    `json:"pools"`
	// Command is the command line that made the folder, Sets the
	// overrides it gave (--set path=value), and ScenarioFile the name in
	// the folder of the scenario as run, with the overrides applied; all
	// empty where the folder does not record them. summary.json has them
	// at its top, as every output folder's does.
	Command      string   `json:"-"`
	Sets         []string `json:"-"`
	ScenarioFile string   `json:"-"`
}

// ChannelMeta describes a channel: its name, kind and service-level target
// (threshold in seconds, target share, 0 for none).
type ChannelMeta struct {
	Name         string  `json:"name"`
	Kind         string  `json:"kind"`
	Public       bool    `json:"public"`
	WithinSecond float64 `json:"answer_within_seconds"`
	Target       float64 `json:"target_service_level"`
}

// MarshalJSON writes the channel's description with a target it does not
// set as null, not 0: no channel aims at a service level of 0 %. Reading it
// back, null leaves Target at 0.
func (c ChannelMeta) MarshalJSON() ([]byte, error) {
	type plain ChannelMeta
	out := struct {
		plain
		Target *float64 `json:"target_service_level"`
	}{plain: plain(c)}
	if c.Target > 0 {
		out.Target = &c.Target
	}
	return json.Marshal(out)
}

// PoolMeta describes a pool.
type PoolMeta struct {
	Name        string   `json:"name"`
	Skills      []string `json:"skills"`
	CostPerHour float64  `json:"cost_per_hour"`
	// Staffing says in words how many agents the pool has: "12",
	// "8 to 17 by interval", "3 shifts of 8 to 14".
	Staffing string `json:"staffing,omitempty"`
}

// CSVTable is a table of text cells under named columns, as a CSV file
// holds it. Numbers are written with 9 significant digits, so the same run
// writes the same bytes on any machine; an empty cell is a figure with no
// data.
//
// A table built by NewTextTable holds its rows as the CSV text it writes,
// not as cells (Rows is nil): a 365-day run's intervals.csv is 17 MB of
// text, but 300 MB as cells; one built by NewSpooledTable writes that text
// to a file, keeping in memory only the columns named. Len, Row, Float, Text, RowsBy and WriteCSV
// read either form; read the rows through them, not through Rows.
type CSVTable struct {
	Columns []string
	Rows    [][]string
	// text is set for a table built by NewTextTable (see texttable.go).
	text *textRows
}

// Len returns the number of rows.
func (t *CSVTable) Len() int {
	if t.text != nil {
		return t.text.len()
	}
	return len(t.Rows)
}

// Row returns row i's cells.
func (t *CSVTable) Row(i int) []string {
	if t.text != nil {
		return t.text.row(i)
	}
	return t.Rows[i]
}

// Col returns the index of the named column, or -1.
func (t *CSVTable) Col(name string) int { return slices.Index(t.Columns, name) }

// Float returns the number in row i under the named column; NaN when the
// cell is empty, not a number, or the column is missing.
func (t *CSVTable) Float(i int, name string) float64 { return t.FloatAt(i, t.Col(name)) }

// FloatAt is Float of column j (Col's answer, -1 when the column is
// missing): for a column looked up once and read row after row, without
// finding its name again at each row.
func (t *CSVTable) FloatAt(i, j int) float64 {
	if t.text != nil {
		if j < 0 || i < 0 || i >= t.text.len() {
			return math.NaN()
		}
		return t.text.float(i, j)
	}
	if j < 0 || i < 0 || i >= len(t.Rows) || j >= len(t.Rows[i]) || t.Rows[i][j] == "" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(t.Rows[i][j], 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

// Text returns the cell in row i under the named column, "" if missing.
func (t *CSVTable) Text(i int, name string) string { return t.TextAt(i, t.Col(name)) }

// TextAt is Text of column j (Col's answer, -1 when the column is
// missing): for a column looked up once and read row after row.
func (t *CSVTable) TextAt(i, j int) string {
	if t.text != nil {
		if j < 0 || i < 0 || i >= t.text.len() {
			return ""
		}
		return t.text.cell(i, j)
	}
	if j < 0 || i < 0 || i >= len(t.Rows) || j >= len(t.Rows[i]) {
		return ""
	}
	return t.Rows[i][j]
}

// RowsBy groups t's rows by their value in column col: the rows whose
// value is keys[k], in table order, at index k (a key named twice takes
// the rows at its first index only). Rows with other values are left out.
func (t *CSVTable) RowsBy(col string, keys []string) [][]int {
	groups := make([][]int, len(keys))
	index := map[string]int{}
	for k, key := range keys {
		if _, dup := index[key]; !dup {
			index[key] = k
		}
	}
	j := t.Col(col)
	if k := t.keptText(j); k != nil {
		return rowsByCode(k, index, groups)
	}
	for r := range t.Len() {
		if k, ok := index[t.TextAt(r, j)]; ok {
			groups[k] = append(groups[k], r)
		}
	}
	return groups
}

// rowsByCode is RowsBy for a column kept as text, grouped by its cells'
// codes: each group counted first and made at its size, not grown.
func rowsByCode(k *keptColumn, index map[string]int, groups [][]int) [][]int {
	group := make([]int, len(k.values)) // by code: its key's group, or -1
	for c, v := range k.values {
		group[c] = -1
		if g, ok := index[v]; ok {
			group[c] = g
		}
	}
	sizes := make([]int, len(groups))
	for _, c := range k.codes {
		if g := group[c]; g >= 0 {
			sizes[g]++
		}
	}
	for g, n := range sizes {
		if n > 0 {
			groups[g] = make([]int, 0, n)
		}
	}
	for r, c := range k.codes {
		if g := group[c]; g >= 0 {
			groups[g] = append(groups[g], r)
		}
	}
	return groups
}

// RowsWhere returns the rows of t whose cell in column col is v, in table
// order (nil when none): the rows r with Text(r, col) == v. A column a
// spooled table keeps as text (NewSpooledTable) is searched by its cells'
// codes, not their text.
func (t *CSVTable) RowsWhere(col, v string) []int {
	j := t.Col(col)
	if k := t.keptText(j); k != nil {
		code := -1
		for c, s := range k.values {
			if s == v {
				code = c
				break
			}
		}
		if code < 0 {
			return nil
		}
		return rowsOfCode(k.codes, uint32(code))
	}
	// One pass: a cell of a column a spooled table does not keep is read
	// back from its file.
	var rows []int
	for r := range t.Len() {
		if t.TextAt(r, j) == v {
			rows = append(rows, r)
		}
	}
	return rows
}

// keptText returns column j of t when t is spooled and keeps it as text,
// nil otherwise.
func (t *CSVTable) keptText(j int) *keptColumn {
	if t.text == nil || t.text.spool == nil {
		return nil
	}
	if k := t.text.kept(j); k != nil && k.text && len(k.codes) == t.text.len() {
		return k
	}
	return nil
}

// rowsOfCode returns the indices of codes holding code, nil when none.
func rowsOfCode(codes []uint32, code uint32) []int {
	n := 0
	for _, c := range codes {
		if c == code {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	rows := make([]int, 0, n)
	for r, c := range codes {
		if c == code {
			rows = append(rows, r)
		}
	}
	return rows
}

// WriteCSV writes the table with a header row.
func (t *CSVTable) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	if t.text != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		return t.text.writeTo(w)
	}
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	return cw.Error()
}

// ReadCSVTable reads a table written by WriteCSV.
func ReadCSVTable(r io.Reader) (*CSVTable, error) {
	cr := csv.NewReader(r)
	records, err := cr.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("output: empty CSV file, not even a header")
	}
	return &CSVTable{Columns: records[0], Rows: records[1:]}, nil
}

// CellOf writes a number for a CSV cell: empty for NaN or infinity.
func CellOf(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', 9, 64)
}

// Finite tells whether v is a number: neither NaN nor infinite.
func Finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// whenCells adds the first cells of a row of intervals.csv or
// staffing.csv: the channel's or pool's name, the interval k, its day,
// weekday and time of day, and its start in seconds.
func (r *RunReport) whenCells(b *RowBuilder, name string, k int) {
	start := float64(k) * r.Config.Interval
	day, wd, tod := r.clockOf(start)
	b.Text(name)
	b.Int(k)
	b.Text(day)
	b.Text(wd)
	b.Text(tod)
	b.Num(start)
}

// clockOf returns the day (from 1), the weekday and the time of day of a
// moment of the run.
func (r *RunReport) clockOf(t float64) (day, weekday, tod string) {
	d := int(t / 86400)
	s := int64(math.Round(t)) % 86400
	return dayText(d + 1), r.Weekday(d).String(), timeOfDay(s)
}

// dayText returns strconv.Itoa(d), from a table made once for the first
// 1,024 days, not a string made for each of a 365-day run's rows of
// intervals.csv and staffing.csv.
func dayText(d int) string {
	if d >= 0 && d < len(daysText()) {
		return daysText()[d]
	}
	return strconv.Itoa(d)
}

// daysText holds dayText's table: day d's text.
var daysText = sync.OnceValue(func() *[1024]string {
	var t [1024]string
	for d := range t {
		t[d] = strconv.Itoa(d)
	}
	return &t
})

// timeOfDay returns the time of day s seconds after midnight, "hh:mm",
// from a table made once for the 1,440 minutes of a day where s is in a
// day (a string made by fmt.Sprintf for each of a 365-day run's 52,560
// rows of intervals.csv and staffing.csv cost a tenth of their text).
func timeOfDay(s int64) string {
	if s >= 0 && s < 86400 {
		return minutesOfDay()[s/60]
	}
	return fmt.Sprintf("%02d:%02d", s/3600, s%3600/60)
}

// minutesOfDay holds timeOfDay's table: minute m's "hh:mm".
var minutesOfDay = sync.OnceValue(func() *[1440]string {
	var t [1440]string
	for m := range t {
		t[m] = fmt.Sprintf("%02d:%02d", m/60, m%60)
	}
	return &t
})

// Dataset builds the run's output folder contents.
func (r *RunReport) Dataset(version string) *Dataset {
	return r.dataset(version, func(cols, _, _ []string, _ int) *CSVTable { return &CSVTable{Columns: cols} }, false)
}

// TextDataset is Dataset with the tables that grow with the horizon, one
// row per interval (Intervals, Staffing, Expectation), written as their CSV
// text to a file as they are built (NewSpooledTable), only the columns the
// charts and the report read kept in memory, and Daily held as its text
// (NewTextTable): the same files, the same
// charts, in a small part of the memory. Read its tables through
// CSVTable's methods, not Rows.
func (r *RunReport) TextDataset(version string) *Dataset {
	return r.dataset(version, NewSpooledTable, true)
}

// The columns of the per-interval tables that a run's charts and report
// read (output/chart, output/report) and that a TextDataset keeps in
// memory, as numbers or as text; any other is read back from the table's
// file (TestTextDatasetKeepsWhatIsRead).
var (
	intervalsNumbers = []string{"start_seconds", "offered", "answered", "abandoned", "blocked", "service_level",
		"asa_seconds", "backlog", "expected_wait_seconds", "p_abandon", "needed_agents"}
	intervalsTexts  = []string{"channel", "day", "weekday", "time", "service_level" + VerdictSuffix}
	staffingNumbers = []string{"start_seconds", "day", "scheduled", "available", "busy", "occupancy", "cost",
		"needed_agents"}
	staffingTexts      = []string{"pool"}
	expectationNumbers = []string{"start_seconds", "level", "patience_factor"}
)

// dataset builds the run's output folder contents, the per-interval
// tables made by newTable with the columns to keep as numbers and as
// text, and the rows they will have; daily.csv is held as text when text
// is set.
func (r *RunReport) dataset(version string, newTable func(cols, numbers, texts []string, rows int) *CSVTable, text bool) *Dataset {
	cfg := r.Config
	ds := &Dataset{Meta: r.Meta(version)}
	// The tables that do not read intervals.csv are made on a goroutine
	// of their own, beside intervals.csv's and staffing.csv's parts: each
	// is made by one goroutine into a field of its own, so that the
	// scheduling changes no byte.
	var wg sync.WaitGroup
	wg.Go(func() {
		ds.Daily = r.dailyTable(text)
		ds.Customers = r.customersTable()
		ds.Flows = r.flowsTable()
		ds.Totals = r.totalsTable()
		if cfg.WordOfMouth.Enabled {
			ds.Expectation = r.expectationTable(newTable)
		}
		if len(r.Claims) > 0 {
			ds.Claims = ClaimsTable(r.Claims)
		}
	})
	ds.Intervals = r.intervalsTable(newTable)
	ds.Staffing = r.staffingTable(ds.Intervals, newTable)
	wg.Wait()
	return ds
}

// Meta describes the run for its output folder (summary.json's "run"):
// the scenario, the settings, its channels and pools, and the command
// line that made it; version is omnisim's.
func (r *RunReport) Meta(version string) Meta {
	cfg := r.Config
	m := Meta{
		Version: version, Name: r.Name, Title: r.Title, Description: r.Description, File: r.File,
		Seed: cfg.Seed, Replications: r.Reps(), HorizonSeconds: cfg.Horizon, WarmupSeconds: cfg.Warmup,
		IntervalSeconds: cfg.Interval, Start: cfg.Start.String(), WordOfMouth: cfg.WordOfMouth.Enabled,
	}
	for _, ch := range cfg.Channels {
		m.Channels = append(m.Channels, ChannelMeta{Name: ch.Name, Kind: string(ch.Kind), Public: ch.Public,
			WithinSecond: ch.AnswerWithin, Target: ch.TargetServiceLevel})
	}
	for _, p := range cfg.Pools {
		m.Pools = append(m.Pools, PoolMeta{Name: p.Name, Skills: p.Skills, CostPerHour: p.CostPerHour, Staffing: staffingWords(p)})
	}
	if pr := r.Provenance; pr != nil {
		m.Command, m.Sets = pr.Command, pr.Sets
		if len(pr.ScenarioFiles) > 0 {
			m.ScenarioFile = pr.ScenarioFiles[0]
		}
	}
	return m
}

// FigureKeys returns the keys of figs, in order.
func FigureKeys[T any](figs []models.Figure[T]) []string {
	keys := make([]string, len(figs))
	for i, f := range figs {
		keys[i] = f.Key
	}
	return keys
}

// intervalsTable has, per channel and interval, every channel figure (counts
// as means per replication), the agents needed, the 95 % confidence
// half-width of each figure (CISuffix), and each target the channel sets
// with the interval's verdict on it (TargetSuffix, VerdictSuffix).
func (r *RunReport) intervalsTable(newTable func(cols, numbers, texts []string, rows int) *CSVTable) *CSVTable {
	cfg := r.Config
	t := newTable(intervalsColumns(), intervalsNumbers, intervalsTexts, len(cfg.Channels)*cfg.Intervals())
	// The rows are made in parts, a range of a channel's intervals each,
	// on every core, and added in order.
	r.fillIntervals(t, intervalsPerPart(len(cfg.Channels), cfg.Intervals(), runtime.GOMAXPROCS(0)))
	return t
}

// intervalsColumns returns intervals.csv's columns.
func intervalsColumns() []string {
	keys := FigureKeys(models.Figures)
	cols := append([]string{"channel", "interval", "day", "weekday", "time", "start_seconds"}, keys...)
	cols = append(append(cols, "needed_agents"), ciKeys(keys)...)
	for _, kind := range TargetKinds {
		cols = append(cols, kind.Key()+TargetSuffix, kind.Key()+VerdictSuffix)
	}
	return cols
}

// fillIntervals adds intervalsTable's rows to t, made in parts of per
// intervals of a channel (the last of a channel's parts may have fewer):
// the same rows, the same bytes, whatever per (TestIntervalsInParts).
func (r *RunReport) fillIntervals(t *CSVTable, per int) {
	cfg := r.Config
	parts := (cfg.Intervals() + per - 1) / per
	// The tallies of parts done, for the parts to come (a 365-day
	// baseline's took 22 MB, a part's each).
	free := make(chan []models.Counts, runtime.GOMAXPROCS(0))
	fillInParts(t, len(cfg.Channels)*parts, per, func(p int, t *RowBuilder) {
		i, from := p/parts, p%parts*per
		to := min(from+per, cfg.Intervals())
		ch := cfg.Channels[i]
		halves := r.channelIntervalHalfWidths(i, from, to)
		targets, set := ChannelTargets(cfg, i)
		figures := r.channelFigurer(i)
		var vals []float64 // each row's figures, in one slice
		var buf []models.Counts
		select {
		case buf = <-free:
		default:
		}
		counts := r.channelIntervalsIn(buf, i, from, to)
		defer func() {
			select {
			case free <- counts:
			default:
			}
		}()
		for d := range counts {
			k, c := from+d, &counts[d]
			r.whenCells(t, ch.Name, k)
			vals = figures.append(vals[:0], c)
			t.Nums(vals)
			t.Num(r.needed(i, k, c))
			t.Nums(halves[d])
			for j := range TargetKinds {
				if !set[j] {
					t.Text("")
					t.Text("")
					continue
				}
				t.Num(targets[j].Value)
				t.Text(Judge(targets[j], vals, halves[d]))
			}
			t.End()
		}
	})
}

// maxPartRows is the most rows of a part of intervals.csv: a part's text
// is held in memory until those before it are added, so that a few parts
// of a long run's channel take a few MB, not one of them tens.
const maxPartRows = 1024

// intervalsPerPart returns how many intervals of a channel each part of
// intervals.csv's rows takes, for channels of intervals each and procs
// cores: about four parts a core in all, so that one channel, or a few,
// keep every core busy to the end, and at most maxPartRows.
func intervalsPerPart(channels, intervals, procs int) int {
	parts := max(1, (4*procs+channels-1)/channels, (intervals+maxPartRows-1)/maxPartRows)
	return max(1, (intervals+parts-1)/parts)
}

// needed returns the agents channel i needed in interval k, given the
// tallies of that interval added up over the replications: for a live
// channel, the fewest agents with which Erlang A (Erlang C without
// patience) meets the channel's service-level target (80 % if it has none)
// at the interval's offered rate and handle time; for a deferred channel,
// the workload (offered × handle time ÷ the interval); nothing for
// self-service.
func (r *RunReport) needed(i, k int, c *models.Counts) float64 {
	cfg := r.Config
	length := math.Min(cfg.Interval, cfg.Horizon-float64(k)*cfg.Interval)
	var aht float64
	if c.Answered > 0 {
		aht = c.WorkTime() / float64(c.Answered)
	} else {
		aht = cfg.MeanWork(i) // averaged over the issues: only when needed
	}
	n, err := cfg.Channels[i].NeedIn(float64(c.Offered)/float64(r.Reps()), aht, length)
	if err != nil {
		return math.NaN()
	}
	return n.Agents
}

// dailyTable has, per channel and day, every channel figure, then the 95 %
// confidence half-width of each (CISuffix); held as its text (NewTextTable)
// when text is set: a 365-day baseline's takes 0.4 MB so, 6.5 MB as cells.
func (r *RunReport) dailyTable(text bool) *CSVTable {
	cfg := r.Config
	keys := FigureKeys(models.Figures)
	cols := append(append([]string{"channel", "day", "weekday"}, keys...), ciKeys(keys)...)
	t := &CSVTable{Columns: cols}
	if text {
		t = NewTextTable(cols)
	}
	b := t.Builder()
	for i, ch := range cfg.Channels {
		halves := r.channelDayHalfWidths(i)
		days := r.ChannelDays(i)
		for d := range days {
			b.Text(ch.Name)
			b.Text(strconv.Itoa(d + 1))
			b.Text(r.Weekday(d).String())
			for _, v := range r.ChannelFigures(i, &days[d]) {
				b.Num(v)
			}
			for _, h := range halves[d] {
				b.Num(h)
			}
			b.End()
		}
	}
	return t
}

// customersTable has, per day, every customer figure by the day journeys
// began, then the 95 % confidence half-width of each.
func (r *RunReport) customersTable() *CSVTable {
	keys := FigureKeys(models.CustomerFigures)
	t := &CSVTable{Columns: append(append([]string{"day", "weekday"}, keys...), ciKeys(keys)...)}
	halves := r.customerDayHalfWidths()
	days := r.CustomerDays()
	for d := range days {
		row := []string{strconv.Itoa(d + 1), r.Weekday(d).String()}
		for _, f := range models.CustomerFigures {
			row = append(row, CellOf(PerReplication(f, &days[d], r.Reps())))
		}
		for _, h := range halves[d] {
			row = append(row, CellOf(h))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// CISuffix ends the name of a column holding the 95 % confidence
// half-width of the figure its name begins with: service_level_ci95.
const CISuffix = "_ci95"

// ciKeys returns the names of the half-width columns of figures keys.
func ciKeys(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k + CISuffix
	}
	return out
}

// staffingTable has, per pool and interval, the agents scheduled, the
// agents present (agent time ÷ the interval), the agents busy, occupancy,
// cost, and the agents needed: each channel's need shared among the pools
// that serve it in proportion to the agents they had present.
func (r *RunReport) staffingTable(intervals *CSVTable, newTable func(cols, numbers, texts []string, rows int) *CSVTable) *CSVTable {
	cfg := r.Config
	t := newTable([]string{"pool", "interval", "day", "weekday", "time", "start_seconds",
		"scheduled", "available", "busy", "occupancy", "cost", "needed_agents"}, staffingNumbers, staffingTexts,
		len(cfg.Pools)*cfg.Intervals())
	// The rows are made in parts, a range of a pool's intervals each, on
	// every core, and added in order, as intervals.csv's are.
	r.fillStaffing(t, intervals, intervalsPerPart(len(cfg.Pools), cfg.Intervals(), runtime.GOMAXPROCS(0)))
	return t
}

// fillStaffing adds staffingTable's rows to t, made in parts of per
// intervals of a pool (the last of a pool's parts may have fewer), reading
// the agents needed from intervals: the same rows, the same bytes,
// whatever per (TestStaffingInParts).
func (r *RunReport) fillStaffing(t, intervals *CSVTable, per int) {
	cfg := r.Config
	n := cfg.Intervals()
	sums := r.poolSums()
	reps := float64(r.Reps())
	// Each skill's channel, and the pools that serve it, found once.
	type skill struct {
		channel int
		serving []int
	}
	skills := make([][]skill, len(cfg.Pools))
	for p, pool := range cfg.Pools {
		for _, name := range pool.Skills {
			i := slices.IndexFunc(cfg.Channels, func(ch models.Channel) bool { return ch.Name == name })
			skills[p] = append(skills[p], skill{i, ServingPools(cfg, i)})
		}
	}
	neededCol := intervals.Col("needed_agents")
	parts := (n + per - 1) / per
	fillInParts(t, len(cfg.Pools)*parts, per, func(part int, b *RowBuilder) {
		p, from := part/parts, part%parts*per
		pool := cfg.Pools[p]
		for k := from; k < min(from+per, n); k++ {
			start := float64(k) * cfg.Interval
			length := math.Min(cfg.Interval, cfg.Horizon-start)
			c := sums[p][k]
			need := 0.0
			for _, sk := range skills[p] {
				chNeed := intervals.FloatAt(sk.channel*n+k, neededCol)
				if math.IsNaN(chNeed) {
					continue
				}
				share, all := c.AgentTime, 0.0
				for _, q := range sk.serving {
					all += sums[q][k].AgentTime
				}
				if all > 0 {
					need += chNeed * share / all
				} else {
					need += chNeed / float64(len(sk.serving))
				}
			}
			occ := math.NaN()
			if c.AgentTime > 0 {
				occ = c.BusyTime / c.AgentTime
			}
			// Numbers straight into the table's text, as CellOf writes
			// them.
			r.whenCells(b, pool.Name, k)
			b.Text(strconv.Itoa(pool.ScheduledAt(k, cfg.Interval, cfg.Start)))
			b.Nums([]float64{c.AgentTime / reps / length, c.BusyTime / reps / length, occ, c.Cost / reps, need})
			b.End()
		}
	})
}

// poolSums returns each pool's tallies of each interval added up over the
// batches of replications, in the batches' order; the pools are added up
// on as many goroutines as there are cores. With one batch, a pool's
// tallies that are their own sum (sumOfOne) are returned as they are, not
// copied: a 365-day baseline's 2.8 MB of fresh memory. The sums are only
// read.
func (r *RunReport) poolSums() [][]models.PoolCounts {
	cfg := r.Config
	n := cfg.Intervals()
	sums := make([][]models.PoolCounts, len(cfg.Pools))
	var wg sync.WaitGroup
	next := make(chan int, len(cfg.Pools))
	for p := range cfg.Pools {
		next <- p
	}
	close(next)
	for range min(len(cfg.Pools), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for p := range next {
				if len(r.Batches) == 1 {
					if s := r.Batches[0].Pools[p].Intervals; len(s) == n && sumOfOne(s) {
						sums[p] = s
						continue
					}
				}
				s := make([]models.PoolCounts, n)
				for _, res := range r.Batches {
					for k, c := range res.Pools[p].Intervals {
						s[k].Add(c)
					}
				}
				sums[p] = s
			}
		})
	}
	wg.Wait()
	return sums
}

// flowsTable has, per pair of different channels, the customers' moves from
// one to the other in the measured window, as a mean per replication.
func (r *RunReport) flowsTable() *CSVTable {
	cfg := r.Config
	t := &CSVTable{Columns: []string{"from", "to", "moves"}}
	for i, from := range cfg.Channels {
		for j, to := range cfg.Channels {
			if i == j {
				continue
			}
			sum := 0.0
			for _, res := range r.Batches {
				if i < len(res.Flows) && j < len(res.Flows[i]) {
					sum += float64(res.Flows[i][j])
				}
			}
			t.Rows = append(t.Rows, []string{from.Name, to.Name, CellOf(sum / float64(r.Reps()))})
		}
	}
	return t
}

// expectationTable has, per interval, the global expectation level at the
// interval's end (the mean over the replications) and the patience factor
// it implies.
func (r *RunReport) expectationTable(newTable func(cols, numbers, texts []string, rows int) *CSVTable) *CSVTable {
	cfg := r.Config
	t := newTable([]string{"interval", "day", "weekday", "time", "start_seconds", "level", "patience_factor"}, expectationNumbers, nil, cfg.Intervals())
	for k := range cfg.Intervals() {
		level := 0.0
		for _, res := range r.Batches {
			level += res.Expectation[k] / float64(r.Reps())
		}
		start := float64(k) * cfg.Interval
		day, wd, tod := r.clockOf(start)
		t.Add([]string{strconv.Itoa(k), day, wd, tod, CellOf(start), CellOf(level), CellOf(r.PatienceFactor(level))})
	}
	return t
}
