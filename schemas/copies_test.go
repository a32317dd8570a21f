package schemas

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
)

// versions holds, for each kind, the SHA-256 of its schema file at each
// version (VersionKey). It only grows: a schema changed without a new
// version would be judged the same version as the copies stores keep of
// the old one, and reported as edited by hand rather than as older.
var versions = map[string][]string{
	"activity":     {1: "00967674c6063fc29ec0a582b2f7b4859678098de069c2f954b36a87f07b7162", 2: "56674ead11aaa515856845419bdc097256f61879a2698db04a8a8b3daaf0d854"},
	"caseplan":     {1: "bf93bf2f5baa316264a7dc74064398a66f27ae399282db3da4c9f46eb214ac7e", 2: "9054a10a084df2d7921b2ce2902fed0c9ba760cfd333eee6d9b8c4ccad3c2a0b", 3: "58d0402b869ecad1cabe8dd46b8b22b900fb37106752b61ccfea894a72b6d416", 4: "80bd9dd3734c8c72f84d0095981508e5dfd70378a8d88f54bb3307544d8892d9"},
	"cohort":       {1: "092ac2a2201b39d56e6818bec47878f47ee2aeb1cc30c77be91fbad3f5ef6349", 2: "d4c5d394f3a0acccb70dadbd2819e28e63521951349ed85feed7326f6451b7e2"},
	"iep":          {1: "b53e362a20e1e58324c6836f6808b30fdd8ccfc3c17129a07e14416e151938fb", 2: "315deb7c903b3db874f6c0cb4c9860fbccf159f3a36b6afba3381a022c75f74a", 3: "f8432579d00a12024390ec7a3b95adf720d11b314c1cfd7193288c7703b485ba", 4: "6097bb1ab953b836cd868d6a39a09cfb3a2c78786991292826540831f8f9494d", 5: "4a3ce41c0ad5d3ad0c80a40b263c2829ebc8d598a96716ac623ad2f607b5fbf6"},
	"import-rules": {1: "ff7123ad22a18c7b4aa927ce9143b0445afab88e4c4487f55f194fd69a0ec048", 2: "4a1e1f9a2f60fc59298414807ba2d70f655c20904994820a8fd57338967317be"},
	"intake":       {1: "1998dea20a4c489fc0c8926f1f04722d02f2e278245476889fb7b44f81a4c85d", 2: "9afbab557af6dfb6499744f6fcbf29c60f0085838502f57bd939f6808c6a02b5", 3: "fcb62584bb9866dc2ad9323974e84f97fdbca5679a7fd40238db63a29e98fbe3"},
	"note":         {1: "7d824ffe26ebc827372da4d763a1c00ed7c1b41f60754b38f9e07c2265bf389d", 2: "94063f72ea36c7ac2c814837cd66065fe0bf9c7ee291cfd52f2c581077f7e30e", 3: "c4dda05fe4a5e15a917969d0c71f0b428ba17b5877fe348add87c7f48ea5f1e8"},
	"outcome":      {1: "b305dd0c35d55e2211883cb78e36ddb97fcaed9a4268d00433571130a86efbef", 2: "40fac8832586ad85fa8bcd1c60a963c8f359e4a3f5c8b9ca48ced5d7343a3803", 3: "e996f63cfc837a2176eb1952bcefb8e1ca8711a9bc9e3f464ad7ae6404bded4f", 4: "9707612c3ec707550265d38d08d0abaf577a5cbfcc4a089d263de5af77a47dd6"},
	"references":   {1: "fb82c3df7439f9898ef6c07c48bdf1af48a49da04d047940f31cddc9357fa59e", 2: "733b4a922404de9bff9da75c3f8e92a551ce75f28b08bced86edd00f61a0b403", 3: "6111aec6ce2ba2a8f0820b082f62193a4981da3d8f8e5502c42f348842eef7ee"},
	"services":     {1: "067c89ee8ec70b722c65287652e171d0a5f25df8eee09c04037a273ab76c86a7", 2: "878745c493d47a4e93f5642c156f0f04fc6ffa036036298889b373d1a39de4de"},
}

// TestVersions fails when a schema file changed without a new version
// number, so that the copies stores keep of it are told apart from it.
func TestVersions(t *testing.T) {
	for _, kind := range Kinds {
		b, _ := Bytes(kind)
		v, err := Version(b)
		if err != nil || v < 1 {
			t.Errorf("%s: %s is %d (%v); every schema file carries a version", FileName(kind), VersionKey, v, err)
			continue
		}
		sum := sha256.Sum256(b)
		got := hex.EncodeToString(sum[:])
		known := versions[kind]
		switch {
		case v < len(known)-1:
			t.Errorf("%s: %s is %d, but version %d was released: raise it to %d", FileName(kind), VersionKey, v, len(known)-1, len(known))
		case v >= len(known):
			t.Errorf("%s: version %d is not recorded: add %d: %q to versions[%q] in this file", FileName(kind), v, v, got, kind)
		case known[v] != got:
			t.Errorf("%s changed but its %s is still %d: raise it to %d and record %d: %q in versions[%q]", FileName(kind), VersionKey, v, v+1, v+1, got, kind)
		}
	}
}

func TestCheckCopy(t *testing.T) {
	own, _ := Bytes("note")
	v, _ := Version(own)
	key := func(n int) []byte { return []byte(fmt.Sprintf(`"x-caseplan-version": %d,`, n)) }
	older := bytes.Replace(own, key(v), nil, 1)
	newer := bytes.Replace(own, key(v), key(v+1), 1)
	edited := bytes.Replace(own, []byte(`"title": "caseplan case note"`), []byte(`"title": "our note"`), 1)
	crlf := bytes.ReplaceAll(own, []byte("\n"), []byte("\r\n"))
	for _, tc := range []struct {
		name string
		data []byte
		want Copy
	}{
		{"same", own, Copy{"note", CopySame, v, v}},
		{"crlf", crlf, Copy{"note", CopySame, v, v}},
		{"missing", nil, Copy{"note", CopyMissing, 0, v}},
		{"unnumbered", older, Copy{"note", CopyOlder, 0, v}},
		{"newer", newer, Copy{"note", CopyNewer, v + 1, v}},
		{"edited", edited, Copy{"note", CopyChanged, v, v}},
		{"not json", []byte("<html>"), Copy{"note", CopyChanged, 0, v}},
		{"bad version", []byte(`{"x-caseplan-version": "two"}`), Copy{"note", CopyChanged, 0, v}},
	} {
		got, err := CheckCopy("note", tc.data)
		if err != nil || got != tc.want {
			t.Errorf("%s: got %+v, %v; want %+v", tc.name, got, err, tc.want)
		}
	}
	if _, err := CheckCopy("nothing", nil); err == nil {
		t.Error("an unknown kind was judged")
	}
}
