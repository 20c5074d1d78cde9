# METADATA
# title: Security group allows RDP from the internet
# description: >-
#   An ingress rule opens port 3389 to 0.0.0.0/0 or ::/0, exposing Remote Desktop to brute force and exploitation from anywhere.
# scope: package
# custom:
#   id: TG-AWS-0011
#   peer_ids:
#     trivy: [AVD-AWS-0107]
#     checkov: [CKV_AWS_25]
#     kics: [c9846969-d066-431f-9b34-8c4abafe422a, 151187cb-0efc-481c-babd-ad24e3c9bc22, 3ae83918-7ec7-4cb8-80db-b91ef0f94002]
#   severity: CRITICAL
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Restrict the rule's source to known CIDR ranges, a VPN or bastion security group, or use SSM Session Manager instead of opening the port.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.sg_open_rdp

import data.lib.aws

ports := {3389: "RDP"}

deny contains res if {
	some x in aws.open_ingress
	some port, service in ports
	aws.covers(x, port)
	res := aws.rule_res(sprintf("%s allows %s (%d) from %s (%s)", [aws.rid(x.r), service, port, x.cidr, aws.ports_text(x)]), x)
}
