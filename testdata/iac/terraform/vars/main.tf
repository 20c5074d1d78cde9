variable "region" {
  type    = string
  default = "us-east-1"
}

variable "env" {
  default = "dev"
}

variable "size" {
  type = number
}

variable "owner" {}

variable "extra" {
  default = "from-default"
}

variable "unset" {
  type = string
}

resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.${var.env}"
  tags = {
    Region = var.region
    Size   = var.size
    Owner  = var.owner
    Extra  = var.extra
  }
  user_data = var.unset
}
