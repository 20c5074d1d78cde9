# METADATA
# title: IAM policy allows actions on all resources
# description: >-
#   A statement allows actions that change or read data on Resource "*", so
#   the principal can act on every resource of those services in the account
#   instead of only the ones it needs.
# scope: package
# custom:
#   id: TG-AWS-0026
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Scope Resource to the ARNs the principal needs; keep "*" only for actions that do not support resource-level permissions (List/Describe).
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege]
#   cwe: [CWE-269]
package tollgate.iac.aws.iam_wildcard_resource

import data.lib.aws

# actions that only work on Resource "*" or only list metadata
harmless(a) if {
	is_string(a)
	regex.match(`^[A-Za-z0-9-]+:(Describe|List|Get[A-Za-z]*(Status|Summary|Caller[A-Za-z]*|Authorization[A-Za-z]*))`, a)
}

harmless(a) if lower(a) in {
	"cloudwatch:putmetricdata", "xray:puttracesegments", "xray:puttelemetryrecords",
	"logs:createloggroup", "logs:createlogstream", "logs:putlogevents",
	"ecr:getauthorizationtoken", "sts:getcalleridentity", "tag:getresources",
	"ssm:updateinstanceinformation", "ssmmessages:createcontrolchannel",
	"ssmmessages:createdatachannel", "ssmmessages:openchannel", "ssmmessages:opendatachannel",
	"ec2messages:acknowledgemessage", "ec2messages:deletemessage", "ec2messages:failmessage",
	"ec2messages:getendpoint", "ec2messages:getmessages", "ec2messages:sendreply",
	"ec2:createnetworkinterface", "ec2:deletenetworkinterface", "ec2:assignprivateipaddresses",
	"ec2:unassignprivateipaddresses",
}

risky_actions(st) := [a |
	some a in st.actions
	is_string(a)
	not harmless(a)
	not aws.full_wildcard(a)
]

deny contains res if {
	some s in aws.permission_statements
	aws.allow(s.st)
	aws.has_wildcard_resource(s.st)
	not aws.has_full_wildcard_action(s.st)
	acts := risky_actions(s.st)
	count(acts) > 0
	res := aws.stmt_res(sprintf("IAM policy %s allows %v on all resources (\"*\")", [aws.rid(s.r), acts]), s.r, s.key, s.st)
}
