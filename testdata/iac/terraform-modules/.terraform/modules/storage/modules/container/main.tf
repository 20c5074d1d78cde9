variable "account" {
  type = string
}

resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  storage_account_name  = var.account
  container_access_type = "blob" # want: TG-AZURE-0002
}
