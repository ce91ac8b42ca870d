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
      // Interrupted at any sync, the wipe is finished by running it again, without --force.
      let wasLeft = FileManager.default.fileExists(atPath: cli.journal)
      let again = try cli.run(["wipe", "--yes"])
      #expect(again.status == (wasLeft ? 0 : 4), "stop \(stop): the second wipe: \(again.stderr)")
      #expect(!FileManager.default.fileExists(atPath: cli.journal))
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

  /// Quick captures made while it was on, then quick capture turned off: the next unlock moves
  /// nothing in and says so; `sotto inbox` lists them; `accept` brings them in.
  @Test func withQuickCaptureOffTheInboxIsHeldAndReviewable() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    #expect(try cli.run(["urge", "4", "--note", "waiting"], scripted: false).status == 0)
    #expect(try cli.run(["config", "quick-capture", "off"]).status == 0)
    // config unlocked first, with quick capture still on: that capture is in. A second one,
    // sealed by hand the way an intruder would (only the public key), is not.
    let listed = try cli.run(["list", "--format", "json"])
    #expect(listed.status == 0)
    let junk = String(repeating: "ab", count: 152)
    let inserted = try cli.run(
      [
        "-c",
        "sqlite3 \(cli.journal) \"INSERT INTO inbox (id, sealed) VALUES "
          + "(x'00112233445566778899aabbccddeeff', x'\(junk)')\"",
      ], tool: "/bin/sh")
    #expect(inserted.status == 0, "\(inserted.stderr)")
    let held = try cli.run(["list"])
    #expect(held.status == 0)
    #expect(held.stderr.contains("quick capture is off"), "\(held.stderr)")
    #expect(held.stderr.contains("sotto inbox"))
    let review = try cli.run(["inbox"])
    #expect(review.status == 0)
    #expect(review.stdout.contains("001122"))
    #expect(review.stdout.contains("does not open"))
    // A row that never opens blocks nothing: passwd works and removes it.
    let newFile = cli.folder + "/new-passphrase"
    cli.write(newFile, "a different long passphrase\n")
    let passwd = try cli.run(["passwd", "--new-passphrase-file", newFile])
    #expect(passwd.status == 0, "\(passwd.stderr)")
    #expect(passwd.stderr.contains("Removed 1 inbox row"))
    cli.write(cli.passphraseFile, "a different long passphrase\n")
    let verify = try cli.run(["verify"])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    #expect(try cli.run(["inbox", "discard", "--yes"]).status == 64)
  }

  @Test func importRefusesTimesOutsideTheRange() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    for unix in ["9223372036854775807", "1000000000000000", "-2208988801", "7258118400"] {
      let file = cli.folder + "/hostile.jsonl"
      cli.write(
        file,
        "{\"format\":\"sotto-export-jsonl\",\"schemaVersion\":1}\n"
          + "{\"at\":{\"offset\":0,\"unix\":\(unix)},\"id\":\"0c2c50a4704cb58cc99081b09aee61cd\","
          + "\"kind\":\"urge\",\"source\":\"direct\",\"urge\":{\"intensity\":3,\"triggers\":[]}}\n")
      let result = try cli.run(["import", file])
      #expect(result.status == 64, "\(unix): \(result.stderr)")
      #expect(result.stderr.contains("1900"), "\(unix): \(result.stderr)")
    }
    #expect(try cli.run(["status"]).status == 0)
  }

  /// On a terminal, `init` explains a weak or mismatched passphrase and asks again (3 tries).
  @Test(.timeLimit(.minutes(1)))
  func initAsksAgainAfterAWeakOrMismatchedPassphrase() throws {
    let cli = CLIRunner()
    let good = "lamp orbit cactus violin"
    let result = try cli.run(
      [
        Self.dialogue, "Choose a passphrase", "Password2024", "Try again (2 more)", "",
        "Choose a passphrase", good, "Repeat it", good + "s", "differ", "", "Choose a passphrase",
        good, "Repeat it", good, "Created", "", "--", CLIRunner.binary, "init", "--kdf",
        "interactive",
      ], tool: "/usr/bin/python3")
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("unrelated words"))
    #expect(!result.stdout.contains("Password2024"))
    cli.write(cli.passphraseFile, good + "\n")
    #expect(try cli.run(["list"]).status == 0)
    // Three weak answers: it gives up, and nothing is created.
    let other = CLIRunner()
    let refused = try other.run(
      [
        Self.dialogue, "Choose a passphrase", "bbbbbbbb", "Choose a passphrase", "99999999",
        "Choose a passphrase", "password12", "--", CLIRunner.binary, "init", "--kdf",
        "interactive",
      ], tool: "/usr/bin/python3")
    #expect(refused.status == 9, "\(refused.stdout)")
    #expect(!FileManager.default.fileExists(atPath: other.journal))
  }

  /// Crashes the binary on purpose (it waits at a prompt; the signals a crash raises are sent
  /// to it) and checks that it prints nothing of its memory: Swift's backtracer printed
  /// registers with the bytes they point at, and offered a debugger on a terminal.
  @Test(.timeLimit(.minutes(1)), arguments: [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGQUIT, SIGTRAP])
  func aCrashPrintsNoBacktraceOrMemory(signal: Int32) throws {
    let cli = CLIRunner()
    let script = """
      import signal, subprocess, sys, time
      # The test runner blocks some signals, and children inherit the mask.
      child = subprocess.Popen([sys.argv[1], "surf", "--no-tty", "--minutes", "1"],
          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
          preexec_fn=lambda: signal.pthread_sigmask(signal.SIG_SETMASK, []))
      child.stdin.write(b"8\\n"); child.stdin.flush()
      time.sleep(1.0)
      child.send_signal(int(sys.argv[2]))
      out, err = child.communicate(timeout=30)
      sys.stdout.write(out.decode(errors="replace") + err.decode(errors="replace"))
      sys.exit(-child.returncode if child.returncode < 0 else 200)
      """
    let result = try cli.run(
      ["-c", script, CLIRunner.binary, String(signal)], tool: "/usr/bin/python3")
    #expect(result.status == signal, "\(result.stdout)")
    for marker in ["Backtracing", "crashed", "Registers", "rax", "rip", "Thread 0", "debug"] {
      #expect(!result.stdout.contains(marker), "signal \(signal): \(result.stdout.prefix(400))")
    }
  }

  /// While `sotto use ... --note ...` waits at its passphrase prompt, its command line as any
  /// user's `ps` reads it shows no entry word (it did before: every word, for the whole run).
  @Test(.timeLimit(.minutes(1)))
  func noEntryWordIsInTheCommandLineWhileSottoRuns() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let result = try cli.run(
      [
        Self.dialogue, "Passphrase:", "<cmdline>", "", CLIRunner.passphrase, "Logged", "", "--",
        CLIRunner.binary, "use", "heroin", "0.5", "g", "--route", "injected", "--note",
        "bought on the corner by the station", "--unlock", "--quiet",
      ], tool: "/usr/bin/python3")
    #expect(result.status == 0, "\(result.stdout)")
    let cmdline = try #require(
      result.stdout.split(separator: "\n").first { $0.hasPrefix("cmdline: ") })
    #expect(cmdline.contains("sotto"))
    #expect(cmdline.contains("use"))
    for word in ["heroin", "0.5", "injected", "corner", "station", "--note"] {
      #expect(!cmdline.contains(word), "\(cmdline)")
    }
    let listed = try cli.run(["list"])
    #expect(listed.stdout.contains("corner by the station"))
  }

  /// `sotto urge` and `sotto use` with no arguments on a terminal ask for each field, ask
  /// again after an answer they cannot take, and log exactly what was answered.
  @Test(.timeLimit(.minutes(1)))
  func urgeAndUseAskForEachFieldOnATerminal() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let urge = try cli.run(
      [
        Self.dialogue, "How strong", "11", "from 0 to 10", "", "How strong", "7", "set it off",
        "payday, bored", "ride it out", "r", "How long", "25", "helped", "walked it off",
        "A note", "zebra words", "When", "yesterday 22:30", "Logged", "", "--", CLIRunner.binary,
        "urge",
      ], tool: "/usr/bin/python3")
    #expect(urge.status == 0, "\(urge.stdout)")
    let use = try cli.run(
      [
        Self.dialogue, "What did you use", "alcohol", "How much", "3 drinks", "How?", "<enter>",
        "Where?", "bar", "cost", "lots", "a number", "", "cost", "18.50", "before", "anxious",
        "after", "<enter>", "A note", "<enter>", "When", "<enter>", "Logged", "", "--",
        CLIRunner.binary, "use", "--quiet",
      ], tool: "/usr/bin/python3")
    #expect(use.status == 0, "\(use.stdout)")
    let listed = try cli.run(["list", "--format", "json"])
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    let urgeEntry = try #require(entries.first { $0["kind"] as? String == "urge" })
    let urgeBody = try #require(urgeEntry["urge"] as? [String: Any])
    #expect(urgeBody["intensity"] as? Int == 7)
    #expect(urgeBody["triggers"] as? [String] == ["payday", "bored"])
    #expect(urgeBody["outcome"] as? String == "resisted")
    #expect(urgeBody["durationMinutes"] as? Int == 25)
    #expect(urgeBody["note"] as? String == "zebra words")
    let useBody = try #require(
      entries.first { $0["kind"] as? String == "use" }?["use"] as? [String: Any])
    #expect(useBody["substance"] as? String == "alcohol")
    #expect(useBody["amount"] as? Double == 3)
    #expect(useBody["unit"] as? String == "drinks")
    #expect(useBody["cost"] as? Double == 18.5)
    #expect(useBody["route"] == nil)
    #expect(useBody["moodBefore"] as? String == "anxious")
  }

  @Test func anEntryCanComeAsJSONOnStandardInput() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let use = try cli.run(
      ["use", "--stdin", "--quiet"],
      stdin: #"{"substance":"heroin","amount":0.5,"unit":"g","route":"injected","#
        + #""note":"bought on the corner","at":"2h ago"}"#)
    #expect(use.status == 0, "\(use.stderr)")
    let urge = try cli.run(
      ["urge", "--stdin"], stdin: #"{"intensity":6,"triggers":["payday"],"outcome":"acted"}"#)
    #expect(urge.status == 0, "\(urge.stderr)")
    let listed = try cli.run(["list"])
    #expect(listed.stdout.contains("heroin 0.5 g"))
    #expect(listed.stdout.contains("6/10"))
    let before = cli.fingerprint()
    let refused: [(String, String, String)] = [
      ("urge", #"{"intensity":7,"bought on the corner":1}"#, "Unknown key"),
      ("urge", #"{"intensity":true}"#, "must be a number"),
      ("urge", #"{"intensity":11}"#, "intensity"),
      ("urge", #"{"triggers":["x"]}"#, "needs \"intensity\""),
      ("urge", #"[7]"#, "one JSON object"),
      ("use", #"{"substance":"alcohol","amount":3}"#, "go together"),
      ("use", #"{"substance":"alcohol","at":"next blursday"}"#, "time"),
      ("use", #"{"substance":7}"#, "must be text"),
    ]
    for (command, json, message) in refused {
      let result = try cli.run([command, "--stdin"], stdin: json)
      #expect(result.status == 64, "\(json): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(json): \(result.stderr)")
      #expect(!result.stderr.contains("corner"), "an error repeated entry text")
    }
    #expect(try cli.run(["urge", "7", "--stdin"], stdin: "{}").status == 64)
    #expect(try cli.run(["urge"], stdin: "").status == 64)
    #expect(cli.fingerprint() == before)
  }

  /// The parser's messages quote the value they could not take; Sotto's leave it out.
  @Test func aMessageAboutABadValueDoesNotRepeatIt() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let cases: [[String]] = [
      ["urge", "bought-on-the-corner"],
      ["use", "alcohol", "3", "drinks", "--cost", "bought on the corner"],
      ["urge", "7", "bought on the corner"], ["urge", "7", "--duration=bought-on-the-corner"],
      ["use", "alcohol", "--nte=bought on the corner"],
    ]
    for arguments in cases {
      let result = try cli.run(arguments)
      #expect(result.status == 64, "\(arguments): \(result.stderr)")
      #expect(!result.stderr.contains("corner"), "\(result.stderr)")
      #expect(result.stderr.contains("sotto") || result.stderr.contains("Error"))
    }
  }

  /// While another process has the journal open (here a plain SQLite reader), `wipe` refuses
  /// and changes nothing: that process's next write would land after the shred.
  @Test func wipeRefusesWhileAnotherProcessHasTheJournalOpen() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "5"])
    let script = """
      import sqlite3, subprocess, sys
      db = sqlite3.connect(sys.argv[2]); db.execute("SELECT count(*) FROM records").fetchone()
      r = subprocess.run([sys.argv[1], "wipe", "--yes"], capture_output=True, text=True)
      print(r.returncode); print(r.stderr)
      """
    let before = cli.fingerprint()
    let result = try cli.run(
      ["-c", script, CLIRunner.binary, cli.journal], tool: "/usr/bin/python3")
    #expect(result.stdout.hasPrefix("11"), "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("Another sotto process has the journal open"))
    #expect(cli.fingerprint() == before)
    #expect(try cli.run(["wipe", "--yes"]).status == 0)
  }

  static let dialogue = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Scripts/pty-dialogue").path
}

extension CLIRunner {
  /// Runs another program with the same environment as ``run(_:stdin:environment:scripted:)``.
  @discardableResult
  func run(_ arguments: [String], tool: String, environment: [String: String] = [:]) throws
    -> Result
  {
    let result = try Self.runTool(
      tool, arguments, environment: self.environment(scripted: true, adding: environment))
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
