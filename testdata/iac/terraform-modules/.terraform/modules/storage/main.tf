variable "name" {
  type = string
}

variable "min_tls" {
  type    = string
  default = "TLS1_2"
}

resource "azurerm_storage_account" "this" {
  name                       = var.name
  resource_group_name        = "shop"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  min_tls_version            = var.min_tls # want: TG-AZURE-0004
  https_traffic_only_enabled = true
}

module "containers" {
  source  = "./modules/container"
  account = azurerm_storage_account.this.name
}
