extra = "from-var-file"
