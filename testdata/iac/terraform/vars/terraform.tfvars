env   = "prod"
size  = "3"
owner = "tfvars"
