import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Output for people and programs: results on stdout, messages on stderr.
enum Console {
  /// Whether stdout is a terminal that may receive colour (`NO_COLOR` unset).
  static var colourOnStdout: Bool {
    isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  }

  /// Whether stdin is a terminal (so a question can be answered).
  static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  /// Whether stdout is a terminal.
  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  /// A message for the person, on stderr, so stdout stays clean for programs.
  static func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// An error line on stderr: `sotto: ...`.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data(("sotto: " + text + "\n").utf8))
  }
}
