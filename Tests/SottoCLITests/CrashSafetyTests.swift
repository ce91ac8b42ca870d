import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Kills `sotto` with SIGKILL at random points of `urge`, `use`, `edit` and `passwd`, and checks
/// after every kill that the journal is whole: SQLite's integrity check passes, `sotto verify`
/// finds nothing, every command that reported success is there, and after an interrupted
/// `passwd` exactly one of the old and the new passphrase opens it.
///
/// CI runs 40 kills; `Scripts/crash-test` runs more (`SOTTO_CRASH_KILLS`) and prints the figures.
@Suite(.serialized) struct CrashSafetyTests {
  @Test(.timeLimit(.minutes(5)))
  func sigkillAtRandomPointsNeverCorruptsOrLosesAConfirmedEntry() throws {
    let kills = Int(ProcessInfo.processInfo.environment["SOTTO_CRASH_KILLS"] ?? "") ?? 40
    var loop = try CrashLoop()
    while loop.figures.kills < kills {
      try loop.step()
    }
    try loop.finalCheck()
    loop.report()
  }
}

/// One run of the kill loop and what it saw.
struct CrashLoop {
  enum Operation: String, CaseIterable {
    case urge, use, edit, passwd
  }

  struct Figures {
    var kills = 0
    var killsByOperation: [Operation: Int] = [:]
    var completedByOperation: [Operation: Int] = [:]
    var passwdKillsThatKeptOld = 0
    var passwdKillsThatTookNew = 0
    var aimedKills = 0
  }

  let cli = CLIRunner()
  var figures = Figures()
  /// The two passphrase files `passwd` switches between; `current` indexes the one that opens.
  let passphraseFiles: [String]
  var current = 0
  /// Short ids printed by `urge` and `use` that exited 0.
  var confirmedIDs: [String] = []
  /// For the edited entry: notes written by edits, in order, and how many of them exited 0.
  var editTarget: String
  var editNotes: [String] = []
  var confirmedEdits = 0
  /// Seconds each operation took when it completed, to draw kill times across its whole run.
  var durations: [Operation: Double] = [.urge: 0.4, .use: 0.4, .edit: 0.5, .passwd: 0.8]
  var generator = SystemRandomNumberGenerator()

  init() throws {
    passphraseFiles = [cli.passphraseFile, cli.folder + "/passphrase-2"]
    cli.write(passphraseFiles[1], "another long passphrase for the crash test\n")
    try cli.initJournal()
    let first = try cli.run(["urge", "5", "--unlock", "--note", "edit target"])
    #expect(first.status == 0, "\(first.stderr)")
    editTarget = try #require(Self.shortID(in: first.stdout))
    confirmedIDs.append(editTarget)
  }

  static func shortID(in output: String) -> String? {
    // "Logged urge 1a2b3c4d · ..."
    let words = output.split(separator: " ")
    guard words.count >= 3, words[0] == "Logged" else { return nil }
    return String(words[2])
  }

  func arguments(for operation: Operation, note: String) -> [String] {
    switch operation {
    case .urge: ["urge", "6", "--unlock", "--trigger", "crash", "--note", note]
    case .use: ["use", "alcohol", "2", "drinks", "--unlock", "--note", note]
    case .edit: ["edit", editTarget, "--note", note]
    case .passwd: ["passwd", "--new-passphrase-file", passphraseFiles[1 - current]]
    }
  }

  mutating func step() throws {
    let operation = Operation.allCases.randomElement(using: &generator)!
    let note = "note \(UUID().uuidString.prefix(8))"
    if operation == .edit { editNotes.append(note) }
    // Two kills in three at a random time over the whole run; one in three aimed at the commit:
    // a few milliseconds after the transaction starts writing to the -wal file.
    let aimed = Int.random(in: 0..<3, using: &generator) == 0
    let delay =
      aimed
      ? Double.random(in: 0...0.02, using: &generator)
      : Double.random(in: 0...(durations[operation]! * 1.3), using: &generator)
    let wal = cli.journal + "-wal"
    let started = Date()
    let outcome = try cli.runKilling(
      arguments(for: operation, note: note), after: delay,
      environment: ["SOTTO_PASSPHRASE_FILE": passphraseFiles[current]],
      armed: {
        !aimed
          || ((try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0) > 0
      })
    switch outcome {
    case .killed:
      figures.kills += 1
      figures.killsByOperation[operation, default: 0] += 1
      if aimed { figures.aimedKills += 1 }
      // Until some runs complete, stretch the window so kills also land near the end.
      if !aimed { durations[operation]! *= 1.08 }
      if operation == .passwd { try settlePassphraseAfterInterruptedPasswd() }
      try checkWhole()
    case .exited(let result):
      #expect(result.status == 0, "\(operation) failed: \(result.stderr)")
      guard result.status == 0 else { return }
      figures.completedByOperation[operation, default: 0] += 1
      let took = Date().timeIntervalSince(started)
      if !aimed { durations[operation] = durations[operation]! * 0.7 + took * 0.3 }
      switch operation {
      case .urge, .use:
        if let id = Self.shortID(in: result.stdout) { confirmedIDs.append(id) }
      case .edit: confirmedEdits = editNotes.count
      case .passwd: current = 1 - current
      }
    }
  }

  /// Exactly one of the two passphrases opens the journal after a killed `passwd`.
  mutating func settlePassphraseAfterInterruptedPasswd() throws {
    let old = try verify(with: current)
    let new = try verify(with: 1 - current)
    #expect(
      (old.status == 2) != (new.status == 2),
      "after a killed passwd: old passphrase \(old.status), new \(new.status)")
    #expect([old.status, new.status].contains(0), "verify: \(old.stdout)\(new.stdout)")
    if old.status == 2 {
      current = 1 - current
      figures.passwdKillsThatTookNew += 1
    } else {
      figures.passwdKillsThatKeptOld += 1
    }
  }

  func verify(with index: Int) throws -> CLIRunner.Result {
    try cli.run(["verify"], environment: ["SOTTO_PASSPHRASE_FILE": passphraseFiles[index]])
  }

  /// SQLite's own check, then `sotto verify` with the current passphrase.
  func checkWhole() throws {
    let integrity = try CLIRunner.runTool(
      "/usr/bin/sqlite3", [cli.journal, "PRAGMA integrity_check"])
    #expect(integrity.stdout == "ok\n", "integrity_check: \(integrity.stdout)\(integrity.stderr)")
    let verified = try verify(with: current)
    #expect(verified.status == 0, "verify: \(verified.stdout)\(verified.stderr)")
  }

  /// Every confirmed entry is present, and the edited entry holds a note no older than the last
  /// confirmed edit.
  func finalCheck() throws {
    try checkWhole()
    let listed = try cli.run(
      ["list", "--format", "json", "--limit", "100000"],
      environment: ["SOTTO_PASSPHRASE_FILE": passphraseFiles[current]])
    #expect(listed.status == 0, "\(listed.stderr)")
    for id in confirmedIDs {
      #expect(
        listed.stdout.contains("\"id\":\"\(id)") || listed.stdout.contains("\"\(id)"), "\(id)")
    }
    let ids = listed.stdout.components(separatedBy: "\"id\"").count - 1
    #expect(ids >= confirmedIDs.count)
    if confirmedEdits > 0 {
      let shown = try cli.run(
        ["show", editTarget], environment: ["SOTTO_PASSPHRASE_FILE": passphraseFiles[current]])
      let acceptable = editNotes[(confirmedEdits - 1)...]
      #expect(acceptable.contains { shown.stdout.contains($0) }, "\(shown.stdout)")
    }
  }

  func report() {
    var lines = [
      "crash test: \(figures.kills) SIGKILLs survived (\(figures.aimedKills) aimed at the commit)"
    ]
    for operation in Operation.allCases {
      lines.append(
        "  \(operation.rawValue): \(figures.killsByOperation[operation, default: 0]) killed, "
          + "\(figures.completedByOperation[operation, default: 0]) completed")
    }
    lines.append(
      "  killed passwd: \(figures.passwdKillsThatKeptOld) kept the old passphrase, "
        + "\(figures.passwdKillsThatTookNew) had committed the new one")
    lines.append("  confirmed entries present: \(confirmedIDs.count)")
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
  }
}

extension CLIRunner {
  enum Outcome {
    case killed
    case exited(Result)
  }

  /// Runs `sotto` and sends it SIGKILL after `delay` seconds unless it has exited by then.
  func runKilling(
    _ arguments: [String], after delay: Double, environment: [String: String],
    armed: () -> Bool = { true }
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = arguments
    var env = [
      "PATH": "/usr/bin:/bin", "HOME": folder, "TZ": "Europe/Berlin", "SOTTO_JOURNAL": journal,
    ]
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    while process.isRunning && !armed() { usleep(200) }
    let deadline = Date().addingTimeInterval(delay)
    while process.isRunning && Date() < deadline { usleep(500) }
    var killed = false
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      killed = true
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if killed && process.terminationReason == .uncaughtSignal { return .killed }
    return .exited(
      Result(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self)))
  }

  /// Runs another program (sqlite3, gdb, tmux) and collects its output.
  ///
  /// - Parameter unblockingSignals: start it with no signal blocked. Processes started by the
  ///   test runner inherit a mask that blocks SIGINT among others, which would stop Ctrl-C in a
  ///   tmux pane and gdb's own signal handling; python3 clears the mask and runs the program.
  static func runTool(
    _ path: String, _ arguments: [String], environment: [String: String]? = nil,
    unblockingSignals: Bool = false
  ) throws -> Result {
    let process = Process()
    if unblockingSignals {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
      process.arguments =
        [
          "-c",
          "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
            + "os.execv(sys.argv[1], sys.argv[1:])", path,
        ] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: path)
      process.arguments = arguments
    }
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
