// Package cvss computes CVSS base scores from vector strings.
//
// It implements the base-score equations of CVSS v2.0, v3.0, v3.1 and
// v4.0 as written in FIRST's specification documents, so that the
// dependency scanner can turn the vectors OSV advisories carry into a
// numeric score and a qualitative severity without a network lookup.
//
// # Versions
//
//   - v3.0 and v3.1 share the base equations; they differ in the Roundup
//     function (v3.1 defines it on integers to avoid floating-point
//     artefacts), which this package honours per version.
//   - v4.0 is scored with the MacroVector method of the v4.0
//     specification (section 8): lookup table plus severity-distance
//     interpolation. Threat (E) and environmental metrics, including the
//     modified base metrics, are taken into account when present, as the
//     specification's calculator does; a plain base vector yields CVSS-B.
//   - v2.0 is the fallback for advisories that carry nothing newer.
//
// Unknown or malformed vectors return an error; callers fall back to
// other severity sources rather than guessing.
package cvss
