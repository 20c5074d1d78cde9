resource "azurerm_storage_account" "logs" {
  https_traffic_only_enabled = false # want: TG-AZURE-0003
}
