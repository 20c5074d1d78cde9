package deps

import "google.golang.org/protobuf/types/known/structpb"

// stringList reads a JSON array of strings from a struct field.
func stringList(v *structpb.Value) []string {
	var out []string
	for _, e := range v.GetListValue().GetValues() {
		if s := e.GetStringValue(); s != "" {
			out = append(out, s)
		}
	}
	return out
}
