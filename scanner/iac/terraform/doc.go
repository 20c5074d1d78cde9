// Package terraform turns Terraform / OpenTofu configuration and plan JSON into
// the JSON-like documents the IaC checks evaluate.
//
// # Modules
//
// [ParseModule] reads every .tf and .tf.json file of one directory, evaluates
// it as a root module and returns one document of kind "terraform":
//
//	{"resources": [...], "providers": [...], "variables": {...}, "outputs": {...},
//	 "unresolved_modules": [...]}
//
// Evaluation covers variables (defaults, terraform.tfvars, *.auto.tfvars and
// [Options.VarFiles], in that order; an unset variable is unknown), locals
// (resolved on demand in dependency order; a cycle yields unknown), count and
// for_each (addresses type.name[0] and type.name["key"]), dynamic blocks,
// local modules (source "./..." or "../..." inside the scanned tree, with
// module count and for_each) and a Terraform-compatible function library (see
// [FunctionNames]). Remote module sources are not fetched: they are listed
// under "unresolved_modules" and their outputs are unknown.
//
// A value that cannot be resolved becomes {"__unknown": true}. A value that
// comes from another resource additionally carries "__ref": the address of
// that resource ("aws_s3_bucket.b", "module.net.aws_vpc.main"), so that checks
// can join a resource to the resources that configure it. An error in one
// expression makes that expression unknown; it never fails the module. Only
// syntax errors fail, as a *scanner.FileError with the line.
//
// Every object carries "__loc" ({"path", "start_line", "end_line"}) and
// "__keys" (the range of each attribute or nested block), so findings point
// at the exact line.
//
// # Budgets
//
// Evaluation runs under [Budgets] (string length, collection size,
// count/for_each instances, module and resource instances, steps): a value
// over budget becomes unknown, what was evaluated is still returned, and
// each budget exceeded comes back as a *scanner.BudgetError inside a
// *scanner.FileError naming the file and line.
//
// # Which directories are root modules
//
// A scanner hands [RootModules] every directory that holds Terraform files;
// it drops directories that another scanned directory calls as a local module
// (their resources are reported once, with their module address, through the
// caller). Directories that nobody calls are root modules; in a group of
// directories that only call each other the first by name is a root.
//
// Override files (override.tf, *_override.tf) are skipped.
//
// # Plans
//
// [ParsePlan] reads `terraform show -json` output into a "terraform-plan"
// document with the same resource shape, built from planned_values (root and
// child modules). Attributes the plan reports as unknown (after_unknown) are
// {"__unknown": true}, with "__ref" taken from the configuration's references.
package terraform
