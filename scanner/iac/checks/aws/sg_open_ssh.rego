# METADATA
# title: Security group allows SSH from the internet
# description: >-
#   An ingress rule opens TCP port 22 to 0.0.0.0/0 or ::/0, exposing SSH to brute force and exploitation from anywhere.
# scope: package
# custom:
#   id: TG-AWS-0010
#   peer_ids:
#     trivy: [AVD-AWS-0107]
#     checkov: [CKV_AWS_24]
#     kics: [65905cec-d691-4320-b320-2000436cb696, 6e856af2-62d7-4ba2-adc1-73b62cef9cc1]
#   severity: CRITICAL
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Restrict the rule's source to known CIDR ranges, a VPN or bastion security group, or use SSM Session Manager instead of opening the port.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.sg_open_ssh

import data.lib.aws

ports := {22: "SSH"}

deny contains res if {
	some x in aws.open_ingress
	some port, service in ports
	aws.covers(x, port)
	res := aws.rule_res(sprintf("%s allows %s (%d) from %s (%s)", [aws.rid(x.r), service, port, x.cidr, aws.ports_text(x)]), x)
}
