variable "port" {}

resource "aws_security_group_rule" "r" {
  type      = "ingress"
  from_port = var.port
  to_port   = var.port
}
