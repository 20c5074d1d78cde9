package arm

import (
	"strings"

	"github.com/tollgate-dev/tollgate/scanner/iac/yamldoc"
)

// The Azure checks read Terraform azurerm resources. Instead of a second
// copy of every check, this file maps ARM resources onto that model: each
// mapped resource becomes {"address", "mode": "managed", "type":
// "azurerm_...", "values": {...}} with the azurerm attribute names, and
// every mapped value keeps the location of the ARM property it came from,
// so one Rego rule serves both formats and findings point at the template
// line. Adding an ARM resource type or property is one entry in the table
// below, not a change to a check.

// field maps one ARM property path to an azurerm attribute path. tf is
// dotted: "site_config.minimum_tls_version" puts the value in a nested
// site_config block located at the ARM object holding the property.
// sub maps each element of an ARM array of objects to a nested block.
type field struct {
	arm  []string
	tf   string
	conv func(any) any
	sub  []field
}

// mapping is the azurerm resource type of an ARM type; typeFn picks among
// several (web apps by kind), extra adds values computed from the resource.
type mapping struct {
	tf     string
	typeFn func(raw map[string]any) string
	fields []field
	extra  func(inst instance, values map[string]any)
}

func p(path ...string) []string { return append([]string{"properties"}, path...) }

// enabled maps "Enabled"/"Disabled" (and booleans) to a boolean.
func enabled(v any) any {
	switch t := v.(type) {
	case string:
		switch strings.ToLower(t) {
		case "enabled", "on", "true":
			return true
		case "disabled", "off", "false":
			return false
		}
	case map[string]any: // {"state": "On"}
		if s, ok := getCI(t, "state"); ok {
			return enabled(s)
		}
	}
	return v
}

func lower(v any) any {
	if s, ok := v.(string); ok {
		return strings.ToLower(s)
	}
	return v
}

// nonEmpty drops "" from a list ("disabledAlerts": [""] disables nothing).
func nonEmpty(v any) any {
	l, ok := v.([]any)
	if !ok {
		return v
	}
	out := []any{}
	for _, x := range l {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// identity keeps an identity block unless its type is "None".
func identity(v any) any {
	if m, ok := v.(map[string]any); ok {
		if t, ok := getCI(m, "type"); ok && t == "None" {
			return nil
		}
	}
	return v
}

// serverLink makes a child resource (an auditing policy) reference its
// parent server, as server_id = azurerm_mssql_server.x.id does.
func serverLink(inst instance, values map[string]any) {
	segs := strings.Split(inst.address, "/")
	if len(segs) >= 5 {
		values["server_id"] = map[string]any{"__ref": strings.Join(segs[:len(segs)-2], "/"), "__unknown": true}
	}
}

func webType(slot bool) func(map[string]any) string {
	return func(raw map[string]any) string {
		kind, _ := raw["kind"].(string)
		kind = strings.ToLower(kind)
		os := "windows"
		if strings.Contains(kind, "linux") {
			os = "linux"
		}
		switch {
		case slot:
			return "azurerm_" + os + "_web_app_slot"
		case strings.Contains(kind, "functionapp"):
			return "azurerm_" + os + "_function_app"
		}
		return "azurerm_" + os + "_web_app"
	}
}

var siteFields = []field{
	{arm: p("httpsOnly"), tf: "https_only"},
	{arm: p("siteConfig", "ftpsState"), tf: "site_config.ftps_state"},
	{arm: p("siteConfig", "minTlsVersion"), tf: "site_config.minimum_tls_version"},
	{arm: p("siteConfig", "scmMinTlsVersion"), tf: "site_config.scm_minimum_tls_version"},
	{arm: p("siteConfig", "remoteDebuggingEnabled"), tf: "site_config.remote_debugging_enabled"},
	{arm: p("siteConfig", "cors", "allowedOrigins"), tf: "site_config.cors.allowed_origins"},
	{arm: []string{"identity"}, tf: "identity", conv: identity},
}

var nsgRuleFields = []field{
	{arm: p("direction"), tf: "direction"},
	{arm: p("access"), tf: "access"},
	{arm: p("protocol"), tf: "protocol"},
	{arm: p("sourceAddressPrefix"), tf: "source_address_prefix"},
	{arm: p("sourceAddressPrefixes"), tf: "source_address_prefixes"},
	{arm: p("destinationPortRange"), tf: "destination_port_range"},
	{arm: p("destinationPortRanges"), tf: "destination_port_ranges"},
}

var dbServerFields = []field{
	{arm: p("sslEnforcement"), tf: "ssl_enforcement_enabled", conv: enabled},
	{arm: p("minimalTlsVersion"), tf: "ssl_minimal_tls_version_enforced"},
	{arm: p("publicNetworkAccess"), tf: "public_network_access_enabled", conv: enabled},
}

var firewallFields = []field{
	{arm: p("startIpAddress"), tf: "start_ip_address"},
	{arm: p("endIpAddress"), tf: "end_ip_address"},
}

var configFields = []field{
	{arm: []string{"name"}, tf: "name", conv: func(v any) any {
		if s, ok := v.(string); ok {
			return s[strings.LastIndex(s, "/")+1:]
		}
		return v
	}},
	{arm: p("value"), tf: "value"},
}

// mappings is keyed by lower-case ARM resource type.
var mappings = map[string]mapping{
	"microsoft.storage/storageaccounts": {tf: "azurerm_storage_account", fields: []field{
		{arm: p("supportsHttpsTrafficOnly"), tf: "https_traffic_only_enabled"},
		{arm: p("minimumTlsVersion"), tf: "min_tls_version"},
		{arm: p("allowBlobPublicAccess"), tf: "allow_nested_items_to_be_public"},
		{arm: p("networkAcls", "defaultAction"), tf: "network_rules.default_action"},
	}},
	"microsoft.storage/storageaccounts/blobservices/containers": {tf: "azurerm_storage_container", fields: []field{
		{arm: p("publicAccess"), tf: "container_access_type", conv: lower},
	}},
	"microsoft.network/networksecuritygroups": {tf: "azurerm_network_security_group", fields: []field{
		{arm: p("securityRules"), tf: "security_rule", sub: nsgRuleFields},
	}},
	"microsoft.network/networksecuritygroups/securityrules": {tf: "azurerm_network_security_rule", fields: nsgRuleFields},
	"microsoft.network/networkwatchers/flowlogs": {tf: "azurerm_network_watcher_flow_log", fields: []field{
		{arm: p("enabled"), tf: "enabled"},
		{arm: p("retentionPolicy", "enabled"), tf: "retention_policy.enabled"},
		{arm: p("retentionPolicy", "days"), tf: "retention_policy.days"},
	}},
	"microsoft.keyvault/vaults": {tf: "azurerm_key_vault", fields: []field{
		{arm: p("enablePurgeProtection"), tf: "purge_protection_enabled"},
		{arm: p("enableSoftDelete"), tf: "soft_delete_enabled"},
		{arm: p("publicNetworkAccess"), tf: "public_network_access_enabled", conv: enabled},
		{arm: p("networkAcls", "defaultAction"), tf: "network_acls.default_action"},
	}},
	"microsoft.keyvault/vaults/secrets": {tf: "azurerm_key_vault_secret", fields: []field{
		{arm: p("attributes", "exp"), tf: "expiration_date"},
	}},
	"microsoft.keyvault/vaults/keys": {tf: "azurerm_key_vault_key", fields: []field{
		{arm: p("attributes", "exp"), tf: "expiration_date"},
	}},
	"microsoft.sql/servers": {tf: "azurerm_mssql_server", fields: []field{
		{arm: p("minimalTlsVersion"), tf: "minimum_tls_version"},
		{arm: p("publicNetworkAccess"), tf: "public_network_access_enabled", conv: enabled},
	}},
	"microsoft.sql/servers/firewallrules": {tf: "azurerm_mssql_firewall_rule", fields: firewallFields},
	"microsoft.sql/servers/auditingsettings": {tf: "azurerm_mssql_server_extended_auditing_policy", fields: []field{
		{arm: p("state"), tf: "enabled", conv: enabled},
	}, extra: serverLink},
	"microsoft.sql/servers/extendedauditingsettings": {tf: "azurerm_mssql_server_extended_auditing_policy", fields: []field{
		{arm: p("state"), tf: "enabled", conv: enabled},
	}, extra: serverLink},
	"microsoft.sql/servers/securityalertpolicies": {tf: "azurerm_mssql_server_security_alert_policy", fields: []field{
		{arm: p("state"), tf: "state"},
		{arm: p("disabledAlerts"), tf: "disabled_alerts", conv: nonEmpty},
	}},
	"microsoft.sql/servers/databases/transparentdataencryption": {tf: "azurerm_mssql_database", fields: []field{
		{arm: p("state"), tf: "transparent_data_encryption_enabled", conv: enabled},
		{arm: p("status"), tf: "transparent_data_encryption_enabled", conv: enabled},
	}},
	"microsoft.dbforpostgresql/servers":                       {tf: "azurerm_postgresql_server", fields: dbServerFields},
	"microsoft.dbformysql/servers":                            {tf: "azurerm_mysql_server", fields: dbServerFields},
	"microsoft.dbformariadb/servers":                          {tf: "azurerm_mariadb_server", fields: dbServerFields},
	"microsoft.dbforpostgresql/servers/firewallrules":         {tf: "azurerm_postgresql_firewall_rule", fields: firewallFields},
	"microsoft.dbformysql/servers/firewallrules":              {tf: "azurerm_mysql_firewall_rule", fields: firewallFields},
	"microsoft.dbformariadb/servers/firewallrules":            {tf: "azurerm_mariadb_firewall_rule", fields: firewallFields},
	"microsoft.dbforpostgresql/flexibleservers/firewallrules": {tf: "azurerm_postgresql_flexible_server_firewall_rule", fields: firewallFields},
	"microsoft.dbformysql/flexibleservers/firewallrules":      {tf: "azurerm_mysql_flexible_server_firewall_rule", fields: firewallFields},
	"microsoft.dbforpostgresql/flexibleservers": {tf: "azurerm_postgresql_flexible_server", fields: []field{
		{arm: p("network", "publicNetworkAccess"), tf: "public_network_access_enabled", conv: enabled},
	}},
	"microsoft.dbformysql/flexibleservers": {tf: "azurerm_mysql_flexible_server", fields: []field{
		{arm: p("network", "publicNetworkAccess"), tf: "public_network_access_enabled", conv: enabled},
	}},
	"microsoft.dbforpostgresql/flexibleservers/configurations": {tf: "azurerm_postgresql_flexible_server_configuration", fields: configFields},
	"microsoft.dbformysql/flexibleservers/configurations":      {tf: "azurerm_mysql_flexible_server_configuration", fields: configFields},
	"microsoft.web/sites":       {typeFn: webType(false), fields: siteFields},
	"microsoft.web/sites/slots": {typeFn: webType(true), fields: siteFields},
	"microsoft.containerservice/managedclusters": {tf: "azurerm_kubernetes_cluster", fields: []field{
		{arm: p("enableRBAC"), tf: "role_based_access_control_enabled"},
		{arm: p("disableLocalAccounts"), tf: "local_account_disabled"},
		{arm: p("networkProfile", "networkPolicy"), tf: "network_profile.network_policy", conv: lower},
		{arm: p("networkProfile", "networkPlugin"), tf: "network_profile.network_plugin"},
		{arm: p("apiServerAccessProfile", "enablePrivateCluster"), tf: "private_cluster_enabled"},
		{arm: p("apiServerAccessProfile", "authorizedIPRanges"), tf: "api_server_access_profile.authorized_ip_ranges"},
	}},
	"microsoft.containerregistry/registries": {tf: "azurerm_container_registry", fields: []field{
		{arm: p("adminUserEnabled"), tf: "admin_enabled"},
		{arm: p("anonymousPullEnabled"), tf: "anonymous_pull_enabled"},
	}},
	"microsoft.documentdb/databaseaccounts": {tf: "azurerm_cosmosdb_account", fields: []field{
		{arm: p("publicNetworkAccess"), tf: "public_network_access_enabled", conv: enabled},
		{arm: p("isVirtualNetworkFilterEnabled"), tf: "is_virtual_network_filter_enabled"},
		{arm: p("ipRules"), tf: "ip_range_filter"},
	}},
	"microsoft.cache/redis": {tf: "azurerm_redis_cache", fields: []field{
		{arm: p("enableNonSslPort"), tf: "non_ssl_port_enabled"},
		{arm: p("minimumTlsVersion"), tf: "minimum_tls_version"},
	}},
	"microsoft.compute/disks": {tf: "azurerm_managed_disk", fields: []field{
		{arm: p("encryptionSettingsCollection", "enabled"), tf: "encryption_settings.enabled"},
	}},
	"microsoft.compute/virtualmachines": {tf: "azurerm_virtual_machine", fields: []field{
		{arm: p("osProfile", "linuxConfiguration", "disablePasswordAuthentication"), tf: "os_profile_linux_config.disable_password_authentication"},
	}},
	"microsoft.compute/virtualmachinescalesets": {tf: "azurerm_virtual_machine_scale_set", fields: []field{
		{arm: p("virtualMachineProfile", "osProfile", "linuxConfiguration", "disablePasswordAuthentication"), tf: "os_profile_linux_config.disable_password_authentication"},
	}},
	"microsoft.authorization/roledefinitions": {tf: "azurerm_role_definition", fields: []field{
		{arm: p("permissions"), tf: "permissions", sub: []field{{arm: []string{"actions"}, tf: "actions"}, {arm: []string{"notActions"}, tf: "not_actions"}}},
	}},
	"microsoft.security/pricings": {tf: "azurerm_security_center_subscription_pricing", fields: []field{
		{arm: p("pricingTier"), tf: "tier"},
	}},
	"microsoft.security/securitycontacts": {tf: "azurerm_security_center_contact", fields: []field{
		{arm: p("alertNotifications"), tf: "alert_notifications", conv: enabled},
	}},
	"microsoft.insights/logprofiles": {tf: "azurerm_monitor_log_profile", fields: []field{
		{arm: p("retentionPolicy", "enabled"), tf: "retention_policy.enabled"},
		{arm: p("retentionPolicy", "days"), tf: "retention_policy.days"},
	}},
}

// mergeSiteConfig moves the settings of a Microsoft.Web/sites/config
// resource named "web" (a common way to configure a site apart from it)
// into its site's properties.siteConfig, where the mapping reads them; the
// config resource's keys win, as it is applied after the site. The values
// keep the config resource's lines.
func mergeSiteConfig(insts []instance) {
	sites := map[string]instance{}
	for _, in := range insts {
		t := strings.ToLower(in.typ)
		if t == "microsoft.web/sites" || t == "microsoft.web/sites/slots" {
			sites[strings.ToLower(in.address)] = in
		}
	}
	for _, in := range insts {
		t := strings.ToLower(in.typ)
		if (t != "microsoft.web/sites/config" && t != "microsoft.web/sites/slots/config") || !strings.HasSuffix(strings.ToLower(in.name), "/web") {
			continue
		}
		cut := strings.LastIndex(in.address, "/config/")
		if cut < 0 {
			continue
		}
		site, ok := sites[strings.ToLower(in.address[:cut])]
		cfg, _ := getCI(in.raw, "properties")
		cm, isMap := cfg.(map[string]any)
		if !ok || !isMap {
			continue
		}
		props, _ := getCI(site.raw, "properties")
		pm, ok := props.(map[string]any)
		if !ok {
			pm = map[string]any{yamldoc.LocKey: in.loc, yamldoc.KeysKey: map[string]any{}}
			site.raw["properties"] = pm
		}
		sc, _ := getCI(pm, "siteConfig")
		scm, ok := sc.(map[string]any)
		if !ok {
			pm["siteConfig"] = cm
			pm[yamldoc.KeysKey].(map[string]any)["siteConfig"] = keyLoc(in.raw, "properties")
			continue
		}
		keys := scm[yamldoc.KeysKey].(map[string]any)
		for k, v := range cm {
			if !isAnnotation(k) {
				scm[k] = v
				keys[k] = keyLoc(cm, k)
			}
		}
	}
}

// MappedTypes lists the ARM resource types the Azure checks understand
// (lower case, sorted by the caller), for documentation and tests.
func MappedTypes() []string {
	out := make([]string, 0, len(mappings))
	for k := range mappings {
		out = append(out, k)
	}
	return out
}

// modelResource converts one instance to the shared resource model.
func modelResource(inst instance) map[string]any {
	r := map[string]any{
		"address":      inst.address,
		"mode":         "managed",
		"type":         inst.typ,
		"name":         inst.name,
		"arm_type":     inst.typ,
		"arm":          export(inst.raw),
		"values":       map[string]any{yamldoc.LocKey: inst.loc, yamldoc.KeysKey: map[string]any{}},
		yamldoc.LocKey: inst.loc,
	}
	mp, ok := mappings[strings.ToLower(inst.typ)]
	if !ok {
		return r
	}
	t := mp.tf
	if mp.typeFn != nil {
		t = mp.typeFn(inst.raw)
	}
	r["type"] = t
	values := r["values"].(map[string]any)
	applyFields(inst.raw, values, mp.fields)
	if mp.extra != nil {
		mp.extra(inst, values)
	}
	return r
}

// applyFields copies the mapped properties of src into the block dst.
func applyFields(src, dst map[string]any, fields []field) {
	for _, f := range fields {
		v, holder, found := lookup(src, f.arm)
		if !found {
			continue
		}
		tfPath := strings.Split(f.tf, ".")
		block := dst
		for _, b := range tfPath[:len(tfPath)-1] {
			nb, ok := block[b].(map[string]any)
			if !ok {
				nb = map[string]any{yamldoc.LocKey: locOf(holder), yamldoc.KeysKey: map[string]any{}}
				block[b] = nb
				block[yamldoc.KeysKey].(map[string]any)[b] = locOf(holder)
			}
			block = nb
		}
		leaf := tfPath[len(tfPath)-1]
		switch {
		case isUnknown(v):
			block[leaf] = unknownT{}
		case f.sub != nil:
			list, ok := v.([]any)
			if !ok {
				continue
			}
			blocks := make([]any, 0, len(list))
			for _, e := range list {
				em, ok := e.(map[string]any)
				if !ok {
					continue
				}
				b := map[string]any{yamldoc.LocKey: locOf(em), yamldoc.KeysKey: map[string]any{}}
				applyFields(em, b, f.sub)
				blocks = append(blocks, b)
			}
			block[leaf] = blocks
		default:
			if f.conv != nil {
				v = f.conv(v)
			}
			if v == nil {
				continue
			}
			block[leaf] = v
		}
		block[yamldoc.KeysKey].(map[string]any)[leaf] = keyLoc(holder, f.arm[len(f.arm)-1])
	}
}

// lookup follows an ARM property path (case-insensitively). It returns the
// value, the object holding its last key, and whether it was found; an
// unknown value on the way is returned as found and unknown.
func lookup(m map[string]any, path []string) (any, map[string]any, bool) {
	cur := m
	for i, k := range path {
		v, ok := getCI(cur, k)
		if !ok {
			return nil, nil, false
		}
		if i == len(path)-1 || isUnknown(v) {
			return v, cur, true
		}
		next, ok := v.(map[string]any)
		if !ok {
			return nil, nil, false
		}
		cur = next
	}
	return nil, nil, false
}

// export turns evaluator values into document values: unknown becomes
// {"__unknown": true}.
func export(v any) any {
	switch t := v.(type) {
	case unknownT:
		return map[string]any{"__unknown": true}
	case map[string]any:
		for k, x := range t {
			if !isAnnotation(k) {
				t[k] = export(x)
			}
		}
		return t
	case []any:
		for i, x := range t {
			t[i] = export(x)
		}
		return t
	}
	return v
}

// document builds the value the checks read (see the package doc).
func (w *walker) document(tpl map[string]any, sc *scope) map[string]any {
	mergeSiteConfig(w.out)
	res := make([]any, 0, len(w.out))
	for _, inst := range w.out {
		res = append(res, export(modelResource(inst)))
	}
	params := map[string]any{}
	for name, sl := range sc.params {
		params[name] = export(sl.get(nil))
	}
	doc := map[string]any{
		"resources":       res,
		"parameters":      params,
		yamldoc.LocKey:    locOf(tpl),
		yamldoc.KeysKey:   tpl[yamldoc.KeysKey],
		"schema":          tpl["$schema"],
		"content_version": tpl["contentVersion"],
	}
	if md, ok := tpl["metadata"].(map[string]any); ok {
		if g, ok := md["_generator"].(map[string]any); ok {
			doc["generator"] = plain(g)
		}
	}
	return doc
}
