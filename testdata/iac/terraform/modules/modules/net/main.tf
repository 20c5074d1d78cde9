variable "cidr" {}

resource "aws_security_group" "web" {
  count = 1
  name  = "web"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}

output "sg_id" {
  value = aws_security_group.web[0].id
}
