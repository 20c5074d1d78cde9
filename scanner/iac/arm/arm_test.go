package arm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/scanner"
)

// evalOne evaluates one expression string in a template with the given
// parameters and variables sections.
func evalOne(t *testing.T, params, vars, expr string) any {
	t.Helper()
	src := fmt.Sprintf(`{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
 "parameters": %s, "variables": %s,
 "resources": [{"type": "Test.Probe/things", "name": "probe", "properties": {"v": %s}}]}`, params, vars, mustJSON(expr))
	docs, err := Parse(context.Background(), "t.json", []byte(src), Options{})
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	r := docs[0].Value["resources"].([]any)[0].(map[string]any)
	return plain(r["arm"].(map[string]any)["properties"].(map[string]any)["v"])
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

var unknown = map[string]any{"__unknown": true}

func TestExpressions(t *testing.T) {
	params := `{"env": {"type": "string", "defaultValue": "prod"}, "noDefault": {"type": "string"},
	  "obj": {"type": "object", "defaultValue": {"a": 1, "b": {"c": "deep"}}}, "n": {"type": "int", "defaultValue": 3},
	  "chained": {"type": "string", "defaultValue": "[concat(parameters('env'), '-x')]"}}`
	vars := `{"isProd": "[equals(parameters('env'), 'prod')]", "list": ["a", "b"], "self": "[variables('self')]",
	  "copy": [{"name": "disks", "count": 2, "input": {"lun": "[copyIndex('disks')]"}}]}`
	for _, tc := range []struct {
		expr string
		want any
	}{
		{"plain string", "plain string"},
		{"[[escaped]", "[escaped]"},
		{"[parameters('env')]", "prod"},
		{"[parameters('ENV')]", "prod"}, // names are case-insensitive
		{"[parameters('chained')]", "prod-x"},
		{"[parameters('noDefault')]", unknown},
		{"[parameters('missing')]", unknown},
		{"[variables('isProd')]", true},
		{"[variables('self')]", unknown}, // a cycle
		{"[variables('disks')[1].lun]", int64(1)},
		{"[concat('a', 'b', string(1))]", "ab1"},
		{"[concat(variables('list'), createArray('c'))]", []any{"a", "b", "c"}},
		{"[format('{0}-{1:N0}-{{x}}', 'a', 2)]", "a-2-{x}"},
		{"[toLower('AbC')]", "abc"},
		{"[toUpper('abc')]", "ABC"},
		{"[if(variables('isProd'), 'TLS1_2', 'TLS1_0')]", "TLS1_2"},
		{"[if(equals(parameters('noDefault'), 'x'), 'a', 'b')]", unknown},
		{"[if(true, 'known', reference('x').y)]", "known"},
		{"[not(variables('isProd'))]", false},
		{"[and(false, parameters('noDefault'))]", false},
		{"[or(true, parameters('noDefault'))]", true},
		{"[and(true, parameters('noDefault'))]", unknown},
		{"[or(false, false)]", false},
		{"[resourceId('Microsoft.Sql/servers/firewallRules', 'sql1', 'all')]", "Microsoft.Sql/servers/sql1/firewallRules/all"},
		{"[resourceId('sub', 'rg', 'Microsoft.Storage/storageAccounts', 'st')]", "Microsoft.Storage/storageAccounts/st"},
		{"[length(uniqueString(resourceGroup().id))]", int64(13)},
		{"[equals(uniqueString('a'), uniqueString('a'))]", true},
		{"[string(true)]", "True"},
		{"[int('42')]", int64(42)},
		{"[bool('true')]", true},
		{"[createObject('k', 'v').k]", "v"},
		{"[union(createObject('a', 1), createObject('a', 2, 'b', 3))]", map[string]any{"a": int64(2), "b": int64(3)}},
		{"[union(variables('list'), createArray('b', 'c'))]", []any{"a", "b", "c"}},
		{"[contains(variables('list'), 'b')]", true},
		{"[contains('abc', 'd')]", false},
		{"[contains(parameters('obj'), 'A')]", true},
		{"[empty('')]", true},
		{"[empty(createArray())]", true},
		{"[empty(parameters('obj'))]", false},
		{"[length(variables('list'))]", int64(2)},
		{"[length(parameters('obj'))]", int64(2)},
		{"[coalesce(null(), 'second')]", "second"},
		{"[json('{\"a\": [1, true]}').a[1]]", true},
		{"[parameters('obj').b.c]", "deep"},
		{"[parameters('obj')['a']]", int64(1)},
		{"[add(parameters('n'), 1)]", int64(4)},
		{"[greater(parameters('n'), 2)]", true},
		{"[split('a,b;c', createArray(',', ';'))[2]]", "c"},
		{"[replace('a-b', '-', '_')]", "a_b"},
		{"[startsWith('Hello', 'he')]", true},
		{"[substring('abcdef', 2, 3)]", "cde"},
		{"[reference('x').properties]", unknown},
		{"[resourceGroup().location]", unknown},
		{"[copyIndex()]", unknown}, // outside a loop
		{"[myns.myfunc('a')]", unknown},
		{"[concat('a', ]", unknown}, // syntax error
		{"[unknownFunction(1)]", unknown},
	} {
		t.Run(tc.expr, func(t *testing.T) {
			got := evalOne(t, params, vars, tc.expr)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("%s (-want +got):\n%s", tc.expr, d)
			}
		})
	}
}

func TestParametersFileWinsOverDefault(t *testing.T) {
	tpl := `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
	 "parameters": {"a": {"type": "string", "defaultValue": "default"}, "b": {"type": "string", "defaultValue": "kept"},
	   "secret": {"type": "securestring"}},
	 "resources": []}`
	params := `{"parameters": {"a": {"value": "from-file"}, "secret": {"reference": {"keyVault": {"id": "x"}, "secretName": "s"}}}}`
	docs, err := Parse(context.Background(), "t.json", []byte(tpl), Options{Params: []byte(params), ParamsPath: "t.parameters.json"})
	if err != nil {
		t.Fatal(err)
	}
	got := plain(docs[0].Value["parameters"])
	want := map[string]any{"a": "from-file", "b": "kept", "secret": unknown}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("parameters (-want +got):\n%s", d)
	}
	_, err = Parse(context.Background(), "t.json", []byte(tpl), Options{Params: []byte("{\n  bad"), ParamsPath: "t.parameters.json"})
	var fe *scanner.FileError
	if !errors.As(err, &fe) || fe.Path != "t.parameters.json" || fe.Line != 2 {
		t.Errorf("bad parameters file: got %v, want a FileError on t.parameters.json line 2", err)
	}
}

func TestNotATemplate(t *testing.T) {
	for _, src := range []string{`{"resources": []}`, `[1]`, `{"$schema": "https://json-schema.org/draft-07/schema#"}`} {
		docs, err := Parse(context.Background(), "x.json", []byte(src), Options{})
		if docs != nil || err != nil {
			t.Errorf("%s: got %v, %v; want nothing", src, docs, err)
		}
	}
}

func TestInvalidJSONIsAFileError(t *testing.T) {
	_, err := Parse(context.Background(), "x.json", []byte("{\n\"$schema\": \"deploymentTemplate.json\",\n ]"), Options{})
	var fe *scanner.FileError
	if !errors.As(err, &fe) || fe.Line != 3 {
		t.Fatalf("got %v, want a FileError at line 3", err)
	}
}

// resources returns address -> type of a template's resources.
func resources(t *testing.T, src string, b Budgets) (map[string]string, error) {
	t.Helper()
	docs, err := Parse(context.Background(), "t.json", []byte(src), Options{Budgets: b})
	if len(docs) == 0 {
		t.Fatalf("no document (err %v)", err)
	}
	out := map[string]string{}
	for _, r := range docs[0].Value["resources"].([]any) {
		m := r.(map[string]any)
		out[m["address"].(string)] = m["type"].(string)
	}
	return out, err
}

const schema = `"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"`

func TestResourcesExpand(t *testing.T) {
	src := `{` + schema + `,
	 "parameters": {"on": {"type": "bool", "defaultValue": false}, "count": {"type": "int"}},
	 "resources": {
	   "kv": {"type": "Microsoft.KeyVault/vaults", "name": "kv1", "properties": {}},
	   "st": {"type": "Microsoft.Storage/storageAccounts", "name": "[concat('st', copyIndex())]", "copy": {"name": "l", "count": 2}},
	   "off": {"condition": "[parameters('on')]", "type": "Microsoft.Storage/storageAccounts", "name": "never"},
	   "unk": {"type": "Microsoft.Storage/storageAccounts", "name": "[concat('u', copyIndex())]", "copy": {"name": "u", "count": "[parameters('count')]"}},
	   "sql": {"type": "Microsoft.Sql/servers", "name": "sql1",
	     "resources": [{"type": "firewallRules", "name": "r1"}, {"type": "Microsoft.Sql/servers/databases", "name": "sql1/db"}]}
	 }}`
	got, err := resources(t, src, Budgets{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Microsoft.KeyVault/vaults/kv1":               "azurerm_key_vault",
		"Microsoft.Storage/storageAccounts/st0":       "azurerm_storage_account",
		"Microsoft.Storage/storageAccounts/st1":       "azurerm_storage_account",
		"Microsoft.Sql/servers/sql1":                  "azurerm_mssql_server",
		"Microsoft.Sql/servers/sql1/firewallRules/r1": "azurerm_mssql_firewall_rule",
		"Microsoft.Sql/servers/sql1/databases/db":     "Microsoft.Sql/servers/databases",
		"Microsoft.Storage/storageAccounts/[7]":       "azurerm_storage_account", // count unknown: one instance, name unknown (line 7)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("resources (-want +got):\n%s", d)
	}
}

func budgetNames(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var be *scanner.BudgetError
		if errors.As(e, &be) {
			out = append(out, be.Budget)
		}
	}
	if err != nil {
		walk(err)
	}
	sort.Strings(out)
	return out
}

func TestBudgets(t *testing.T) {
	deep := strings.Repeat("concat(", 80) + "'x'" + strings.Repeat(")", 80)
	nested := `{"type": "Microsoft.Resources/deployments", "name": "d", "properties": {"template": {"resources": [%s]}}}`
	inner := `{"type": "Microsoft.Storage/storageAccounts", "name": "deepest"}`
	for range 3 {
		inner = fmt.Sprintf(nested, inner)
	}
	for _, tc := range []struct {
		name, resources string
		b               Budgets
		want            []string
		count           int
	}{
		{"copy count", `[{"type": "Microsoft.Storage/storageAccounts", "name": "[concat('s', copyIndex())]", "copy": {"name": "l", "count": 5}}]`,
			Budgets{CopyCount: 3}, []string{BudgetCopyCount}, 3},
		{"resources", `[{"type": "Microsoft.Storage/storageAccounts", "name": "[concat('s', copyIndex())]", "copy": {"name": "l", "count": 5}}]`,
			Budgets{Resources: 2}, []string{BudgetResources}, 2},
		{"expression length", `[{"type": "Microsoft.Storage/storageAccounts", "name": "s", "properties": {"x": "[concat('aaaaaaaaaaaaaaaaaaaaaaaa')]"}}]`,
			Budgets{ExpressionLength: 10}, []string{BudgetExpressionLength}, 1},
		{"expression depth", `[{"type": "Microsoft.Storage/storageAccounts", "name": "s", "properties": {"x": "[` + deep + `]"}}]`,
			Budgets{}, []string{BudgetExpressionDepth}, 1},
		{"string length", `[{"type": "Microsoft.Storage/storageAccounts", "name": "s", "properties": {"x": "[concat('aaaa', 'bbbb')]"}}]`,
			Budgets{StringLength: 6}, []string{BudgetStringLength}, 1},
		{"steps", `[{"type": "Microsoft.Storage/storageAccounts", "name": "[concat('s', copyIndex())]", "copy": {"name": "l", "count": 50}}]`,
			Budgets{Steps: 20}, []string{BudgetSteps}, 50},
		{"nested depth", `[` + inner + `]`, Budgets{NestedDepth: 2}, []string{BudgetNestedDepth}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := resources(t, `{`+schema+`, "resources": `+tc.resources+`}`, tc.b)
			if d := cmp.Diff(tc.want, budgetNames(err)); d != "" {
				t.Errorf("budgets (-want +got):\n%s\nerr: %v", d, err)
			}
			if len(got) != tc.count {
				t.Errorf("got %d resources, want %d: %v", len(got), tc.count, got)
			}
			var fe *scanner.FileError
			if !errors.As(err, &fe) || fe.Path != "t.json" || fe.Line == 0 {
				t.Errorf("budget error %v does not name the file and line", err)
			}
		})
	}
}

// TestMappedTypesAreChecked keeps the mapping table honest: every azurerm
// type it produces is read by at least one built-in Azure check, and
// every mapped type lower-cased.
func TestMappedTypesAreChecked(t *testing.T) {
	var src strings.Builder
	files, err := filepath.Glob(filepath.Join("..", "checks", "azure", "*.rego"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no azure checks: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(b)
	}
	checks := src.String()
	for armType, m := range mappings {
		if armType != strings.ToLower(armType) {
			t.Errorf("%s: mapping keys are lower case", armType)
		}
		tfTypes := []string{m.tf}
		if m.typeFn != nil {
			tfTypes = nil
			for _, kind := range []string{"app", "app,linux", "functionapp", "functionapp,linux"} {
				tfTypes = append(tfTypes, m.typeFn(map[string]any{"kind": kind}))
			}
		}
		for _, tt := range tfTypes {
			if !regexp.MustCompile(`"` + tt + `"`).MatchString(checks) {
				t.Errorf("%s maps to %s, which no Azure check reads", armType, tt)
			}
		}
	}
}

func TestStripComments(t *testing.T) {
	for in, want := range map[string]string{
		"{\"a\": 1} // c\n":             "{\"a\": 1}     \n",
		"/* x\ny */{}":                  "    \n    {}",
		`{"u": "https://x/*y*/"}`:       `{"u": "https://x/*y*/"}`,
		`{"e": "q\"//"} // z`:           `{"e": "q\"//"}     `,
		"{} /* unterminated\n":          "{}" + strings.Repeat(" ", 16) + "\n",
		"[1, 2]":                        "[1, 2]",
		"{\"a\": 1 /* in */, \"b\": 2}": "{\"a\": 1         , \"b\": 2}",
	} {
		if got := string(stripComments([]byte(in))); got != want {
			t.Errorf("stripComments(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSiteConfigResourceMerged: settings in a separate sites/config "web"
// resource reach the site's site_config, located in the config resource.
func TestSiteConfigResourceMerged(t *testing.T) {
	src := `{` + schema + `,
 "resources": [
  {"type": "Microsoft.Web/sites", "name": "app", "properties": {"httpsOnly": true, "siteConfig": {"ftpsState": "FtpsOnly"}},
   "resources": [{"type": "config", "name": "web",
     "properties": {"minTlsVersion": "1.0"}}]},
  {"type": "Microsoft.Web/sites", "name": "bare"},
  {"type": "Microsoft.Web/sites/config", "name": "bare/web",
   "properties": {"remoteDebuggingEnabled": true}}
 ]}`
	docs, err := Parse(context.Background(), "t.json", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc := map[string]map[string]any{}
	for _, r := range docs[0].Value["resources"].([]any) {
		m := r.(map[string]any)
		if m["type"] == "azurerm_windows_web_app" {
			sc[m["address"].(string)], _ = m["values"].(map[string]any)["site_config"].(map[string]any)
		}
	}
	app := sc["Microsoft.Web/sites/app"]
	if app["minimum_tls_version"] != "1.0" || app["ftps_state"] != "FtpsOnly" {
		t.Errorf("app site_config = %v, want the config resource's TLS merged with the site's FTPS", plain(app))
	}
	if l := app["__keys"].(map[string]any)["minimum_tls_version"].(map[string]any)["start_line"]; l != 5 {
		t.Errorf("minimum_tls_version located at line %v, want 5 (the config resource)", l)
	}
	if bare := sc["Microsoft.Web/sites/bare"]; bare["remote_debugging_enabled"] != true {
		t.Errorf("bare site_config = %v, want remote debugging from its top-level config resource", plain(bare))
	}
}

// TestServerAuditingChildren: auditingSettings and extendedAuditingSettings
// children both count as a server's auditing policy (server_id links them).
func TestServerAuditingChildren(t *testing.T) {
	for _, child := range []string{"auditingSettings", "extendedAuditingSettings"} {
		src := `{` + schema + `, "resources": [{"type": "Microsoft.Sql/servers", "name": "s1",
		  "resources": [{"type": "` + child + `", "name": "default", "properties": {"state": "Enabled"}}]}]}`
		docs, err := Parse(context.Background(), "t.json", []byte(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		r := docs[0].Value["resources"].([]any)[1].(map[string]any)
		v := r["values"].(map[string]any)
		if r["type"] != "azurerm_mssql_server_extended_auditing_policy" || plain(v["server_id"]).(map[string]any)["__unknown"] != true ||
			v["server_id"].(map[string]any)["__ref"] != "Microsoft.Sql/servers/s1" || v["enabled"] != true {
			t.Errorf("%s: got %v %v", child, r["type"], plain(v))
		}
	}
}
