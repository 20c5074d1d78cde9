resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}

resource "aws_s3_bucket_public_access_block" "b" {
  bucket                  = aws_s3_bucket.b.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*"]
  }
}

resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.p.json
}

provider "aws" {
  region = "eu-west-1"
}

output "bucket" {
  value = aws_s3_bucket.b.bucket
}

resource "aws_iam_policy" "wild" {
  name = "wild"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = aws_s3_bucket.b.arn
    }]
  })
}
