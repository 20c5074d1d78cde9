package tollgate.iac.gitlab.curl_pipe_shell_test

import data.tollgate.iac.gitlab.curl_pipe_shell as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": ["build"], "build": {"script": ["curl -sSL https://example.com/i.sh | bash"]}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"image": "alpine:3.20", "stages": ["build"], "variables": {"GIT_DEPTH": "10"}, "build": {"stage": "build", "image": "golang:1.22.5", "script": ["go build ./..."]}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": ["build"], "build": {"script": ["curl -sSLo i.sh https://example.com/i.sh", "sha256sum -c i.sha256", "sh i.sh"]}}
	count(res) == 0
}
