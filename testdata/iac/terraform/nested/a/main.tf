variable "prefix" {}

module "b" {
  source = "../b"
  count  = 2
  name   = "${var.prefix}-${count.index}"
}
