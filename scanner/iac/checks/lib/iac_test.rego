package lib.iac_test

import data.lib.iac
import rego.v1

obj := {
	"address": "aws_s3_bucket.b",
	"acl": "private",
	"__loc": {"path": "main.tf", "start_line": 3, "end_line": 9},
	"__keys": {"acl": {"start_line": 5, "end_line": 5}},
}

test_result if {
	iac.result("m", obj) == {"msg": "m", "resource": "aws_s3_bucket.b", "start_line": 3, "end_line": 9, "block_start": 3, "path": "main.tf"}
}

test_result_res if {
	r := iac.result_res("m", {"__loc": {"start_line": 2, "end_line": 4}}, "Pod/default/x")
	r == {"msg": "m", "resource": "Pod/default/x", "start_line": 2, "end_line": 4, "block_start": 2}
}

test_result_key_present if {
	r := iac.result_key("m", obj, "acl", "x")
	r.start_line == 5
	r.end_line == 5
	r.path == "main.tf"
	r.block_start == 3
}

test_result_key_missing_falls_back if {
	r := iac.result_key("m", obj, "versioning", "x")
	r.start_line == 3
	r.end_line == 9
}

test_result_without_loc if {
	iac.result("m", {}) == {"msg": "m", "resource": "", "start_line": 0, "end_line": 0, "block_start": 0}
}

test_unknown if {
	iac.is_unknown({"__unknown": true})
	not iac.is_unknown("x")
	not iac.known({"__unknown": true})
	not iac.known(null)
	iac.known(false)
}

test_truthy if {
	iac.is_true(true)
	iac.is_true("true")
	not iac.is_true({"__unknown": true})
	iac.is_false("False")
	not iac.is_false(null)
}

test_open_cidr if {
	iac.open_cidr("0.0.0.0/0")
	iac.open_cidr("::/0")
	iac.open_cidr("Internet")
	iac.open_cidr("*")
	not iac.open_cidr("10.0.0.0/8")
	not iac.open_cidr({"__unknown": true})
}

test_has_key_and_get if {
	iac.has_key({"a": null}, "a")
	not iac.has_key({"a": 1}, "b")
	iac.get({"a": null}, "a", 7) == 7
	iac.get({"a": 1}, "a", 7) == 1
}

test_as_list if {
	iac.as_list("a") == ["a"]
	iac.as_list(["a"]) == ["a"]
	iac.as_list(null) == []
}

tf := {"resources": [
	{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "values": {"bucket": "logs"}},
	{"address": "module.m.aws_s3_bucket.c[0]", "mode": "managed", "type": "aws_s3_bucket", "name": "c", "values": {}},
	{"address": "data.aws_s3_bucket.d", "mode": "data", "type": "aws_s3_bucket", "name": "d", "values": {}},
]}

test_resources if {
	rs := iac.resources("aws_s3_bucket") with input as tf
	count(rs) == 2
	ds := iac.data_sources("aws_s3_bucket") with input as tf
	count(ds) == 1
}

test_references if {
	iac.references({"__ref": "aws_s3_bucket.b", "__unknown": true}, tf.resources[0])
	iac.references({"__ref": "module.m.aws_s3_bucket.c", "__unknown": true}, tf.resources[1])
	iac.references("logs", tf.resources[0])
	not iac.references("other", tf.resources[0])
	not iac.references({"__ref": "aws_s3_bucket.x", "__unknown": true}, tf.resources[0])
	iac.references({"Ref": "B"}, {"logical_id": "B"})
}

test_cfn_resources if {
	doc := {"Resources": {
		"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "x"}, "__loc": {"start_line": 2, "end_line": 5}},
		"C": {"Type": "AWS::S3::Bucket", "__loc": {"start_line": 6, "end_line": 7}},
		"Q": {"Type": "AWS::SQS::Queue"},
	}}
	rs := iac.cfn_resources("AWS::S3::Bucket") with input as doc
	count(rs) == 2
	some r in rs
	r.logical_id == "C"
	r.Properties.__loc.start_line == 6
	iac.result("m", r).resource == "C"
}
