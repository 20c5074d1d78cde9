// Package deps is tollgate's dependency-vulnerability scanner.
//
// It finds the lockfiles and manifests osv-scanner v2.5.0 reads (npm,
// PyPI, Go, crates.io, RubyGems, Packagist, Maven, NuGet, Pub, Hex,
// ConanCenter, CRAN, Hackage, SwiftURL, CycloneDX/SPDX SBOMs), extracts
// their packages with the osv-scalibr extractors, and matches them
// against OSV advisories:
//
//   - online, through the OSV API (querybatch, then one fetch per
//     advisory; bounded concurrency, retries with backoff on 429/5xx,
//     timeouts, configurable base URL);
//   - offline, against a local database in osv-scanner's layout
//     (<dir>/osv-scalibr/<Ecosystem>/all.zip, see package osvdb), with no
//     network access at all.
//
// # Why not osvscanner.DoScan
//
// The scanner drives the extractors itself on the files of tollgate's
// shared walk and matches offline with osv-scalibr's own matcher
// (osvlocal.VulnerabilitiesAffectingPackage, where osv-scanner's offline
// path ends), fed from a name index built once per scan. That keeps
// ctx cancellation between stages, guarantees that offline means no
// request (DoScan's resolvers and call analysis go online), reuses the
// extractors' line numbers, and is several times faster than osv-scanner
// on large lockfiles (see docs/deps.md). No osv-scanner or osv-scalibr
// type appears in this package's API.
//
// # Findings
//
// One finding per lockfile, package version and advisory; records that
// share an id or alias are merged into one finding whose RuleID is the
// ecosystem database's own id (GO-, PYSEC-, RUSTSEC-, …), else GHSA-,
// else CVE-, and whose Aliases hold every other id. Severity comes from
// the highest CVSS base score among the advisory's vectors (package
// cvss), else the database's own rating, else UNKNOWN. The package's
// fixed versions and the smallest fix above the installed version, its
// PURL, dev-only and direct flags (where known), and the lockfile line
// are filled in. Evidence is "ecosystem/name@version", so fingerprints
// are advisory + lockfile + package and survive line moves.
package deps
