package report

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"math/rand/v2"
	"testing"

	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestImgElementAsConcatenated checks that imgElement writes the very text
// the report wrote before it, the pieces concatenated with the base64 made
// apart: SVGs of every length 0 to 40 (each remainder of the base64) and
// some long ones, titles that need escaping.
func TestImgElementAsConcatenated(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 4))
	titles := []string{"", "Service level", `a "quoted" <title> & 'more'`, "héllo – ünïcode"}
	for n := range 41 + 5 {
		if n > 40 {
			n = rng.IntN(1 << 20)
		}
		svg := make([]byte, n)
		for i := range svg {
			svg[i] = byte(rng.Uint32())
		}
		for _, title := range titles {
			want := `<img src="data:image/svg+xml;base64,` + base64.StdEncoding.EncodeToString(svg) +
				`" alt="` + template.HTMLEscapeString(title) + `">`
			if got := imgElement(svg, title); string(got) != want {
				t.Fatalf("imgElement of %d bytes, title %q:\n got %.200q\nwant %.200q", n, title, got, want)
			}
		}
	}
}

// TestWritePageSameWhateverTheWriter checks that writePage writes the same
// bytes into a bytes.Buffer (where it makes the page in place), one holding
// text already, and any other writer; and that on an error the buffer is
// left as it was.
func TestWritePageSameWhateverTheWriter(t *testing.T) {
	ds := fixture.ReportDataset(t, fixture.ReportWorld())
	charts := testCharts(ds)
	var plain onlyWriter
	if err := WriteRun(&plain, ds, charts); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteRun(&b, ds, charts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), plain.b) {
		t.Fatalf("into a bytes.Buffer: %d bytes, differing from the %d written to another writer", b.Len(), len(plain.b))
	}
	b.Reset()
	b.WriteString("before")
	b.Next(2)
	if err := WriteRun(&b, ds, charts); err != nil {
		t.Fatal(err)
	}
	if want := append([]byte("fore"), plain.b...); !bytes.Equal(b.Bytes(), want) {
		t.Fatalf("into a bytes.Buffer holding text: not the text then the page")
	}

	// A page the template fails on leaves the buffer as it was.
	b.Reset()
	b.WriteString("kept")
	bad := newReportPage(ds, charts)
	bad.Tables = append(bad.Tables, reportSection{ID: "broken", Title: "Broken"})
	if err := writePage(&b, bad, "report"); err == nil {
		t.Fatal("a section with no table: no error")
	}
	if b.String() != "kept" {
		t.Fatalf("after an error the buffer holds %d bytes, want the 4 it held", b.Len())
	}
}

// onlyWriter is an io.Writer that is not a bytes.Buffer.
type onlyWriter struct{ b []byte }

func (w *onlyWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}
