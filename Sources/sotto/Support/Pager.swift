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
      let words = command()
    else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    // less: keep colours, and quit at once when the text fits after all.
    setenv("LESS", "FRX", 0)
    // Started as the passphrase command is (posix_spawnp, no shell), in Sotto's process
    // group: the terminal then lets it read keys (Foundation's Process put it in a group of its
    // own, where the terminal stopped it at its first read, and `sotto report` hung).
    guard let child = PassphraseCommand.startWritingToStandardInput(words) else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    // A pager quit early (q) closes the pipe: writing then must not kill Sotto. Ctrl-C is the
    // pager's to handle (less stops scrolling): Sotto must not die under it, leaving the pager
    // without its parent.
    signal(SIGPIPE, SIG_IGN)
    signal(SIGINT, SIG_IGN)
    let output = FileHandle(fileDescriptor: child.descriptor, closeOnDealloc: true)
    try? output.write(contentsOf: Data(text.utf8))
    try? output.close()
    PassphraseCommand.waitForChild(child.pid)
    signal(SIGPIPE, SIG_DFL)
    signal(SIGINT, SIG_DFL)
  }

  /// The pager's words: `$PAGER` split as a shell would split plain words (no expansion), or
  /// `less -R`; nil for an empty one.
  static func command(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> [String]?
  {
    guard let value = environment["PAGER"] else { return ["less", "-R"] }
    guard let words = PassphraseCommand.words(value), !words.isEmpty else { return nil }
    return words
  }
}
