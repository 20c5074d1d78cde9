# Deliberately insecure Azure configuration: every resource here must be reported.
variable "location" {
  default = "westeurope"
}

variable "rules" {
  default = {
    ssh = { priority = 100, port = "22" }
    app = { priority = 110, port = "8080" }
  }
}

resource "azurerm_storage_account" "sa" {
  name                            = "demostorage"
  location                        = var.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  https_traffic_only_enabled      = false
  min_tls_version                 = "TLS1_0"
  allow_nested_items_to_be_public = true
  network_rules {
    default_action = "Allow"
  }
}

resource "azurerm_storage_container" "c" {
  name                  = "c"
  storage_account_name  = azurerm_storage_account.sa.name
  container_access_type = "container"
}

resource "azurerm_network_security_group" "nsg" {
  name     = "nsg"
  location = var.location

  dynamic "security_rule" {
    for_each = var.rules
    content {
      name                       = security_rule.key
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_address_prefix      = "*"
      source_port_range          = "*"
      destination_address_prefix = "*"
      destination_port_range     = security_rule.value.port
    }
  }
}

resource "azurerm_network_security_rule" "sql" {
  name                        = "sql"
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "Internet"
  source_port_range           = "*"
  destination_port_range      = "1433"
  destination_address_prefix  = "*"
  network_security_group_name = azurerm_network_security_group.nsg.name
}

resource "azurerm_mssql_server" "sql" {
  name                = "sql"
  version             = "12.0"
  minimum_tls_version = "1.0"
}

resource "azurerm_mssql_firewall_rule" "all" {
  name             = "all"
  server_id        = azurerm_mssql_server.sql.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_mssql_database" "db" {
  name                                = "db"
  server_id                           = azurerm_mssql_server.sql.id
  transparent_data_encryption_enabled = false
}

resource "azurerm_key_vault" "kv" {
  name      = "kv"
  sku_name  = "standard"
  tenant_id = "00000000-0000-0000-0000-000000000000"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                              = "aks"
  dns_prefix                        = "aks"
  role_based_access_control_enabled = false
  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}

resource "azurerm_linux_web_app" "app" {
  name       = "app"
  https_only = false
  site_config {
    minimum_tls_version      = "1.0"
    ftps_state               = "AllAllowed"
    remote_debugging_enabled = true
  }
}

resource "azurerm_container_registry" "acr" {
  name          = "acr"
  sku           = "Basic"
  admin_enabled = true
}

resource "azurerm_postgresql_server" "pg" {
  name                             = "pg"
  sku_name                         = "B_Gen5_1"
  version                          = "11"
  ssl_enforcement_enabled          = false
  ssl_minimal_tls_version_enforced = "TLS1_0"
}

resource "azurerm_cosmosdb_account" "cosmos" {
  name       = "cosmos"
  offer_type = "Standard"
}

resource "azurerm_linux_virtual_machine" "vm" {
  name                            = "vm"
  size                            = "Standard_B1s"
  admin_username                  = "azureuser"
  disable_password_authentication = false
}

resource "azurerm_redis_cache" "redis" {
  name                 = "redis"
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  non_ssl_port_enabled = true
}
