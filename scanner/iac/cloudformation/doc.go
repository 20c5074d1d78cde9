// Package cloudformation parses AWS CloudFormation (and SAM) templates, in
// YAML or JSON, into the annotated documents the IaC checks read.
//
// The document is the template object itself. YAML short-form tags are
// expanded to their long form (!Ref X becomes {"Ref": "X"}), every object
// carries "__loc" and "__keys" source ranges (see package yamldoc), and the
// intrinsics that can be decided statically are resolved:
//
//   - Ref to a parameter with a Default becomes the default value (a list for
//     CommaDelimitedList and List<...> parameters);
//   - Fn::Sub whose variables are all parameters with defaults becomes a
//     plain string;
//   - Fn::FindInMap, Fn::Join and Fn::Select over literal arguments become
//     their result.
//
// Everything else (pseudo parameters such as AWS::Region, parameters
// without a default, Fn::GetAtt, Fn::If, ...) is left in long form, and
// checks treat such objects as unknown values that never cause a finding.
//
// A YAML or JSON file that is not a template (no AWSTemplateFormatVersion
// and no Resources of an AWS:: type) yields no document and no error.
package cloudformation
