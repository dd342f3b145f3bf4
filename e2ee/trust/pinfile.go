package trust

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/internal/safefile"
)

// The pin file is an append-only journal, shared safely by every process
// that opens it:
//
//	{"version":2,"generation":"<random hex>"}
//	{"pin":{"identity":…,"trustroot":…,"delegate":…,"firstSeen":…}}
//	{"forget":"<identity>"}
//	…
//
// The first line is a header; every further line is one record, and the
// last record of an identity is its state. A new pin costs one appended
// line and one fsync, whatever the size of the store. When the journal
// holds more than twice as many records as there are pins (and at least
// compactMinRecords), the writer that notices compacts it: a new file with
// a new generation and one record per pin replaces it atomically.
//
// Writers take an exclusive flock on "<path>.lock", re-read what other
// processes appended, decide on the merged state and only then append, so
// that two processes sharing the file never lose each other's pins. Readers
// take no lock: they consume complete lines only and notice a compaction by
// the file's identity and generation.
//
// A version 1 file (one JSON document, written by earlier releases) is read
// and rewritten as a journal at the first change.
const (
	pinFileVersion = 2
	// maxPinFileSize bounds the pin file read from disk.
	maxPinFileSize = 128 << 20
	// maxRecordSize bounds one journal line.
	maxRecordSize = 4 << 10
	// compactMinRecords is the journal length below which it is never
	// compacted.
	compactMinRecords = 1024
	// lockRetry is how often a writer retries the file lock held by
	// another process, until its context ends.
	lockRetry = 5 * time.Millisecond
)

// pinFileV1 is the version 1 file format.
type pinFileV1 struct {
	Version int   `json:"version"`
	Pins    []Pin `json:"pins"`
}

type journalHeader struct {
	Version    int    `json:"version"`
	Generation string `json:"generation"`
}

// record is one journal line: a pin's new state, or its removal.
type record struct {
	Pin    *Pin   `json:"pin,omitempty"`
	Forget string `json:"forget,omitempty"`
}

// journal is what a TOFU knows of its pin file.
type journal struct {
	pins map[string]*Pin
	// file is the file read (nil: none yet); header its first line
	// (empty for a version 1 file, which is reloaded whole on any change).
	file   os.FileInfo
	header []byte
	// offset is the end of the last complete line consumed; records the
	// number of records in the file.
	offset  int64
	records int
	// written counts the bytes this process wrote to pin files (tests).
	written int64
}

func validPin(p *Pin) error {
	if p.Identity == "" || len(p.Identity) > MaxIdentityLength {
		return errors.New("bad identity")
	}
	if p.pinned() == (common.Address{}) {
		return fmt.Errorf("identity %.80q pins nothing", p.Identity)
	}
	return nil
}

// apply applies one record; maxPins bounds the store.
func (j *journal) apply(r *record, maxPins int) error {
	switch {
	case r.Pin != nil && r.Forget == "":
		if err := validPin(r.Pin); err != nil {
			return err
		}
		if _, ok := j.pins[r.Pin.Identity]; !ok && len(j.pins) >= maxPins {
			return fmt.Errorf("more than %d pins", maxPins)
		}
		p := *r.Pin
		j.pins[p.Identity] = &p
	case r.Pin == nil && r.Forget != "":
		delete(j.pins, r.Forget)
	default:
		return errors.New("record is neither a pin nor a removal")
	}
	return nil
}

// applyLines applies the complete lines of data and returns how many bytes
// they span; an incomplete last line (being written, or torn by a crash) is
// left for later.
func (j *journal) applyLines(data []byte, maxPins int) (int64, error) {
	var used int64
	for {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			if len(data) > maxRecordSize {
				return used, fmt.Errorf("record longer than %d bytes", maxRecordSize)
			}
			return used, nil
		}
		line := data[:i]
		data = data[i+1:]
		used += int64(i + 1)
		if len(line) > maxRecordSize {
			return used, fmt.Errorf("record longer than %d bytes", maxRecordSize)
		}
		var r record
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			return used, fmt.Errorf("record %d: %w", j.records+1, err)
		}
		if err := j.apply(&r, maxPins); err != nil {
			return used, fmt.Errorf("record %d: %w", j.records+1, err)
		}
		j.records++
	}
}

// parsePinFile decodes a whole pin file (either version) into j.
func (j *journal) parse(data []byte, maxPins int) error {
	j.pins = map[string]*Pin{}
	j.header, j.offset, j.records = nil, 0, 0
	nl := bytes.IndexByte(data, '\n')
	var h journalHeader
	if nl > 0 && nl <= maxRecordSize && json.Unmarshal(data[:nl], &h) == nil && h.Version != 0 {
		if h.Version != pinFileVersion || h.Generation == "" {
			return fmt.Errorf("unknown version %d", h.Version)
		}
		j.header = slices.Clone(data[:nl+1])
		used, err := j.applyLines(data[nl+1:], maxPins)
		j.offset = int64(nl+1) + used
		return err
	}
	var v1 pinFileV1
	if err := json.Unmarshal(data, &v1); err != nil {
		return err
	}
	if v1.Version != 1 {
		return fmt.Errorf("unknown version %d", v1.Version)
	}
	for i := range v1.Pins {
		if _, dup := j.pins[v1.Pins[i].Identity]; dup {
			return fmt.Errorf("pin %d: duplicate identity %.80q", i, v1.Pins[i].Identity)
		}
		if err := j.apply(&record{Pin: &v1.Pins[i]}, maxPins); err != nil {
			return fmt.Errorf("pin %d: %w", i, err)
		}
	}
	j.offset = int64(len(data))
	return nil
}

// parsePinFile decodes and validates a pin file of either version.
func parsePinFile(data []byte, maxPins int) (map[string]*Pin, error) {
	var j journal
	if err := j.parse(data, maxPins); err != nil {
		return nil, err
	}
	return j.pins, nil
}

// refresh brings j up to date with the file at path: nothing to do when it
// is unchanged, the appended lines when it grew, a full reload when it was
// replaced. A removed file empties the store.
func (j *journal) refresh(path string, maxPins int) error {
	f, err := safefile.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		*j = journal{pins: map[string]*Pin{}, written: j.written}
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Size() > maxPinFileSize {
		return fmt.Errorf("%s: larger than %d bytes", path, maxPinFileSize)
	}
	if j.file != nil && os.SameFile(j.file, st) && j.header != nil && st.Size() >= j.offset {
		head := make([]byte, len(j.header))
		if _, err := f.ReadAt(head, 0); err == nil && bytes.Equal(head, j.header) {
			if st.Size() == j.offset {
				j.file = st
				return nil
			}
			tail := make([]byte, st.Size()-j.offset)
			n, err := f.ReadAt(tail, j.offset)
			if err != nil && !errors.Is(err, io.EOF) {
				return err
			}
			used, err := j.applyLines(tail[:n], maxPins)
			j.offset += used
			j.file = st
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			return nil
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxPinFileSize+1))
	if err != nil {
		return err
	}
	if len(data) > maxPinFileSize {
		return fmt.Errorf("%s: larger than %d bytes", path, maxPinFileSize)
	}
	written := j.written
	if err := j.parse(data, maxPins); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	j.file, j.written = st, written
	return nil
}

// stale reports whether the file at path may differ from what j read.
func (j *journal) stale(path string) bool {
	st, err := os.Stat(path)
	if err != nil {
		return j.file != nil || !errors.Is(err, os.ErrNotExist)
	}
	return j.file == nil || !os.SameFile(j.file, st) || st.Size() != j.offset
}

// needsSnapshot reports whether the next change must rewrite the file
// rather than append to it.
func (j *journal) needsSnapshot() bool {
	return j.header == nil || (j.records >= compactMinRecords && j.records > 2*len(j.pins))
}

// snapshot encodes the whole store (with r applied) as a new journal.
func (j *journal) snapshot(r *record) (data, header []byte, records int, err error) {
	gen := make([]byte, 16)
	if _, err := rand.Read(gen); err != nil {
		return nil, nil, 0, err
	}
	header, err = json.Marshal(journalHeader{Version: pinFileVersion, Generation: hex.EncodeToString(gen)})
	if err != nil {
		return nil, nil, 0, err
	}
	header = append(header, '\n')
	pins := make([]*Pin, 0, len(j.pins)+1)
	for id, p := range j.pins {
		if r.Forget == id || (r.Pin != nil && r.Pin.Identity == id) {
			continue
		}
		pins = append(pins, p)
	}
	if r.Pin != nil {
		pins = append(pins, r.Pin)
	}
	slices.SortFunc(pins, func(a, b *Pin) int { return strings.Compare(a.Identity, b.Identity) })
	var buf bytes.Buffer
	buf.Write(header)
	for _, p := range pins {
		line, err := json.Marshal(record{Pin: p})
		if err != nil {
			return nil, nil, 0, err
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes(), header, len(pins), nil
}

// writePlan is what persisting one record needs, taken from the journal
// under the TOFU's mutex so that the write itself can run without it.
type writePlan struct {
	// snapshot, when not nil, replaces the file (with header and records);
	// else line is appended at offset of file.
	snapshot, header []byte
	records          int
	line             []byte
	file             os.FileInfo
	offset           int64
}

// plan prepares persisting r: a new snapshot when the journal must be
// created, migrated or compacted, else one appended line. The caller holds
// the file lock and has just refreshed j.
func (j *journal) plan(r *record) (*writePlan, error) {
	if j.needsSnapshot() {
		data, header, records, err := j.snapshot(r)
		if err != nil {
			return nil, err
		}
		return &writePlan{snapshot: data, header: header, records: records}, nil
	}
	line, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	return &writePlan{line: append(line, '\n'), file: j.file, offset: j.offset}, nil
}

// run persists the plan to path (after cutting a torn last line, for an
// append) and returns the update of the journal's file state, to apply
// under the mutex once the record itself is applied.
func (w *writePlan) run(path string) (func(j *journal), error) {
	if w.snapshot != nil {
		if err := safefile.WriteFile(path, w.snapshot, 0o600); err != nil {
			return nil, err
		}
		st, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		return func(j *journal) {
			j.file, j.header, j.offset, j.records = st, w.header, int64(len(w.snapshot)), w.records
			j.written += int64(len(w.snapshot))
		}, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !os.SameFile(st, w.file) {
		return nil, errors.New("pin file replaced while locked")
	}
	if st.Size() != w.offset {
		if err := f.Truncate(w.offset); err != nil { // a torn record of a crashed writer
			return nil, err
		}
	}
	if _, err := f.WriteAt(w.line, w.offset); err != nil {
		return nil, err
	}
	if err := f.Sync(); err != nil {
		return nil, err
	}
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	end := w.offset + int64(len(w.line))
	return func(j *journal) {
		j.written += int64(len(w.line))
		if os.SameFile(st, j.file) && j.offset < end { // else a reader consumed it already
			j.offset, j.records, j.file = end, j.records+1, st
		}
	}, nil
}

// errLocked is returned when the file lock cannot be had before ctx ends.
var errLocked = errors.New("pin file locked by another process")

func lockContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, 10*time.Second)
}
