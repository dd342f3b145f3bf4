package trust

import (
	"testing"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

// FuzzParsePinFile: no panic, and a parsed store respects its limits.
func FuzzParsePinFile(f *testing.F) {
	f.Add([]byte(`{"version":1,"pins":[{"identity":"realm:0xA6e693CC4A2b4F1400391a728D26369D9b82ef96","trustroot":"0xf766dc789cf04cd18ae75af2c5faf2da6650ff57","delegate":"0xf5173a6111b2a6b3c20fced53b2a8405ec142bf6","firstSeen":"2026-01-01T00:00:00Z"}]}`))
	f.Add([]byte(`{"version":1,"pins":[]}`))
	f.Add([]byte("{\"version\":2,\"generation\":\"00\"}\n{\"pin\":{\"identity\":\"a\",\"delegate\":\"0x00000000000000000000000000000000000000aa\"}}\n{\"forget\":\"a\"}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pins, err := parsePinFile(data, 4)
		if err != nil {
			return
		}
		if len(pins) > 4 {
			t.Fatalf("%d pins over the limit", len(pins))
		}
		for id, p := range pins {
			if id == "" || len(id) > MaxIdentityLength || p.pinned() == [20]byte{} {
				t.Fatalf("invalid pin accepted: %+v", p)
			}
		}
	})
}

// FuzzRules: no panic; a matching exact rule always wins.
func FuzzRules(f *testing.F) {
	f.Add("com..update", "com.a.update", "com.")
	f.Add("", "", "")
	f.Fuzz(func(t *testing.T, wildcard, uri, prefix string) {
		rs, err := newRuleSet([]Rule{
			{URI: wildcard, Match: e2ee.MatchWildcard, Roles: []e2ee.Role{e2ee.RoleCaller}},
			{URI: prefix, Match: e2ee.MatchPrefix, Roles: []e2ee.Role{e2ee.RoleCallee}},
			{URI: uri, Match: e2ee.MatchExact, Roles: []e2ee.Role{e2ee.RolePublisher}},
		})
		if err != nil {
			return
		}
		r, ok := rs.find(uri)
		if !ok || r.Match != e2ee.MatchExact {
			t.Fatalf("exact rule for %q lost to %+v", uri, r)
		}
		_ = rs.check(uri+"x", e2ee.RoleCaller, 0, false)
	})
}
