package router

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// maxNexusLine bounds one nexus log line passed on to slog.
const maxNexusLine = 200

// nexusLog adapts slog to nexus's stdlog.StdLog. nexus prints whole messages
// in a few lines (write errors, debug dumps); those are cut before the
// message, and every line is bounded, so that no payload reaches the log.
type nexusLog struct{ l *slog.Logger }

func (n nexusLog) Print(v ...any)                 { n.emit(fmt.Sprint(v...)) }
func (n nexusLog) Println(v ...any)               { n.emit(fmt.Sprintln(v...)) }
func (n nexusLog) Printf(format string, v ...any) { n.emit(fmt.Sprintf(format, v...)) }

func (n nexusLog) emit(s string) {
	if !n.l.Enabled(context.Background(), slog.LevelDebug) {
		return
	}
	s = strings.TrimSpace(s)
	// nexus lines that go on with a message dump.
	redacted := [...]string{
		"Error writing message:",
		"Session ", // debug: "Session %s submitting %s: %+v"
		"New client sent:",
		"Aborting session",
		"Unhandled message",
	}
	for _, p := range redacted {
		if strings.HasPrefix(s, p) {
			s = p + " [redacted]"
			break
		}
	}
	if len(s) > maxNexusLine {
		s = s[:maxNexusLine] + "…"
	}
	n.l.Debug(s, "component", "nexus")
}
