import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Storage failures and unsafe files: a clear one-line message, the documented exit status, and
/// the journal unchanged.
@Suite(.serialized) struct FailureTests {
  /// Logs until a small tmpfs fills up: the failing command says the disk is full (status 8),
  /// and every entry confirmed before is still there.
  @Test(.timeLimit(.minutes(2)))
  func aFullDiskIsReportedAndLosesNothing() throws {
    let cli = CLIRunner()
    let mountPoint = cli.folder + "/small-disk"
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
    let mounted = try CLIRunner.runTool(
      "/bin/mount", ["-t", "tmpfs", "-o", "size=640k,mode=0700", "tmpfs", mountPoint])
    guard mounted.status == 0 else {
      // Not root, or in a container without CAP_SYS_ADMIN: nothing to test here.
      FileHandle.standardError.write(
        Data("skipped: mounting a small tmpfs is not permitted: \(mounted.stderr)".utf8))
      return
    }
    defer { _ = try? CLIRunner.runTool("/bin/umount", ["-l", mountPoint]) }
    let journal = mountPoint + "/journal.db"
    let env = ["SOTTO_JOURNAL": journal]
    #expect(try cli.run(["init", "--kdf", "interactive"], environment: env).status == 0)
    // Leave about 160 KiB free, so the disk fills up part way through some command: while
    // opening (the -shm and -wal files), writing the log, or checkpointing.
    let filler = mountPoint + "/filler"
    let free =
      try FileManager.default.attributesOfFileSystem(forPath: mountPoint)[
        .systemFreeSize] as? Int ?? 0
    _ = FileManager.default.createFile(
      atPath: filler, contents: Data(repeating: 0x55, count: max(free - 160 * 1024, 0)))
    var confirmed = 0
    var failure: CLIRunner.Result?
    let note = String(repeating: "a long note to fill pages quickly ", count: 20)
    for _ in 0..<200 {
      let result = try cli.run(["urge", "4", "--unlock", "--note", note], environment: env)
      if result.status != 0 {
        failure = result
        break
      }
      confirmed += 1
    }
    let failed = try #require(failure, "the disk never filled up")
    #expect(failed.status == 8, "\(failed.stderr)")
    #expect(failed.stderr.contains("The disk is full"), "\(failed.stderr)")
    #expect(failed.stderr.split(separator: "\n").count == 1, "\(failed.stderr)")
    try FileManager.default.removeItem(atPath: filler)
    let listed = try cli.run(["list", "--format", "json", "--limit", "10000"], environment: env)
    #expect(listed.stdout.components(separatedBy: "\"kind\"").count - 1 == confirmed)
    #expect(try cli.run(["verify"], environment: env).status == 0)
    let integrity = try CLIRunner.runTool("/usr/bin/sqlite3", [journal, "PRAGMA integrity_check"])
    #expect(integrity.stdout == "ok\n")
  }

  /// Root ignores permission bits, so the file is made immutable (`chattr +i`) instead: every
  /// write is refused as read-only (status 8), reading still works, and nothing changes.
  @Test func aReadOnlyJournalIsReportedAndUnchanged() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "3", "--unlock"])
    try cli.run(["verify"])  // leaves the log checkpointed and the -shm file in place
    let immutable = try CLIRunner.runTool("/usr/bin/chattr", ["+i", cli.journal])
    guard immutable.status == 0 else {
      FileHandle.standardError.write(
        Data("skipped: chattr +i is not permitted here: \(immutable.stderr)".utf8))
      return
    }
    defer { _ = try? CLIRunner.runTool("/usr/bin/chattr", ["-i", cli.journal]) }
    let before = FileManager.default.contents(atPath: cli.journal)
    for command in [
      ["urge", "5", "--unlock"], ["use", "alcohol", "1", "drinks", "--unlock"],
      ["goal", "add", "--use-free-days", "2", "--per", "week"],
    ] {
      let result = try cli.run(command)
      #expect(result.status == 8, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("read-only"), "\(command): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(command): \(result.stderr)")
    }
    // The database is byte for byte the same; SQLite may leave an empty -wal file beside it.
    #expect(FileManager.default.contents(atPath: cli.journal) == before)
    #expect(FileManager.default.contents(atPath: cli.journal + "-wal")?.isEmpty ?? true)
    _ = try CLIRunner.runTool("/usr/bin/chattr", ["-i", cli.journal])
    let listed = try cli.run(["list", "--format", "json"])
    #expect(listed.stdout.components(separatedBy: "\"kind\"").count - 1 == 1)
    #expect(try cli.run(["verify"]).status == 0)
  }

  @Test func aJournalOrOutputWhoseFolderIsMissingIsReportedWithoutCreatingIt() throws {
    let cli = CLIRunner()
    let journal = cli.folder + "/no-such-folder/journal.db"
    for command in [["urge", "5", "--unlock"], ["urge", "5"], ["list"], ["verify"]] {
      let result = try cli.run(command, environment: ["SOTTO_JOURNAL": journal])
      #expect(result.status == 4, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("There is no journal at \(journal)"), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
    }
    #expect(!FileManager.default.fileExists(atPath: cli.folder + "/no-such-folder"))
    // An output file whose folder is missing: storage, status 8, nothing written.
    try cli.initJournal()
    let missing = cli.folder + "/no-such-folder/out"
    for command in [
      ["export", "--output", missing], ["backup", "--output", missing],
      ["report", "--format", "html", "--output", missing],
    ] {
      let result = try cli.run(command)
      #expect(result.status == 8, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("could not be created"), "\(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: cli.folder + "/no-such-folder"))
  }

  // MARK: Permissions

  @Test(arguments: [0o644, 0o640, 0o604, 0o660])
  func aJournalOthersCanReadIsRefusedWithTheFix(mode: Int) throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "3", "--unlock"])
    chmod(cli.journal, mode_t(mode))
    let before = cli.fingerprint()
    for command in [["list"], ["urge", "4"], ["verify"]] {
      let result = try cli.run(command)
      #expect(result.status == 8, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("chmod 600 \(cli.journal)"), "\(result.stderr)")
    }
    #expect(cli.fingerprint() == before)
    chmod(cli.journal, 0o600)
    #expect(try cli.run(["list"]).status == 0)
  }

  @Test func aPassphraseFileOthersCanReadDrawsAWarningButWorks() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    chmod(cli.passphraseFile, 0o644)
    let result = try cli.run(["urge", "3", "--unlock"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("can be read by other users"), "\(result.stderr)")
    #expect(result.stderr.contains("chmod 600 \(cli.passphraseFile)"), "\(result.stderr)")
    chmod(cli.passphraseFile, 0o600)
    #expect(try cli.run(["urge", "3", "--unlock"]).stderr.isEmpty)
  }

  // MARK: Temporary files

  /// Every command, with `TMPDIR` pointing at an empty folder that must stay empty: Sotto never
  /// writes decrypted data (or anything else) to a temporary file.
  @Test func noCommandWritesToTheTemporaryFolder() throws {
    let cli = CLIRunner()
    let temporary = cli.folder + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    let env = ["TMPDIR": temporary, "SQLITE_TMPDIR": temporary]
    var ran: [String] = []
    func run(_ arguments: [String], expect status: Int32 = 0) throws -> CLIRunner.Result {
      let result = try cli.run(arguments, environment: env)
      #expect(result.status == status, "\(arguments): \(result.stderr)")
      let left = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? ["?"]
      #expect(left.isEmpty, "\(arguments) left \(left) in TMPDIR")
      ran.append(arguments[0])
      return result
    }
    _ = try run(["init", "--kdf", "interactive"])
    let logged = try run(["urge", "6", "--trigger", "payday", "--note", "tmp test"])
    _ = try run(["use", "alcohol", "2", "drinks", "--unlock", "--cost", "9"])
    _ = try run(["goal", "add", "--max", "10", "drinks", "--of", "alcohol", "--per", "week"])
    _ = try run(["list"])
    let id = try #require(CrashLoop.shortID(in: logged.stdout))
    _ = try run(["show", id])
    _ = try run(["edit", id, "--note", "edited"])
    _ = try run(["status"])
    for format in ["text", "markdown", "json", "html"] {
      _ = try run(["report", "--format", format])
    }
    for format in ["json", "jsonl", "csv"] {
      _ = try run(["export", "--format", format, "--output", "-"])
    }
    let backup = cli.folder + "/journal.sottobak"
    _ = try run(["backup", "--output", backup])
    _ = try run(["restore", backup, "--replace", "--yes", "--kdf", "interactive"])
    _ = try run(["verify"])
    let second = cli.folder + "/passphrase-2"
    cli.write(second, "a second passphrase for the tmp test\n")
    _ = try run(["passwd", "--new-passphrase-file", second])
    cli.write(cli.passphraseFile, "a second passphrase for the tmp test\n")
    _ = try run(["delete", id, "--yes"])
    _ = try run(["demo"])
    _ = try run(["wipe", "--yes"])
    #expect(ran.count == 22)
  }
}
