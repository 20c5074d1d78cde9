module "a" {
  source = "./a"
  prefix = "app"
}
