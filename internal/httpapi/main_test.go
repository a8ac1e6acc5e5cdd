package httpapi_test

import (
	"os"
	"testing"

	"github.com/mtb-race/mtb-backend-api/internal/apitest"
)

func TestMain(m *testing.M) { os.Exit(apitest.Main(m)) }
