locals {
  name    = "${local.prefix}-${upper(var.app)}"
  prefix  = lower("ACME")
  ports   = concat([22], [80, 443])
  tags    = merge({ Team = "core" }, { App = var.app })
  cidr    = cidrsubnet("10.0.0.0/16", 8, 2)
  joined  = join(",", split("-", "a-b-c"))
  cycle_a = local.cycle_b
  cycle_b = local.cycle_a
  doc     = jsonencode({ Version = "2012-10-17" })
  safe    = try(var.missing.attr, "fallback")
  lookup  = lookup({ a = "x" }, "b", "dflt")
  fmt     = format("%s:%d", "port", 8080)
  body    = file("${path.module}/policy.json")
}

variable "app" {
  default = "shop"
}

resource "aws_s3_bucket" "b" {
  bucket = local.name
  tags   = local.tags
}

resource "aws_security_group" "sg" {
  name        = local.joined
  description = local.fmt
  cidr        = local.cidr
  ports       = local.ports
  cyc         = local.cycle_a
  doc         = local.doc
  safe        = local.safe
  lk          = local.lookup
  policy      = jsondecode(local.body).Statement[0].Effect
  missing     = nosuchfunction("x")
}
