import Foundation
import Testing

/// Attacks on the binary's promises, done as an attacker would: stopping a command at each of
/// its durable writes and copying the files, crashing it, reading its command line.
@Suite(.serialized) struct AttackTests {
  static let strace = "/usr/bin/strace"

  private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    return Data(haystack).range(of: Data(needle)) != nil
  }

  private func bytes(ofFilesIn folder: String) -> [UInt8] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.sorted().flatMap { name in
      [UInt8](FileManager.default.contents(atPath: folder + "/" + name) ?? Data())
    }
  }

  /// `strace` kills `sotto wipe` as it enters its 1st, 2nd, ... `fsync` or `fdatasync` (so every
  /// write before it is in the page cache, as a copy would see it), until a run completes. After
  /// each, a copy of the folder must not open with the passphrase and must not hold the key
  /// envelope's bytes anywhere. (The wipe before this change left a decryptable copy when stopped
  /// at its 3rd, 4th and 5th sync.)
  @Test(.timeLimit(.minutes(2)))
  func wipeStoppedAtEachOfItsSyncsLeavesNoCopyThatOpens() throws {
    guard FileManager.default.isExecutableFile(atPath: Self.strace) else {
      FileHandle.standardError.write(Data("skipped: strace is not installed\n".utf8))
      return
    }
    var completed = false
    for stop in 1...40 {
      let cli = CLIRunner()
      try cli.initJournal()
      try cli.run(["urge", "6", "--note", "zebranoteword"])
      #expect(try cli.run(["use", "alcohol", "2", "drinks", "--unlock", "--quiet"]).status == 0)
      let envelope = try cli.run(
        ["-c", "sqlite3 \(cli.journal) 'SELECT hex(envelope) FROM header'"], tool: "/bin/sh")
      let envelopeBytes = Array(
        Data(hexString: envelope.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? Data())
      #expect(envelopeBytes.count == 80)
      let data = (cli.journal as NSString).deletingLastPathComponent
      let result = try cli.run(
        [
          "-f", "-o", "/dev/null", "-e", "trace=fsync,fdatasync", "-e",
          "inject=fsync,fdatasync:signal=SIGKILL:when=\(stop)", CLIRunner.binary, "wipe", "--yes",
        ], tool: Self.strace)
      let copy = cli.folder + "/copy"
      try? FileManager.default.copyItem(atPath: data, toPath: copy)
      let copied = bytes(ofFilesIn: copy)
      let holdsEnvelope = contains(copied, envelopeBytes)
      #expect(!holdsEnvelope, "stop \(stop): the envelope is still on disk")
      if FileManager.default.fileExists(atPath: copy + "/journal.db") {
        let opened = try cli.run(
          ["list"], environment: ["SOTTO_JOURNAL": copy + "/journal.db"])
        #expect(opened.status != 0, "stop \(stop): the copy opens: \(opened.stdout)")
      }
      if result.status == 0 {
        completed = true
        break
      }
    }
    #expect(completed, "the wipe never completed")
  }

  @Test func wipeDestroysADamagedJournalOnlyWhenToldAndRefusesASymlink() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "6"])
    // SQLite's header clobbered: not recognisable, so --yes alone refuses and --force destroys.
    let handle = try #require(FileHandle(forWritingAtPath: cli.journal))
    try handle.write(contentsOf: Data(repeating: 0x41, count: 100))
    try handle.close()
    let refused = try cli.run(["wipe", "--yes"])
    #expect(refused.status == 3)
    #expect(refused.stderr.contains("--force"))
    #expect(FileManager.default.fileExists(atPath: cli.journal))
    let forced = try cli.run(["wipe", "--yes", "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(!FileManager.default.fileExists(atPath: cli.journal))

    try cli.initJournal()
    let link = cli.folder + "/link.db"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.journal)
    let linked = try cli.run(["wipe", "--yes", "--journal", link])
    #expect(linked.status == 64, "\(linked.stderr)")
    #expect(linked.stderr.contains(cli.journal))
    #expect(try cli.run(["list"]).status == 0)
  }
}

extension CLIRunner {
  /// Runs another program with the same environment as ``run(_:stdin:environment:scripted:)``.
  @discardableResult
  func run(_ arguments: [String], tool: String, environment: [String: String] = [:]) throws
    -> Result
  {
    var env = [
      "PATH": "/usr/bin:/bin", "HOME": folder, "TZ": "Europe/Berlin", "SOTTO_JOURNAL": journal,
      "SOTTO_PASSPHRASE_FILE": passphraseFile,
    ]
    for (key, value) in environment { env[key] = value }
    let result = try Self.runTool(tool, arguments, environment: env)
    return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
  }
}

extension Data {
  init?(hexString: String) {
    var bytes: [UInt8] = []
    var iterator = hexString.makeIterator()
    while let high = iterator.next() {
      guard let low = iterator.next(), let value = UInt8(String([high, low]), radix: 16) else {
        return nil
      }
      bytes.append(value)
    }
    self.init(bytes)
  }
}
