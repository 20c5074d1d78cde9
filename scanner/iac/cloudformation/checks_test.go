package cloudformation

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/awschecktest"
)

func parseFixture(t testing.TB, name string) Document {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "iac", "cloudformation", name))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Parse(context.Background(), name, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%s: got %d documents, want 1", name, len(docs))
	}
	return docs[0]
}

// TestChecksOnFixtures parses the fixtures and runs every AWS check on
// them: each expected finding must appear at its exact line, nothing else
// may fire, and the correct template must produce nothing at all.
func TestChecksOnFixtures(t *testing.T) {
	aws := awschecktest.Compile(t)
	tests := []struct {
		file string
		want []string
	}{
		{"bad.yaml", []string{
			"TG-AWS-0001 DataBucket:23",       // AccessControl: PublicRead
			"TG-AWS-0002 DataBucketPolicy:31", // Principal "*" statement
			"TG-AWS-0003 DataBucket:19",       // no PublicAccessBlockConfiguration
			"TG-AWS-0005 DataBucket:19",
			"TG-AWS-0006 DataBucket:19",
			"TG-AWS-0007 DataBucket:19",
			"TG-AWS-0008 DataBucket:19",
			"TG-AWS-0010 WebSG:43",    // SSH from 0.0.0.0/0 (RDP from !Ref AdminCidr without default: nothing)
			"TG-AWS-0012 WebSG:51",    // 5432 from !Select [1, !Ref AllowedCidrs] = 0.0.0.0/0
			"TG-AWS-0013 WebSG:43",    // any port from the world
			"TG-AWS-0013 WebSG:51",    //
			"TG-AWS-0017 Database:58", // PubliclyAccessible: !Ref DbPublic (default "true")
			"TG-AWS-0018 Database:59", // StorageEncrypted: !If [IsProd, false, true] with Env=prod
			"TG-AWS-0019 Database:60", // BackupRetentionPeriod: 0
			"TG-AWS-0024 AdminPolicy:72",
			"TG-AWS-0028 OpenRole:80",
			"TG-AWS-0042 DataKey:89", // symmetric key without rotation; the ECC SigningKey is not reported
			"TG-AWS-0105 Fn:106",     // DB_PASSWORD literal; API_TOKEN is AWS::NoValue
			"TG-AWS-0120 WebSG:40",   // rules without Description
			"TG-AWS-0120 WebSG:44",
			"TG-AWS-0120 WebSG:48",
		}},
		{"bad.json", []string{
			"TG-AWS-0037 Trail:20",
			"TG-AWS-0081 Repo:11",
			"TG-AWS-0082 Repo:10", // {"Ref": "Mutability"} resolved to its default MUTABLE
			"TG-AWS-0096 Listener:32",
		}},
		{"good.yaml", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var got []string
			for _, f := range aws.Eval(t, parseFixture(t, tt.file).Value) {
				got = append(got, fmt.Sprintf("%s %s:%d", f.ID, f.Resource, f.Line))
			}
			sort.Strings(got)
			sort.Strings(tt.want)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n got: %q\nwant: %q", got, tt.want)
			}
		})
	}
}

// TestChecksSurviveOddValues replaces random parts of the fixtures with
// values of unexpected types: no AWS check may fail the evaluation (a
// conflict or a type error would drop every finding of the document).
func TestChecksSurviveOddValues(t *testing.T) {
	aws := awschecktest.Compile(t)
	odd := []any{"x", int64(3), nil, true, []any{"a", int64(1)}, map[string]any{"Ref": "AWS::Region"}, map[string]any{"Fn::If": []any{"C", "a", "b"}}, map[string]any{}}
	rng := rand.New(rand.NewSource(7))
	for _, name := range []string{"bad.yaml", "good.yaml"} {
		for i := 0; i < 25; i++ {
			doc := copyValue(parseFixture(t, name).Value).(map[string]any)
			for j := 0; j < 5; j++ {
				awschecktest.Mutate(doc["Resources"], odd[rng.Intn(len(odd))], rng, 8, 3)
			}
			aws.Eval(t, doc) // fails the test on an evaluation error
		}
	}
}
