package lib.docker_test

import data.lib.docker
import rego.v1

doc := {"stages": [
	{"name": "build", "index": 0, "base": "golang:1.22", "final": false, "from_stage": false, "instructions": [
		{"cmd": "from", "value": ["golang:1.22", "AS", "build"], "flags": []},
		{"cmd": "run", "value": ["apt-get update && apt-get install -y curl; echo hi | tee x"], "flags": ["--mount=type=cache,target=/var/cache/apt"]},
	]},
	{"name": "", "index": 1, "base": "alpine:3.20", "final": true, "from_stage": false, "instructions": [
		{"cmd": "env", "value": ["A", "1", "B", "2"], "flags": []},
	]},
]}

test_stages if {
	docker.final_stage.index == 1 with input as doc
	docker.stage_id(doc.stages[1]) == "stage1"
	count(docker.instructions) == 3 with input as doc
	count(docker.runs) == 1 with input as doc
	count(docker.final_runs) == 0 with input as doc
	docker.runs[0].id == "build/1" with input as doc
}

test_segments if {
	docker.segments("apt-get update && apt-get install -y curl; echo hi | tee x") == ["apt-get update", "apt-get install -y curl", "echo hi", "tee x"]
	docker.tokens(`pip  install "a==1"`) == ["pip", "install", "a==1"]
}

test_env_pairs if {
	docker.env_pairs(doc.stages[1].instructions[0]) == [["A", "1"], ["B", "2"]]
}

test_cache_mount if {
	docker.uses_cache_mount(doc.stages[0].instructions[1])
}

test_image_tag if {
	docker.image_tag("alpine:3.20") == "3.20"
	docker.image_tag("localhost:5000/alpine") == ""
	docker.image_tag("alpine@sha256:00") == ""
}

test_lineage if {
	d := {"stages": [
		{"name": "a", "index": 0, "base": "alpine:3", "from_stage": false, "final": false, "instructions": []},
		{"name": "b", "index": 1, "base": "a", "from_stage": true, "final": false, "instructions": []},
		{"name": "", "index": 2, "base": "b", "from_stage": true, "final": true, "instructions": []},
	]}
	count(docker.lineage(d.stages[2])) == 3 with input as d
	count(docker.lineage(d.stages[0])) == 1 with input as d
}
