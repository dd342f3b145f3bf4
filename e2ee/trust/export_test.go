package trust

// BytesWritten returns the bytes t has written to its pin file.
func BytesWritten(t *TOFU) int64 {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.j.written
}
