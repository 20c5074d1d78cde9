# Annotations with peer ids that tollgate's checks no longer carry
# (scanner/iac/testdata/peer-ids/dropped.tsv) silence nothing; the same
# annotation still silences the check that carries the id (tollgate test
# fixture).

# AVD-AWS-0107 is trivy's SSH/RDP check, not TG-AWS-0012 (database ports).
#trivy:ignore:AVD-AWS-0107
resource "aws_security_group" "postgres" {
  ingress { # want: TG-AWS-0120
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # want: TG-AWS-0012
  }
}

# TG-AWS-0010 (SSH) carries AVD-AWS-0107: silenced.
#trivy:ignore:AVD-AWS-0107
resource "aws_security_group" "ssh" {
  ingress { # want: TG-AWS-0120
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# CKV_AWS_120 is checkov's "caching enabled" check, not TG-AWS-0125 (a
# cache that is not encrypted).
resource "aws_api_gateway_method_settings" "all" {
  # checkov:skip=CKV_AWS_120: the caching check, which this is not
  rest_api_id = "abc123"
  stage_name  = "prod"
  method_path = "*/*"
  settings { # want: TG-AWS-0125
    caching_enabled = true
  }
}
