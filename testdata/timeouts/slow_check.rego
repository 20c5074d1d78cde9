# METADATA
# title: Slow on purpose
# description: |
#   A user IaC check that loops for minutes (10^10 iterations). The deadline
#   and signal tests use it to keep the IaC scanner busy in Rego evaluation.
# scope: package
# custom:
#   id: ACME-SLOW
#   severity: LOW
#   frameworks: [kubernetes]
package acme.slow

deny contains "never" if {
	some i in numbers.range(1, 100000)
	some j in numbers.range(1, 100000)
	i * j == -1
}
