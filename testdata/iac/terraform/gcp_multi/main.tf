# A firewall rule open to the world on IPv4 and IPv6 with several ports: each
# check reports it once (this used to end the scan with eval_conflict_error).
resource "google_compute_firewall" "multi" {
  name          = "allow-multi"
  network       = "default"
  source_ranges = ["0.0.0.0/0", "::/0"]
  allow {
    protocol = "tcp"
    ports    = ["22", "8080", "3306"]
  }
}
