package report

import (
	"html/template"
	"strings"
)

// Class returns the cell's HTML classes: "t" for text (aligned left), "dim"
// for a day of the warm-up, "met" or "missed" for a verdict.
func (c reportCell) Class() string {
	var cs []string
	if c.Left {
		cs = append(cs, "t")
	}
	if c.Dim {
		cs = append(cs, "dim")
	}
	if c.Mark != "" {
		cs = append(cs, c.Mark)
	}
	return strings.Join(cs, " ")
}

// HeadCells returns the heading cells of the table, aligned as the
// columns under them.
func (t *reportTable) HeadCells() []reportCell {
	out := make([]reportCell, len(t.Head))
	for j, h := range t.Head {
		out[j] = reportCell{Text: h, Left: j == 0}
		if len(t.Rows) > 0 && j < len(t.Rows[0]) {
			out[j].Left = t.Rows[0][j].Left
		}
	}
	return out
}

// reportTemplate is the page. Its style is made for a projector first:
// large type, strong contrast, a verdict in words as well as in colour. No
// script, no font or file from elsewhere.
var reportTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="omnisim">
<title>{{.Title}} – omnisim report</title>
<style>
:root {
  --ink: #1b1f24; --muted: #4f5964; --faint: #8a939c; --line: #d0d7de; --stripe: #f4f6f8;
  --accent: #1d4470; --met: #16703a; --met-bg: #e3f3e8; --miss: #b3261e; --miss-bg: #fbe9e7; --none-bg: #e9edf1;
}
* { box-sizing: border-box; }
html { font-size: 20px; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
.wrap { max-width: 66rem; margin: 0 auto; padding: 0 1.5rem; }
.masthead { background: var(--accent); color: #fff; padding: 1.6rem 0 1.4rem; }
.kicker { margin: 0; font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; opacity: .85; }
h1 { font-size: 2.3rem; line-height: 1.15; margin: .3rem 0 .9rem; }
.desc { max-width: 52rem; margin: 0 0 .7rem; font-size: 1rem; }
.desc code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
.changes { border-left: 4px solid #fff; padding-left: .7rem; font-weight: 600; }
.facts { display: flex; flex-wrap: wrap; gap: .5rem 2.2rem; margin: 1.1rem 0 0; }
.facts div { border-top: 2px solid rgba(255, 255, 255, .4); padding-top: .25rem; min-width: 5rem; }
.facts dt { font-size: .7rem; letter-spacing: .06em; text-transform: uppercase; opacity: .85; }
.facts dd { margin: 0; font-size: 1.1rem; font-weight: 600; }
h2 { font-size: 1.7rem; color: var(--accent); margin: 2.2rem 0 1rem; padding-bottom: .25rem; border-bottom: 3px solid var(--accent); }
h3 { font-size: 1.25rem; margin: 0 0 .5rem; }
a { color: var(--accent); }
.toc { margin-top: 1.2rem; font-size: .85rem; }
.toc h2 { font-size: 1.1rem; margin: 0 0 .3rem; border: 0; }
.toc > ol { display: grid; grid-template-columns: 1fr 1.5fr 1fr; gap: 0 1.5rem; margin: 0; padding: 0; list-style: none; }
.toc > ol > li > a { font-weight: 700; }
.toc ol ol { margin: .2rem 0 0; padding-left: 1.6rem; }
.toc li { margin: .1rem 0; }
.toc.story > ol { grid-template-columns: .6fr 1fr 1.5fr 1fr; }
.lead { font-size: 1.35rem; font-weight: 600; margin: 0 0 1rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1rem; margin: 1.2rem 0; }
.card { border: 1px solid var(--line); border-left: .45rem solid var(--faint); border-radius: .35rem; padding: .9rem 1.1rem; }
.card.met { border-left-color: var(--met); }
.card.missed { border-left-color: var(--miss); }
.card ul { margin: 0; padding-left: 1.1rem; }
.card li { margin: .3rem 0; }
.card table { margin-top: .8rem; }
.claim { margin: 0 0 1.2rem; }
.claim-text { font-size: 1.15rem; font-weight: 600; margin: 0 0 .4rem; }
.claim .words { margin: 0 0 .4rem; }
.claim figure { margin: .8rem 0 0; border: 0; padding: 0; }
.footnotes { border-top: 1px solid var(--line); margin-top: 1rem; }
.footnotes h3 { font-size: .9rem; color: var(--muted); margin: .6rem 0 .2rem; }
.kind { font-weight: normal; color: var(--muted); font-size: .85rem; }
.badge { display: inline-block; font-size: .8rem; font-weight: 700; padding: .05rem .6rem; border-radius: 1rem;
  background: var(--none-bg); color: var(--muted); vertical-align: .15rem; white-space: nowrap; }
.badge.met { background: var(--met-bg); color: var(--met); }
.badge.missed { background: var(--miss-bg); color: var(--miss); }
.note { color: var(--muted); font-size: .85rem; margin: .4rem 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .55rem; text-align: right; border-bottom: 1px solid var(--line); white-space: nowrap; }
th { color: var(--muted); font-weight: 600; vertical-align: bottom; white-space: normal; border-bottom: 2px solid var(--ink); }
th.t, td.t { text-align: left; }
tbody tr:nth-child(even) { background: var(--stripe); }
tfoot td { font-weight: 700; border-top: 2px solid var(--ink); }
td.dim { color: var(--faint); }
td.met { color: var(--met); font-weight: 700; }
td.missed { color: var(--miss); font-weight: 700; }
figure { margin: 0 0 1.8rem; padding: .8rem; border: 1px solid var(--line); border-radius: .35rem; break-inside: avoid; }
figure img { display: block; width: 100%; height: auto; }
figcaption { margin-top: .5rem; font-size: .95rem; }
figcaption .num { color: var(--muted); font-weight: 700; }
figcaption .note { margin: .2rem 0 0; font-size: .85rem; }
.problem { padding: 2rem 1rem; text-align: center; background: var(--stripe); color: var(--miss); font-weight: 600; }
section section { margin-bottom: 2rem; }
footer { color: var(--muted); font-size: .8rem; padding-top: 1rem; padding-bottom: 2rem; }
@media print {
  html { font-size: 11pt; }
  .masthead { background: none; color: var(--ink); }
  .card, table, figure { break-inside: avoid; }
}
</style>
</head>
<body>
<header class="masthead">
<div class="wrap">
<p class="kicker">omnisim report{{with .Subtitle}} · {{.}}{{end}}</p>
<h1>{{.Title}}</h1>
{{range .Paragraphs}}<p class="desc">{{.}}</p>
{{end}}{{if .Sets}}<p class="desc changes">This run changed the scenario: {{range $i, $s := .Sets}}{{if $i}}, {{end}}<code>{{$s}}</code>{{end}}. The description above is the scenario's own; every figure below is the changed world's{{with .ScenarioFile}}, whose settings are in {{.}} in this folder{{end}}.</p>
{{end}}{{with .Command}}<p class="desc command">Made by <code>{{.}}</code></p>
{{end}}<dl class="facts">
{{range .Facts}}<div><dt>{{.Label}}</dt><dd>{{.Value}}</dd></div>
{{end}}</dl>
</div>
</header>
<main class="wrap">
<nav class="toc{{if .Story}} story{{end}}" aria-label="Contents">
<h2>Contents</h2>
<ol>
{{range .Contents}}<li><a href="#{{.ID}}">{{.Text}}</a>{{if .Sub}}
<ol>
{{range .Sub}}<li><a href="#{{.ID}}">{{.Text}}</a></li>
{{end}}</ol>
{{end}}</li>
{{end}}</ol>
</nav>

{{if .Story}}<section id="story">
<h2>The story, as this run measured it</h2>
{{range .Story}}<article class="card claim {{.Class}}" id="{{.ID}}">
<p class="claim-text"><span class="badge {{.Class}}">{{.Badge}}</span> {{.Sentence}}</p>
{{with .Words}}<p class="words">{{.}}</p>
{{end}}{{with .Why}}<p class="note">Not borne out by this run: {{.}}.</p>
{{end}}{{with .Figure}}{{template "figure" .}}{{end}}</article>
{{end}}<p class="lead">{{.StoryLead}}</p>
{{if .StoryNotes}}<div class="footnotes">
<h3>Notes</h3>
{{range .StoryNotes}}<p class="note">{{.}}</p>
{{end}}</div>
{{end}}</section>

{{end}}<section id="findings">
<h2>Headline findings</h2>
{{range .Lead}}<p class="lead">{{.}}</p>
{{end}}{{with .Glance}}{{template "table" .}}{{end}}
<div class="cards">
{{range .Channels}}<article class="card {{.Class}}" id="{{.ID}}">
<h3>{{.Name}} <span class="kind">{{.Kind}}</span> <span class="badge {{.Class}}">{{.Badge}}</span></h3>
<ul>
{{range .Sentences}}<li>{{.}}</li>
{{end}}</ul>
</article>
{{end}}{{if .Journey}}<article class="card" id="journey">
<h3>What customers went through</h3>
<ul>
{{range .Journey}}<li>{{.}}</li>
{{end}}</ul>
{{with .JourneyNote}}<p class="note">{{.}}</p>
{{end}}</article>
{{end}}{{if .Mouth}}<article class="card" id="word-of-mouth">
<h3>Word of mouth</h3>
<ul>
{{range .Mouth}}<li>{{.}}</li>
{{end}}</ul>
{{with .Waits}}{{template "table" .}}{{end}}</article>
{{end}}</div>
{{range .Notes}}<p class="note">{{.}}</p>
{{end}}</section>

<section id="charts">
<h2>Charts</h2>
{{range .Charts}}{{template "figure" .}}{{else}}<p>No charts were drawn for this run.</p>
{{end}}</section>

<section id="tables">
<h2>Tables</h2>
{{range .Tables}}<section id="{{.ID}}">
<h3>{{.Title}}</h3>
{{if .Table.Rows}}{{template "table" .Table}}{{end}}{{range .Notes}}<p class="note">{{.}}</p>
{{end}}</section>
{{end}}</section>
</main>
<footer class="wrap">{{.Footer}}</footer>
</body>
</html>
{{define "figure"}}<figure id="{{.ID}}">
{{if .Problem}}<p class="problem">{{.Problem}}</p>{{else}}{{.Img}}{{end}}
<figcaption><span class="num">Figure {{.Number}}.</span> <strong>{{.Title}}</strong>{{with .Note}}<p class="note">{{.}}</p>{{end}}</figcaption>
</figure>
{{end}}{{define "table"}}{{.HTML}}{{end}}`))
