# METADATA
# title: Resource policy allows access to anyone
# description: >-
#   A resource-based policy (SQS queue, SNS topic, ECR repository, Secrets
#   Manager secret, OpenSearch domain, EFS file system, Glacier vault, Backup
#   vault) allows Principal "*" without any condition, opening the resource
#   to every AWS account or to anonymous callers.
# scope: package
# custom:
#   id: TG-AWS-0029
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Name the principals (accounts, roles, services) allowed, or restrict the statement with conditions such as aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.resource_policy_public

import data.lib.aws

tf_sources := {
	"aws_sqs_queue": "policy", "aws_sqs_queue_policy": "policy",
	"aws_sns_topic": "policy", "aws_sns_topic_policy": "policy",
	"aws_ecr_repository_policy": "policy",
	"aws_secretsmanager_secret": "policy", "aws_secretsmanager_secret_policy": "policy",
	"aws_opensearch_domain": "access_policies", "aws_opensearch_domain_policy": "access_policies",
	"aws_elasticsearch_domain": "access_policies", "aws_elasticsearch_domain_policy": "access_policies",
	"aws_efs_file_system_policy": "policy", "aws_glacier_vault": "access_policy",
	"aws_backup_vault_policy": "policy", "aws_ecr_registry_policy": "policy",
}

cfn_sources := {
	"AWS::SQS::QueuePolicy": "PolicyDocument", "AWS::SNS::TopicPolicy": "PolicyDocument",
	"AWS::ECR::Repository": "RepositoryPolicyText", "AWS::SecretsManager::ResourcePolicy": "ResourcePolicy",
	"AWS::OpenSearchService::Domain": "AccessPolicies", "AWS::Elasticsearch::Domain": "AccessPolicies",
	"AWS::EFS::FileSystem": "FileSystemPolicy", "AWS::Backup::BackupVault": "AccessPolicy",
}

deny contains res if {
	some t, key in tf_sources
	some r in aws.tf(t)
	some st in aws.statements(aws.get(r.values, key))
	aws.public_statement(st)
	res := aws.stmt_res(sprintf("%s policy allows %v to anyone without a condition", [r.address, st.actions]), r, key, st)
}

deny contains res if {
	some t, key in cfn_sources
	some r in aws.cfn(t)
	some st in aws.statements(aws.get(r.Properties, key))
	aws.public_statement(st)
	res := aws.stmt_res(sprintf("%s policy allows %v to anyone without a condition", [r.logical_id, st.actions]), r, key, st)
}
