variable "ingress_rules" {
  type = list(object({
    from_port   = number
    to_port     = number
    cidr_blocks = optional(list(string), ["10.0.0.0/8"])
    description = optional(string)
  }))
  default = [
    { from_port = 443, to_port = 443, cidr_blocks = ["0.0.0.0/0"] },
    { from_port = 5432, to_port = 5432 },
  ]
}
variable "create" {
  type    = bool
  default = true
}
locals {
  names = { for i, r in var.ingress_rules : "rule-${i}" => r }
  enabled = var.create && length(var.ingress_rules) > 0
}
resource "aws_security_group" "this" {
  count = local.enabled ? 1 : 0
  name_prefix = "sg-"
  dynamic "ingress" {
    for_each = var.ingress_rules
    content {
      from_port   = ingress.value.from_port
      to_port     = ingress.value.to_port
      protocol    = "tcp"
      cidr_blocks = lookup(ingress.value, "cidr_blocks", null)
      description = try(ingress.value.description, "none")
    }
  }
  tags = merge({ Name = "x" }, { for k, v in local.names : k => tostring(v.from_port) })
}
resource "aws_security_group_rule" "r" {
  for_each          = local.names
  type              = "ingress"
  security_group_id = aws_security_group.this[0].id
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  protocol          = "tcp"
  cidr_blocks       = each.value.cidr_blocks
}
