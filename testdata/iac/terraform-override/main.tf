# Every misconfiguration here comes from an override file (override.tf,
# dev_override.tf, kv_override.tf.json), merged the way terraform merges them.

variable "tls" {
  type    = string
  default = "TLS1_2"
}

locals {
  access = "private"
}

resource "azurerm_storage_account" "logs" {
  name                       = "shoplogs"
  resource_group_name        = "shop"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  min_tls_version            = var.tls # want: TG-AZURE-0004
  https_traffic_only_enabled = true

  network_rules {
    default_action = "Deny"
  }
}

resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  storage_account_name  = azurerm_storage_account.logs.name
  container_access_type = local.access # want: TG-AZURE-0002
}

resource "azurerm_key_vault" "kv" {
  name                          = "shop-kv"
  location                      = "westeurope"
  resource_group_name           = "shop"
  tenant_id                     = "00000000-0000-0000-0000-000000000000"
  sku_name                      = "standard"
  purge_protection_enabled      = false
  public_network_access_enabled = false
}
