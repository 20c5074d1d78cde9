package cvss

// RawScore40 exposes the unrounded v4.0 score to the external tests.
var RawScore40 = rawScore40
