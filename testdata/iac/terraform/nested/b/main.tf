variable "name" {}

resource "aws_s3_bucket" "x" {
  bucket = var.name
}
