# METADATA
# title: Load balancer access logging is disabled
# description: >-
#   Without access logs, requests that reached the load balancer cannot be
#   reviewed after an incident.
# scope: package
# custom:
#   id: TG-AWS-0099
#   peer_ids:
#     checkov: [CKV_AWS_91, CKV_AWS_92]
#     kics: [3e34db4f-0ad9-4290-bfd0-4a9ee884acaf, 20018359-6fd7-4d05-ab26-d4dffccbdf79]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add access_logs { enabled = true, bucket = ... } (attribute access_logs.s3.enabled = true; on a classic ELB an access_logs block, AccessLoggingPolicy with Enabled true).
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html, https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-access-logs.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.lb_access_logs

import data.lib.aws

deny contains res if {
	some t in ["aws_lb", "aws_alb"]
	some r in aws.tf(t)
	not aws.get(r.values, "load_balancer_type") == "gateway"
	v := aws.dig(r.values, ["access_logs", "enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("Load balancer %s does not enable access logs", [r.address]), r, ["access_logs", "enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElasticLoadBalancingV2::LoadBalancer"]
	not aws.get(r.Properties, "Type") == "gateway"
	attrs := aws.get(r.Properties, "LoadBalancerAttributes")
	not aws.unknown(attrs)
	not logs_on(aws.as_list(attrs))
	res := aws.res(sprintf("Load balancer %s does not enable access logs", [r.logical_id]), r)
}

logs_on(attrs) if {
	some a in attrs
	aws.get(a, "Key") == "access_logs.s3.enabled"
	not aws.is_false(aws.get(a, "Value"))
}

# The classic ELB: access_logs { bucket = ... } turns logging on (enabled
# defaults to true there, unlike aws_lb); no block or enabled = false is off.
deny contains res if {
	some r in aws.tf_index["aws_elb"]
	not aws.unknown(aws.get(r.values, "access_logs"))
	aws.no_block(r.values, "access_logs")
	res := aws.res(sprintf("Classic load balancer %s has no access_logs block", [r.address]), r)
}

deny contains res if {
	some r in aws.tf_index["aws_elb"]
	some b in aws.blocks(r.values, "access_logs")
	aws.is_false(aws.get(b, "enabled"))
	res := aws.res_path(sprintf("Classic load balancer %s does not enable access logs", [r.address]), r, ["access_logs", "enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElasticLoadBalancing::LoadBalancer"]
	policy := aws.get(r.Properties, "AccessLoggingPolicy")
	not aws.unknown(policy)
	not _unknown_item(policy)
	# dig steps into a list too: some templates write the policy as one
	v := aws.dig(r.Properties, ["AccessLoggingPolicy", "Enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("Classic load balancer %s does not enable access logs", [r.logical_id]), r, ["AccessLoggingPolicy", "Enabled"])
}

_unknown_item(policy) if {
	is_array(policy)
	some x in policy
	aws.unknown(x)
}
