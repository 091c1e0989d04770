// Package classroom is omnisim serve: a local web server on which a
// trainer runs a story of the library live, side by side with one change,
// in front of managers who have never seen a queue.
//
// A story (Library, Story) is a scenario with its claims. A session
// (Session) runs it twice: A, the story as written, and B, the story with
// the trainer's change (Settings: a preset from the claims' variants,
// agents per pool, volume, word of mouth, channels on or off), both with
// the same seed, so that they see the same customers (common random
// numbers: models/crn.go) and the difference is the change alone. Each
// side's replications are pooled into an output.Dataset, and the page is
// sent one Frame per interval of it, at the playback speed the trainer
// chooses, by server-sent events (stream.go); the claims are judged again
// on what was run (experiment.Judge), with a verdict in words that says
// when a result is undecided at the precision the replications give
// (verdict.go). Export writes B as the usual output folder, report.html
// included, and a link that opens the same settings.
//
// The simulation runs in the server, not in the browser: the engine, the
// judge and the exporters are Go already, and compiling them to
// WebAssembly would ship megabytes to do twice what the server does in
// milliseconds. The page is plain HTML, CSS and JavaScript, embedded
// (go:embed), with nothing fetched from the network: it works offline.
package classroom
