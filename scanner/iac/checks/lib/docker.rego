# METADATA
# title: tollgate Dockerfile check library
# description: Stage, instruction and shell-command helpers for dockerfile documents.
# scope: package
package lib.docker

import data.lib.iac
import rego.v1

stages := object.get(input, "stages", [])

final_stage := s if {
	some s in stages
	s.final == true
}

stage_id(s) := s.name if s.name != ""

else := sprintf("stage%d", [s.index])

# instructions yields {"stage", "ins", "idx", "id"} for every instruction of
# every stage; "id" is the stable resource address "stage/N".
instructions := [{"stage": s, "ins": ins, "idx": i, "id": sprintf("%s/%d", [stage_id(s), i])} |
	some s in stages
	some i, ins in s.instructions
]

# cmds are the instructions of one type ("run", "env", ...).
cmds(cmd) := [x | some x in instructions; x.ins.cmd == cmd]

# final_cmds are the instructions of one type in the final stage.
final_cmds(cmd) := [x | some x in cmds(cmd); x.stage.final == true]

# text is an instruction's arguments as one string.
text(ins) := concat(" ", [sprintf("%v", [v]) | some v in ins.value])

# runs are the RUN instructions with their command text.
runs := [object.union(x, {"text": text(x.ins)}) | some x in cmds("run")]

final_runs := [r | some r in runs; r.stage.final == true]

# segments splits a shell command line into simple commands.
segments(t) := [trim_space(s) | some s in regex.split(`&&|\|\||;|\||\n`, t); trim_space(s) != ""]

# tokens splits a simple command into words, without quotes.
tokens(seg) := [trim(w, `"'`) | some w in split(seg, " "); w != ""]

# result locates a finding at an instruction.
result(msg, x) := iac.result_res(msg, x.ins, x.id)

# stage_result locates a finding at a whole stage.
stage_result(msg, s) := iac.result_res(msg, s, stage_id(s))

# uses_cache_mount is true when a RUN mounts a build cache, so package
# caches never reach the image.
uses_cache_mount(ins) if {
	some f in ins.flags
	contains(f, "type=cache")
}

# env_pairs yields [key, value] pairs of an ENV instruction (both the
# "ENV k=v k2=v2" and the legacy "ENV k v" forms parse to k, v, k2, v2).
env_pairs(ins) := [[ins.value[i], ins.value[i + 1]] |
	some i in numbers.range(0, count(ins.value) - 2)
	i % 2 == 0
]

# image_tag is the tag of an image reference ("" when none).
image_tag(img) := tag if {
	not contains(img, "@")
	parts := split(img, "/")
	seg := parts[count(parts) - 1]
	contains(seg, ":")
	ps := split(seg, ":")
	tag := ps[count(ps) - 1]
} else := ""

# external_base is true when a stage starts from a registry image (not
# scratch, not an earlier stage, not an unresolved build argument).
external_base(s) if {
	s.from_stage == false
	lower(s.base) != "scratch"
	not contains(s.base, "$")
	s.base != ""
}

_stage_parent[s.index] := [p.index |
	some p in stages
	s.from_stage == true
	lower(p.name) == lower(s.base)
	p.index < s.index
] if {
	some s in stages
}

# lineage is the stage followed by the stages it builds FROM, transitively
# (FROM <earlier stage> inherits USER, HEALTHCHECK, ENV, ...).
lineage(s) := [stages[i] | some i in graph.reachable(_stage_parent, {s.index})]
