package arm

// stripComments blanks the // and /* */ comments ARM templates may carry
// (the deployment service accepts them; bicep build never writes them),
// keeping every newline so lines stay where they were, and leaving string
// contents alone ("https://..." is not a comment). Inline suppressions
// (// tollgate:ignore:...) are read from the original source.
func stripComments(src []byte) []byte {
	var out []byte // allocated on the first comment only
	inStr, esc := false, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
			continue
		case c == '"':
			inStr = true
			continue
		case c != '/' || i+1 >= len(src) || (src[i+1] != '/' && src[i+1] != '*'):
			continue
		}
		if out == nil {
			out = append([]byte(nil), src...)
		}
		block := src[i+1] == '*'
		j := i
		for ; j < len(src); j++ {
			if !block && src[j] == '\n' {
				break
			}
			if block && j > i+1 && src[j-1] == '*' && src[j] == '/' {
				out[j] = ' '
				break
			}
			if src[j] != '\n' && src[j] != '\r' {
				out[j] = ' '
			}
		}
		i = j
	}
	if out == nil {
		return src
	}
	return out
}
