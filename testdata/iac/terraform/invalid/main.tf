resource "aws_s3_bucket" "b" {
  bucket = "ok"
}

resource "aws_s3_bucket" "c" {
  bucket = 
}
