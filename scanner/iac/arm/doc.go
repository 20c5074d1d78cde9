// Package arm parses Azure Resource Manager (ARM) deployment templates, and
// the templates `bicep build` compiles, into the documents the Azure checks
// read.
//
// # Evaluation
//
// Parameters take their value from the template's parameters file
// (azuredeploy.json -> azuredeploy.parameters.json) when one sits beside it,
// else from defaultValue; a parameter with neither, or with a Key Vault
// reference, is unknown. Variables (with their copy loops) are evaluated on
// first use. "[...]" expressions are evaluated where the result is known
// statically: parameters, variables, concat, format, toLower/toUpper, if,
// equals, not/and/or, resourceId (as a symbolic "Type/name/..." string),
// uniqueString and guid (deterministic stand-ins), string/int/bool,
// createArray/createObject, union, contains, empty, length, coalesce, json,
// copyIndex and a few more (see funcs.go). Anything else (reference(),
// list*(), resourceGroup(), subscription(), deployment(), user-defined
// functions, a syntax error) is unknown, and checks never fire on an
// unknown value.
//
// Resource copy loops, property copy loops, conditions (a resource whose
// condition is false is left out), child resources declared inside their
// parent, and Microsoft.Resources/deployments with an inline template
// (outer and inner expression scope) are expanded. Linked templates
// (templateLink) are not followed.
//
// Everything is bounded by [Budgets]; a budget exceeded is a
// *scanner.BudgetError naming the file and line, and the value it concerned
// is unknown.
//
// # Document
//
// The document has the shape of a Terraform document, so the Azure checks
// written against azurerm resources serve ARM too (see model.go):
//
//	{"resources": [{"address": "Microsoft.Storage/storageAccounts/stlogs",
//	   "mode": "managed", "type": "azurerm_storage_account",
//	   "arm_type": "Microsoft.Storage/storageAccounts", "name": "stlogs",
//	   "values": {"min_tls_version": "TLS1_0", "__loc": ..., "__keys": ...},
//	   "arm": {the evaluated ARM resource}, "__loc": ...}],
//	 "parameters": {...}, "bicep": "main.bicep", "generator": {...}}
//
// A resource of a type without a mapping keeps its ARM type as "type" and
// empty values; "arm" always holds the evaluated resource for user checks.
// Every mapped value is located at the ARM property it came from; a value
// an expression produced is located at the property holding the expression.
package arm
