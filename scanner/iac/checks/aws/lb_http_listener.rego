# METADATA
# title: Load balancer listener serves plain HTTP
# description: >-
#   An HTTP listener that does not redirect to HTTPS serves the application
#   (cookies, tokens, form data) unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0096
#   peer_ids:
#     trivy: [AVD-AWS-0054]
#     checkov: [CKV_AWS_2]
#     kics: [275a3217-ca37-40c1-a6cf-bb57d245ab32, de7f5e83-da88-4046-871f-ea18504b1d43]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Redirect HTTP to HTTPS (default_action type redirect with protocol HTTPS, status HTTP_301) and serve the application on an HTTPS listener.
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html]
#   cwe: [CWE-319]
package tollgate.iac.aws.lb_http_listener

import data.lib.aws

# redirects_https: only a redirect whose protocol is HTTPS is the fix. An
# unset protocol defaults to #{protocol}, which keeps the request's
# protocol: on an HTTP listener that is a redirect to HTTP.
redirects_https(actions) if {
	some a in actions
	lower(aws.get(a, "type")) == "redirect"
	some rd in aws.blocks(a, "redirect")
	_https(aws.get(rd, "protocol"))
}

_https(p) if upper(p) == "HTTPS"

# serves_http: the listener's protocol is HTTP, or it is unset on the
# listener of an application load balancer, where HTTP is the default. An
# unset protocol whose load balancer cannot be found gives no finding (a
# Gateway Load Balancer listener has no protocol).
serves_http(r) if upper(aws.get(r.values, "protocol")) == "HTTP"

serves_http(r) if {
	aws.absent(r.values, "protocol")
	some t in ["aws_lb", "aws_alb"]
	some lb in aws.tf(t)
	aws.tf_refs(aws.get(r.values, "load_balancer_arn"), lb)
	_application(aws.get(lb.values, "load_balancer_type"))
}

_application(t) if t == null

_application(t) if t == "application"

unknown_actions(actions) if aws.unknown(actions)

unknown_actions(actions) if {
	some a in aws.as_list(actions)
	aws.unknown(a)
}

unknown_actions(actions) if {
	some a in aws.as_list(actions)
	aws.unknown(aws.get(a, "type"))
}

deny contains res if {
	some t in ["aws_lb_listener", "aws_alb_listener"]
	some r in aws.tf(t)
	serves_http(r)
	actions := aws.get(r.values, "default_action")
	not unknown_actions(actions)
	not redirects_https(aws.as_list(actions))
	res := aws.res_key(sprintf("Listener %s serves HTTP without redirecting to HTTPS", [r.address]), r, "protocol")
}

deny contains res if {
	some r in aws.tf_index["aws_elb"]
	some l in aws.blocks(r.values, "listener")
	lower(aws.get(l, "lb_protocol")) == "http"
	res := aws.res_at(sprintf("Classic load balancer %s has a plain HTTP listener", [r.address]), r, l)
}

cfn_redirects_https(actions) if {
	some a in actions
	lower(aws.get(a, "Type")) == "redirect"
	_https(aws.path(a, ["RedirectConfig", "Protocol"]))
}

cfn_serves_http(r) if upper(aws.get(r.Properties, "Protocol")) == "HTTP"

cfn_serves_http(r) if {
	aws.absent(r.Properties, "Protocol")
	some lb in aws.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer")
	aws.cfn_refs(aws.get(r.Properties, "LoadBalancerArn"), lb.logical_id)
	_application(aws.get(lb.Properties, "Type"))
}

cfn_unknown_actions(actions) if aws.unknown(actions)

cfn_unknown_actions(actions) if {
	some a in aws.as_list(actions)
	aws.unknown(a)
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElasticLoadBalancingV2::Listener"]
	cfn_serves_http(r)
	actions := aws.get(r.Properties, "DefaultActions")
	not cfn_unknown_actions(actions)
	not cfn_redirects_https(aws.as_list(actions))
	res := aws.res_key(sprintf("Listener %s serves HTTP without redirecting to HTTPS", [r.logical_id]), r, "Protocol")
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElasticLoadBalancing::LoadBalancer"]
	some l in aws.as_list(aws.get(r.Properties, "Listeners"))
	lower(aws.get(l, "Protocol")) == "http"
	res := aws.res_at(sprintf("Classic load balancer %s has a plain HTTP listener", [r.logical_id]), r, l)
}
