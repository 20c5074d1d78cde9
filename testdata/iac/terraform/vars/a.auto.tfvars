owner = "auto-a"
size  = 4
