package iac

import (
	"os"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/rendertest"
)

// The scanner's default renderer is the companion: the tests run it.
func TestMain(m *testing.M) { os.Exit(rendertest.Main(m)) }
