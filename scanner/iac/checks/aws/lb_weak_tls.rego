# METADATA
# title: Load balancer listener allows TLS versions below 1.2
# description: >-
#   The listener's security policy (explicitly, or the API default
#   ELBSecurityPolicy-2016-08 when none is set) accepts TLS 1.0 or 1.1, which
#   are deprecated and weak.
# scope: package
# custom:
#   id: TG-AWS-0097
#   peer_ids:
#     trivy: [AVD-AWS-0047]
#     checkov: [CKV_AWS_103]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set ssl_policy (SslPolicy) to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html]
#   cwe: [CWE-326]
package tollgate.iac.aws.lb_weak_tls

import data.lib.aws

strong(p) if regex.match(`TLS13-1-[23]|TLS-1-2|FS-1-2`, p)

deny contains res if {
	some t in ["aws_lb_listener", "aws_alb_listener"]
	some r in aws.tf(t)
	aws.get(r.values, "protocol") in {"HTTPS", "TLS"}
	p := aws.get(r.values, "ssl_policy")
	is_string(p)
	not strong(p)
	res := aws.res_key(sprintf("Listener %s uses the weak TLS policy %s", [r.address, p]), r, "ssl_policy")
}

deny contains res if {
	some t in ["aws_lb_listener", "aws_alb_listener"]
	some r in aws.tf(t)
	aws.get(r.values, "protocol") in {"HTTPS", "TLS"}
	aws.absent(r.values, "ssl_policy")
	res := aws.res_key(sprintf("Listener %s sets no ssl_policy (the default ELBSecurityPolicy-2016-08 allows TLS 1.0)", [r.address]), r, "protocol")
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElasticLoadBalancingV2::Listener"]
	aws.get(r.Properties, "Protocol") in {"HTTPS", "TLS"}
	p := aws.get(r.Properties, "SslPolicy")
	is_string(p)
	not strong(p)
	res := aws.res_key(sprintf("Listener %s uses the weak TLS policy %s", [r.logical_id, p]), r, "SslPolicy")
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElasticLoadBalancingV2::Listener"]
	aws.get(r.Properties, "Protocol") in {"HTTPS", "TLS"}
	aws.absent(r.Properties, "SslPolicy")
	res := aws.res_key(sprintf("Listener %s sets no SslPolicy (the default ELBSecurityPolicy-2016-08 allows TLS 1.0)", [r.logical_id]), r, "Protocol")
}
