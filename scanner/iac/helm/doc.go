// Package helm renders Helm charts for the IaC scanner, offline, with the
// Helm v4 chart loader and template engine (no client, no cluster, no
// repositories), and locates each rendered Kubernetes object in the
// template that wrote it.
//
// It links Helm's engine and through it client-go and the Kubernetes API
// types, so tollgate itself does not import it: the companion
// tollgate-render and the in-process renderer (scanner/iac/render/inproc)
// do. [Options] and the budget names are package render's.
//
// # Values
//
// A chart is rendered with its values.yaml, then [Options.ValueFiles] in
// order, then [Options.Set] (helm's --set syntax), as release
// [ReleaseName] in namespace [ReleaseNamespace], like `helm template`.
// Subcharts vendored in charts/ (directories or .tgz archives) are
// rendered with the parent's values for them, conditions, tags and
// import-values applied. A dependency that Chart.yaml lists but charts/
// does not hold cannot be fetched (there is no network) and is reported.
// values.schema.json is not validated (its $refs may name URLs).
//
// # Lines
//
// Objects keep the Kubernetes shape the checks read, but their line
// annotations are rewritten to lines of the template file: a key maps to
// the line where the template writes the same key path, and a key the
// template does not write literally (toYaml, include, tpl) to its
// nearest written ancestor; with none, the first line of the resource's
// template. Templates inside a .tgz subchart are located at the archive.
//
// # Budgets
//
// Go templates cannot be interrupted, so the functions a loop calls are
// guarded: until, untilStep and seq are charged to [BudgetRangeItems]
// before they allocate, repeat to [BudgetRenderBytes], and common
// functions check the [BudgetRenderTime] deadline. The total output is
// charged to [BudgetRenderBytes] and the files read to
// [BudgetChartBytes]. Exceeding one is a *scanner.ParseError holding a
// *scanner.BudgetError; the chart is then not checked.
package helm
