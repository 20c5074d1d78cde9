package main

import (
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/tollgate-dev/tollgate/policy"
	"github.com/tollgate-dev/tollgate/scanner/iac"
	"github.com/tollgate-dev/tollgate/scanner/secrets"
)

// version, commit and date are set at build time (release builds pass
// -ldflags "-X main.version=v1.2.3 -X main.commit=<sha> -X main.date=<RFC 3339>");
// otherwise the module version and VCS data from the build info are used.
var (
	version = "dev"
	commit  = ""
	date    = ""
)

// buildCommit returns the commit and date tollgate was built from, if known.
func buildCommit() (string, string) {
	c, d := commit, date
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && c == "":
				c = s.Value
			case s.Key == "vcs.time" && d == "":
				d = s.Value
			}
		}
	}
	return c, d
}

func toolVersion() string {
	if version != "dev" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

func depVersion(path string) string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, d := range bi.Deps {
		if d.Path == path {
			return d.Version
		}
	}
	return ""
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print tollgate's version and the versions of the engines inside",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(a.stdout, "tollgate %s\n", toolVersion())
			if c, d := buildCommit(); c != "" {
				fmt.Fprintf(a.stdout, "  %-12s%s %s\n", "commit", c, d)
			}
			for _, d := range []struct{ name, path string }{
				{"osv-scanner", "github.com/google/osv-scanner/v2"},
				{"osv-scalibr", "github.com/google/osv-scalibr"},
				{"opa", "github.com/open-policy-agent/opa"},
			} {
				if v := depVersion(d.path); v != "" {
					fmt.Fprintf(a.stdout, "  %-12s%s\n", d.name, v)
				}
			}
			return nil
		},
	}
}

func (a *app) rulesCmd() *cobra.Command {
	var which string
	var checkDirs, ruleFiles []string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the built-in secret rules and IaC checks",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			type row struct{ scanner, id, severity, what string }
			var rows []row
			if which == "" || which == secrets.Name {
				s, err := secrets.New(secrets.Options{ExtraRuleFiles: ruleFiles})
				if err != nil {
					return err
				}
				for _, r := range s.Rules() {
					rows = append(rows, row{secrets.Name, r.ID, r.Severity.String(), r.Description})
				}
			}
			if which == "" || which == iac.Name {
				s, err := iac.New(iac.Options{ExtraCheckDirs: checkDirs})
				if err != nil {
					return err
				}
				for _, c := range s.Checks() {
					rows = append(rows, row{iac.Name, c.ID, c.Severity.String(), c.Title + " [" + strings.Join(c.Frameworks, ",") + "]"})
				}
			}
			if which != "" && which != secrets.Name && which != iac.Name {
				return usageErr("--scanner %q: want secrets or iac (the deps scanner's rules are OSV advisories)", which)
			}
			sort.SliceStable(rows, func(i, j int) bool {
				if rows[i].scanner != rows[j].scanner {
					return rows[i].scanner < rows[j].scanner
				}
				return rows[i].id < rows[j].id
			})
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "SCANNER\tID\tSEVERITY\tDESCRIPTION")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.scanner, r.id, r.severity, r.what)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "%d rules\n", len(rows))
			return nil
		},
	}
	cmd.Flags().StringVar(&which, "scanner", "", "only this scanner's rules: secrets or iac")
	cmd.Flags().StringArrayVar(&checkDirs, "iac-checks", nil, "also list checks from this directory")
	cmd.Flags().StringArrayVar(&checkDirs, "checks", nil, "alias of --iac-checks")
	cmd.Flags().StringArrayVar(&ruleFiles, "secrets-rules", nil, "also list rules from this file")
	return cmd
}

func (a *app) policyCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "policy", Short: "Work with gate policies"}
	var noDefault, verbose, allowNet bool
	test := &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run the Rego unit tests (test_* rules) of your policies",
		Long: `Run the Rego unit tests in DIR (default: the current directory) with OPA's
tester. The built-in default policy is loaded too, so tests see the same gate a
scan uses; write inputs by hand or capture one with 'tollgate scan --dump-input'.
Exit codes: 0 all tests passed, 1 a test failed, 2 a policy did not load.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			var opts []policy.Option
			if allowNet {
				opts = append(opts, policy.WithNetwork())
			}
			results, err := policy.RunTests(cmd.Context(), args, noDefault, opts...)
			if err != nil {
				return &codedError{code: exitError, err: err}
			}
			failed := 0
			for _, r := range results {
				status := "PASS"
				switch {
				case r.Skipped:
					status = "SKIP"
				case !r.Pass:
					status = "FAIL"
					failed++
				}
				if verbose || status != "PASS" {
					fmt.Fprintf(a.stdout, "%s %s.%s (%s)", status, r.Package, r.Name, r.Location)
					if r.Error != "" {
						fmt.Fprintf(a.stdout, ": %s", r.Error)
					}
					fmt.Fprintln(a.stdout)
				}
			}
			fmt.Fprintf(a.stdout, "%d tests, %d passed, %d failed\n", len(results), len(results)-failed, failed)
			if len(results) == 0 {
				return &codedError{code: exitError, err: fmt.Errorf("no test_* rules found in %s", strings.Join(args, ", "))}
			}
			if failed > 0 {
				return &codedError{code: exitFail}
			}
			return nil
		},
	}
	test.Flags().BoolVar(&noDefault, "no-default-policy", false, "do not load the built-in policy")
	test.Flags().BoolVarP(&verbose, "verbose", "v", false, "list passing tests too")
	test.Flags().BoolVar(&allowNet, "policy-allow-net", false, "let policies and tests call http.send and net.lookup_* (off: they are rejected)")
	cmd.AddCommand(test)
	return cmd
}
