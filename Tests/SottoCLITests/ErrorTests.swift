import Foundation
import Testing

/// Every bad input and failure: one sentence on stderr, a documented status, nothing written.
@Suite struct ErrorTests {
  @Test(arguments: [
    (["urge", "11"], "intensity"),
    (["urge", "3", "--duration", "-5"], "duration"),
    (["use", "alcohol", "-3", "drinks"], "amount"),
    (["use", "alcohol", "3"], "unit"),
    (["use", "alcohol", "three", "drinks"], "amount"),
    (["use", "alcohol", "3", "drinks", "--cost", "-2"], "cost"),
    (["urge", "3", "--at", "next blursday"], "time"),
    (["urge", "3", "--at", "2099-01-01"], "future"),
    (["goal", "add"], "exactly one kind"),
    (["goal", "add", "--use-free-days", "9", "--per", "week"], "use-free days"),
    (["goal", "add", "--max", "10", "drinks", "--per", "week"], "--of"),
    (["list", "--since", "someday"], "since"),
    (["list", "--limit", "0"], "limit"),
    (["edit", "abcdef"], "Nothing to change"),
  ])
  func badInputIsRefusedWithNothingWritten(arguments: [String], expected: String) throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "2"])
    let before = cli.fingerprint()
    let result = try cli.run(arguments)
    #expect(result.status == 64, "\(arguments): \(result.stderr)")
    #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"))
    #expect(cli.fingerprint() == before)
  }

  @Test(arguments: [
    ["urge", "3", "--resisted", "--acted"], ["list", "--type", "feelings"], ["frobnicate"],
    ["urge"], ["list", "--format", "xml"],
  ])
  func malformedCommandLinesExitWithUsageStatus(arguments: [String]) throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let result = try cli.run(arguments)
    #expect(result.status == 64, "\(arguments): \(result.stderr)")
    #expect(!result.stderr.isEmpty)
  }

  @Test func wrongPassphraseExitsTwoAndWritesNothing() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "5"])
    let before = cli.fingerprint()
    let wrong = cli.folder + "/wrong"
    cli.write(wrong, "not the right passphrase\n")
    for command in [
      ["list"], ["urge", "3", "--unlock"], ["passwd", "--new-passphrase-file", wrong], ["verify"],
    ] {
      let result = try cli.run(command, environment: ["SOTTO_PASSPHRASE_FILE": wrong])
      #expect(result.status == 2, "\(command)")
      #expect(
        result.stderr
          == "sotto: The passphrase does not open this journal. Nothing was read or written.\n")
      #expect(!result.stderr.contains("not the right"))
    }
    #expect(cli.fingerprint() == before)
  }

  @Test func aMissingJournalExitsFour() throws {
    let cli = CLIRunner()
    let result = try cli.run(["list"])
    #expect(result.status == 4)
    #expect(result.stderr.contains("sotto init"))
    #expect(!FileManager.default.fileExists(atPath: cli.journal))
  }

  @Test func initOverAnExistingJournalExitsFiveAndChangesNothing() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let before = cli.fingerprint()
    let result = try cli.run(["init", "--kdf", "interactive"])
    #expect(result.status == 5)
    #expect(result.stderr.contains("already exists"))
    #expect(cli.fingerprint() == before)
  }

  @Test func aFileThatIsNotAJournalExitsThree() throws {
    let cli = CLIRunner()
    try FileManager.default.createDirectory(
      atPath: cli.folder + "/data", withIntermediateDirectories: true)
    cli.write(cli.journal, String(repeating: "this is not a database ", count: 100))
    let result = try cli.run(["list"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("not a Sotto journal"))
  }

  @Test func weakPassphrasesAreRefusedAtInit() throws {
    let cli = CLIRunner()
    for weak in ["short", "password123", "Password2024", "bbbbbbbb"] {
      cli.write(cli.passphraseFile, weak + "\n")
      let result = try cli.run(["init", "--kdf", "interactive"])
      #expect(result.status == 9)
      #expect(result.stderr.contains("too easy to guess"))
      #expect(result.stderr.contains("unrelated words"))
    }
    #expect(!FileManager.default.fileExists(atPath: cli.journal))
  }

  @Test func withoutATerminalOrPassphraseFileTheCommandSaysHowToGiveOne() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    // In a session of its own, so that it has no terminal even when `swift test` was started
    // from one (a child otherwise inherits the controlling terminal and reads /dev/tty).
    let result = try CLIRunner.runTool(
      "/usr/bin/setsid", ["--wait", CLIRunner.binary, "list"],
      environment: cli.environment(scripted: false, adding: [:]))
    #expect(result.status == 9)
    #expect(result.stderr.contains("--passphrase-file"))
  }

  @Test func unknownIdsExitTen() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "5"])
    let result = try cli.run(["show", "0123456789"])
    #expect(result.status == 10)
    #expect(try cli.run(["delete", "0123456789", "--yes"]).status == 10)
  }

  @Test func passphraseFromADescriptorWorks() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    // Descriptor 0 is stdin here.
    let result = try cli.run(
      ["urge", "4", "--unlock", "--passphrase-fd", "0"], stdin: CLIRunner.passphrase + "\n",
      scripted: false)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("quick capture"))
  }
}
