package cvss

// Rating returns the qualitative severity rating of a score shared by the
// v3.x and v4.0 specifications: "NONE", "LOW", "MEDIUM", "HIGH" or
// "CRITICAL". v2 scores use the same bands in practice (NVD maps them
// with LOW < 4.0 <= MEDIUM < 7.0 <= HIGH; there is no CRITICAL in v2,
// so callers that want the strict v2 scale cap at HIGH).
func Rating(score float64) string {
	switch {
	case score >= 9.0:
		return "CRITICAL"
	case score >= 7.0:
		return "HIGH"
	case score >= 4.0:
		return "MEDIUM"
	case score > 0:
		return "LOW"
	}
	return "NONE"
}
