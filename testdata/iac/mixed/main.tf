variable "name" {
  type    = string
  default = "demo"
}

resource "aws_sqs_queue" "q" {
  name = var.name
}
