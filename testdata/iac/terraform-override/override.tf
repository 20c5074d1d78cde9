variable "tls" {
  default = "TLS1_0"
}

locals {
  access = "blob"
}

resource "azurerm_storage_account" "logs" {
  network_rules {
    default_action = "Allow" # want: TG-AZURE-0005
  }
}
