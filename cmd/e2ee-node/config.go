package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/wamp-e2ee/e2ee-node/internal/safefile"
)

// The config file is one JSON object whose sections hold flag values by flag name (without
// dashes):
//
//	{
//	  "client": { "url": "ws://127.0.0.1:8080/ws", "realm": "com.example", "key": "delegate.json", … },
//	  "pub":    { "count": 10 },
//	  "sub":    { "metrics": "127.0.0.1:9101" },
//	  "call":   { }, "serve": { },
//	  "router": { "listen": ["ws://127.0.0.1:8080/ws"], "realm": ["com.example"] },
//	  "bench":  { "events": 2000 }
//	}
//
// "client" applies to pub, sub, call and serve; a command's own section overrides it; flags on
// the command line override both. Values are strings, numbers, booleans, or lists for repeatable
// flags. Unknown sections and settings are errors. The file never holds secrets, only their file
// paths (e.g. "password-file").

// configSections are the sections a config file may have.
var configSections = map[string]bool{"client": true, "pub": true, "sub": true, "call": true, "serve": true, "router": true, "bench": true}

// parseInterspersed parses args into fs allowing flags after positional arguments
// ("pub TOPIC --count 3"); it returns the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	rest := args
	for {
		if err := parseFlags(fs, rest); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		if len(rest) > fs.NArg() && rest[len(rest)-fs.NArg()-1] == "--" {
			return append(pos, fs.Args()...), nil
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
}

// parseWithConfig parses args into fs (flags may follow positional arguments), then fills every
// flag not given on the command line from the config file named by --config (or $E2EE_CONFIG),
// reading sections in order (later wins). It returns the positional arguments.
func parseWithConfig(e *env, fs *flag.FlagSet, args []string, sections ...string) ([]string, error) {
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, err
	}
	return pos, applyConfig(e, fs, sections)
}

// applyConfig fills the flags not given on the command line from the config file.
func applyConfig(e *env, fs *flag.FlagSet, sections []string) error {
	path := ""
	if f := fs.Lookup("config"); f != nil {
		path = f.Value.String()
	}
	if path == "" {
		path = e.getenv("E2EE_CONFIG")
	}
	if path == "" {
		return nil
	}
	values, err := loadConfig(path, fs, sections)
	if err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	names := make([]string, 0, len(values))
	for k := range values {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		if given[name] {
			continue
		}
		for _, v := range values[name] {
			if err := fs.Set(name, v); err != nil {
				return fmt.Errorf("config file %s: %q: %v", path, name, err)
			}
		}
	}
	return nil
}

// loadConfig reads the file and returns, for the given sections, each setting's flag values
// (several for a list). A later section replaces an earlier one's value of the same setting.
func loadConfig(path string, fs *flag.FlagSet, sections []string) (map[string][]string, error) {
	data, err := safefile.ReadFile(path, maxConfigSize)
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	var file map[string]map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&file); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
			return nil, fmt.Errorf("config file %s: invalid JSON at line %d: %v", path, line, err)
		}
		return nil, fmt.Errorf("config file %s: want a JSON object of sections, each an object of settings: %v", path, err)
	}
	for s := range file {
		if !configSections[s] {
			return nil, fmt.Errorf("config file %s: unknown section %q (sections: client, pub, sub, call, serve, router, bench)", path, s)
		}
	}
	out := map[string][]string{}
	for _, s := range sections {
		for name, raw := range file[s] {
			if name == "config" || fs.Lookup(name) == nil {
				return nil, fmt.Errorf("config file %s: section %q: %q is not a flag of 'e2ee-node %s'", path, s, name, fs.Name())
			}
			vals, err := configValues(raw)
			if err != nil {
				return nil, fmt.Errorf("config file %s: section %q: %q: %v", path, s, name, err)
			}
			out[name] = vals
		}
	}
	return out, nil
}

// configValues turns a JSON value into flag strings.
func configValues(raw json.RawMessage) ([]string, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	scalar := func(v any) (string, error) {
		switch x := v.(type) {
		case string:
			return x, nil
		case json.Number:
			return x.String(), nil
		case bool:
			if x {
				return "true", nil
			}
			return "false", nil
		}
		return "", errors.New("want a string, number, boolean or a list of them")
	}
	if list, ok := v.([]any); ok {
		out := make([]string, 0, len(list))
		for _, item := range list {
			s, err := scalar(item)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, nil
	}
	s, err := scalar(v)
	if err != nil {
		return nil, err
	}
	return []string{strings.TrimSpace(s)}, nil
}
