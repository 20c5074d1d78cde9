// Package image reads a container image saved to a file — a `docker save`
// tarball or an OCI image layout packed as a tar — and extracts its
// packages with osv-scalibr: OS packages (dpkg, apk, rpm) and language
// packages (lockfiles, installed node_modules and Python distributions,
// Go binaries), each attributed to the layer that introduced it (its
// index, diff id and the command that created it, when the image history
// records one).
//
// It needs no registry and no container runtime, and it never touches
// the network: everything comes from the file. The dependency scanner
// (package deps) matches the packages against OSV advisories.
package image
