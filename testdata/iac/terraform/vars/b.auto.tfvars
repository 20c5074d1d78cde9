owner = "auto-b"
