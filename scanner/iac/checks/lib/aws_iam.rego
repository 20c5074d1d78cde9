# lib.aws: AWS IAM policy helpers
# Normalises IAM policy documents from every source (JSON strings,
# jsonencode objects, aws_iam_policy_document data sources, CloudFormation
# PolicyDocument objects) into one statement shape.
package lib.aws

# A normalised statement:
#   {"effect": "Allow"|"Deny", "actions": [...], "not_actions": [...],
#    "resources": [...], "not_resources": [...], "has_principal": bool,
#    "principals": [{"type": "AWS", "id": "*"}...], "conditions": [{"test",
#    "variable", "values"}...], "obj": the source object (for locations)}

# policy_doc decodes a policy value; undefined when it is unknown.
policy_doc(v) := d if {
	is_string(v)
	json.is_valid(v)
	d := json.unmarshal(v)
	is_object(d)
} else := v if {
	is_object(v)
	not unknown(v)
}

# data_doc returns the aws_iam_policy_document data source a value refers to.
data_doc(v) := data_docs[v.__ref] if {
	is_object(v)
	is_string(v.__ref)
} else := ds[0] if {
	is_object(v)
	is_string(v.__ref)
	ds := [d | some d in data_doc_list; strip_index(d.address) == v.__ref]
	count(ds) > 0
}

data_doc_list := [d |
	some d in object.get(input, "resources", [])
	d.mode == "data"
	d.type == "aws_iam_policy_document"
]

# data_docs indexes the aws_iam_policy_document data sources by address.
data_docs := {d.address: d | some d in data_doc_list}

# statements returns the normalised statements of a policy value (JSON
# string, object or reference to an aws_iam_policy_document).
statements(v) := [json_stmt(s) | some s in as_list(policy_doc(v).Statement); is_object(s)] if {
	policy_doc(v)
} else := data_statements(data_doc(v)) if {
	data_doc(v)
} else := []

# resolvable: the policy value is fully known (a decoded document, or a data
# document without merged source documents).
resolvable(v) if policy_doc(v)

resolvable(v) if {
	d := data_doc(v)
	absent(d.values, "source_policy_documents")
	absent(d.values, "override_policy_documents")
	absent(d.values, "source_json")
	absent(d.values, "override_json")
}

data_statements(d) := [tf_stmt(b) | some b in blocks(d.values, "statement")]

json_stmt(s) := {
	"effect": object.get(s, "Effect", ""),
	"actions": as_list(object.get(s, "Action", null)),
	"not_actions": as_list(object.get(s, "NotAction", null)),
	"resources": as_list(object.get(s, "Resource", null)),
	"not_resources": as_list(object.get(s, "NotResource", null)),
	"has_principal": object.get(s, "Principal", null) != null,
	"principals": json_principals(object.get(s, "Principal", null)),
	"conditions": json_conditions(object.get(s, "Condition", null)),
	"obj": s,
}

json_principals(p) := [{"type": "*", "id": "*"}] if p == "*" else := [{"type": t, "id": id} |
	is_object(p)
	some t, ids in p
	not startswith(t, "__")
	some id in as_list(ids)
]

json_conditions(c) := [{"test": test, "variable": var, "values": as_list(vals)} |
	is_object(c)
	some test, body in c
	not startswith(test, "__")
	is_object(body)
	some var, vals in body
	not startswith(var, "__")
] if {
	not unknown(c)
} else := [{"test": "__unknown", "variable": "", "values": []}] if c != null else := []

tf_stmt(b) := {
	"effect": stmt_effect(b),
	"actions": as_list(get(b, "actions")),
	"not_actions": as_list(get(b, "not_actions")),
	"resources": as_list(get(b, "resources")),
	"not_resources": as_list(get(b, "not_resources")),
	"has_principal": count(blocks(b, "principals")) + count(blocks(b, "not_principals")) > 0,
	"principals": [{"type": p.type, "id": id} | some p in blocks(b, "principals"); some id in as_list(get(p, "identifiers"))],
	"conditions": [{"test": c.test, "variable": c.variable, "values": as_list(get(c, "values"))} | some c in blocks(b, "condition")],
	"obj": b,
}

stmt_effect(b) := "Allow" if get(b, "effect") == null else := get(b, "effect")

allow(st) if st.effect == "Allow"

# Actions and principals

# action_matches: an action pattern (with * and ?) grants the concrete action.
action_matches(pattern, action) if {
	is_string(pattern)
	glob.match(lower(pattern), [], lower(action))
}

full_wildcard(a) if a in {"*", "*:*"}

has_full_wildcard_action(st) if {
	some a in st.actions
	full_wildcard(a)
}

has_wildcard_resource(st) if "*" in st.resources

# public_principal: the statement applies to anyone.
public_principal(st) if {
	some p in st.principals
	p.id == "*"
	p.type in {"*", "AWS"}
}

no_conditions(st) if count(st.conditions) == 0

# public_statement: Allow to anyone without any condition.
public_statement(st) if {
	allow(st)
	public_principal(st)
	no_conditions(st)
}

# tls_deny: a Deny statement on aws:SecureTransport = false.
tls_deny(st) if {
	st.effect == "Deny"
	some c in st.conditions
	lower(c.variable) == "aws:securetransport"
	lower(c.test) in {"bool", "boolifexists"}
	some v in c.values
	is_false(v)
}

# tls_deny_statement also accepts a Deny of aws:TlsVersion below 1.2.
tls_deny(st) if {
	st.effect == "Deny"
	some c in st.conditions
	lower(c.variable) == "s3:tlsversion"
	startswith(lower(c.test), "numericlessthan")
}

# statement result: at the statement when it has a location, else at key.
stmt_res(msg, r, key, st) := res_at(msg, r, st.obj) if {
	st.obj.__loc.start_line
} else := res_key(msg, r, key)

# ---------------------------------------------------------------------------
# Policy sources: every place an identity policy (permissions) is written.
# Each item: {"r": resource, "key": attribute key, "value": policy value}.

tf_permission_sources contains {"r": r, "key": "policy", "value": r.values.policy} if {
	some t in {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}
	some r in tf(t)
	not data_doc(r.values.policy)
}

tf_permission_sources contains {"r": r, "key": "inline_policy", "value": b.policy} if {
	some r in tf("aws_iam_role")
	some b in blocks(r.values, "inline_policy")
	not data_doc(b.policy)
}

# data sources are checked where they are written (once), whatever uses them,
# except those used only as trust policies.
tf_permission_sources contains {"r": d, "key": "statement", "value": {"__ref": d.address, "__unknown": true}} if {
	some d in input.resources
	d.mode == "data"
	d.type == "aws_iam_policy_document"
	not only_trust(d)
}

only_trust(d) if {
	some st in data_statements(d)
	st.has_principal
}

cfn_permission_sources contains {"r": r, "key": "PolicyDocument", "value": r.Properties.PolicyDocument} if {
	some t in {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy"}
	some r in cfn(t)
}

cfn_permission_sources contains {"r": r, "key": "Policies", "value": p.PolicyDocument} if {
	some t in {"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"}
	some r in cfn(t)
	some p in as_list(get(r.Properties, "Policies"))
	is_object(p)
}

# SAM functions: Policies entries that are inline policy documents
cfn_permission_sources contains {"r": r, "key": "Policies", "value": p} if {
	some r in cfn("AWS::Serverless::Function")
	some p in as_list(get(r.Properties, "Policies"))
	is_object(p)
	get(p, "Statement") != null
}

permission_sources := tf_permission_sources | cfn_permission_sources

# permission_statements: {"r", "key", "st"} for every permission statement.
permission_statements contains {"r": s.r, "key": s.key, "st": st} if {
	some s in permission_sources
	some st in statements(s.value)
}
