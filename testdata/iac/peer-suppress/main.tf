# Inline suppressions in the forms of trivy, checkov and KICS (tollgate test
# fixture). Each annotated resource is silenced; the twin at the end is not.

#trivy:ignore:AVD-AWS-0107
resource "aws_security_group" "trivy_long" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "trivy_short" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # trivy:ignore:aws-0107
  }
}

resource "aws_security_group" "checkov" {
  # checkov:skip=CKV_AWS_24: the bastion is reached through a VPN only
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# kics-scan ignore-block
resource "aws_security_group" "kics" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_s3_bucket" "checkov" {
  # checkov:skip=CKV_AWS_21:versioning is not needed for this cache
  # checkov:skip=CKV_AWS_18
  # checkov:skip=CKV_AWS_19
  # checkov:skip=CKV_AWS_145
  bucket = "cache"
}

resource "aws_security_group" "twin" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_s3_bucket" "twin" {
  bucket = "twin"
}
