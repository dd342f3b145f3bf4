package safefile_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/internal/safefile"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok")
	require.NoError(t, os.WriteFile(ok, []byte("hello"), 0o600))
	data, err := safefile.ReadFile(ok, 5)
	require.NoError(t, err)
	assert.Equal(t, "hello", string(data))

	_, err = safefile.ReadFile(ok, 4)
	assert.ErrorIs(t, err, safefile.ErrTooLarge)

	// A sparse 2 GB file is refused from its size, without reading it.
	big := filepath.Join(dir, "big")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(2<<30))
	require.NoError(t, f.Close())
	_, err = safefile.ReadFile(big, 1<<20)
	assert.ErrorIs(t, err, safefile.ErrTooLarge)

	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	for name, path := range map[string]string{"fifo": fifo, "dir": dir, "dev": "/dev/zero"} {
		_, err := safefile.ReadFile(path, 1<<20)
		assert.ErrorIs(t, err, safefile.ErrNotRegular, name)
	}
	_, err = safefile.ReadFile(filepath.Join(dir, "missing"), 1)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestWriteFile(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "f")
	require.NoError(t, os.WriteFile(path, []byte("old content"), 0o644))
	require.NoError(t, safefile.WriteFile(path, []byte("new"), 0o640))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "new", string(data))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "exact mode, not reduced by the umask nor kept from the old file")
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")
}

func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "key.json")
	require.NoError(t, safefile.WriteNew(path, []byte("first"), 0o600))
	err := safefile.WriteNew(path, []byte("second"), 0o600)
	assert.ErrorIs(t, err, os.ErrExist)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "first", string(data))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")
}
