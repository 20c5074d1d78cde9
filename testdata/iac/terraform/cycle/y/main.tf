module "x" {
  source = "../x"
}

resource "aws_s3_bucket" "y" {
  bucket = "y"
}
