// Package e2e holds the end-to-end tests that run the GCP and Azure checks
// over Terraform fixtures parsed by package terraform. It lives apart from
// package terraform so that fuzzing the parser does not rebuild OPA with
// fuzzing instrumentation.
package e2e
