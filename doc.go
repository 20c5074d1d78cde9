// Package tollgate is the one-call entry point for library users: scan a
// tree with the built-in scanners (and your own), gate the findings with
// the policy and write any reports, as `tollgate scan` does.
//
// [Scan] is a convenience over the packages that do the work:
// [scanner.Run] (the walk and the scanners), [policy.New] and
// [policy.Gate.Decide] (the gate) and [report.New] (the writers). Use those
// directly for finer control, for example to decide many times with one
// compiled policy. [DefaultScanners] is the built-in scanner set as plain
// data (name -> constructor); nothing registers itself.
package tollgate
