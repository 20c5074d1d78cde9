//go:build !unix

package main

import "os"

// maxRSSKiB is not measured outside Unix.
func maxRSSKiB(*os.ProcessState) int64 { return 0 }
