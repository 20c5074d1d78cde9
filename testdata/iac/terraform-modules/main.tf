# A root module as users have it after `terraform init`: a registry module
# and a git module, of which only the registry one was downloaded.

module "storage" {
  source  = "Azure/storage-account/azurerm"
  version = "1.2.0"

  name    = "shoplogs"
  min_tls = "TLS1_0"
}

module "network" {
  source = "git::https://example.com/infra/network.git?ref=v2"
  cidr   = "10.0.0.0/16"
}

module "vault" {
  source = "./modules/kv"
  name   = "shop-kv"
}
