# METADATA
# title: Security group allows a database or admin port from the internet
# description: >-
#   An ingress rule opens a database, cache or remote administration port (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, Memcached, Elasticsearch, Cassandra, Redshift, Telnet, FTP, VNC, SMB, WinRM, Docker, Kubernetes API, etcd) to 0.0.0.0/0 or ::/0.
# scope: package
# custom:
#   id: TG-AWS-0012
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Restrict the rule's source to known CIDR ranges, a VPN or bastion security group, or use SSM Session Manager instead of opening the port.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.sg_open_database

import data.lib.aws

ports := {21: "FTP", 23: "Telnet", 445: "SMB", 1433: "SQL Server", 1521: "Oracle", 2375: "Docker API", 2376: "Docker API", 2379: "etcd", 3306: "MySQL", 5432: "PostgreSQL", 5439: "Redshift", 5900: "VNC", 5985: "WinRM", 5986: "WinRM", 6379: "Redis", 6443: "Kubernetes API", 7000: "Cassandra", 9042: "Cassandra", 9200: "Elasticsearch", 9300: "Elasticsearch", 11211: "Memcached", 27017: "MongoDB"}

deny contains res if {
	some x in aws.open_ingress
	some port, service in ports
	aws.covers(x, port)
	res := aws.rule_res(sprintf("%s allows %s (%d) from %s (%s)", [aws.rid(x.r), service, port, x.cidr, aws.ports_text(x)]), x)
}
