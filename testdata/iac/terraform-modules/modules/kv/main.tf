variable "name" {
  type = string
}

resource "azurerm_key_vault" "this" {
  name                          = var.name
  location                      = "westeurope"
  resource_group_name           = "shop"
  tenant_id                     = "00000000-0000-0000-0000-000000000000"
  sku_name                      = "standard"
  purge_protection_enabled      = true
  public_network_access_enabled = false
}
