# METADATA
# title: IAM policy allows every action of a service
# description: >-
#   A statement allows a service-wide wildcard such as "s3:*" or "iam:*" (or
#   "*" on specific resources). Wildcard actions grant permissions that
#   nobody reviewed, including ones added to the service later.
# scope: package
# custom:
#   id: TG-AWS-0025
#   peer_ids:
#     checkov: [CKV_AWS_63]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: List the specific actions the principal needs.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege]
#   cwe: [CWE-269]
package tollgate.iac.aws.iam_wildcard_action

import data.lib.aws

service_wildcard(a) if {
	is_string(a)
	regex.match(`^[A-Za-z0-9-]+:\*$`, a)
}

flagged(_, a) if service_wildcard(a)

flagged(st, a) if {
	aws.full_wildcard(a)
	not aws.has_wildcard_resource(st)
}

deny contains res if {
	some s in aws.permission_statements
	aws.allow(s.st)
	acts := [a | some a in s.st.actions; flagged(s.st, a)]
	count(acts) > 0
	res := aws.stmt_res(sprintf("IAM policy %s allows the wildcard actions %v", [aws.rid(s.r), acts]), s.r, s.key, s.st)
}
