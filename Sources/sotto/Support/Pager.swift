import Foundation
import SottoCore

#if canImport(Glibc)
  import Glibc
#endif

/// Long text on a terminal goes through a pager: `$PAGER`, else `less -R`, as git does.
///
/// Only on a terminal and only when the text is longer than the screen; `--no-pager`, a pipe or
/// a file never page. The text reaches the pager through a pipe, never a temporary file (a
/// report is decrypted journal data). A pager that cannot be started is skipped: the text is
/// printed as it is.
enum Pager {
  /// Prints `text` on stdout, through the pager when it is worth it.
  static func show(_ text: String, allowed: Bool) {
    guard allowed, Console.stdoutIsTerminal,
      text.reduce(into: 0, { count, character in if character == "\n" { count += 1 } })
        >= Console.rows,
      let process = start()
    else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    let input = process.standardInput as! Pipe
    // A pager quit early (q) closes the pipe: writing then must not kill Sotto.
    signal(SIGPIPE, SIG_IGN)
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    signal(SIGPIPE, SIG_DFL)
  }

  /// The pager's words: `$PAGER` split as a shell would split plain words (no expansion), or
  /// `less -R`; nil for `PAGER=cat`-like choices that make no sense to start, or an empty one.
  static func command(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> [String]?
  {
    guard let value = environment["PAGER"] else { return ["less", "-R"] }
    guard let words = PassphraseCommand.words(value), !words.isEmpty else { return nil }
    return words
  }

  private static func start() -> Process? {
    guard let words = command(), let program = locate(words[0]) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = Array(words.dropFirst())
    var environment = ProcessInfo.processInfo.environment
    // less: keep colours, and quit at once when the text fits after all.
    if environment["LESS"] == nil { environment["LESS"] = "FRX" }
    process.environment = environment
    process.standardInput = Pipe()
    do {
      try process.run()
    } catch {
      return nil
    }
    return process
  }

  /// `name` as a path: itself when it holds a slash, else the first match on `$PATH`.
  private static func locate(_ name: String) -> String? {
    if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
