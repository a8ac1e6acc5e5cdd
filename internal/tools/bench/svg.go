package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/mtb-race/mtb-backend-api/internal/tools/loadgen"
)

// The chart next to the Markdown report: hand-written SVG, so that `make bench` needs no
// plotting tool and the file opens in any browser or in a repository's web view. For each
// engine: one row per scenario with its throughput as a bar and its p50 and p99 as marks,
// both on logarithmic scales (login does tens of req/s, /users/me thousands; p50s are
// tenths of a millisecond, login's p99 seconds); then the login flood second by second.
// Every series is a <g> with an id (bars-sqlite, flood-postgres-me-p99, ...), which the
// tests look for.

const (
	svgWidth   = 980
	svgRowH    = 18
	svgLabelW  = 190
	svgBarX    = 200 // req/s axis: svgBarX .. svgBarX+svgAxisW
	svgLatX    = 600 // latency axis: svgLatX .. svgLatX+svgAxisW
	svgAxisW   = 340
	svgChartH  = 160 // a flood chart's plot height
	svgChartW  = 420
	rpsMin     = 1.0
	rpsMax     = 100000.0
	latMinMs   = 0.05
	latMaxMs   = 20000.0
	colorBar   = "#4e79a7"
	colorP50   = "#59a14f"
	colorP99   = "#e15759"
	colorMe    = "#4e79a7"
	colorLogin = "#f28e2b"
)

// logPos maps v in [lo, hi] to [0, width] on a log scale, clamped.
func logPos(v, lo, hi, width float64) float64 {
	v = math.Min(math.Max(v, lo), hi)
	return width * (math.Log10(v) - math.Log10(lo)) / (math.Log10(hi) - math.Log10(lo))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

type svgRow struct {
	label    string
	rps      float64
	p50, p99 time.Duration
}

// chartRows are the rows of an engine's scenario chart, in the report's order.
func (r *engineRun) chartRows() []svgRow {
	var rows []svgRow
	add := func(label string, res loadgen.Result) {
		rows = append(rows, svgRow{label, res.Throughput, res.P50, res.P99})
	}
	for _, x := range r.results {
		add(x.w.Name, x.res)
	}
	for _, pair := range r.floorPairs {
		rows = append(rows, svgRow{"floor-" + pair.name, meanThroughput(pair.floor), medianP50(pair.floor), medianP99(pair.floor)})
	}
	if fl := r.flood; fl != nil {
		add(fmt.Sprintf("flood: me%d", floodMeConnections), fl.me)
		add(fmt.Sprintf("flood: login%d", fl.loginConnections), fl.login)
	}
	for _, x := range r.accessLog {
		add(strings.Replace(x.w.Name, "me64 LOG_ACCESS=", "me64 log ", 1), x.res)
	}
	return rows
}

type svgWriter struct{ b bytes.Buffer }

func (w *svgWriter) f(format string, a ...any) { fmt.Fprintf(&w.b, format, a...) }

func (w *svgWriter) text(x, y float64, anchor, class, s string) {
	var esc bytes.Buffer
	xml.EscapeText(&esc, []byte(s))
	w.f(`<text x="%.1f" y="%.1f" text-anchor="%s" class="%s">%s</text>`+"\n", x, y, anchor, class, esc.String())
}

func (r *report) svg() string {
	w := &svgWriter{}
	var body svgWriter
	y := 30.0
	body.text(10, y, "start", "title", fmt.Sprintf("mtb-api benchmark, %s — %d CPUs, load %s at start, %s recorded per workload",
		r.date.UTC().Format("2006-01-02 15:04 UTC"), r.machine.numCPU, r.loadBefore, r.opts.duration))
	y += 20
	for _, run := range r.runs {
		y = run.svgScenarios(&body, y+10)
		y = run.svgFlood(&body, y+10)
	}
	height := y + 20
	w.f(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.f(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%.0f" viewBox="0 0 %d %.0f">`+"\n", svgWidth, height, svgWidth, height)
	w.f(`<style>text{font-family:sans-serif;font-size:11px;fill:#222} .title{font-size:14px;font-weight:bold} .h{font-size:13px;font-weight:bold} .axis{fill:#666;font-size:10px} line.grid{stroke:#ddd}</style>` + "\n")
	w.f(`<rect width="100%%" height="100%%" fill="white"/>` + "\n")
	w.b.Write(body.b.Bytes())
	w.f("</svg>\n")
	return w.b.String()
}

// svgScenarios draws the throughput and latency of every scenario of r from y down and
// returns the y below it.
func (r *engineRun) svgScenarios(w *svgWriter, y float64) float64 {
	rows := r.chartRows()
	w.text(10, y+12, "start", "h", engineTitle(r.engine)+": throughput (bars, req/s, log scale) and latency (p50 ● / p99 ◆, log scale)")
	y += 24
	top := y
	plotH := float64(len(rows)) * svgRowH
	// Axes with decade grid lines.
	for v := rpsMin; v <= rpsMax; v *= 10 {
		x := svgBarX + logPos(v, rpsMin, rpsMax, svgAxisW)
		w.f(`<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`+"\n", x, top, x, top+plotH)
		w.text(x, top+plotH+12, "middle", "axis", fmt.Sprintf("%g", v))
	}
	for v := 0.1; v <= latMaxMs; v *= 10 {
		x := svgLatX + logPos(v, latMinMs, latMaxMs, svgAxisW)
		w.f(`<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`+"\n", x, top, x, top+plotH)
		w.text(x, top+plotH+12, "middle", "axis", fmtAxisMs(v))
	}
	w.text(svgBarX+svgAxisW/2, top+plotH+24, "middle", "axis", "req/s")
	w.text(svgLatX+svgAxisW/2, top+plotH+24, "middle", "axis", "latency")
	for i, row := range rows {
		w.text(svgLabelW, top+float64(i)*svgRowH+12, "end", "", row.label)
	}
	w.f(`<g id="bars-%s" fill="%s">`+"\n", r.engine, colorBar)
	for i, row := range rows {
		ry := top + float64(i)*svgRowH + 3
		bw := logPos(row.rps, rpsMin, rpsMax, svgAxisW)
		w.f(`<rect x="%d" y="%.1f" width="%.1f" height="%d"><title>%s: %s req/s</title></rect>`+"\n", svgBarX, ry, bw, svgRowH-6, xmlText(row.label), fmtRate(row.rps))
		w.text(svgBarX+bw+3, ry+10, "start", "axis", fmtRate(row.rps))
	}
	w.f("</g>\n")
	w.f(`<g id="p50-%s" fill="%s">`+"\n", r.engine, colorP50)
	for i, row := range rows {
		if row.p50 > 0 {
			w.f(`<circle cx="%.1f" cy="%.1f" r="4"><title>%s p50 %s</title></circle>`+"\n", svgLatX+logPos(ms(row.p50), latMinMs, latMaxMs, svgAxisW),
				top+float64(i)*svgRowH+svgRowH/2, xmlText(row.label), loadgen.FormatDuration(row.p50))
		}
	}
	w.f("</g>\n")
	w.f(`<g id="p99-%s" fill="%s">`+"\n", r.engine, colorP99)
	for i, row := range rows {
		if row.p99 > 0 {
			x, cy := svgLatX+logPos(ms(row.p99), latMinMs, latMaxMs, svgAxisW), top+float64(i)*svgRowH+svgRowH/2
			w.f(`<path d="M%.1f %.1f l5 5 l-5 5 l-5 -5 z"><title>%s p99 %s</title></path>`+"\n", x, cy-5, xmlText(row.label), loadgen.FormatDuration(row.p99))
		}
	}
	w.f("</g>\n")
	return top + plotH + 30
}

// svgFlood draws the flood second by second: req/s of /users/me and login on the left,
// their p99 on the right, both on log scales.
func (r *engineRun) svgFlood(w *svgWriter, y float64) float64 {
	fl := r.flood
	if fl == nil {
		return y
	}
	w.text(10, y+12, "start", "h", fmt.Sprintf("%s: login flood second by second (%d login connections, /users/me at %d)",
		engineTitle(r.engine), fl.loginConnections, floodMeConnections))
	top := y + 24
	n := max(len(fl.me.Seconds), len(fl.login.Seconds), 1)
	type chart struct {
		x0       float64
		lo, hi   float64
		unit     string
		value    func(loadgen.Second) float64
		idSuffix string
	}
	charts := []chart{
		{60, rpsMin, rpsMax, "req/s", func(s loadgen.Second) float64 { return s.Throughput }, "rps"},
		{60 + svgChartW + 60, latMinMs, latMaxMs, "p99", func(s loadgen.Second) float64 { return ms(s.P99) }, "p99"},
	}
	for _, c := range charts {
		w.f(`<rect x="%.1f" y="%.1f" width="%d" height="%d" fill="none" stroke="#999"/>`+"\n", c.x0, top, svgChartW, svgChartH)
		for v := c.lo; v <= c.hi; v *= 10 {
			if c.unit == "p99" && v < 0.1 {
				continue
			}
			yy := top + svgChartH - logPos(v, c.lo, c.hi, svgChartH)
			w.f(`<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`+"\n", c.x0, yy, c.x0+svgChartW, yy)
			label := fmt.Sprintf("%g", v)
			if c.unit == "p99" {
				label = fmtAxisMs(v)
			}
			w.text(c.x0-4, yy+3, "end", "axis", label)
		}
		w.text(c.x0+svgChartW/2, top+svgChartH+24, "middle", "axis", c.unit+" per second of the flood")
		for i := 0; i < n; i++ {
			w.text(c.x0+(float64(i)+0.5)*svgChartW/float64(n), top+svgChartH+12, "middle", "axis", fmt.Sprint(i+1))
		}
		for _, s := range []struct {
			name, color string
			secs        []loadgen.Second
		}{{"me", colorMe, fl.me.Seconds}, {"login", colorLogin, fl.login.Seconds}} {
			var pts []string
			for i, sec := range s.secs {
				v := c.value(sec)
				if v <= 0 {
					continue // nothing answered in that second: no point rather than a fake zero
				}
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", c.x0+(float64(i)+0.5)*svgChartW/float64(n), top+svgChartH-logPos(v, c.lo, c.hi, svgChartH)))
			}
			w.f(`<g id="flood-%s-%s-%s" stroke="%s" fill="%s">`+"\n", r.engine, s.name, c.idSuffix, s.color, s.color)
			if len(pts) > 0 {
				w.f(`<polyline fill="none" stroke-width="2" points="%s"/>`+"\n", strings.Join(pts, " "))
				for _, pt := range pts {
					x, yy, _ := strings.Cut(pt, ",")
					w.f(`<circle cx="%s" cy="%s" r="2.5"/>`+"\n", x, yy)
				}
			}
			w.f("</g>\n")
		}
	}
	// Legend.
	ly := top + svgChartH + 40
	w.f(`<rect x="60" y="%.1f" width="12" height="4" fill="%s"/>`+"\n", ly-4, colorMe)
	w.text(78, ly, "start", "axis", fmt.Sprintf("/users/me (me%d)", floodMeConnections))
	w.f(`<rect x="200" y="%.1f" width="12" height="4" fill="%s"/>`+"\n", ly-4, colorLogin)
	w.text(218, ly, "start", "axis", fmt.Sprintf("login (%d connections)", fl.loginConnections))
	return ly + 16
}

func fmtAxisMs(v float64) string {
	if v >= 1000 {
		return fmt.Sprintf("%gs", v/1000)
	}
	return fmt.Sprintf("%gms", v)
}

func xmlText(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
