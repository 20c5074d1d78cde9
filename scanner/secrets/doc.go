// Package secrets finds hard-coded credentials in files and, optionally, in
// the lines added by a range of git commits.
//
// # Engine
//
// Rules (see [Rule]) are compiled once by [New]. Every file is read in
// overlapping chunks and passes once through an Aho-Corasick automaton built
// from all rule keywords over lower-cased bytes. A rule's regular expression
// only runs in windows around that rule's keyword hits, never over a whole
// file. Candidate secrets then go through the rule's entropy minimum,
// checksum validator, allow lists and stopwords, the global placeholder
// filters and inline suppressions (tollgate:ignore, gitleaks:allow).
//
// Base64-looking blobs of at least 32 characters are decoded once and the
// decoded text is scanned too; matches are reported at the blob. Files with
// a UTF-16 byte-order mark are decoded to UTF-8 first. Invalid UTF-8 is
// scanned as bytes.
//
// # Redaction
//
// The raw secret never leaves this package. A [scanner.Finding] carries
// Evidence, the hex HMAC-SHA256 of the secret under [Options.HashKey]
// (truncated to 32 hex digits), from which the fingerprint is derived, and
// a snippet in which every secret found on the line is masked. With a
// private key the mask keeps at most the first four characters (never more
// than a quarter of it) and the region is exact; without one (the public
// [DefaultHashKey]) the mask is a bare "****", there is no entropy
// property and no end column, so no output tells a secret's length or
// first characters.
//
// # Positions
//
// Lines and columns are 1-based. Columns count bytes of the (UTF-8) line,
// not runes; for UTF-16 files they count bytes of the decoded UTF-8 text.
// The region is the secret itself; for a PEM private key it runs to the
// end of the "-----END ...-----" marker (see regionEnd).
//
// # gitleaks configurations
//
// gitleaks v8 TOML files are read as gitleaks reads them (gitleaks.go):
// allowlists with AND/OR conditions and targetRules, path-only rules,
// composite rules (composite.go), [extend]; .gitleaksignore fingerprints
// are honoured (gitleaksignore.go).
//
// # Verification
//
// With [Options.Verify] the secrets of a few providers are checked live
// (verify.go, sigv4.go) after the file pass; the raw secrets needed for it
// stay in the Scanner only until the end of that Scan.
package secrets
