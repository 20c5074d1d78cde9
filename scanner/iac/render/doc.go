// Package render is how the IaC scanner gets Kubernetes objects out of
// Helm charts and Kustomize overlays without linking Helm or Kustomize.
//
// Helm v4's chart and engine packages pull in client-go and every
// Kubernetes API type, initialised at start-up, and Kustomize's api adds
// as much again: linked into the CLI they cost every run, charts or not,
// about 56 MB of resident memory and 66 MB of binary. So the renderers
// live in a companion program, tollgate-render (cmd/tollgate-render), and
// this package talks to it.
//
// # Renderers
//
// A [Renderer] opens one [Session] per scan, only when the scan has a
// chart or a kustomization. Two implementations exist:
//
//   - [Process] (this package, the default of the IaC scanner and of the
//     root package) starts tollgate-render lazily, sends it one request at
//     a time over stdin/stdout and reuses it for every chart of the scan.
//   - inproc.New (package scanner/iac/render/inproc) renders inside the
//     calling process; it links Helm and Kustomize. Library users and
//     tests that want no child process use it; tollgate-render serves it.
//
// # Protocol
//
// Newline-delimited JSON, one request then one response, sequential (see
// [ProtocolVersion]). A session opens with a hello whose protocol version
// must match. Numbers are written so that integers decode as int64 and
// floats as float64 (a float always carries a fraction or an exponent):
// the documents the checks see are the ones the parsers made. A
// *scanner.ParseError (with a *scanner.BudgetError inside, if any)
// crosses intact, so TG-PARSE-HELM and TG-PARSE-KUSTOMIZE findings do not
// depend on where the rendering ran; any other error comes back as a
// plain error with its message.
//
// # Bounds of the child
//
// [Process] kills and restarts the companion when a chart exceeds its
// render time (the helm-render-time budget, reported as in-process), when
// its resident set exceeds [ProcessOptions.MaxRSS] (polled from
// /proc/PID/status on Linux; the render-memory budget) or when its
// response exceeds [ProcessOptions.MaxResponseBytes]. It passes the
// child a GOMEMLIMIT below the RSS budget so that the Go runtime collects
// before the kill. A crash, an exit or output that does not decode is an
// error naming the chart: the scan fails, nothing is skipped silently.
// Cancelling the scan's context kills the child.
//
// The companion reads the charts and overlays from disk under the scan
// root (Helm value files relative to it too): a scan of an fs.FS that is
// not the disk (scanner.WithFS) needs the in-process renderer.
package render
