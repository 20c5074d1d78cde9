package lib.aws_test

import data.lib.aws

# Fixture constructors shared by the AWS check tests.

loc(s, e) := {"path": "main.tf", "start_line": s, "end_line": e}

# tfr: a Terraform managed resource named "this" (or name) at lines 1-20.
tfr(t, values) := tfrn(t, "this", values)

tfrn(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]),
	"mode": "managed",
	"type": t,
	"name": name,
	"module": "",
	"index": null,
	"values": object.union({"__loc": loc(1, 20)}, values),
	"__loc": loc(1, 20),
}

tfd(t, name, values) := {
	"address": sprintf("data.%s.%s", [t, name]),
	"mode": "data",
	"type": t,
	"name": name,
	"module": "",
	"index": null,
	"values": object.union({"__loc": loc(30, 40)}, values),
	"__loc": loc(30, 40),
}

# tf: a terraform document with one resource.
tf(t, values) := {"resources": [tfr(t, values)]}

tfdoc(rs) := {"resources": rs}

ref(addr) := {"__ref": addr, "__unknown": true}

unknown := {"__unknown": true}

# cfn: a CloudFormation template with one resource "Res" at lines 3-30.
cfn(t, props) := {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Res": cfnr(t, props)}}

cfnr(t, props) := {"Type": t, "Properties": object.union({"__loc": {"start_line": 5, "end_line": 30}}, props), "__loc": {"start_line": 3, "end_line": 30}}

cfndoc(rs) := {"AWSTemplateFormatVersion": "2010-09-09", "Resources": rs}

# ---------------------------------------------------------------------------
# library tests

test_unknown if {
	aws.unknown({"__unknown": true})
	aws.unknown({"Ref": "AWS::Region"})
	aws.unknown({"Fn::If": ["C", 1, 2]})
	not aws.unknown({"Effect": "Allow"})
	not aws.unknown("x")
}

test_not_true if {
	aws.not_true({"a": false}, "a")
	aws.not_true({"a": "false"}, "a")
	aws.not_true({}, "a")
	not aws.not_true({"a": true}, "a")
	not aws.not_true({"a": {"__unknown": true}}, "a")
	not aws.not_true({"__unknown": true}, "a")
}

test_statements_json_string if {
	sts := aws.statements(`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)
	count(sts) == 1
	aws.has_full_wildcard_action(sts[0])
	aws.has_wildcard_resource(sts[0])
}

test_statements_public_principal if {
	sts := aws.statements({"Statement": {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}, "Action": "s3:GetObject"}})
	aws.public_statement(sts[0])
	sts2 := aws.statements({"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}})
	not aws.public_statement(sts2[0])
}

test_statements_data_source if {
	sts := aws.statements(ref("data.aws_iam_policy_document.p")) with input as tfdoc([tfd("aws_iam_policy_document", "p", {"statement": [{"actions": ["s3:*"], "resources": ["*"], "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}], "effect": "Deny"}]})])
	count(sts) == 1
	aws.tls_deny(sts[0])
}

test_unknown_policy_has_no_statements if {
	count(aws.statements(unknown)) == 0
	not aws.resolvable(unknown)
}

test_open_ingress_ports if {
	doc := tf("aws_security_group", {"ingress": [{"from_port": 20, "to_port": 25, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]})
	rules := aws.open_ingress with input as doc
	count(rules) == 1
	some x in rules
	aws.covers(x, 22)
	not aws.covers(x, 3389)
}

test_open_ingress_unknown_port_ignored if {
	doc := tf("aws_security_group", {"ingress": [{"from_port": unknown, "to_port": 25, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]})
	count(aws.open_ingress) == 0 with input as doc
}

test_cfn_refs if {
	aws.cfn_refs({"Ref": "B"}, "B")
	aws.cfn_refs({"Fn::GetAtt": ["B", "Arn"]}, "B")
	aws.cfn_refs({"Fn::Sub": "arn:aws:s3:::${B}/*"}, "B")
	not aws.cfn_refs({"Ref": "C"}, "B")
}

test_tf_refs_index if {
	aws.tf_refs(ref("aws_s3_bucket.b"), {"address": "aws_s3_bucket.b[0]", "values": {}})
	not aws.tf_refs(ref("aws_s3_bucket.c"), {"address": "aws_s3_bucket.b", "values": {}})
}
