resource "aws_instance" "web" {
  instance_type = "overridden"
}
