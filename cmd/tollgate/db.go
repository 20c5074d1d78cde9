package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/scanner/deps"
	"github.com/tollgate-dev/tollgate/scanner/deps/osvdb"
)

// envDBBaseURL overrides the archive base URL of `db update` (mirrors).
const envDBBaseURL = "TOLLGATE_OSV_DB_URL"

// newDBCmd builds `tollgate db update|status`, which manage the offline
// OSV database that `scan --offline` reads.
func newDBCmd(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "db",
		Short: "Manage the offline OSV advisory database",
		Long: "Manage the offline OSV advisory database used by `tollgate scan --offline`.\n" +
			"Layout (shared with osv-scanner v2.5): <dir>/osv-scalibr/<Ecosystem>/all.zip.",
		Args:         cobra.NoArgs,
		SilenceUsage: true,
	}
	cmd.AddCommand(newDBUpdateCmd(stdout, stderr), newDBStatusCmd(stdout))
	return cmd
}

func dbDir(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	return deps.DefaultDBDir()
}

func newDBUpdateCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		ecosystems []string
		dir        string
		baseURL    string
		timeout    time.Duration
	)
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Download or refresh ecosystem archives (atomically; a failed download keeps the old data)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, err := dbDir(dir)
			if err != nil {
				return err
			}
			if baseURL == "" {
				baseURL = os.Getenv(envDBBaseURL)
			}
			var ecos []string
			for _, e := range ecosystems {
				for p := range strings.SplitSeq(e, ",") {
					if p = strings.TrimSpace(p); p != "" {
						ecos = append(ecos, p)
					}
				}
			}
			fmt.Fprintf(stderr, "updating offline OSV database in %s\n", d)
			res, err := osvdb.Update(cmd.Context(), d, ecos, osvdb.UpdateOptions{
				BaseURL: baseURL,
				Client:  &http.Client{Timeout: timeout},
			})
			for _, r := range res {
				if r.Err != nil {
					fmt.Fprintf(stderr, "  FAILED %v\n", r.Err)
					continue
				}
				fmt.Fprintf(stdout, "%-12s %6d advisories  %s\n", r.Ecosystem, r.Advisories, humanBytes(r.Bytes))
			}
			if err != nil {
				return fmt.Errorf("db update: %w", err)
			}
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&ecosystems, "ecosystems", nil,
		"ecosystems to fetch, comma-separated OSV names (default: "+strings.Join(osvdb.DefaultEcosystems(), ",")+")")
	cmd.Flags().StringVar(&dir, "osv-db", "", "database directory (default: user cache dir/tollgate/osv-db)")
	cmd.Flags().StringVar(&baseURL, "base-url", "", "archive base URL, <base>/<Ecosystem>/all.zip (default: the public OSV bucket, or $"+envDBBaseURL+")")
	cmd.Flags().DurationVar(&timeout, "timeout", 10*time.Minute, "timeout per download")
	return cmd
}

func newDBStatusCmd(stdout io.Writer) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "List installed ecosystems: advisory counts, age and source",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, err := dbDir(dir)
			if err != nil {
				return err
			}
			st, err := osvdb.Status(d, time.Now())
			if err != nil {
				return err
			}
			if len(st) == 0 {
				return fmt.Errorf("no offline database in %s: run `tollgate db update --osv-db %s`", d, d)
			}
			fmt.Fprintf(stdout, "database: %s\n", d)
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ECOSYSTEM\tADVISORIES\tSIZE\tFETCHED\tAGE\tSOURCE")
			for _, s := range st {
				fetched := s.FetchedAt.UTC().Format(time.RFC3339)
				if s.FromMTime {
					fetched += " (file time)"
				}
				adv := fmt.Sprint(s.Advisories)
				if s.Error != "" {
					adv = "unreadable: " + s.Error
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.Ecosystem, adv, humanBytes(s.Bytes), fetched, humanAge(s.Age), s.Source)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&dir, "osv-db", "", "database directory (default: user cache dir/tollgate/osv-db)")
	return cmd
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func humanAge(d time.Duration) string {
	switch {
	case d < 0:
		return "in the future"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}
