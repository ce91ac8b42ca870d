import Foundation
import SottoCore

#if canImport(Glibc)
  import Glibc
#endif

/// Reads passphrases from a file, a file descriptor or the terminal, never from an argument or
/// an environment variable holding the passphrase itself (other users can read `ps`, and child
/// processes inherit the environment).
struct PassphraseReader {
  var file: String?
  var descriptor: Int32?
  var command: String? = nil
  var environment = ProcessInfo.processInfo.environment

  /// The longest passphrase read, in bytes.
  static let maxBytes = 4096

  /// Whether a non-interactive source (file, descriptor or `$SOTTO_PASSPHRASE_FILE`) was given.
  var hasScriptedSource: Bool { scripted != nil }

  /// The non-interactive sources, in order: options first, then the environment.
  private enum Scripted {
    case descriptor(Int32)
    case file(String)
    case command(String)
  }

  private var scripted: Scripted? {
    if let descriptor { return .descriptor(descriptor) }
    if let file, !file.isEmpty { return .file(file) }
    if let command, !command.isEmpty { return .command(command) }
    if let fromEnvironment = environment["SOTTO_PASSPHRASE_FILE"], !fromEnvironment.isEmpty {
      return .file(fromEnvironment)
    }
    if let fromEnvironment = environment["SOTTO_PASSPHRASE_COMMAND"], !fromEnvironment.isEmpty {
      return .command(fromEnvironment)
    }
    return nil
  }

  /// Reads the passphrase of an existing journal.
  func read(prompt: String = "Passphrase: ") throws(SottoError) -> Passphrase {
    switch scripted {
    case .descriptor(let descriptor):
      var bytes = try Self.readLine(from: descriptor, closing: false)
      return try Passphrase(consuming: &bytes)
    case .file(let path): return try Self.readFile(path)
    case .command(let command): return try PassphraseCommand.run(command)
    case nil: break
    }
    var bytes = try Terminal.readSecret(prompt: prompt)
    return try Passphrase(consuming: &bytes)
  }

  /// How many times a passphrase is asked for on the terminal, as `sudo` and `ssh` do.
  static let attempts = 3

  /// Reads the passphrase and gives it to `body`; on the terminal a wrong one is asked for
  /// again, up to ``attempts`` times. A file or descriptor is read once: a script that gives
  /// the wrong one is told at once.
  func using<T>(
    prompt: String = "Passphrase: ", _ body: (Passphrase) throws(SottoError) -> T
  ) throws(SottoError) -> T {
    var attempt = 1
    while true {
      let passphrase = try read(prompt: prompt)
      do {
        return try body(passphrase)
      } catch  where error.code == .wrongPassphrase && !hasScriptedSource && attempt < Self.attempts
      {
        Console.note(
          "That passphrase does not open it. Try again (\(Self.attempts - attempt) more).")
        attempt += 1
      }
    }
  }

  /// How many times a new passphrase is asked for on the terminal before giving up.
  static let newPassphraseAttempts = 3

  /// Reads a new passphrase: from the scripted source, or asked twice on the terminal.
  ///
  /// Its strength is checked here, for every source. On the terminal, a weak passphrase or two
  /// that differ are explained and asked for again, up to ``newPassphraseAttempts`` times.
  func readNew(prompt: String = "New passphrase: ") throws(SottoError) -> Passphrase {
    if hasScriptedSource {
      let passphrase = try read()
      try passphrase.checkStrength()
      return passphrase
    }
    var attempt = 1
    while true {
      do {
        return try readNewOnce(prompt: prompt)
      } catch  where error.code == .weakPassphrase || error.code == .passphraseMismatch {
        guard attempt < Self.newPassphraseAttempts else { throw error }
        Console.note(error.message.replacingOccurrences(of: " Nothing was written.", with: ""))
        Console.note("Try again (\(Self.newPassphraseAttempts - attempt) more).")
        attempt += 1
      }
    }
  }

  private func readNewOnce(prompt: String) throws(SottoError) -> Passphrase {
    var firstBytes = try Terminal.readSecret(prompt: prompt)
    let first = try Passphrase(consuming: &firstBytes)
    try first.checkStrength()
    var secondBytes = try Terminal.readSecret(prompt: "Repeat it: ")
    let second = try Passphrase(consuming: &secondBytes)
    guard first.matches(second) else {
      throw SottoError(.passphraseMismatch, "The two passphrases differ. Nothing was written.")
    }
    return first
  }

  static func readFile(_ path: String) throws(SottoError) -> Passphrase {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw SottoError(
        .passphraseInput, "The passphrase file \(path) could not be opened. Nothing was written.")
    }
    var info = stat()
    if fstat(descriptor, &info) == 0, info.st_mode & 0o077 != 0 {
      Console.note(
        "sotto: warning: the passphrase file \(path) can be read by other users; "
          + "fix with: chmod 600 \(path)")
    }
    var bytes = try readLine(from: descriptor, closing: true)
    return try Passphrase(consuming: &bytes)
  }

  /// Reads up to the first newline (or the end) of a descriptor.
  static func readLine(from descriptor: Int32, closing: Bool) throws(SottoError) -> [UInt8] {
    defer { if closing { close(descriptor) } }
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while bytes.count <= maxBytes {
      let count = Glibc.read(descriptor, &byte, 1)
      if count < 0 && errno == EINTR { continue }
      if count < 0 {
        throw SottoError(
          .passphraseInput, "The passphrase could not be read (descriptor \(descriptor)).")
      }
      if count == 0 || byte == 0x0A { break }
      bytes.append(byte)
    }
    guard bytes.count <= maxBytes else {
      throw SottoError(.passphraseInput, "The passphrase is longer than \(maxBytes) bytes.")
    }
    return bytes
  }
}
