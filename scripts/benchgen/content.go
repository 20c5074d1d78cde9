package main

import (
	"fmt"
	"strings"
)

var words = strings.Fields(`account address agent alert archive audit backup balance batch billing
bucket buffer cache catalog channel checkout client cluster config connection consumer context
counter customer dashboard device digest domain email endpoint event export feature filter
gateway handler header history identity image index invoice job ledger limit listener loader
manager message metric mirror model monitor network node notice order owner packet payment
pipeline policy pool profile project provider queue quota record region registry report request
resource result route schedule schema search session settings shard signal snapshot source
storage stream subscriber task template tenant ticket timer token trace tracker upload user
validator vault version worker workspace zone`)

// Words that secrets scanners use as keywords, so that the prefilters see
// the usual amount of near misses, not a clean corpus.
var hot = []string{"password", "secret", "api_key", "token", "auth", "credential", "private_key", "access_key"}

func (g *gen) word() string { return words[g.rng.IntN(len(words))] }

func title(w string) string { return strings.ToUpper(w[:1]) + w[1:] }

func (g *gen) ident() string {
	w := g.word()
	if g.rng.IntN(2) == 0 {
		return w + title(g.word())
	}
	return w
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func (g *gen) chars(set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[g.rng.IntN(len(set))]
	}
	return string(b)
}

// secret returns a planted secret line body: real formats, visibly fake.
func (g *gen) secret() (name, value string) {
	g.st.secrets++
	switch g.rng.IntN(6) {
	case 0:
		return "aws_access_key_id", "AKIA" + g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 8) + "F4KE" + g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 4)
	case 1:
		return "github_token", "ghp_F4ke" + g.chars(alnum, 32)
	case 2:
		return "slack_token", fmt.Sprintf("xoxb-%d-%d-F4ke%s", 1000000000+g.rng.IntN(899999999), 1000000000+g.rng.IntN(899999999), g.chars(alnum, 20))
	case 3:
		return "stripe_key", "sk_live_F4ke" + g.chars(alnum, 24)
	case 4:
		return "slack_webhook", "https://hooks.slack.com/services/T" + g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8) + "/B" + g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8) + "/F4ke" + g.chars(alnum, 20)
	default:
		return "db_password", "F4ke-" + g.chars(alnum, 18)
	}
}

func (g *gen) privateKey() string {
	var b strings.Builder
	b.WriteString("-----BEGIN RSA PRIVATE KEY-----\n")
	b.WriteString("MIIEowIBAAKCAQEAF4KEF4KE" + g.chars(alnum+"+/", 40) + "\n")
	for range 24 {
		b.WriteString(g.chars(alnum+"+/", 64) + "\n")
	}
	b.WriteString("-----END RSA PRIVATE KEY-----\n")
	return b.String()
}

// source writes about n bytes of plausible code in lang.
func (g *gen) source(lang string, n int) []byte {
	var b strings.Builder
	b.Grow(n + 256)
	comment := map[string]string{"go": "//", "py": "#", "js": "//", "java": "//"}[lang]
	switch lang {
	case "go":
		fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\n", g.word())
	case "py":
		b.WriteString("import os\nimport json\nimport logging\n\n")
	case "js":
		fmt.Fprintf(&b, "'use strict';\nconst %s = require('%s');\n\n", g.word(), g.word())
	case "java":
		fmt.Fprintf(&b, "package com.example.%s;\n\nimport java.util.*;\n\npublic class %s {\n", g.word(), title(g.word()))
	}
	for b.Len() < n {
		switch r := g.rng.IntN(100); {
		case r < 1 && g.rng.IntN(50) == 0:
			k, v := g.secret()
			fmt.Fprintf(&b, "%s = \"%s\"\n", k, v)
		case r < 2 && g.rng.IntN(2000) == 0:
			g.st.secrets++
			fmt.Fprintf(&b, "%s test fixture key\nconst pem = `%s`\n", comment, g.privateKey())
		case r < 12:
			fmt.Fprintf(&b, "%s %s the %s before the %s is %s; see %s.\n", comment, g.word(), g.word(), g.word(), g.word(), g.ident())
		case r < 16:
			// A keyword near miss: reads a secret from the environment.
			fmt.Fprintf(&b, "%s = os.getenv(\"%s_%s\")\n", hot[g.rng.IntN(len(hot))], strings.ToUpper(g.word()), strings.ToUpper(hot[g.rng.IntN(len(hot))]))
		case r < 50:
			fmt.Fprintf(&b, "    %s := %s.%s(ctx, %s, %d)\n", g.ident(), g.word(), g.ident(), g.ident(), g.rng.IntN(10000))
		case r < 70:
			fmt.Fprintf(&b, "    if %s != nil && %s.%s > %d {\n        return %s(\"%s %s: %%v\", %s)\n    }\n",
				g.ident(), g.word(), g.ident(), g.rng.IntN(100), g.word(), g.word(), g.word(), g.ident())
		case r < 85:
			fmt.Fprintf(&b, "    %s[\"%s\"] = \"%s-%s-%d\"\n", g.ident(), g.word(), g.word(), g.word(), g.rng.IntN(1000))
		default:
			fmt.Fprintf(&b, "\nfunc %s(%s string, %s int) error {\n", g.ident(), g.word(), g.word())
		}
	}
	return []byte(b.String())
}

func (g *gen) minified(n int) []byte {
	var b strings.Builder
	b.Grow(n + 128)
	for b.Len() < n {
		fmt.Fprintf(&b, "var %s=function(e,t){return e.%s(t,\"%s\")||%d};", g.chars("abcdefghijklmnopqrstuvwxyz", 2), g.word(), g.word(), g.rng.IntN(1000))
		if g.rng.IntN(200) == 0 {
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
	return []byte(b.String())
}

func (g *gen) pick(eco string, n int) []pkg {
	pool := g.pools[eco]
	seen := map[string]bool{}
	var out []pkg
	for range n {
		p := pool[g.rng.IntN(len(pool))]
		if seen[p.name] {
			continue
		}
		seen[p.name] = true
		// Most dependencies of a real project are not vulnerable: nine in
		// ten use the fixed version when the advisory names one.
		if p.fixed != "" && g.rng.IntN(10) != 0 {
			p.version = p.fixed
		} else {
			g.st.vulnerable++
		}
		out = append(out, p)
	}
	g.st.deps += len(out)
	return out
}

func (g *gen) npmLock(n int) []byte {
	var b strings.Builder
	name := g.word() + "-app"
	fmt.Fprintf(&b, "{\n  \"name\": %q,\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": %q,\n      \"version\": \"1.0.0\"\n    }", name, name)
	for _, p := range g.pick("npm", n) {
		fmt.Fprintf(&b, ",\n    \"node_modules/%s\": {\n      \"version\": %q,\n      \"resolved\": \"https://registry.example/%s/-/%s.tgz\",\n      \"integrity\": \"sha512-%s==\"\n    }",
			p.name, p.version, p.name, p.version, g.chars(alnum, 86))
	}
	b.WriteString("\n  }\n}\n")
	return []byte(b.String())
}

// listFile writes head, one line per picked package (line formats name
// and version, in that order), and tail.
func (g *gen) listFile(eco string, n int, head, line, tail string) []byte {
	var b strings.Builder
	b.WriteString(head)
	for _, p := range g.pick(eco, n) {
		fmt.Fprintf(&b, line, p.name, p.version)
	}
	b.WriteString(tail)
	return []byte(b.String())
}

func (g *gen) requirements(n int) []byte {
	return g.listFile("PyPI", n, "# pinned by pip-compile\n", "%s==%s\n", "")
}

func (g *gen) goMod(dir string, n int) []byte {
	return g.listFile("Go", n, "module example.com/"+dir+"\n\ngo 1.26.8\n\nrequire (\n", "\t%s %s\n", ")\n")
}

func (g *gen) cargoLock(n int) []byte {
	return g.listFile("crates.io", n, "# This file is automatically @generated by Cargo.\nversion = 3\n",
		"\n[[package]]\nname = %q\nversion = %q\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n", "")
}

func (g *gen) gemfileLock(n int) []byte {
	var b strings.Builder
	b.WriteString("GEM\n  remote: https://rubygems.example/\n  specs:\n")
	ps := g.pick("RubyGems", n)
	for _, p := range ps {
		fmt.Fprintf(&b, "    %s (%s)\n", p.name, p.version)
	}
	b.WriteString("\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n")
	for _, p := range ps {
		fmt.Fprintf(&b, "  %s\n", p.name)
	}
	b.WriteString("\nBUNDLED WITH\n   2.4.10\n")
	return []byte(b.String())
}

func (g *gen) composerLock(n int) []byte {
	var b strings.Builder
	b.WriteString("{\n    \"content-hash\": \"" + g.chars("0123456789abcdef", 32) + "\",\n    \"packages\": [")
	for i, p := range g.pick("Packagist", n) {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n        {\n            \"name\": %q,\n            \"version\": %q,\n            \"type\": \"library\"\n        }", p.name, p.version)
	}
	b.WriteString("\n    ],\n    \"packages-dev\": []\n}\n")
	return []byte(b.String())
}
