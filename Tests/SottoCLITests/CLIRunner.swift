import Foundation
import Testing

/// Runs the built `sotto` binary as a person or a script would, in a folder of its own.
final class CLIRunner: Sendable {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  let folder: String
  let journal: String
  let passphraseFile: String
  static let passphrase = "correct horse battery staple"

  init() {
    folder = FileManager.default.temporaryDirectory.path + "/sotto-cli-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    journal = folder + "/data/journal.db"
    passphraseFile = folder + "/passphrase"
    write(passphraseFile, Self.passphrase + "\n")
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  func write(_ path: String, _ text: String) {
    _ = FileManager.default.createFile(
      atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
  }

  /// The `sotto` executable built beside the tests.
  static let binary: String = {
    if let explicit = ProcessInfo.processInfo.environment["SOTTO_BINARY"] { return explicit }
    var candidates: [String] = []
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    candidates.append(testBinary.appendingPathComponent("sotto").path)
    candidates.append(
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sotto").path)
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/sotto").path)
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
  }()

  /// Runs `sotto` with `arguments`, the journal and passphrase file in the environment.
  @discardableResult
  func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    scripted: Bool = true
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = arguments
    process.environment = self.environment(scripted: scripted, adding: environment)
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// What every run gets: a fixed PATH, HOME, time zone and journal, and the passphrase file
  /// when `scripted`, with `extra` on top.
  func environment(scripted: Bool, adding extra: [String: String]) -> [String: String] {
    var env = [
      "PATH": "/usr/bin:/bin", "HOME": folder, "TZ": "Europe/Berlin", "SOTTO_JOURNAL": journal,
    ]
    if scripted { env["SOTTO_PASSPHRASE_FILE"] = passphraseFile }
    for (key, value) in extra { env[key] = value }
    return env
  }

  /// Creates the journal with the fast `interactive` key derivation.
  func initJournal() throws {
    let result = try run(["init", "--kdf", "interactive"])
    #expect(result.status == 0, "init failed: \(result.stderr)")
  }

  /// A digest of the journal file and its log, to show that a command wrote nothing.
  func fingerprint() -> Int {
    var hasher = Hasher()
    for path in [journal, journal + "-wal"] {
      hasher.combine(FileManager.default.contents(atPath: path))
    }
    return hasher.finalize()
  }
}
