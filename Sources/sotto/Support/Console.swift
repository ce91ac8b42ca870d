import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Output for people and programs: results on stdout, messages on stderr.
enum Console {
  /// Whether stdout is a terminal that may receive colour: `NO_COLOR` absent or empty
  /// (no-color.org: "when present and not an empty string").
  static var colourOnStdout: Bool {
    isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
  }

  /// The width rows must fit: the terminal's on a terminal (else `$COLUMNS`, else 80); for a
  /// pipe `$COLUMNS` when set, else nil (no limit, so `grep` sees every word).
  static var width: Int? {
    let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }
      .flatMap { $0 >= 20 ? $0 : nil }
    guard stdoutIsTerminal else { return columns }
    if let size = windowSize(), size.ws_col >= 20 { return Int(size.ws_col) }
    return columns ?? 80
  }

  /// The terminal's height in lines (`$LINES`, else 24, when it does not say), for the pager.
  static var rows: Int {
    if let size = windowSize(), size.ws_row > 0 { return Int(size.ws_row) }
    return ProcessInfo.processInfo.environment["LINES"].flatMap { Int($0) } ?? 24
  }

  /// The size of the terminal on stdout, or nil when stdout is not one.
  private static func windowSize() -> winsize? {
    var size = winsize()
    return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 ? size : nil
  }

  /// `text` cut to `width` characters, the last one an ellipsis when anything was cut.
  static func fit(_ text: String, width: Int?) -> String {
    guard let width, text.count > width else { return text }
    return String(text.prefix(max(width - 1, 0))) + "…"
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
