# The same resources, configured as the checks want (tollgate test fixture).
resource "aws_wafv2_web_acl" "edge" {
  name  = "edge"
  scope = "REGIONAL"
}

resource "aws_wafv2_web_acl_logging_configuration" "edge" {
  resource_arn            = aws_wafv2_web_acl.edge.arn
  log_destination_configs = ["arn:aws:firehose:eu-west-1:111111111111:deliverystream/aws-waf-logs-edge"]
}

resource "aws_cognito_user_pool" "users" {
  name              = "users"
  mfa_configuration = "ON"
}

resource "aws_cognito_identity_pool" "members" {
  identity_pool_name               = "members"
  allow_unauthenticated_identities = false
}

resource "aws_emr_cluster" "etl" {
  name                   = "etl"
  release_label          = "emr-7.1.0"
  service_role           = "emr"
  security_configuration = "encrypted"
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "graph"
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = "db"
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111111111111:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/events"
}

resource "aws_config_configuration_aggregator" "org" {
  name = "org"
  account_aggregation_source {
    account_ids = ["111111111111"]
    all_regions = true
  }
}

resource "aws_lambda_permission" "from_s3" {
  statement_id  = "s3"
  action        = "lambda:InvokeFunction"
  function_name = "api"
  principal     = "s3.amazonaws.com"
  source_arn    = "arn:aws:s3:::uploads-111111111111"
}

resource "google_container_cluster" "stable" {
  name     = "stable"
  location = "europe-west1"
}

resource "google_project" "sandbox" {
  name                = "sandbox"
  project_id          = "sandbox-000000"
  auto_create_network = false
}

resource "azurerm_linux_web_app" "web" {
  name                = "web"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"
  site_config {
    cors {
      allowed_origins = ["https://shop.example.com"]
    }
  }
}

resource "azurerm_container_registry" "acr" {
  name                = "acr"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Premium"
}
