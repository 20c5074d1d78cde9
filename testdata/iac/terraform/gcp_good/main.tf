# Hardened GCP configuration: nothing here may be reported by the GCP checks.
variable "project" {
  default = "demo-project"
}

variable "office_cidr" {}

resource "google_storage_bucket" "data" {
  name                        = "${var.project}-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}

resource "google_storage_bucket_iam_member" "reader" {
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectViewer"
  member = "group:readers@example.com"
}

resource "google_sql_database_instance" "db" {
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.vpc.id
      ssl_mode        = "ENCRYPTED_ONLY"
      authorized_networks {
        name  = "office"
        value = var.office_cidr
      }
    }
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}

resource "google_compute_network" "vpc" {
  name                    = "vpc"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "subnet" {
  name          = "subnet"
  ip_cidr_range = "10.0.0.0/24"
  network       = google_compute_network.vpc.id
  log_config {
    aggregation_interval = "INTERVAL_10_MIN"
    flow_sampling        = 0.5
  }
}

resource "google_service_account" "nodes" {
  account_id = "gke-nodes"
}

resource "google_container_cluster" "gke" {
  name                     = "gke"
  remove_default_node_pool = true
  initial_node_count       = 1
  datapath_provider        = "ADVANCED_DATAPATH"
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block = "10.0.0.0/8"
    }
  }
}

resource "google_container_node_pool" "pool" {
  cluster = google_container_cluster.gke.name
  node_config {
    service_account = google_service_account.nodes.email
    metadata = {
      disable-legacy-endpoints = "true"
    }
  }
  management {
    auto_upgrade = true
    auto_repair  = true
  }
}

resource "google_compute_firewall" "iap_ssh" {
  name          = "allow-iap-ssh"
  network       = google_compute_network.vpc.name
  source_ranges = ["35.235.240.0/20"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "web" {
  name          = "allow-https"
  network       = google_compute_network.vpc.name
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
}

resource "google_service_account" "vm" {
  account_id = "vm"
}

resource "google_compute_instance" "vm" {
  name         = "vm"
  machine_type = "e2-small"
  metadata = {
    enable-oslogin = "TRUE"
  }
  network_interface {
    subnetwork = google_compute_subnetwork.subnet.id
  }
  service_account {
    email  = google_service_account.vm.email
    scopes = ["cloud-platform"]
  }
  shielded_instance_config {
    enable_secure_boot = true
  }
}

resource "google_project_iam_member" "viewer" {
  project = var.project
  role    = "roles/viewer"
  member  = "user:alice@example.com"
}

resource "google_kms_crypto_key" "sym" {
  name            = "sym"
  key_ring        = "projects/demo/locations/global/keyRings/ring"
  rotation_period = "7776000s"
}

resource "google_kms_crypto_key" "signing" {
  name     = "signing"
  key_ring = "projects/demo/locations/global/keyRings/ring"
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm = "EC_SIGN_P256_SHA256"
  }
}

resource "google_dns_managed_zone" "zone" {
  name     = "zone"
  dns_name = "example.com."
  dnssec_config {
    state = "on"
  }
}

resource "google_compute_ssl_policy" "tls" {
  name            = "tls"
  profile         = "MODERN"
  min_tls_version = "TLS_1_2"
}

resource "google_cloud_run_service_iam_member" "public_invoker" {
  service = "api"
  role    = "roles/run.invoker"
  member  = "allUsers"
}
