package output

import (
	"io"
)

// File is one file of a run's output folder: where it goes, what it holds,
// and how to write it.
type File struct {
	// Name is the file's path inside the folder, with slashes:
	// "daily.csv", "charts/queue.svg". Folders are made as needed.
	Name string
	// Description says in a sentence what the file holds, for
	// summary.json's "files".
	Description string
	// Columns describe a CSV file's columns, for summary.json's "files";
	// nil for other files.
	Columns []Column
	// Write writes the file's contents. It is called once, when the folder
	// is written.
	Write func(io.Writer) error
	// Ahead tells that Write may be called before the files listed ahead
	// of this one are written, on another goroutine, and its bytes held in
	// memory until their turn: for files slow to make and small to hold,
	// such as charts, which are then drawn on every core while the rest
	// are written. Write must then depend on nothing but what the file
	// holds; the folder's bytes are the same either way.
	Ahead bool
}

// Column describes a column of a CSV file.
type Column struct {
	Name, Description string
}

// ContactsFile is the trace of a run's contacts (omnisim run --journeys),
// which output/table writes and output/folder puts into the folder.
const ContactsFile = "contacts.csv"

// SweepCSVFile is the table of a sweep's output folder, which its charts'
// notes point to.
const SweepCSVFile = "sweep.csv"
