package e2ee_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
)

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		pattern string
		match   e2ee.Match
		uri     string
		want    bool
	}{
		{"com.app.x", "exact", "com.app.x", true},
		{"com.app.x", "", "com.app.x", true},
		{"com.app.x", "exact", "com.app.xy", false},
		{"com.app", "prefix", "com.app", true},
		{"com.app", "prefix", "com.app.x.y", true},
		{"com.app", "prefix", "com.apple", false},
		{"com.app", "prefix", "com.ap", false},
		{"com..x", "wildcard", "com.app.x", true},
		{"com..x", "wildcard", "com.app.y", false},
		{"com..x", "wildcard", "com.app.x.y", false},
		{"com..x", "wildcard", "com..x", false},
		{"..", "wildcard", "a.b.c", true},
		{"com.app", "regex", "com.app", false},
		{"", "prefix", "com.app", true},
		{"", "exact", "com.app", false},
		{"com.app.", "prefix", "com.app.x", true},
		{"com.app.", "prefix", "com.app", false},
		{"com.app.", "prefix", "com.apple", false},
	} {
		assert.Equal(t, c.want, c.match.Matches(c.pattern, c.uri), "%q %s %q", c.pattern, c.match, c.uri)
	}
}
