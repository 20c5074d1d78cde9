// Package osvdb manages tollgate's offline OSV advisory database.
//
// The on-disk layout is the one osv-scanner v2.5.0 and osv-scalibr read:
//
//	<dir>/osv-scalibr/<Ecosystem>/all.zip
//
// where each all.zip holds one OSV JSON document per advisory, exactly
// as the public OSV export publishes it. The older documented layout
// <dir>/osv-scanner/<Ecosystem>/all.zip is accepted for reading.
// Next to the zips, <dir>/tollgate-db.json records when each ecosystem
// was fetched, from where, and how many advisories it holds, so that a
// scan can report (and a policy can judge) the age of the data.
//
// [Update] downloads each ecosystem's archive, verifies it (a complete,
// readable zip whose every entry is a plain relative name and whose CRCs
// check out), and only then renames it over the old file, so a failed
// or interrupted update leaves the previous database intact.
// [Status] lists what is installed.
package osvdb
