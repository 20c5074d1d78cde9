# METADATA
# title: Application load balancer does not drop invalid HTTP headers
# description: >-
#   Forwarding requests with invalid header fields to targets enables HTTP
#   request smuggling and desync attacks.
# scope: package
# custom:
#   id: TG-AWS-0098
#   peer_ids:
#     trivy: [AVD-AWS-0052]
#     checkov: [CKV_AWS_131]
#     kics: [6e3fd2ed-5c83-4c68-9679-7700d224d379]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set drop_invalid_header_fields = true (attribute routing.http.drop_invalid_header_fields.enabled = true).
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes]
#   cwe: [CWE-444]
package tollgate.iac.aws.alb_drop_invalid_headers

import data.lib.aws

deny contains res if {
	some t in ["aws_lb", "aws_alb"]
	some r in aws.tf(t)
	aws.get(r.values, "load_balancer_type") in {null, "application"}
	v := aws.get(r.values, "drop_invalid_header_fields")
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_key(sprintf("Application load balancer %s does not drop invalid header fields", [r.address]), r, "drop_invalid_header_fields")
}

attr_on(attrs, key) if {
	some a in attrs
	aws.get(a, "Key") == key
	not aws.is_false(aws.get(a, "Value"))
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElasticLoadBalancingV2::LoadBalancer"]
	aws.get(r.Properties, "Type") in {null, "application"}
	attrs := aws.get(r.Properties, "LoadBalancerAttributes")
	not aws.unknown(attrs)
	not attr_on(aws.as_list(attrs), "routing.http.drop_invalid_header_fields.enabled")
	res := aws.res(sprintf("Application load balancer %s does not drop invalid header fields", [r.logical_id]), r)
}
