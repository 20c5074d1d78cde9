# Misconfigurations for the checks added with the peer coverage list
# (tollgate test fixture; fake values).
resource "aws_wafv2_web_acl" "edge" {
  name  = "edge"
  scope = "REGIONAL"
}

resource "aws_cognito_user_pool" "users" {
  name              = "users"
  mfa_configuration = "OFF"
}

resource "aws_cognito_identity_pool" "guests" {
  identity_pool_name               = "guests"
  allow_unauthenticated_identities = true
}

resource "aws_emr_cluster" "etl" {
  name          = "etl"
  release_label = "emr-7.1.0"
  service_role  = "emr"
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "graph"
  storage_encrypted                   = true
  iam_database_authentication_enabled = false
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = "db"
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111111111111:function:rotate"
  rotation_rules {
    automatically_after_days = 365
  }
}

resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}

resource "aws_config_configuration_aggregator" "org" {
  name = "org"
  account_aggregation_source {
    account_ids = ["111111111111"]
    regions     = ["eu-west-1"]
  }
}

resource "aws_lambda_permission" "from_s3" {
  statement_id  = "s3"
  action        = "lambda:InvokeFunction"
  function_name = "api"
  principal     = "s3.amazonaws.com"
}

resource "google_container_cluster" "alpha" {
  name                    = "alpha"
  location                = "europe-west1"
  enable_kubernetes_alpha = true
}

resource "google_project" "sandbox" {
  name       = "sandbox"
  project_id = "sandbox-000000"
}

resource "azurerm_linux_web_app" "web" {
  name                = "web"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"
  site_config {
    cors {
      allowed_origins = ["*"]
    }
  }
}

resource "azurerm_container_registry" "acr" {
  name                   = "acr"
  resource_group_name    = "rg"
  location               = "westeurope"
  sku                    = "Premium"
  anonymous_pull_enabled = true
}
