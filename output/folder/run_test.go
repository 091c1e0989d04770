package folder

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"slices"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/output/table"
)

// orderedKeys returns the keys of a JSON object in the order written.
func orderedKeys(t *testing.T, data []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not a JSON object: %v %v", tok, err)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// summaryOf writes the summary.json of files and returns its bytes.
func summaryOf(t *testing.T, files []output.File) []byte {
	t.Helper()
	if files[0].Name != SummaryFile {
		t.Fatalf("the first file is %s, want %s", files[0].Name, SummaryFile)
	}
	var b bytes.Buffer
	if err := files[0].Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSummaryJSON: summary.json holds the run's JSON report, then the run's
// description, the definitions in figure order and the files, in that
// order; "run" is the Dataset's Meta.
func TestSummaryJSON(t *testing.T) {
	r := fixture.GoldenReport()
	ds := r.Dataset("9.9.9")
	data := summaryOf(t, RunFiles(ds, RunSummary(r, "9.9.9")))

	var report bytes.Buffer
	if err := output.WriteJSON(&report, table.RunJSON(r, table.RunOptions{})); err != nil {
		t.Fatal(err)
	}
	want := append([]string{"omnisim_version"}, orderedKeys(t, report.Bytes())...)
	want = append(want, "run", "definitions", "files")
	if got := orderedKeys(t, data); !slices.Equal(got, want) {
		t.Errorf("keys: got %v, want %v", got, want)
	}

	var doc struct {
		Version     string          `json:"omnisim_version"`
		Run         output.Meta     `json:"run"`
		Definitions json.RawMessage `json:"definitions"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "9.9.9" || !reflect.DeepEqual(doc.Run, ds.Meta) {
		t.Errorf("version %q and run %+v, want 9.9.9 and %+v", doc.Version, doc.Run, ds.Meta)
	}
	if got := orderedKeys(t, doc.Definitions); !slices.Equal(got, []string{"channels", "customers", "pools"}) {
		t.Errorf("definitions: got %v", got)
	}
	var defs map[string]json.RawMessage
	json.Unmarshal(doc.Definitions, &defs)
	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"channels", output.FigureKeys(models.Figures)},
		{"customers", output.FigureKeys(models.CustomerFigures)},
		{"pools", output.FigureKeys(models.PoolFigures)},
	} {
		if got := orderedKeys(t, defs[tc.name]); !slices.Equal(got, tc.keys) {
			t.Errorf("definitions.%s: got %v, want %v", tc.name, got, tc.keys)
		}
	}
}

// TestFilesDescribeEverything: summary.json's "files" lists every file of
// the folder, extra ones included, in order, each with a description, and
// every column of every CSV file with what it holds (claims.csv's too).
func TestFilesDescribeEverything(t *testing.T) {
	r := fixture.GoldenReport()
	r.Claims = fixture.StoryClaims() // demo's claims.csv too
	ds := r.Dataset("test")
	contacts := fixture.TraceAll(t, table.NewContacts, t.TempDir()+"/run", fixture.GoldenContacts())
	chart := output.File{Name: "charts/queue.svg", Description: "the queue", Write: func(io.Writer) error { return nil }}
	summary := RunSummary(r, "test")
	before := summary.Len()
	files := RunFiles(ds, summary, contacts.File(), chart)
	if summary.Len() != before {
		t.Errorf("RunFiles changed the summary it was given")
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	wantNames := []string{SummaryFile, IntervalsFile, DailyFile, CustomersFile, StaffingFile, FlowsFile, ExpectationFile,
		TotalsFile, ClaimsFile, output.ContactsFile, "charts/queue.svg"}
	if !slices.Equal(names, wantNames) {
		t.Fatalf("files: got %v, want %v", names, wantNames)
	}
	tables := map[string]*output.CSVTable{IntervalsFile: ds.Intervals, DailyFile: ds.Daily, CustomersFile: ds.Customers,
		StaffingFile: ds.Staffing, FlowsFile: ds.Flows, ExpectationFile: ds.Expectation, TotalsFile: ds.Totals, ClaimsFile: ds.Claims}

	var doc struct {
		Files json.RawMessage `json:"files"`
	}
	if err := json.Unmarshal(summaryOf(t, files), &doc); err != nil {
		t.Fatal(err)
	}
	if got := orderedKeys(t, doc.Files); !slices.Equal(got, wantNames) {
		t.Errorf("summary.json files: got %v, want %v", got, wantNames)
	}
	var described map[string]struct {
		Description string
		Columns     json.RawMessage
	}
	json.Unmarshal(doc.Files, &described)
	for _, f := range files {
		d := described[f.Name]
		if d.Description == "" {
			t.Errorf("%s: no description", f.Name)
		}
		var cols []string
		if t, ok := tables[f.Name]; ok {
			cols = t.Columns
		} else if f.Name == output.ContactsFile {
			var b bytes.Buffer
			f.Write(&b)
			tb, _ := output.ReadCSVTable(&b)
			cols = tb.Columns
		}
		if cols == nil {
			if d.Columns != nil {
				t.Errorf("%s: columns for a file that is not a table", f.Name)
			}
			continue
		}
		if got := orderedKeys(t, d.Columns); !slices.Equal(got, cols) {
			t.Errorf("%s: columns described %v, the file's %v", f.Name, got, cols)
		}
		var texts map[string]string
		json.Unmarshal(d.Columns, &texts)
		for _, c := range cols {
			if texts[c] == "" {
				t.Errorf("%s: column %s has no description", f.Name, c)
			}
		}
	}
}
