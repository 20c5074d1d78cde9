# Deliberately insecure GCP configuration: every resource here must be reported.
variable "project" {
  default = "demo-project"
}

variable "db_tier" {}

locals {
  world = "0.0.0.0/0"
}

resource "google_storage_bucket" "data" {
  name     = "${var.project}-data"
  location = "EU"
}

resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "google_sql_database_instance" "db" {
  database_version = "MYSQL_8_0"
  settings {
    tier = var.db_tier
    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "anyone"
        value = local.world
      }
    }
    database_flags {
      name  = "local_infile"
      value = "on"
    }
  }
}

resource "google_container_cluster" "gke" {
  name               = "gke"
  enable_legacy_abac = true
  node_config {
    metadata = {
      disable-legacy-endpoints = "false"
    }
  }
}

resource "google_container_node_pool" "pool" {
  cluster = google_container_cluster.gke.name
  management {
    auto_upgrade = false
    auto_repair  = false
  }
}

resource "google_compute_firewall" "ssh" {
  name          = "allow-ssh"
  network       = "default"
  source_ranges = [local.world]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "db" {
  name          = "allow-pg"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
}

resource "google_compute_instance" "vm" {
  name           = "vm"
  machine_type   = "e2-small"
  can_ip_forward = true
  metadata = {
    serial-port-enable = "TRUE"
    enable-oslogin     = "FALSE"
  }
  network_interface {
    network = "default"
    access_config {}
  }
  service_account {
    scopes = ["cloud-platform"]
  }
}

resource "google_service_account_key" "key" {
  service_account_id = "projects/demo/serviceAccounts/sa@demo.iam.gserviceaccount.com"
}

resource "google_project_iam_member" "owner" {
  project = var.project
  role    = "roles/owner"
  member  = "user:alice@example.com"
}

resource "google_kms_crypto_key" "key" {
  name     = "key"
  key_ring = "projects/demo/locations/global/keyRings/ring"
}

resource "google_bigquery_dataset" "ds" {
  dataset_id = "ds"
  access {
    role          = "READER"
    special_group = "allAuthenticatedUsers"
  }
}

resource "google_dns_managed_zone" "zone" {
  name     = "zone"
  dns_name = "example.com."
}

resource "google_compute_subnetwork" "subnet" {
  name          = "subnet"
  ip_cidr_range = "10.0.0.0/24"
  network       = "default"
}

data "google_iam_policy" "public" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["allAuthenticatedUsers"]
  }
}

resource "google_storage_bucket_iam_policy" "policy" {
  bucket      = google_storage_bucket.data.name
  policy_data = data.google_iam_policy.public.policy_data
}
