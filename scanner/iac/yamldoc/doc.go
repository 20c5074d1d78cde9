// Package yamldoc converts YAML into the annotated JSON-like values the IaC
// checks read.
//
// Every mapping becomes a map[string]any that also carries two annotation
// keys: "__loc" ({"start_line", "end_line"}) with the mapping's own source
// range, and "__keys" with, for each key, the range from the key to the end
// of its value. Checks use them to point at the exact offending line.
// Anchors, aliases and merge keys ("<<") are resolved, and the
// CloudFormation short-form tags (!Ref, !Sub, !GetAtt, ...) are expanded to
// their long form ({"Ref": ...}, {"Fn::Sub": ...}), because the tags are
// meaningless to every other format and dropping them would lose data.
//
// Parsing runs under per-file [Limits] (values, values produced by aliases,
// documents) and, through the context, a per-scan [ScanBudget] of alias
// values, so that a few hundred bytes of nested aliases cannot expand to
// gigabytes; the budgets are per file, not per document. [ParseFile]
// reports a bad or over-budget file as a *scanner.ParseError of kind YAML.
package yamldoc
