package arm

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParse evaluates a template of 500 storage accounts (each name
// and property an expression over parameters and variables) plus a copy
// loop of 300 NSGs with 4 property-copied rules each.
func BenchmarkParse(b *testing.B) {
	var res []string
	for i := range 500 {
		res = append(res, fmt.Sprintf(`{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
  "name": "[toLower(concat(parameters('prefix'), '%d', uniqueString(resourceGroup().id)))]",
  "properties": {"minimumTlsVersion": "[if(variables('isProd'), 'TLS1_2', 'TLS1_0')]",
    "supportsHttpsTrafficOnly": "[not(equals(parameters('env'), 'dev'))]",
    "networkAcls": {"defaultAction": "[if(contains(variables('open'), '%d'), 'Allow', 'Deny')]"}}}`, i, i))
	}
	res = append(res, `{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-04-01",
  "name": "[format('{0}-nsg-{1}', parameters('prefix'), copyIndex())]", "copy": {"name": "nsgs", "count": 300},
  "properties": {"copy": [{"name": "securityRules", "count": 4, "input": {"name": "[concat('r', copyIndex('securityRules'))]",
    "properties": {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "*",
      "destinationPortRange": "[string(add(8000, copyIndex('securityRules')))]"}}}]}}`)
	src := []byte(`{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
 "parameters": {"prefix": {"type": "string", "defaultValue": "shop"}, "env": {"type": "string", "defaultValue": "prod"}},
 "variables": {"isProd": "[equals(parameters('env'), 'prod')]", "open": ["1", "2", "3"]},
 "resources": [` + strings.Join(res, ",\n") + `]}`)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		docs, err := Parse(context.Background(), "big.json", src, Options{})
		if err != nil || len(docs[0].Value["resources"].([]any)) != 800 {
			b.Fatalf("%v", err)
		}
	}
}
