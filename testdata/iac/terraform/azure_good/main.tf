# Hardened Azure configuration: nothing here may be reported by the Azure checks.
variable "location" {
  default = "westeurope"
}

variable "admin_cidr" {}

resource "azurerm_storage_account" "sa" {
  name                            = "demostorage"
  location                        = var.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }
}

resource "azurerm_storage_container" "c" {
  name                  = "c"
  storage_account_name  = azurerm_storage_account.sa.name
  container_access_type = "private"
}

resource "azurerm_network_security_group" "nsg" {
  name     = "nsg"
  location = var.location

  security_rule {
    name                       = "https"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "443"
  }

  security_rule {
    name                       = "ssh-admin"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = var.admin_cidr
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "22"
  }

  security_rule {
    name                       = "deny-all"
    priority                   = 4096
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "*"
  }
}

resource "azurerm_mssql_server" "sql" {
  name                          = "sql"
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}

resource "azurerm_mssql_server_extended_auditing_policy" "audit" {
  server_id         = azurerm_mssql_server.sql.id
  retention_in_days = 90
}

resource "azurerm_mssql_firewall_rule" "azure_services" {
  name             = "azure"
  server_id        = azurerm_mssql_server.sql.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}

resource "azurerm_mssql_database" "db" {
  name      = "db"
  server_id = azurerm_mssql_server.sql.id
}

resource "azurerm_key_vault" "kv" {
  name                       = "kv"
  sku_name                   = "standard"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  purge_protection_enabled   = true
  soft_delete_retention_days = 30
  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

resource "azurerm_key_vault_secret" "s" {
  name            = "s"
  value           = var.admin_cidr
  key_vault_id    = azurerm_key_vault.kv.id
  expiration_date = "2027-01-01T00:00:00Z"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                    = "aks"
  dns_prefix              = "aks"
  private_cluster_enabled = true
  local_account_disabled  = true
  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
  network_profile {
    network_plugin = "azure"
    network_policy = "calico"
  }
}

resource "azurerm_linux_web_app" "app" {
  name       = "app"
  https_only = true
  identity {
    type = "SystemAssigned"
  }
  site_config {
    minimum_tls_version = "1.2"
    ftps_state          = "Disabled"
  }
}

resource "azurerm_container_registry" "acr" {
  name          = "acr"
  sku           = "Premium"
  admin_enabled = false
}

resource "azurerm_postgresql_server" "pg" {
  name                             = "pg"
  sku_name                         = "GP_Gen5_2"
  version                          = "11"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
  public_network_access_enabled    = false
}

resource "azurerm_cosmosdb_account" "cosmos" {
  name                          = "cosmos"
  offer_type                    = "Standard"
  public_network_access_enabled = false
}

resource "azurerm_linux_virtual_machine" "vm" {
  name           = "vm"
  size           = "Standard_B1s"
  admin_username = "azureuser"
  admin_ssh_key {
    username   = "azureuser"
    public_key = var.admin_cidr
  }
}

resource "azurerm_redis_cache" "redis" {
  name                 = "redis"
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  non_ssl_port_enabled = false
  minimum_tls_version  = "1.2"
}
