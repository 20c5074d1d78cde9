package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tollgate-dev/tollgate/policy"
)

// Where a scan setting came from, strongest first: a flag beats the
// environment, which beats the config file's "scan:" section.
const (
	fromFlag    = "flag"
	fromEnv     = "env"
	fromFile    = "file"
	fromDefault = "default"
)

// notConfigurable are flags the file cannot set: the file's own location.
var notConfigurable = map[string]bool{"config": true, "help": true}

// envName is the variable that sets a flag: TOLLGATE_FAIL_ON for --fail-on.
func envName(flag string) string {
	return "TOLLGATE_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// applyScanDefaults fills every scan flag the command line left unset from
// TOLLGATE_* variables, then from the "scan:" section of the config file
// (--config, TOLLGATE_CONFIG, or .tollgate.yaml at the scan root, the
// folder of a FILE target). Unknown keys and values a flag rejects are
// errors naming the file and line. It returns each flag's source and the
// config file it read (nil when there is none), which also holds the
// exceptions, so the scan reads the file once.
func applyScanDefaults(fl *pflag.FlagSet, root string) (map[string]string, *policy.Exceptions, error) {
	src := map[string]string{}
	fl.VisitAll(func(f *pflag.Flag) {
		src[f.Name] = fromDefault
		if f.Changed {
			src[f.Name] = fromFlag
		}
	})
	var errs []error
	fl.VisitAll(func(f *pflag.Flag) {
		if f.Changed || f.Name == "help" {
			return
		}
		// An empty variable counts as unset: CI systems export empty
		// values for unset inputs, and an empty TOLLGATE_SCANNERS must
		// not mean "no scanners".
		v := os.Getenv(envName(f.Name))
		if v == "" {
			return
		}
		if err := fl.Set(f.Name, v); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", envName(f.Name), err))
			return
		}
		src[f.Name] = fromEnv
	})
	if err := errors.Join(errs...); err != nil {
		return nil, nil, usageErr("%v", err)
	}
	dir := root
	if st, err := os.Stat(root); err == nil && !st.IsDir() {
		dir = filepath.Dir(root)
	}
	cfg, err := loadExceptions(dir, fl.Lookup("config").Value.String())
	if err != nil {
		return nil, nil, &codedError{code: exitError, err: err}
	}
	if cfg == nil {
		return src, nil, nil // no config file: nothing to apply
	}
	file := cfg.Path
	for _, s := range cfg.Scan {
		name := strings.ReplaceAll(s.Key, "_", "-")
		f := fl.Lookup(name)
		where := fmt.Sprintf("%s:%d", file, s.Line)
		switch {
		case name == "renderer":
			// a program tollgate runs: the scanned tree must not pick it
			errs = append(errs, fmt.Errorf("%s: scan.renderer cannot be set in the config file: it names a program to run (use --renderer or TOLLGATE_RENDER)", where))
			continue
		case f == nil || notConfigurable[name]:
			errs = append(errs, fmt.Errorf("%s: unknown scan setting %q (run `tollgate config print` for the list)", where, s.Key))
			continue
		case src[name] != fromDefault:
			continue // set by a flag or the environment
		case len(s.Values) != 1 && !isList(f):
			errs = append(errs, fmt.Errorf("%s: scan.%s takes one value, not a list", where, s.Key))
			continue
		}
		for _, v := range s.Values {
			if err := fl.Set(name, v); err != nil {
				errs = append(errs, fmt.Errorf("%s: scan.%s: %w", where, s.Key, err))
			}
		}
		src[name] = fromFile + " " + where
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, &codedError{code: exitError, err: err}
	}
	return src, cfg, nil
}

func isList(f *pflag.Flag) bool {
	t := f.Value.Type()
	return strings.HasSuffix(t, "Slice") || strings.HasSuffix(t, "Array")
}

// configCmd is `tollgate config print`: the effective scan settings and
// where each came from.
func (a *app) configCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "config", Short: "Show the effective configuration"}
	print := &cobra.Command{
		Use:   "print [scan flags] [PATH]",
		Short: "Print the effective `tollgate scan` settings (flag > TOLLGATE_* env > .tollgate.yaml scan: section > default)",
		Long: `Print every tollgate scan setting with its value and its source: a flag,
a TOLLGATE_* environment variable (TOLLGATE_FAIL_ON for --fail-on), the scan:
section of the config file (--config, TOLLGATE_CONFIG, or .tollgate.yaml at
the scan root), or the default.`,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			scan := a.scanCmd()
			if err := scan.ParseFlags(args); err != nil {
				return usageErr("%v", err)
			}
			root := "."
			if rest := scan.Flags().Args(); len(rest) > 0 {
				root = rest[0]
			}
			src, _, err := applyScanDefaults(scan.Flags(), root)
			if err != nil {
				return err
			}
			var names []string
			scan.Flags().VisitAll(func(f *pflag.Flag) {
				if f.Name != "help" {
					names = append(names, f.Name)
				}
			})
			sort.Strings(names)
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "SETTING\tVALUE\tSOURCE\tENV")
			for _, n := range names {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", n, scan.Flags().Lookup(n).Value.String(), src[n], envName(n))
			}
			return tw.Flush()
		},
	}
	cmd.AddCommand(print)
	return cmd
}

// fileSettingsNote lists the settings the config file supplied.
func fileSettingsNote(fl *pflag.FlagSet, src map[string]string) string {
	var set []string
	fl.VisitAll(func(f *pflag.Flag) {
		if strings.HasPrefix(src[f.Name], fromFile) {
			set = append(set, f.Name+"="+f.Value.String())
		}
	})
	if len(set) == 0 {
		return ""
	}
	return "tollgate: settings from the config file: " + strings.Join(set, ", ") + "\n"
}
