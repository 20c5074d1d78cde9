# Every risky-looking value here comes from a variable without a value, so
# nothing may be reported: unknown never means "bad".
variable "ssh_source" {}
variable "tls" {}
variable "abac" {}

resource "google_compute_firewall" "ssh" {
  name          = "ssh"
  network       = "default"
  source_ranges = [var.ssh_source]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_container_cluster" "gke" {
  name                     = "gke"
  enable_legacy_abac       = var.abac
  remove_default_node_pool = true
  initial_node_count       = 1
  private_cluster_config {
    enable_private_nodes   = var.abac
    master_ipv4_cidr_block = "172.16.0.0/28"
  }
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block = var.ssh_source
    }
  }
  network_policy {
    enabled = var.abac
  }
}

resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = var.ssh_source
  source_port_range           = "*"
  destination_port_range      = "22"
  destination_address_prefix  = "*"
  network_security_group_name = "nsg"
}

resource "azurerm_storage_account" "sa" {
  name                       = "sa"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  min_tls_version            = var.tls
  https_traffic_only_enabled = var.abac
}
