package tollgate.iac.dockerfile.copy_sensitive_file_test

import data.tollgate.iac.dockerfile.copy_sensitive_file as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "copy", "value": ["id_rsa", "/root/.ssh/id_rsa"], "flags": [], "original": "COPY id_rsa /root/.ssh/id_rsa", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "node:20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["node:20"], "flags": [], "original": "FROM node:20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "copy", "value": [".npmrc", ".env", "./"], "flags": [], "original": "COPY .npmrc .env ./", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_2 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "copy", "value": [".aws", "/root/.aws"], "flags": [], "original": "COPY .aws /root/.aws", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 4}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apk add --no-cache curl=8.9.1-r0"], "flags": [], "original": "RUN apk add --no-cache curl=8.9.1-r0", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}, {"cmd": "user", "value": ["10001"], "flags": [], "original": "USER 10001", "exec_form": false, "__loc": {"start_line": 3, "end_line": 3}}, {"cmd": "healthcheck", "value": ["CMD", "wget", "-q", "-O-", "http://localhost:8080/", "||", "exit", "1"], "flags": [], "original": "HEALTHCHECK CMD wget -q -O- http://localhost:8080/ || exit 1", "exec_form": false, "__loc": {"start_line": 4, "end_line": 4}}]}], "args": {}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 3}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "copy", "value": ["ca.pem", "/etc/ssl/certs/ca.pem"], "flags": [], "original": "COPY ca.pem /etc/ssl/certs/ca.pem", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}, {"cmd": "copy", "value": ["/app/server.key", "/x"], "flags": ["--from=build"], "original": "COPY --from=build /app/server.key /x", "exec_form": false, "__loc": {"start_line": 3, "end_line": 3}}]}], "args": {}}
	count(res) == 0
}
