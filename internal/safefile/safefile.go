// Package safefile reads and writes the node's local files — keystores,
// password, config, certificate chain and pin files — safely: reads refuse
// anything but a regular file and stop at a size limit before reading it
// whole, and writes replace a file atomically (github.com/google/renameio/v2)
// and then sync its directory.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/google/renameio/v2"
)

// ErrTooLarge is returned by ReadFile for a file larger than its limit.
var ErrTooLarge = errors.New("file too large")

// ErrNotRegular is returned by Open and ReadFile for anything but a regular
// file (a FIFO, a device such as /dev/zero, a directory, a socket).
var ErrNotRegular = errors.New("not a regular file")

// Open opens path for reading and returns it only if it is a regular file.
// It never blocks on a FIFO: the file is opened non-blocking and checked
// with fstat before anything is read.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind(st.Mode()))}
	}
	return f, nil
}

// ReadFile reads a regular file of at most limit bytes. A larger file is
// refused with ErrTooLarge after reading at most limit+1 bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, st.Size(), limit)}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)}
	}
	return data, nil
}

// WriteFile replaces path with data atomically: readers see the old or the
// new content, never a mix, and a crash leaves one of them. The file gets
// exactly mode perm (not reduced by the umask); the directory is synced so
// that the rename is durable.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	// Not renameio.WriteFile: it would keep an existing file's mode. The
	// temporary file stays next to path (not in $TMPDIR), so a crash
	// leaves no secret elsewhere.
	t, err := renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)), renameio.WithStaticPermissions(perm))
	if err != nil {
		return err
	}
	defer t.Cleanup()
	if _, err := t.Write(data); err != nil {
		return err
	}
	if err := t.CloseAtomicallyReplace(); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// WriteNew writes data to a new file at path with mode perm, atomically
// (the complete file appears, or none), and never replaces an existing
// file: then it returns an error wrapping fs.ErrExist.
func WriteNew(path string, data []byte, perm fs.FileMode) error {
	t, err := renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)), renameio.WithStaticPermissions(perm))
	if err != nil {
		return err
	}
	defer t.Cleanup() // removes the temporary name; path keeps its link
	if _, err := t.Write(data); err != nil {
		return err
	}
	if err := t.Sync(); err != nil {
		return err
	}
	// link(2) fails if path exists: no overwrite, no race.
	if err := os.Link(t.Name(), path); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // best effort: some file systems refuse to sync a directory
		d.Close()
	}
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	default:
		return m.Type().String()
	}
}
