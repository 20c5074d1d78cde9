# METADATA
# title: Lambda function uses a deprecated runtime
# description: >-
#   The runtime no longer receives security patches from AWS; functions on it
#   keep known vulnerabilities in the language runtime and base image.
# scope: package
# custom:
#   id: TG-AWS-0107
#   peer_ids:
#     checkov: [CKV_AWS_363]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Move the function to a supported runtime version.
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated]
#   cwe: [CWE-1104]
package tollgate.iac.aws.lambda_deprecated_runtime

import data.lib.aws

deprecated := {
	"python2.7", "python3.6", "python3.7", "python3.8",
	"nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x",
	"dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6",
	"ruby2.5", "ruby2.7", "go1.x", "java8", "provided",
}

deny contains res if {
	some r in aws.tf_index["aws_lambda_function"]
	rt := aws.get(r.values, "runtime")
	rt in deprecated
	res := aws.res_key(sprintf("Lambda function %s uses the deprecated runtime %s", [r.address, rt]), r, "runtime")
}

deny contains res if {
	some t in ["AWS::Lambda::Function", "AWS::Serverless::Function"]
	some r in aws.cfn(t)
	rt := aws.get(r.Properties, "Runtime")
	rt in deprecated
	res := aws.res_key(sprintf("Lambda function %s uses the deprecated runtime %s", [r.logical_id, rt]), r, "Runtime")
}
