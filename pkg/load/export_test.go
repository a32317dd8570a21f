package load

// FastParse lets the external tests hold fastParse to go-yaml.
var FastParse = fastParse

// SetFastParse turns the fast parser on or off until the returned
// function is called, for benchmarks.
func SetFastParse(on bool) (restore func()) {
	was := useFast
	useFast = on
	return func() { useFast = was }
}

// FastDecode lets the external tests hold fastDecode to go-yaml.
var FastDecode = fastDecode
