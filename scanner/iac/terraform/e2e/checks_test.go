package e2e_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/scanner/iac/checks"
	"github.com/tollgate-dev/tollgate/scanner/iac/terraform"
)

const fixtures = "../../../../testdata/iac/terraform"

// cloudQuery compiles the GCP and Azure checks with the libraries they use.
func cloudQuery(t *testing.T) rego.PreparedEvalQuery {
	t.Helper()
	opts := []func(*rego.Rego){rego.Query("data.tollgate.iac")}
	err := fs.WalkDir(checks.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.rego") || !strings.HasSuffix(p, ".rego") {
			return err
		}
		if !(strings.HasPrefix(p, "gcp/") || strings.HasPrefix(p, "azure/") || p == "lib/iac.rego" || p == "lib/cloud.rego") {
			return nil
		}
		src, err := fs.ReadFile(checks.FS, p)
		if err != nil {
			return err
		}
		opts = append(opts, rego.Module(p, string(src)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	q, err := rego.New(opts...).PrepareForEval(context.Background())
	if err != nil {
		t.Fatalf("compile checks: %v", err)
	}
	return q
}

// findings evaluates the checks over a fixture module and returns
// "group/check resource:line" strings, sorted.
func findings(t *testing.T, q rego.PreparedEvalQuery, dir string) []string {
	t.Helper()
	docs, err := terraform.ParseModule(context.Background(), os.DirFS(fixtures), dir, terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := q.Eval(context.Background(), rego.EvalInput(docs[0].Value))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rs {
		groups, _ := r.Expressions[0].Value.(map[string]any)
		for _, g := range []string{"gcp", "azure"} {
			pkgs, _ := groups[g].(map[string]any)
			for name, pkg := range pkgs {
				deny, _ := pkg.(map[string]any)["deny"].([]any)
				for _, d := range deny {
					m := d.(map[string]any)
					out = append(out, fmt.Sprintf("%s/%s %s:%v", g, name, m["resource"], m["start_line"]))
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestCloudChecksEndToEnd(t *testing.T) {
	q := cloudQuery(t)
	tests := []struct {
		dir  string
		want []string
	}{
		{"gcp_good", nil},
		{"azure_good", nil},
		{"unknown_var", nil}, // unresolvable variables never produce findings
		{"gcp_multi", []string{
			"gcp/firewall_open_admin_ports google_compute_firewall.multi:9",
			"gcp/firewall_open_ingress google_compute_firewall.multi:9",
		}},
		{"gcp_bad", []string{
			"gcp/bigquery_public_dataset google_bigquery_dataset.ds:115",
			"gcp/dns_dnssec_disabled google_dns_managed_zone.zone:119",
			"gcp/firewall_open_admin_ports google_compute_firewall.ssh:65",
			"gcp/firewall_open_ingress google_compute_firewall.db:75",
			"gcp/gke_legacy_abac google_container_cluster.gke:43",
			"gcp/gke_legacy_metadata_endpoints google_container_cluster.gke:46",
			"gcp/gke_master_authorized_networks google_container_cluster.gke:41",
			"gcp/gke_network_policy google_container_cluster.gke:41",
			"gcp/gke_node_auto_repair google_container_node_pool.pool:55",
			"gcp/gke_node_auto_upgrade google_container_node_pool.pool:54",
			"gcp/gke_node_default_service_account google_container_cluster.gke:44",
			"gcp/gke_node_default_service_account google_container_node_pool.pool:51",
			"gcp/gke_private_nodes google_container_cluster.gke:41",
			"gcp/iam_primitive_roles google_project_iam_member.owner:102",
			"gcp/iam_service_account_key google_service_account_key.key:96",
			"gcp/instance_default_sa_full_access google_compute_instance.vm:92",
			"gcp/instance_ip_forwarding google_compute_instance.vm:82",
			"gcp/instance_os_login_disabled google_compute_instance.vm:85",
			"gcp/instance_project_ssh_keys google_compute_instance.vm:83",
			"gcp/instance_public_ip google_compute_instance.vm:89",
			"gcp/instance_serial_port google_compute_instance.vm:84",
			"gcp/kms_key_rotation google_kms_crypto_key.key:106",
			"gcp/sql_backups google_sql_database_instance.db:25",
			"gcp/sql_insecure_database_flags google_sql_database_instance.db:36",
			"gcp/sql_open_authorized_network google_sql_database_instance.db:31",
			"gcp/sql_public_ip google_sql_database_instance.db:28",
			"gcp/sql_require_ssl google_sql_database_instance.db:27",
			"gcp/storage_public_access google_storage_bucket_iam_member.public:20",
			"gcp/storage_public_access google_storage_bucket_iam_policy.policy:139",
			"gcp/storage_uniform_access google_storage_bucket.data:12",
			"gcp/subnet_flow_logs google_compute_subnetwork.subnet:124",
		}},
		{"azure_bad", []string{
			"azure/acr_admin_enabled azurerm_container_registry.acr:114",
			"azure/aks_api_server_public azurerm_kubernetes_cluster.aks:90",
			"azure/aks_local_accounts azurerm_kubernetes_cluster.aks:90",
			"azure/aks_network_policy azurerm_kubernetes_cluster.aks:90",
			"azure/aks_rbac_disabled azurerm_kubernetes_cluster.aks:93",
			"azure/app_service_ftps azurerm_linux_web_app.app:106",
			"azure/app_service_https_only azurerm_linux_web_app.app:103",
			"azure/app_service_managed_identity azurerm_linux_web_app.app:101",
			"azure/app_service_min_tls azurerm_linux_web_app.app:105",
			"azure/app_service_remote_debugging azurerm_linux_web_app.app:107",
			"azure/cosmosdb_public_access azurerm_cosmosdb_account.cosmos:125",
			"azure/database_min_tls azurerm_postgresql_server.pg:122",
			"azure/database_public_access azurerm_postgresql_server.pg:117",
			"azure/database_ssl_enforcement azurerm_postgresql_server.pg:121",
			"azure/keyvault_network_acls azurerm_key_vault.kv:84",
			"azure/keyvault_purge_protection azurerm_key_vault.kv:84",
			"azure/nsg_open_admin_ports azurerm_network_security_group.nsg:47",
			"azure/nsg_open_database_ports azurerm_network_security_rule.sql:60",
			"azure/nsg_open_ingress azurerm_network_security_group.nsg:47",
			"azure/redis_non_ssl_port azurerm_redis_cache.redis:142",
			"azure/sql_database_tde_disabled azurerm_mssql_database.db:81",
			"azure/sql_firewall_open azurerm_mssql_firewall_rule.all:75",
			"azure/sql_server_auditing azurerm_mssql_server.sql:65",
			"azure/sql_server_min_tls azurerm_mssql_server.sql:68",
			"azure/sql_server_public_network azurerm_mssql_server.sql:65",
			"azure/storage_container_public azurerm_storage_container.c:29",
			"azure/storage_https_only azurerm_storage_account.sa:18",
			"azure/storage_min_tls azurerm_storage_account.sa:19",
			"azure/storage_network_default_allow azurerm_storage_account.sa:22",
			"azure/storage_public_blob_access azurerm_storage_account.sa:20",
			"azure/vm_password_authentication azurerm_linux_virtual_machine.vm:134",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			got := findings(t, q, tc.dir)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
