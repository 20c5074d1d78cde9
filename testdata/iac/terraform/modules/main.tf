module "net" {
  source = "./modules/net"
  cidr   = "0.0.0.0/0"
}

module "many" {
  source   = "./modules/sg"
  for_each = { a = 1, b = 2 }
  port     = each.value
}

module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

resource "aws_instance" "app" {
  ami             = "ami-1"
  security_groups = [module.net.sg_id]
  subnet          = module.remote.subnet_id
}
