import CSottoSupport
import Foundation
import SottoCrypto

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program that prints the passphrase (`--passphrase-command`), as restic's
/// `--password-command` does: `pass show sotto`, a keyring's lookup, a hardware token.
///
/// The command line is split into words here, with `'...'` and `"..."` keeping spaces and `\`
/// escaping one character, and run without a shell (so nothing in it is expanded). The program
/// shares Sotto's stdin and stderr, so it may ask on the terminal; the first line of its stdout
/// is the passphrase, and the rest is read and dropped. The bytes pass through no `String` or
/// `Data`: they are zeroed as soon as the passphrase holds them.
public enum PassphraseCommand {
  /// Splits `command` into words as a shell would for plain words and quotes, without any
  /// expansion. Returns nil for an unclosed quote or a trailing `\`.
  public static func words(_ command: String) -> [String]? {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character? = nil
    var escaped = false
    for character in command {
      if escaped {
        current.append(character)
        escaped = false
        continue
      }
      if let open = quote {
        if character == open {
          quote = nil
        } else if character == "\\" && open == "\"" {
          escaped = true
        } else {
          current.append(character)
        }
        continue
      }
      switch character {
      case "'", "\"":
        quote = character
        inWord = true
      case "\\":
        escaped = true
        inWord = true
      case " ", "\t", "\n":
        if inWord { words.append(current) }
        current = ""
        inWord = false
      default:
        current.append(character)
        inWord = true
      }
    }
    guard quote == nil, !escaped else { return nil }
    if inWord { words.append(current) }
    return words
  }

  /// Runs `command` and returns the first line it prints as the passphrase.
  ///
  /// - Throws: ``SottoError/Code/passphraseInput`` (exit status 9) when the command cannot be
  ///   split or started, exits with a failure, or prints nothing. The message names the program,
  ///   never what it printed.
  public static func run(_ command: String) throws(SottoError) -> Passphrase {
    guard let words = words(command), let program = words.first, !program.isEmpty else {
      throw SottoError(
        .passphraseInput,
        "The passphrase command is empty or has an unclosed quote. Nothing was written.")
    }
    var pid: Int32 = 0
    let descriptor = CCalls.withCStringArray(words) { sotto_spawn_reading_stdout($0, &pid) }
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      throw SottoError(
        .passphraseInput,
        "The passphrase command \(program) could not be started (\(reason)). Nothing was written.")
    }
    var line: [UInt8] = []
    defer { SecureMemory.zero(&line) }
    let outcome = readFirstLine(descriptor, into: &line)
    close(descriptor)
    let status = sotto_wait_child(pid)
    guard status == 0 else {
      throw SottoError(
        .passphraseInput,
        "The passphrase command \(program) failed (exit status \(status)). Nothing was written.")
    }
    guard outcome else {
      throw SottoError(
        .passphraseInput,
        "The passphrase command \(program) printed more than \(maxBytes) bytes on its first "
          + "line. Nothing was written.")
    }
    guard !line.isEmpty else {
      throw SottoError(
        .passphraseInput,
        "The passphrase command \(program) printed no passphrase. Nothing was written.")
    }
    return try Passphrase(consuming: &line)
  }

  /// The longest first line taken, in bytes.
  public static let maxBytes = 4096

  /// Reads up to the first newline into `line`, then drains the rest so the program can exit.
  /// Returns false when the first line is longer than ``maxBytes``.
  private static func readFirstLine(_ descriptor: Int32, into line: inout [UInt8]) -> Bool {
    line.reserveCapacity(maxBytes + 1)
    var buffer = [UInt8](repeating: 0, count: 512)
    defer { SecureMemory.zero(&buffer) }
    var lineDone = false
    var fits = true
    while true {
      let count = CCalls.read(descriptor, into: &buffer)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      guard !lineDone else { continue }
      for byte in buffer[..<count] {
        if byte == 0x0A {
          lineDone = true
          break
        }
        guard line.count < maxBytes else {
          fits = false
          lineDone = true
          break
        }
        line.append(byte)
      }
    }
    return fits
  }

  /// Starts `words` (looked up in `PATH`, no shell) with its standard input on a pipe, in
  /// Sotto's process group so that it may use the terminal (a pager); returns its pid and the
  /// pipe's write end, or `nil` when it cannot be started.
  public static func startWritingToStandardInput(_ words: [String]) -> (
    pid: Int32, descriptor: Int32
  )? {
    guard !words.isEmpty else { return nil }
    var pid: Int32 = 0
    let descriptor = CCalls.withCStringArray(words) { sotto_spawn_writing_stdin($0, &pid) }
    return descriptor >= 0 ? (pid, descriptor) : nil
  }

  /// Waits for a child started by ``startWritingToStandardInput(_:)``; its exit status.
  @discardableResult
  public static func waitForChild(_ pid: Int32) -> Int32 { sotto_wait_child(pid) }
}
