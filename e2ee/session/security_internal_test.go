package session

import "testing"

// TestDefaultFreshness: without configuration a receiver bounds the age of
// payloads (replays into receivers that fetch a key late); a negative
// MaxAge disables the bound explicitly.
func TestDefaultFreshness(t *testing.T) {
	var c Config
	c.freshnessDefaults()
	if c.Open.MaxAge != DefaultMaxAge || c.Open.MaxSkew != DefaultMaxSkew {
		t.Fatalf("defaults: MaxAge %v MaxSkew %v", c.Open.MaxAge, c.Open.MaxSkew)
	}
	c = Config{}
	c.Open.MaxAge = -1
	c.freshnessDefaults()
	if c.Open.MaxAge != 0 {
		t.Fatalf("negative MaxAge: %v, want disabled (0)", c.Open.MaxAge)
	}
}
