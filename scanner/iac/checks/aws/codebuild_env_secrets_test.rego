package tollgate.iac.aws.codebuild_env_secrets_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.codebuild_env_secrets as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_codebuild_project", {"environment": [{"environment_variable": [{"name": "NPM_TOKEN", "value": "npm_FAKEFAKEFAKEFAKE"}]}]})
	count(c.deny) == 0 with input as t.tf("aws_codebuild_project", {"environment": [{"environment_variable": [{"name": "NPM_TOKEN", "value": "/ci/npm-token", "type": "PARAMETER_STORE"}]}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::CodeBuild::Project", {"Environment": {"EnvironmentVariables": [{"Name": "DOCKER_PASSWORD", "Value": "FakePassw0rdValue"}]}})
	count(c.deny) == 0 with input as t.cfn("AWS::CodeBuild::Project", {"Environment": {"EnvironmentVariables": [{"Name": "DOCKER_PASSWORD", "Type": "SECRETS_MANAGER", "Value": "docker:password"}]}})
}
