variable "names" {
  default = ["a", "b"]
}

resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-${count.index}"
  instance_type = "t3.micro"
}

resource "aws_s3_bucket" "each" {
  for_each = toset(var.names)
  bucket   = "bucket-${each.key}"
}

resource "aws_iam_user" "m" {
  for_each = { alice = "admin", bob = "dev" }
  name     = each.key
  path     = "/${each.value}/"
}

resource "aws_instance" "none" {
  count = 0
  ami   = "ami-0"
}

variable "n" {}

resource "aws_instance" "unknown_count" {
  count = var.n
  ami   = "ami-u"
}

resource "aws_eip" "ip" {
  count    = 2
  instance = aws_instance.web[count.index].id
}

resource "aws_s3_bucket_versioning" "v" {
  for_each = aws_s3_bucket.each
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}
